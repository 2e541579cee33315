/**
 * The public comments the agent's panel actions post, in the customer's language: closing as Consulting,
 * waiting for a third party, a scheduled operation. Pure: plain data in, documents out.
 */
import { adfFromText, type AdfDocument } from '../adf';
import type { Language } from '../language';
import type { ScheduledOperation, ThirdParty } from '../request-details';
import { formatLongInstant } from '../texts/dates';
import { textsFor } from '../texts';

/**
 * The public comment that tells the customer their request waits for a third party.
 * @example textFromAdf(thirdPartyComment({ kind: 'atlassian', reference: 'PS-1' }, 'en')) //=> 'Your request is now waiting for an action by Atlassian...'
 */
export function thirdPartyComment(tp: ThirdParty, lang: Language): AdfDocument {
  const t = textsFor(lang).panel;
  const kind = t.thirdPartyKinds[tp.kind];
  return adfFromText(t.thirdParty(tp.name ? `${kind} (${tp.name})` : kind, tp.reference));
}

/**
 * The public comment that says when and by whom the scheduled operation happens, the instant written in `timeZone`.
 * @example textFromAdf(scheduledOperationComment({ at: '2026-12-01T08:00:00Z', who: 'Ops' }, 'fr', 'Europe/Paris')) //=> '... 1 décembre 2026 à 09:00 ...'
 */
export function scheduledOperationComment(op: ScheduledOperation, lang: Language, timeZone: string): AdfDocument {
  return adfFromText(textsFor(lang).panel.scheduled(formatLongInstant(Date.parse(op.at), lang, timeZone), op.who));
}

/**
 * The public comment that closes a request identified as a consulting need.
 * @example textFromAdf(consultingComment('en')).startsWith('We have identified') //=> true
 */
export function consultingComment(lang: Language): AdfDocument {
  return adfFromText(textsFor(lang).panel.consulting);
}
