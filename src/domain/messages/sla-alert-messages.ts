/**
 * What the response SLA's alerts say: to the assignee (or the support group) before the breach, and to the team
 * lead at it. Pure: plain data in, messages out.
 */
import type { Coverage } from '../contract';
import type { Language } from '../language';
import { formatInstant } from '../texts/dates';
import { textsFor } from '../texts';
import { teamMessage, type Message, type RequestRef } from './layout';

/** What an SLA alert says: the goal, the share reached, when it breaches (or breached), and who holds the request. */
export interface SlaAlertFacts {
  goalMs: number;
  coverage: Coverage;
  /** The share of the goal that makes the SLA at risk (`sla.atRiskPercent`). */
  percent: number;
  breachAtMs: number;
  /** The assignee's name; null when the request is unassigned. */
  assigneeName: string | null;
  timeZone: string;
}

/**
 * A goal as people read it.
 * @example goalText(5_400_000, 'fr') //=> '1 h 30'
 * @example goalText(14_400_000, 'en') //=> '4 hours'
 */
export function goalText(ms: number, lang: Language): string {
  const minutes = Math.round(ms / 60_000);
  return textsFor(lang).slaAlert.goal(Math.floor(minutes / 60), minutes % 60);
}

function slaGoalText(lang: Language, facts: SlaAlertFacts): string {
  return `${goalText(facts.goalMs, lang)} ${textsFor(lang).slaAlert.calendar[facts.coverage]}`;
}

function holderText(lang: Language, facts: SlaAlertFacts): string {
  const t = textsFor(lang).slaAlert;
  return facts.assigneeName ? t.assignedTo(facts.assigneeName) : t.unassigned;
}

/**
 * Warns the assignee (or the support group) that a request's first response is due soon.
 * @example slaWarningMessage('en', ref, facts).subject //=> '[SUP-1] Response due soon: VPN down'
 */
export function slaWarningMessage(lang: Language, ref: RequestRef, facts: SlaAlertFacts): Message {
  const t = textsFor(lang).slaAlert;
  const when = formatInstant(facts.breachAtMs, lang, facts.timeZone);
  const lead = t.warning(ref.issueKey, ref.summary, facts.percent, slaGoalText(lang, facts), when, facts.timeZone);
  return teamMessage(lang, ref, t.warningSubject, [lead, holderText(lang, facts)]);
}

/**
 * Tells the assignee (or the support group) and the team lead that a request's first response is late.
 * @example slaBreachMessage('en', ref, facts).subject //=> '[SUP-1] Response goal missed: VPN down'
 */
export function slaBreachMessage(lang: Language, ref: RequestRef, facts: SlaAlertFacts): Message {
  const t = textsFor(lang).slaAlert;
  const when = formatInstant(facts.breachAtMs, lang, facts.timeZone);
  const lead = t.breach(ref.issueKey, ref.summary, slaGoalText(lang, facts), when, facts.timeZone);
  return teamMessage(lang, ref, t.breachSubject, [lead, holderText(lang, facts)]);
}
