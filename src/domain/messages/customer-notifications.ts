/**
 * What the rules tell a request's creator: the acknowledgement of a new request, each status it enters (with
 * what happens next), and the support team's public comments. Pure: plain data in, messages out.
 */
import { hasMedia, textFromAdf } from '../adf';
import type { Language } from '../language';
import type { RequestDetails } from '../request-details';
import { formatInstant } from '../texts/dates';
import { textsFor } from '../texts';
import { STATUS_NAMES, type CanonicalStatus } from '../workflow';
import { customerMessage, quote, type Footer, type Message, type RequestRef } from './layout';

/**
 * The acknowledgement of a new request (not sent for portal requests: the portal shows it already).
 * @example createdMessage('en', { issueKey: 'SUP-1', summary: 'VPN down', portalUrl: null }).subject //=> '[SUP-1] Request received: VPN down'
 */
export function createdMessage(lang: Language, ref: RequestRef): Message {
  const t = textsFor(lang).created;
  return customerMessage(lang, ref, t.subject, [t.body(ref.issueKey, ref.summary, STATUS_NAMES.submitted[lang])]);
}

function thirdPartyText(lang: Language, details: RequestDetails | null): string {
  const t = textsFor(lang).statusChange;
  const party = details?.thirdParty;
  if (!party) return t.thirdPartyUnknown;
  const kind = t.thirdPartyKinds[party.kind];
  const who = party.name && party.kind !== 'atlassian' ? `${kind} ${party.name}` : kind;
  return t.thirdParty(who, party.reference);
}

function scheduledText(lang: Language, details: RequestDetails | null, timeZone: string, commented: boolean): string {
  const t = textsFor(lang).statusChange;
  const op = details?.scheduledOperation;
  if (!op) return t.scheduledUnknown(commented);
  return t.scheduled(formatInstant(Date.parse(op.at), lang, timeZone), timeZone, op.who);
}

/** What a status message knows beyond the request: the desk's zone and what the request holds. */
export interface StatusFacts {
  timeZone?: string;
  /** Closed with the consulting resolution (and that rule is on). */
  consulting?: boolean;
  /** A customer's email reply to a closed request reopens it (rules.reopenOnCustomerComment). */
  replyReopens?: boolean;
  /** The support team has written a public comment on the request (so "the latest comment" exists). */
  teamCommented?: boolean;
  /** The request's resolution, when closed. */
  resolution?: string | null;
  /** The site's own name of the customer's reopen transition, when known. */
  reopenAction?: string | null;
}

function nextStep(
  lang: Language,
  status: CanonicalStatus,
  details: RequestDetails | null,
  facts: StatusFacts,
): string[] {
  const t = textsFor(lang).statusChange;
  const inProgress = STATUS_NAMES.in_progress[lang];
  const commented = facts.teamCommented ?? true;
  switch (status) {
    case 'in_progress':
      return [t.inProgress];
    case 'waiting_for_customer':
      return [t.waitingForCustomer(inProgress, commented)];
    case 'waiting_for_third_party':
      return [thirdPartyText(lang, details)];
    case 'scheduled_operation':
      return [scheduledText(lang, details, facts.timeZone ?? 'Europe/Paris', commented)];
    case 'closed': {
      const closed = t.closed(inProgress, commented, facts.resolution ?? null);
      return facts.consulting ? [closed, t.consulting] : [closed];
    }
    default:
      return [];
  }
}

/**
 * Tells the creator that the request entered a new status: the status in the customer's words, what happens
 * next (which third party; when and who for a scheduled operation) and how to answer.
 * @example statusMessage('en', ref, 'waiting_for_third_party', { thirdParty: { kind: 'atlassian', reference: 'PS-1' } }).textBody
 *   //=> '...We are waiting for Atlassian (reference PS-1) to act...'
 */
export function statusMessage(
  lang: Language,
  ref: RequestRef,
  status: CanonicalStatus,
  details: RequestDetails | null = null,
  facts: StatusFacts = {},
): Message {
  const t = textsFor(lang).statusChange;
  const name = STATUS_NAMES[status][lang];
  const steps = nextStep(lang, status, details, facts);
  const footer: Footer =
    status === 'closed'
      ? { kind: 'reopen', replyReopens: facts.replyReopens ?? false, action: facts.reopenAction ?? null }
      : { kind: 'answer' };
  return customerMessage(lang, ref, t.subject(name), [t.lead(ref.issueKey, ref.summary, name), ...steps], footer);
}

/**
 * Forwards a public comment of the support team to the creator: its text quoted, with its links' targets,
 * mentions and the names of its images and attachments, which the email then says where to see.
 * @example supportCommentMessage('fr', ref, 'Alice', adfFromText('Pouvez-vous redémarrer ?')).subject //=> '[SUP-1] Nouveau commentaire : VPN down'
 */
export function supportCommentMessage(
  lang: Language,
  ref: RequestRef,
  authorName: string | null,
  body: unknown,
): Message {
  const t = textsFor(lang).supportComment;
  const media = hasMedia(body) ? [t.media(ref.portalUrl)] : [];
  return customerMessage(lang, ref, t.subject, [
    t.lead(authorName ?? t.team, ref.issueKey, ref.summary),
    quote(textFromAdf(body, lang)),
    ...media,
  ]);
}
