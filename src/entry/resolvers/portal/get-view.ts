import { escalationGuidance, languageFor } from '../../../domain/messages';
import { textFromAdf } from '../../../domain/actions';
import { statusResolver } from '../../../domain/workflow';
import { listRequestComments } from '../../../jira/list-request-comments';
import { loadConfig } from '../../../store/config-store';
import type { PortalView, ResolverResult } from '../../../shared/contracts';
import { loadAudience } from '../../shared/request-audience';
import { callerOnRequest, type ResolverRequest } from '../access';
import { computeSla, loadEscalation, loadWaiting } from '../engines';
import { answer, fail, ok } from '../result';
import { portalSla, statusInWords } from '../views';

const FORBIDDEN = { en: 'You may not see this request.', fr: "Vous n'avez pas accès à cette demande." } as const;

/**
 * The customer's panel: reads the request as the app, lets only its audience see it (reporter, participants,
 * members of an organization it is shared with, agents: shared/request-audience.ts), and says, in their words,
 * where it stands, what is awaited from them and when it would close.
 */
export async function getPortalView(
  req: ResolverRequest<{ lang?: unknown }>,
  nowMs = Date.now(),
): Promise<ResolverResult<PortalView>> {
  const caller = callerOnRequest(req);
  if ('ok' in caller) return caller;
  return answer(caller.lang, async () => {
    const [loaded, config] = await Promise.all([loadAudience(caller.issueKey, caller.accountId, 'view'), loadConfig()]);
    if (!loaded?.audience) return fail(403, 'forbidden', FORBIDDEN[caller.lang]);
    const { issue } = loaded;
    const lang = languageFor(caller.lang, config);
    const canonical = statusResolver(config.statusMapping)(issue.fields.status ?? {});
    const { sla } = computeSla(issue, config, nowMs);
    const waitingForCustomer = canonical === 'waiting_for_customer';
    const [waiting, escalation, comments] = await Promise.all([
      waitingForCustomer ? loadWaiting(issue.key, config) : Promise.resolve(null),
      loadEscalation(issue.key),
      // As the app (a portal-only customer's asUser() calls fail): public comments only.
      waitingForCustomer ? listRequestComments(issue.key, 'app') : Promise.resolve([]),
    ]);
    const reporterId = issue.fields.reporter?.accountId;
    const lastFromTeam = [...comments].reverse().find((c) => c.public && c.author?.accountId !== reporterId);
    return ok({
      issueKey: issue.key,
      status: { canonical: canonical ?? null, name: statusInWords(canonical, issue.fields.status?.name ?? '', lang) },
      sla: sla ? portalSla(sla, canonical) : null,
      awaited: lastFromTeam ? textFromAdf(lastFromTeam.body) : null,
      closesAt: config.rules.autoClose ? (waiting?.autoCloseAt ?? null) : null,
      escalation,
      guidance: { enabled: config.rules.escalation, ...escalationGuidance(lang, config) },
    });
  });
}
