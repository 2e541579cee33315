/**
 * Escalates a request for a person (customer in the portal, agent in the issue panel): checks that they are its
 * reporter, a participant, a member of an organization it is shared with (read as the app) or an agent (asked of
 * Jira as them: shared/request-audience.ts); records the
 * escalation once (issue property `supportRulesEscalation`, ledger key `<issue>:escalation`), notes it
 * internally, and notifies the team lead and the offer manager. A repeat is answered "already escalated on …".
 */
import type { Config } from '../../domain/config';
import {
  alreadyEscalatedAnswer,
  cleanReason,
  ESCALATION_PROPERTY,
  escalationActions,
  escalationKey,
  escalationRecord,
  parseEscalationRecord,
  type EscalationRecord,
} from '../../domain/escalation';
import { languageFor } from '../../domain/messages';
import type { Person } from '../../domain/request';
import type { Language } from '../../domain/workflow';
import { getUser } from '../../jira/get-user';
import { getIssueProperty } from '../../jira/issue-property';
import { loadConfig } from '../../store/config-store';
import { executeActions } from '../shared/execute-actions';
import { loadSnapshot } from '../shared/load-snapshot';
import { loadAudience } from '../shared/request-audience';

export interface EscalateInput {
  issueKey: string;
  /** The caller, from the Forge context (never from a payload). */
  accountId: string;
  reason: string;
  nowMs: number;
}

export type EscalateResult =
  | { ok: true; escalation: EscalationRecord }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409;
      code: 'invalid' | 'forbidden' | 'not_found' | 'already_escalated';
      message: string;
      escalation?: EscalationRecord;
    };

const TEXTS: Record<'invalid' | 'off' | 'forbidden' | 'not_found' | 'outOfScope', Record<Language, string>> = {
  outOfScope: {
    fr: "Les règles de support ne s'appliquent pas à ce projet : l'escalade n'y est pas proposée.",
    en: 'The support rules do not apply to this project: escalation is not offered here.',
  },
  invalid: {
    fr: 'Indiquez pourquoi vous escaladez la demande (2000 caractères au plus).',
    en: 'Say why you escalate the request (at most 2000 characters).',
  },
  off: {
    fr: "L'escalade est désactivée pour ce centre de services.",
    en: 'Escalation is switched off for this service desk.',
  },
  forbidden: {
    fr: "Seuls le demandeur, les participants de la demande, les membres de son organisation et l'équipe support peuvent l'escalader.",
    en: 'Only the reporter, the participants of the request, members of its organization and the support team can escalate it.',
  },
  not_found: {
    fr: "Cette demande n'existe pas ou ne vous est pas visible.",
    en: 'This request does not exist or is not visible to you.',
  },
};

/**
 * Escalates a request once.
 * @example await escalateRequest({ issueKey: 'SUP-1', accountId: 'cust-1', reason: 'No answer', nowMs: Date.now() }) //=> { ok: true, escalation: { by: 'cust-1', ... } }
 */
export async function escalateRequest(input: EscalateInput): Promise<EscalateResult> {
  const config = await loadConfig();
  const caller = await getUser(input.accountId);
  const lang = languageFor(caller?.locale, config);
  const reason = cleanReason(input.reason);
  if (reason === null) return { ok: false, status: 400, code: 'invalid', message: TEXTS.invalid[lang] };
  if (!config.rules.escalation) return { ok: false, status: 403, code: 'forbidden', message: TEXTS.off[lang] };

  const access = await loadAudience(input.issueKey, input.accountId, 'escalate');
  if (!access) return { ok: false, status: 404, code: 'not_found', message: TEXTS.not_found[lang] };
  if (!access.audience) return { ok: false, status: 403, code: 'forbidden', message: TEXTS.forbidden[lang] };
  const loaded = await loadSnapshot(input.issueKey, config);
  if (!loaded) return { ok: false, status: 404, code: 'not_found', message: TEXTS.not_found[lang] };
  if ('outOfScope' in loaded) return { ok: false, status: 403, code: 'forbidden', message: TEXTS.outOfScope[lang] };
  const { snapshot } = loaded;
  const existing = await currentEscalation(input.issueKey);
  if (existing) return already(existing, lang, config);

  const record = escalationRecord({
    by: input.accountId,
    byName: caller?.displayName ?? input.accountId,
    nowMs: input.nowMs,
    reason,
  });
  const [lead, manager] = await Promise.all([
    person(config.escalation.teamLeadAccountId),
    person(config.escalation.offerManagerAccountId),
  ]);
  const report = await executeActions(escalationActions({ snapshot, record, config, lead, manager }), config);
  if (report.skipped.includes(escalationKey(input.issueKey))) {
    // Someone else escalated at the same moment: theirs is the one recorded.
    const winner = await currentEscalation(input.issueKey);
    return already(winner ?? record, lang, config);
  }
  return { ok: true, escalation: record };
}

async function currentEscalation(issueKey: string): Promise<EscalationRecord | null> {
  return parseEscalationRecord(await getIssueProperty<unknown>(issueKey, ESCALATION_PROPERTY));
}

function already(record: EscalationRecord, lang: Language, config: Config): EscalateResult {
  return {
    ok: false,
    status: 409,
    code: 'already_escalated',
    message: alreadyEscalatedAnswer(record, lang, config),
    escalation: record,
  };
}

async function person(accountId: string | null): Promise<Person | null> {
  if (!accountId) return null;
  return (await getUser(accountId)) ?? { accountId };
}
