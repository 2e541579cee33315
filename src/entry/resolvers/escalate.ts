/**
 * Escalates the request shown (issue panel or portal), guarded once: the rule must be on, the reason given;
 * the caller must be its reporter, a participant, a member of an organization it is shared with (read as the app)
 * or an agent (asked of Jira as them: shared/request-audience.ts); a resolved or closed request is refused
 * (409 `request_done`: domain/escalation.ts `escalationBar`, for customers and agents alike); a repeat is
 * answered "already escalated on …". The escalation is recorded once (issue property `supportRulesEscalation`,
 * ledger key `<issue>:escalation`), noted internally, and the team lead and the offer manager are notified.
 */
import type { Config } from '../../domain/config';
import {
  alreadyEscalatedAnswer,
  ESCALATION_PROPERTY,
  escalationActions,
  escalationBar,
  escalationKey,
  escalationRecord,
  parseEscalationRecord,
  type EscalationRecord,
} from '../../domain/escalation';
import { cleanReason, MAX_REASON_LENGTH } from '../../domain/escalation-reason';
import type { Language } from '../../domain/language';
import type { Person } from '../../domain/request';
import { textsFor } from '../../domain/texts';
import { getReopenAction } from '../../jira/get-reopen-action';
import { getUser } from '../../jira/get-user';
import { getIssueProperty } from '../../jira/issue-property';
import type { EscalatePayload, EscalationView, ResolverResult } from '../../shared/contracts';
import { executeActions } from '../shared/execute-actions';
import { loadSnapshot } from '../shared/load-snapshot';
import { loadAudience } from '../shared/request-audience';
import { resolveFor, type RequestCaller, type ResolverRequest } from './access';
import { fail, ok } from './result';

/**
 * The escalate function of the issue panel and of the portal.
 * @example await escalate({ payload: { reason: 'No answer' }, context: { accountId: 'cust-1', extension: { request: { key: 'SUP-1' } } } }) //=> { ok: true, data: { by: 'cust-1', ... } }
 */
export function escalate(
  req: ResolverRequest<Partial<EscalatePayload>>,
  nowMs = Date.now(),
): Promise<ResolverResult<EscalationView>> {
  return resolveFor(req, 'request', (caller, config) => escalateAs(caller, config, req.payload?.reason, nowMs));
}

async function escalateAs(
  caller: RequestCaller,
  config: Config,
  givenReason: unknown,
  nowMs: number,
): Promise<ResolverResult<EscalationView>> {
  const t = textsFor(caller.lang).refusals;
  if (!config.rules.escalation) return fail(403, 'escalation_off', t.escalationOff);
  const reason = cleanReason(givenReason);
  if (reason === null) return fail(400, 'invalid_reason', t.escalationReason(MAX_REASON_LENGTH));
  // Read as the app (a portal-only customer's own calls fail: ECO-838), decided by the one audience rule.
  const access = await loadAudience(caller.issueKey, caller.accountId, 'escalate');
  if (!access) return fail(404, 'not_found', t.notFound);
  if (!access.audience) return fail(403, 'forbidden', t.escalationForbidden);
  const loaded = await loadSnapshot(caller.issueKey, config);
  if (!loaded) return fail(404, 'not_found', t.notFound);
  if ('outOfScope' in loaded) return fail(403, 'out_of_scope', t.outOfScope);
  const { snapshot } = loaded;
  if (escalationBar(snapshot.status.canonical) === 'request_done')
    return fail(409, 'request_done', t.escalationDone(await getReopenAction(caller.issueKey)));

  const existing = await currentEscalation(caller.issueKey);
  if (existing) return already(existing, caller.lang, config);

  const [account, lead, manager] = await Promise.all([
    getUser(caller.accountId),
    person(config.escalation.teamLeadAccountId),
    person(config.escalation.offerManagerAccountId),
  ]);
  const record = escalationRecord({
    by: caller.accountId,
    byName: account?.displayName ?? caller.accountId,
    nowMs,
    reason,
  });
  const report = await executeActions(escalationActions({ snapshot, record, config, lead, manager }), config);
  if (report.skipped.includes(escalationKey(caller.issueKey))) {
    // Someone else escalated at the same moment: theirs is the one recorded.
    return already((await currentEscalation(caller.issueKey)) ?? record, caller.lang, config);
  }
  return ok(record);
}

async function currentEscalation(issueKey: string): Promise<EscalationRecord | null> {
  return parseEscalationRecord(await getIssueProperty<unknown>(issueKey, ESCALATION_PROPERTY));
}

function already(record: EscalationRecord, lang: Language, config: Config): ResolverResult<EscalationView> {
  return fail(409, 'already_escalated', alreadyEscalatedAnswer(record, lang, config));
}

async function person(accountId: string | null): Promise<Person | null> {
  if (!accountId) return null;
  return (await getUser(accountId)) ?? { accountId };
}
