/**
 * Escalation (DESIGN.md section 1): the record kept once on the request (issue property `supportRulesEscalation`),
 * the answer to a repeat, and the actions that tell the team lead and the offer manager. Who may escalate is the
 * request's audience (request-audience.ts); the reason's rule is in escalation-reason.ts. Pure: the instant and
 * the people are inputs.
 */
import { z } from 'zod';
import { actionKey, type Action } from './actions';
import { adfFromText } from './adf';
import type { Config } from './config';
import { languageFor, type Language } from './language';
import { alreadyEscalatedText, escalationMessage, escalationNote } from './messages/team-messages';
import type { Person, RequestSnapshot } from './request';

export { escalationBar } from './escalation-bar';

export const ESCALATION_PROPERTY = 'supportRulesEscalation';

export const escalationRecordSchema = z.object({
  by: z.string().min(1),
  byName: z.string(),
  at: z.iso.datetime({ offset: true }),
  reason: z.string(),
});
/** Who escalated, when (ISO instant) and why: written once per request. */
export type EscalationRecord = z.infer<typeof escalationRecordSchema>;

/**
 * The ledger key of a request's escalation: one per request, so a repeat (or a race) never escalates twice.
 * @example escalationKey('SUP-1') //=> 'SUP-1:escalation'
 */
export function escalationKey(issueKey: string): string {
  return actionKey(issueKey, 'escalation');
}

/**
 * The record of an escalation made now.
 * @example escalationRecord({ by: 'c1', byName: 'Carol', nowMs: 0, reason: 'Too slow' }).at //=> '1970-01-01T00:00:00.000Z'
 */
export function escalationRecord(input: {
  by: string;
  byName: string;
  nowMs: number;
  reason: string;
}): EscalationRecord {
  return { by: input.by, byName: input.byName, at: new Date(input.nowMs).toISOString(), reason: input.reason };
}

/**
 * Reads a stored record, or null when there is none or it is not a record.
 * @example parseEscalationRecord(undefined) //=> null
 */
export function parseEscalationRecord(value: unknown): EscalationRecord | null {
  const parsed = escalationRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function facts(record: EscalationRecord) {
  return { byName: record.byName, atMs: Date.parse(record.at), reason: record.reason };
}

/**
 * The answer to a repeated escalation, in the caller's language.
 * @example alreadyEscalatedAnswer(record, 'en', config) //=> 'This request was already escalated on 28 November 2026 at 10:00 by Carol: ...'
 */
export function alreadyEscalatedAnswer(record: EscalationRecord, lang: Language, config: Config): string {
  return alreadyEscalatedText(lang, facts(record), config.calendars.businessHours.timeZone);
}

/**
 * What an escalation does, in order: record it (property, under the request's one escalation key), note it
 * internally, then notify the team lead and the offer manager, each in their language (once if they are the same).
 * @example escalationActions({ snapshot, record, config, lead: { accountId: 'l1' }, manager: { accountId: 'm1' } }).map((a) => a.type)
 *   //=> ['setProperty', 'comment', 'notify', 'notify']
 */
export function escalationActions(input: {
  snapshot: Pick<RequestSnapshot, 'issueKey' | 'summary' | 'portalUrl'>;
  record: EscalationRecord;
  config: Config;
  lead: Person | null;
  manager: Person | null;
}): Action[] {
  const { snapshot, record, config } = input;
  const key = escalationKey(snapshot.issueKey);
  const timeZone = config.calendars.businessHours.timeZone;
  const ref = { issueKey: snapshot.issueKey, summary: snapshot.summary, portalUrl: snapshot.portalUrl };
  const actions: Action[] = [
    { type: 'setProperty', key, issueKey: snapshot.issueKey, propertyKey: ESCALATION_PROPERTY, value: record },
    {
      type: 'comment',
      key: actionKey(key, 'note'),
      issueKey: snapshot.issueKey,
      body: adfFromText(escalationNote(config.languages.default, facts(record), timeZone)),
      internal: true,
    },
  ];
  const recipients = [input.lead, input.manager].filter((p): p is Person => p !== null);
  const seen = new Set<string>();
  for (const person of recipients) {
    if (seen.has(person.accountId)) continue;
    seen.add(person.accountId);
    const message = escalationMessage(languageFor(person.locale, config.languages), ref, facts(record), timeZone);
    actions.push({
      type: 'notify',
      key: actionKey(key, 'notify', person.accountId),
      issueKey: snapshot.issueKey,
      to: { accountIds: [person.accountId] },
      ...message,
    });
  }
  return actions;
}
