import { awaitedFromTeam } from '../../../domain/comments';
import { escalationGuidance } from '../../../domain/messages/team-messages';
import { SLA_RECORD_PROPERTY } from '../../../domain/sla-record';
import { textsFor } from '../../../domain/texts';
import { statusResolver } from '../../../domain/workflow';
import { getIssueWithChangelog } from '../../../jira/get-issue-with-changelog';
import { listIssueComments } from '../../../jira/list-issue-comments';
import type { PortalView, ResolverResult } from '../../../shared/contracts';
import { canSeeRequest, resolveFor, type ResolverRequest } from '../access';
import { computeSla, loadEscalation, loadWaiting } from '../engines';
import { fail, ok } from '../result';
import { portalSla, statusInWords } from '../views';

/**
 * The customer's panel: checks through JSM, as the user, that they may see the request; then reads it as the app
 * and says, in their words, where it stands, what is awaited from them (comments.ts `awaitedFromTeam`, as the
 * reminders quote it) and when it would close.
 */
export function getPortalView(req: ResolverRequest, nowMs = Date.now()): Promise<ResolverResult<PortalView>> {
  return resolveFor(req, 'request', async (caller, config) => {
    const lang = caller.lang;
    if (!(await canSeeRequest(caller.issueKey))) return fail(403, 'forbidden', textsFor(lang).refusals.forbidden);
    const issue = await getIssueWithChangelog(caller.issueKey, 'app', { properties: [SLA_RECORD_PROPERTY] });
    const canonical = statusResolver(config.statusMapping)(issue.fields.status ?? {});
    const { sla } = computeSla(issue, config, nowMs);
    const waitingForCustomer = canonical === 'waiting_for_customer';
    const [waiting, escalation, comments] = await Promise.all([
      waitingForCustomer ? loadWaiting(issue.key, config) : Promise.resolve(null),
      loadEscalation(issue.key),
      waitingForCustomer ? listIssueComments(issue.key, 20) : Promise.resolve([]),
    ]);
    const reporterId = issue.fields.reporter?.accountId;
    const reporter = reporterId ? { accountId: reporterId } : null;
    return ok({
      issueKey: issue.key,
      lang,
      status: { canonical: canonical ?? null, name: statusInWords(canonical, issue.fields.status?.name ?? '', lang) },
      sla: sla ? portalSla(sla.result, canonical, config) : null,
      awaited: waitingForCustomer ? awaitedFromTeam(comments, { reporter, participants: [] }) : null,
      closesAt: config.rules.autoClose ? (waiting?.autoCloseAt ?? null) : null,
      escalation,
      guidance: { enabled: config.rules.escalation, ...escalationGuidance(lang, config) },
    });
  });
}
