/**
 * What the reminders and the auto-close say: the public comment left on the waiting request and the
 * creator's email. Pure: plain data in, texts out.
 */
import type { Language } from '../language';
import { formatInstant } from '../texts/dates';
import { textsFor } from '../texts';
import { STATUS_NAMES } from '../workflow';
import { customerMessage, quote, type CommentAndMessage, type RequestRef } from './layout';

/** What a reminder says: which reminder, what the team awaits (its last public comment), and when the request closes. */
export interface ReminderFacts {
  reminder: number;
  /** The text of the team's last public comment, or null when none is known. */
  awaited: string | null;
  /** When the request will close without an answer, or null when auto-close is off. */
  closesAtMs: number | null;
  timeZone: string;
}

const AWAITED_MAX = 600;

function awaitedText(lang: Language, awaited: string | null): string[] {
  const t = textsFor(lang).reminder;
  const text = awaited?.trim();
  if (!text) return [t.awaitedUnknown];
  const short = text.length > AWAITED_MAX ? `${text.slice(0, AWAITED_MAX).trimEnd()}…` : text;
  return [t.awaitedIntro, quote(short)];
}

/**
 * The automatic reminder of a request waiting for its customer: a public comment and the creator's email, saying
 * what is awaited and when the request will close.
 * @example reminderMessage('en', ref, { reminder: 1, awaited: 'Send the logs', closesAtMs: Date.UTC(2026, 0, 13, 9), timeZone: 'Europe/Paris' }).comment
 *   //=> '...Send the logs...Without an answer, this request will close on 13 January 2026 at 10:00 (Europe/Paris)...'
 */
export function reminderMessage(lang: Language, ref: RequestRef, facts: ReminderFacts): CommentAndMessage {
  const texts = textsFor(lang);
  const t = texts.reminder;
  const closes =
    facts.closesAtMs === null ? [] : [t.closes(formatInstant(facts.closesAtMs, lang, facts.timeZone), facts.timeZone)];
  const paragraphs = [
    t.lead(ref.issueKey, ref.summary, facts.reminder),
    ...awaitedText(lang, facts.awaited),
    ...closes,
  ];
  const comment = [texts.email.hello, ...paragraphs, t.replyToComment, texts.email.signature].join('\n\n');
  return { comment, message: customerMessage(lang, ref, t.subject, paragraphs) };
}

/**
 * The automatic closure of a request left without an answer: a public comment and the creator's email, saying
 * how to reopen it.
 * @example autoCloseMessage('en', ref, { days: 12 }).message.subject //=> '[SUP-1] Closed without an answer: VPN down'
 */
export function autoCloseMessage(
  lang: Language,
  ref: RequestRef,
  facts: { days: number; replyReopens?: boolean },
): CommentAndMessage {
  const texts = textsFor(lang);
  const t = texts.autoClose;
  const paragraphs = [
    t.closed(facts.days, ref.issueKey, ref.summary),
    t.reopen(ref.portalUrl, STATUS_NAMES.in_progress[lang]),
  ];
  const comment = [texts.email.hello, ...paragraphs, texts.email.signature].join('\n\n');
  // The paragraphs already say how to reopen from the portal; a reply by email reopens only under that rule.
  const reply = facts.replyReopens ? [t.replyAlso] : [];
  return {
    comment,
    message: customerMessage(lang, ref, t.subject, [...paragraphs, ...reply], { kind: 'none' }),
  };
}
