/**
 * What the app tells the support team and notes on requests: a customer's reopen, a consulting closure,
 * an escalation (the lead's and offer manager's email, the internal note, the answer to a repeat) and the
 * portal's guidance on when to escalate. Pure: plain data in, texts out.
 */
import type { Config } from '../config';
import type { Language } from '../language';
import { formatInstant } from '../texts/dates';
import { textsFor } from '../texts';
import { STATUS_NAMES } from '../workflow';
import { quote, teamMessage, type Message, type RequestRef } from './layout';

/**
 * Tells the support team that a customer reopened a request (by moving it back, or by commenting on it).
 * @example reopenedMessage('en', ref, 'Carol', null).subject //=> '[SUP-1] Reopened by the customer: VPN down'
 */
export function reopenedMessage(
  lang: Language,
  ref: RequestRef,
  customerName: string | null,
  comment: string | null,
): Message {
  const t = textsFor(lang).reopened;
  const lead = t.lead(customerName ?? t.customer, ref.issueKey, ref.summary, STATUS_NAMES.in_progress[lang]);
  const said = comment ? [t.theirComment, quote(comment)] : [];
  return teamMessage(lang, ref, t.subject, [lead, ...said]);
}

/**
 * Tells the support team that a customer commented on a resolved or closed request, which stays as it is (when
 * such a comment does not reopen it): the comment quoted.
 * @example closedCommentMessage('en', ref, 'Carol', 'Closed', 'Thanks, but it fails again').subject //=> '[SUP-1] Customer comment on a closed request: VPN down'
 */
export function closedCommentMessage(
  lang: Language,
  ref: RequestRef,
  customerName: string | null,
  statusName: string,
  comment: string,
): Message {
  const t = textsFor(lang).closedComment;
  const who = customerName ?? textsFor(lang).reopened.customer;
  return teamMessage(lang, ref, t.subject, [
    t.lead(who, ref.issueKey, ref.summary, statusName),
    quote(comment),
    t.stays(statusName),
  ]);
}

/**
 * The internal note recorded when a request is closed as a consulting need.
 * @example consultingNote('en', 'Alice', 'Consulting', Date.UTC(2026, 10, 28, 9), 'Europe/Paris') //=> 'Closed as a consulting need (resolution "Consulting") by Alice on 28 November 2026 at 10:00.'
 */
export function consultingNote(
  lang: Language,
  byName: string | null,
  resolution: string,
  atMs: number,
  timeZone: string,
): string {
  return textsFor(lang).consultingNote(byName, resolution, formatInstant(atMs, lang, timeZone));
}

/** An escalation as the messages show it. */
export interface EscalationFacts {
  byName: string;
  atMs: number;
  reason: string;
}

/**
 * Asks the team lead or the offer manager to speed a request up.
 * @example escalationMessage('en', ref, { byName: 'Carol', atMs, reason: 'No answer' }, 'Europe/Paris').subject //=> '[SUP-1] Escalated: VPN down'
 */
export function escalationMessage(lang: Language, ref: RequestRef, facts: EscalationFacts, timeZone: string): Message {
  const t = textsFor(lang).escalation;
  const when = formatInstant(facts.atMs, lang, timeZone);
  return teamMessage(lang, ref, t.subject, [
    t.lead(facts.byName, ref.issueKey, ref.summary, when),
    t.reason,
    quote(facts.reason),
  ]);
}

/**
 * The internal comment that records an escalation on the request.
 * @example escalationNote('en', { byName: 'Carol', atMs, reason: 'No answer' }, 'Europe/Paris') //=> 'Escalated by Carol on ... Reason: ...'
 */
export function escalationNote(lang: Language, facts: EscalationFacts, timeZone: string): string {
  return textsFor(lang).escalation.note(facts.byName, formatInstant(facts.atMs, lang, timeZone), facts.reason);
}

/**
 * The answer to a repeated escalation.
 * @example alreadyEscalatedText('en', { byName: 'Carol', atMs: Date.UTC(2026, 10, 28, 9), reason: '' }, 'Europe/Paris')
 *   //=> 'This request was already escalated on 28 November 2026 at 10:00 by Carol: the team lead and the offer manager were notified then.'
 */
export function alreadyEscalatedText(lang: Language, facts: EscalationFacts, timeZone: string): string {
  return textsFor(lang).escalation.already(formatInstant(facts.atMs, lang, timeZone), facts.byName);
}

/**
 * What the portal says about escalation: when to use it, and the phone numbers for a very urgent matter.
 * @example escalationGuidance('en', defaultConfig()).whenToEscalate.length //=> 2
 */
export function escalationGuidance(
  lang: Language,
  config: Pick<Config, 'escalation'>,
): { intro: string; whenToEscalate: string[]; urgent: string; phoneNumbers: { label: string; number: string }[] } {
  const t = textsFor(lang).escalation.guidance;
  return {
    intro: t.intro,
    whenToEscalate: [...t.whenToEscalate],
    urgent: t.urgent,
    phoneNumbers: config.escalation.urgentPhoneNumbers.map((p) => ({ label: p.label, number: p.number })),
  };
}
