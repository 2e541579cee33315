import { coverageFor } from '../../../domain/config';
import { statusResolver } from '../../../domain/workflow';
import { DETAILS_PROPERTY, type RequestDetails } from '../../../domain/panel-actions';
import { SLA_RECORD_PROPERTY } from '../../../domain/sla-record';
import { getIssueWithChangelog } from '../../../jira/get-issue-with-changelog';
import { getIssueProperty } from '../../../jira/issue-property';
import { loadConfig } from '../../../store/config-store';
import type { IssuePanelView, ResolverResult } from '../../../shared/contracts';
import { callerOnRequest, type ResolverRequest } from '../access';
import { computeSla, loadEscalation, loadWaiting } from '../engines';
import { answer, ok } from '../result';
import { calendarView, slaView } from '../views';

/**
 * The agent's panel: reads the issue as the user (Jira's 403/404 means they may not see it), then its SLA,
 * waiting schedule, escalation and recorded details.
 */
export async function getIssuePanelView(
  req: ResolverRequest<{ lang?: unknown }>,
  nowMs = Date.now(),
): Promise<ResolverResult<IssuePanelView>> {
  const caller = callerOnRequest(req);
  if ('ok' in caller) return caller;
  return answer(caller.lang, async () => {
    const issue = await getIssueWithChangelog(caller.issueKey, 'user', { properties: [SLA_RECORD_PROPERTY] });
    const config = await loadConfig();
    const { sla, unavailable } = computeSla(issue, config, nowMs);
    const [waiting, escalation, details] = await Promise.all([
      loadWaiting(issue.key, config),
      loadEscalation(issue.key),
      getIssueProperty<RequestDetails>(issue.key, DETAILS_PROPERTY),
    ]);
    const status = issue.fields.status ?? {};
    const coverage = sla?.result.coverage ?? coverageFor(config, []);
    return ok({
      issueKey: issue.key,
      status: { name: status.name ?? '', canonical: statusResolver(config.statusMapping)(status) ?? null },
      resolution: issue.fields.resolution?.name ?? null,
      now: new Date(nowMs).toISOString(),
      sla: sla ? slaView(sla, config) : null,
      slaUnavailable: unavailable,
      calendar: calendarView(config, coverage),
      waiting,
      escalation,
      details: details ?? {},
      consultingResolution: config.consultingResolution,
      rules: { consulting: config.rules.consulting, escalation: config.rules.escalation },
    });
  });
}
