import { cleanReason, MAX_REASON_LENGTH } from '../../domain/escalation';
import { loadConfig } from '../../store/config-store';
import type { EscalatePayload, EscalationView, ResolverResult } from '../../shared/contracts';
import { escalateRequest } from '../escalation/escalate-request';
import { callerOnRequest, type ResolverRequest } from './access';
import { answer, fail, ok } from './result';

const TEXTS = {
  off: {
    en: 'Escalation is switched off for this service desk.',
    fr: "L'escalade est désactivée pour ce centre de services.",
  },
  reason: {
    en: `Say why you escalate (up to ${MAX_REASON_LENGTH} characters).`,
    fr: `Indiquez pourquoi vous escaladez (${MAX_REASON_LENGTH} caractères au plus).`,
  },
} as const;

/**
 * Escalates the request shown (issue panel or portal), with a reason: the escalation engine decides who may
 * (reporter, participants, members of an organization it is shared with, agents) and notifies the lead and the
 * offer manager.
 */
export async function escalate(
  req: ResolverRequest<Partial<EscalatePayload>>,
  nowMs = Date.now(),
): Promise<ResolverResult<EscalationView>> {
  const caller = callerOnRequest(req);
  if ('ok' in caller) return caller;
  return answer(caller.lang, async () => {
    const config = await loadConfig();
    if (!config.rules.escalation) return fail(403, 'escalation_off', TEXTS.off[caller.lang]);
    const reason = cleanReason(req.payload?.reason);
    if (reason === null) return fail(400, 'invalid_reason', TEXTS.reason[caller.lang]);
    const result = await escalateRequest({ issueKey: caller.issueKey, accountId: caller.accountId, reason, nowMs });
    if (!result.ok) return fail(result.status as 400 | 403 | 404 | 409, result.code, result.message);
    return ok(result.escalation);
  });
}
