/**
 * The frame every message shares: the request it names (key, summary, portal link), the subject line, the
 * customer email's greeting, closing line and signature, quoted text, and the team's link to the issue.
 * The words come from the catalog (../texts). Pure: no I/O, no clock.
 */
import type { Language } from '../language';
import { textsFor } from '../texts';

/** A message ready for Jira's `/notify`: a subject and a plain-text body. */
export interface Message {
  subject: string;
  textBody: string;
}

/** What every customer message names: the request, its summary, its status, and where to follow it. */
export interface RequestRef {
  issueKey: string;
  summary: string;
  /** The request in the customer portal, when known. */
  portalUrl: string | null;
  /** The request in Jira's issue view, when known (else derived from the portal link). */
  issueUrl?: string | null;
}

/** A public comment left on the request, and the email that tells its creator. */
export interface CommentAndMessage {
  comment: string;
  message: Message;
}

/**
 * `[SUP-1] What happened: summary`, in the language's typography.
 * @example subjectOf('fr', { issueKey: 'SUP-1', summary: 'VPN', portalUrl: null }, 'Relance') //=> '[SUP-1] Relance : VPN'
 */
export function subjectOf(lang: Language, ref: RequestRef, text: string): string {
  return textsFor(lang).email.subject(ref.issueKey, text, ref.summary);
}

/** The closing line of a customer email: how to answer (the default), how to reopen, or nothing more. */
export type Footer =
  | { kind: 'answer' }
  | {
      kind: 'reopen';
      replyReopens: boolean;
      /** The site's name of the customer's reopen transition. */ action: string | null;
    }
  | { kind: 'none' };

/**
 * A customer email: greeting, paragraphs, the footer's line, signature.
 * @example customerMessage('en', ref, 'Reminder', ['…']).textBody.startsWith('Hello,') //=> true
 */
export function customerMessage(
  lang: Language,
  ref: RequestRef,
  subjectText: string,
  paragraphs: string[],
  footer: Footer = { kind: 'answer' },
): Message {
  const t = textsFor(lang).email;
  const last =
    footer.kind === 'answer'
      ? [t.howToAnswer(ref.portalUrl)]
      : footer.kind === 'reopen'
        ? [t.howToReopen(ref.portalUrl, footer.replyReopens, footer.action)]
        : [];
  return {
    subject: subjectOf(lang, ref, subjectText),
    textBody: [t.hello, ...paragraphs, ...last, t.signature].join('\n\n'),
  };
}

/**
 * An email to the support team: paragraphs, the request's link in Jira, the app's signature.
 * @example teamMessage('en', ref, 'Escalated', ['…']).textBody.endsWith('— Support Rules') //=> true
 */
export function teamMessage(lang: Language, ref: RequestRef, subjectText: string, paragraphs: string[]): Message {
  const t = textsFor(lang).email;
  const url = agentLink(ref);
  return {
    subject: subjectOf(lang, ref, subjectText),
    textBody: [...paragraphs, ...(url ? [t.requestLink(url)] : []), t.appSignature].join('\n\n'),
  };
}

/**
 * Text quoted as in an email reply.
 * @example quote('a\nb') //=> '> a\n> b'
 */
export function quote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * Where the team opens the request: its issue view when known, else the issue view of the site the portal link
 * belongs to (the team works in Jira, not in the customer portal); the portal link itself when it cannot be read.
 * @example agentLink({ issueKey: 'SUP-1', summary: '', portalUrl: 'https://acme.atlassian.net/servicedesk/customer/portal/1/SUP-1' }) //=> 'https://acme.atlassian.net/browse/SUP-1'
 */
export function agentLink(ref: RequestRef): string | null {
  if (ref.issueUrl) return ref.issueUrl;
  if (!ref.portalUrl) return null;
  try {
    return `${new URL(ref.portalUrl).origin}/browse/${encodeURIComponent(ref.issueKey)}`;
  } catch {
    return ref.portalUrl;
  }
}
