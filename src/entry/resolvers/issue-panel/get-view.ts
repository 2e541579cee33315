import { coverageFor } from '../../../domain/contract';
import { DETAILS_PROPERTY, parseRequestDetails } from '../../../domain/request-details';
import { statusResolver } from '../../../domain/workflow';
import { getIssueWithChangelog } from '../../../jira/get-issue-with-changelog';
import type { IssuePanelView, ResolverResult } from '../../../shared/contracts';
import { resolveFor, type ResolverRequest } from '../access';
import { computeSla, escalationOf, loadWaiting, SCREEN_PROPERTIES } from '../engines';
import { ok } from '../result';
import { calendarView, slaView } from '../views';

/**
 * The agent's panel: reads the issue as the user (Jira's 403/404 means they may not see it) with its changelog and
 * the app's issue properties in one call, and shows its SLA, waiting schedule, escalation and recorded details.
 */
export function getIssuePanelView(req: ResolverRequest, nowMs = Date.now()): Promise<ResolverResult<IssuePanelView>> {
  return resolveFor(req, 'request', async (caller, config) => {
    const issue = await getIssueWithChangelog(caller.issueKey, 'user', {
      properties: [...SCREEN_PROPERTIES, DETAILS_PROPERTY],
    });
    const { sla, unavailable } = computeSla(issue, config, nowMs);
    const canonical = statusResolver(config.statusMapping)(issue.fields.status ?? {});
    const waiting = await loadWaiting(issue, config, canonical, nowMs);
    const escalation = escalationOf(issue);
    const details = issue.properties?.[DETAILS_PROPERTY];
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
