import { awaitedFromTeam, latestTeamComment } from '../../../domain/comments';
import { escalationGuidance } from '../../../domain/messages/team-messages';
import { textsFor } from '../../../domain/texts';
import { statusResolver } from '../../../domain/workflow';
import { escalationBar } from '../../../domain/escalation-bar';
import { getReopenAction } from '../../../jira/get-reopen-action';
import { getUser } from '../../../jira/get-user';
import { listIssueComments } from '../../../jira/list-issue-comments';
import type { PortalView, ResolverResult } from '../../../shared/contracts';
import { loadAudience } from '../../shared/request-audience';
import { resolveFor, type ResolverRequest } from '../access';
import { computeSla, escalationOf, loadWaiting, SCREEN_PROPERTIES } from '../engines';
import { fail, ok } from '../result';
import { escalatedBy, portalSla, statusInWords } from '../views';

/**
 * The customer's panel: reads the request as the app (a portal-only customer's own calls fail: ECO-838), shows it
 * only to its audience (reporter, participants, members of an organization it is shared with, agents:
 * shared/request-audience.ts), and says, in their words, where it stands, what is awaited from them (comments.ts `awaitedFromTeam`, as the
 * reminders quote it) and when it would close; on a resolved or closed request, the site's name of the portal's
 * reopen action.
 */
export function getPortalView(req: ResolverRequest, nowMs = Date.now()): Promise<ResolverResult<PortalView>> {
  return resolveFor(req, 'request', async (caller, config) => {
    const lang = caller.lang;
    const loaded = await loadAudience(caller.issueKey, caller.accountId, 'view', {
      properties: SCREEN_PROPERTIES,
    });
    if (!loaded?.audience) return fail(403, 'forbidden', textsFor(lang).refusals.forbidden);
    const { issue } = loaded;
    const canonical = statusResolver(config.statusMapping)(issue.fields.status ?? {});
    const { sla } = computeSla(issue, config, nowMs);
    const waitingForCustomer = canonical === 'waiting_for_customer';
    const running = sla?.result.state === 'running';
    const escalation = escalationOf(issue);
    const finished = escalationBar(canonical ?? null) === 'request_done';
    // One read of the comments: the newest 100 while the request waits for its customer (the waiting clock may need
    // them, when the sweep has not stored it yet), 20 while it runs (the team's last answer).
    const [comments, reopenAction] = await Promise.all([
      waitingForCustomer || running ? listIssueComments(issue.key, waitingForCustomer ? 100 : 20) : Promise.resolve([]),
      finished ? getReopenAction(issue.key) : Promise.resolve(null),
    ]);
    const waiting = waitingForCustomer ? await loadWaiting(issue, config, canonical, nowMs, comments) : null;
    const reporterId = issue.fields.reporter?.accountId;
    const reporter = reporterId ? { accountId: reporterId } : null;
    const escalator =
      escalation && escalation.by !== caller.accountId ? await getUser(escalation.by).catch(() => null) : null;
    return ok({
      issueKey: issue.key,
      lang,
      status: { canonical: canonical ?? null, name: statusInWords(canonical, issue.fields.status?.name ?? '', lang) },
      sla: sla ? portalSla(sla.result, canonical, config) : null,
      awaited: waitingForCustomer ? awaitedFromTeam(comments, { reporter, participants: [] }, lang) : null,
      teamAnswered: running && latestTeamComment(comments, { reporter, participants: [] }) !== null,
      escalatedBy: escalation ? escalatedBy(escalation.by, caller.accountId, escalator?.accountType) : null,
      closesAt: config.rules.autoClose ? (waiting?.autoCloseAt ?? null) : null,
      closeDue: config.rules.autoClose && (waiting?.autoCloseDue ?? false),
      escalation,
      reopenAction,
      guidance: { enabled: config.rules.escalation, ...escalationGuidance(lang, config) },
    });
  });
}
