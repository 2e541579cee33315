import { coverageFor } from '../../../domain/contract';
import { DETAILS_PROPERTY, parseRequestDetails } from '../../../domain/request-details';
import { statusResolver } from '../../../domain/workflow';
import { SLA_RECORD_PROPERTY } from '../../../domain/sla-record';
import { getIssueWithChangelog } from '../../../jira/get-issue-with-changelog';
import { getIssueProperty } from '../../../jira/issue-property';
import type { IssuePanelView, ResolverResult } from '../../../shared/contracts';
import { resolveFor, type ResolverRequest } from '../access';
import { computeSla, loadEscalation, loadWaiting } from '../engines';
import { ok } from '../result';
import { calendarView, slaView } from '../views';

/**
 * The agent's panel: reads the issue as the user (Jira's 403/404 means they may not see it), then its SLA,
 * waiting schedule, escalation and recorded details.
 */
export function getIssuePanelView(req: ResolverRequest, nowMs = Date.now()): Promise<ResolverResult<IssuePanelView>> {
  return resolveFor(req, 'request', async (caller, config) => {
    const issue = await getIssueWithChangelog(caller.issueKey, 'user', { properties: [SLA_RECORD_PROPERTY] });
    const { sla, unavailable } = computeSla(issue, config, nowMs);
    const canonical = statusResolver(config.statusMapping)(issue.fields.status ?? {});
    const [waiting, escalation, details] = await Promise.all([
      loadWaiting(issue.key, config, canonical, issue.fields.created),
      loadEscalation(issue.key),
      getIssueProperty<unknown>(issue.key, DETAILS_PROPERTY),
    ]);
    const status = issue.fields.status ?? {};
    const coverage = sla?.result.coverage ?? coverageFor(config, []);
    return ok({
      issueKey: issue.key,
      lang: caller.lang,
      status: { name: status.name ?? '', canonical: statusResolver(config.statusMapping)(status) ?? null },
      resolution: issue.fields.resolution?.name ?? null,
      now: new Date(nowMs).toISOString(),
      sla: sla ? slaView(sla, config, nowMs) : null,
      slaUnavailable: unavailable,
      calendar: calendarView(config, coverage),
      waiting,
      escalation,
      details: parseRequestDetails(details) ?? {},
      consultingResolution: config.consultingResolution,
      rules: { consulting: config.rules.consulting, escalation: config.rules.escalation },
    });
  });
}
