import { configSchema } from '../config';
import type { Language } from '../language';
import { requestDetailsSchema } from '../request-details';
import { formatInstant } from '../texts/dates';
import { ANNOUNCED_STATUSES, STATUS_NAMES } from '../workflow';
import { createdMessage, statusMessage, supportCommentMessage } from './customer-notifications';
import type { Message, RequestRef } from './layout';
import {
  alreadyEscalatedText,
  consultingNote,
  escalationGuidance,
  escalationMessage,
  escalationNote,
  reopenedMessage,
} from './team-messages';

const ref: RequestRef = {
  issueKey: 'SUP-3',
  summary: 'Confluence is slow',
  portalUrl: 'https://site.example/servicedesk/customer/portal/1/SUP-3',
};
const AT = Date.UTC(2026, 10, 28, 9, 30);
const LANGS: Language[] = ['fr', 'en'];
const facts = { byName: 'Carol Client', atMs: AT, reason: 'No answer for three days' };

/**
 * Every customer message names the request, its summary and the portal link, and says how to answer: by
 * replying to the email, except on a closed request, where a reply reopens nothing unless the rule says so.
 */
function expectCustomerMessage(m: Message, lang: Language, closed = false): void {
  expect(m.subject.startsWith('[SUP-3] ')).toBe(true);
  expect(m.subject.endsWith('Confluence is slow')).toBe(true);
  expect(m.textBody).toContain('SUP-3');
  expect(m.textBody).toContain(ref.portalUrl);
  const reply = { fr: 'répondez simplement à cet e-mail', en: 'simply reply to this email' }[lang];
  if (closed) {
    expect(m.textBody).not.toContain(reply);
    expect(m.textBody).toContain(
      {
        fr: `Pour la rouvrir, utilisez l'action «\u00a0Rouvrir\u00a0» sur le portail\u00a0: ${ref.portalUrl}`,
        // the site's own name of its reopen transition, whatever the email's language
        en: `To reopen it, use the "Rouvrir" action in the portal: ${ref.portalUrl}`,
      }[lang],
    );
  } else expect(m.textBody).toContain(reply);
}

describe.each(LANGS)('customer messages in %s', (lang) => {
  it('acknowledges a new request', () => {
    const m = createdMessage(lang, ref);
    expectCustomerMessage(m, lang);
    expect(m.textBody).toContain(STATUS_NAMES.submitted[lang]);
  });

  it.each([...ANNOUNCED_STATUSES])('announces %s with its name and what happens next', (status) => {
    const m = statusMessage(lang, ref, status, null, { reopenAction: 'Rouvrir' });
    expectCustomerMessage(m, lang, status === 'closed');
    expect(m.subject).toContain(STATUS_NAMES[status][lang]);
    // lead sentence, next step, how to answer, signature: at least one paragraph beyond the lead.
    expect(m.textBody.split('\n\n').length).toBeGreaterThanOrEqual(5);
  });

  it('forwards a comment, quoted', () => {
    const m = supportCommentMessage(lang, ref, 'Alice Agent', 'Line one\nLine two');
    expectCustomerMessage(m, lang);
    expect(m.textBody).toContain('> Line one\n> Line two');
    expect(supportCommentMessage(lang, ref, null, 'x').textBody).toContain(
      { fr: "L'équipe support a commenté", en: 'The support team commented' }[lang],
    );
  });
});

describe('status details', () => {
  it('names the third party by kind, name and reference', () => {
    expect(
      statusMessage('fr', ref, 'waiting_for_third_party', { thirdParty: { kind: 'hosting', name: 'OVH' } }).textBody,
    ).toContain("Nous attendons l'intervention de l'hébergeur OVH.");
    expect(
      statusMessage('en', ref, 'waiting_for_third_party', { thirdParty: { kind: 'atlassian', reference: 'PSSRV-1' } })
        .textBody,
    ).toContain('We are waiting for Atlassian (reference PSSRV-1) to act.');
    expect(statusMessage('en', ref, 'waiting_for_third_party').textBody).toContain(
      '(Atlassian, an add-on vendor or a hosting company)',
    );
  });

  it('says when and who of a scheduled operation, or points to the comment when unknown', () => {
    const details = { scheduledOperation: { at: '2026-12-05T06:00:00Z', who: 'Hugo' } };
    expect(statusMessage('en', ref, 'scheduled_operation', details, { timeZone: 'Europe/Paris' }).textBody).toContain(
      'An operation is scheduled on 5 December 2026 at 07:00 (Europe/Paris); Hugo will carry it out.',
    );
    expect(statusMessage('fr', ref, 'scheduled_operation').textBody).toContain(
      'le dernier commentaire de la demande précise quand et qui',
    );
  });

  it('explains reopening on closure, and the consulting resolution when it applies', () => {
    expect(statusMessage('en', ref, 'closed').textBody).toContain('you can reopen the request');
    // A reply by email reopens only when reopenOnCustomerComment is on; the email then says so.
    expect(
      statusMessage('fr', ref, 'closed', null, { replyReopens: true, reopenAction: 'Rouvrir' }).textBody,
    ).toContain(
      `Pour la rouvrir, répondez simplement à cet e-mail, ou utilisez l'action «\u00a0Rouvrir\u00a0» sur le portail\u00a0: ${ref.portalUrl}.`,
    );
    expect(statusMessage('en', { ...ref, portalUrl: null }, 'closed').textBody).toContain(
      'You can reopen it in the customer portal.',
    );
    expect(statusMessage('en', ref, 'closed').textBody).not.toContain('consulting');
    expect(statusMessage('en', ref, 'closed', null, { consulting: true }).textBody).toContain(
      'identified as a consulting need',
    );
  });

  it('validates what the panel records', () => {
    expect(requestDetailsSchema.safeParse({ thirdParty: { kind: 'atlassian' } }).success).toBe(true);
    expect(requestDetailsSchema.safeParse({ thirdParty: { kind: 'someone' } }).success).toBe(false);
    expect(requestDetailsSchema.safeParse({ scheduledOperation: { at: 'tomorrow', who: 'Hugo' } }).success).toBe(false);
  });
});

describe.each(LANGS)('team messages in %s', (lang) => {
  it('tells the team of a reopen, with the customer comment when there is one', () => {
    const m = reopenedMessage(lang, ref, 'Carol Client', 'It fails again');
    expect(m.subject).toContain('SUP-3');
    expect(m.textBody).toContain('Carol Client');
    expect(m.textBody).toContain('> It fails again');
    expect(m.textBody).toContain(STATUS_NAMES.in_progress[lang]);
    // The team works in Jira: the link opens the issue view, not the customer portal.
    expect(m.textBody).toContain('https://site.example/browse/SUP-3');
    expect(m.textBody).not.toContain(ref.portalUrl);
  });

  it('asks the lead and the manager to speed an escalated request up, with the reason', () => {
    const m = escalationMessage(lang, ref, facts, 'Europe/Paris');
    expect(m.subject).toContain('SUP-3');
    expect(m.textBody).toContain('Carol Client');
    expect(m.textBody).toContain('> No answer for three days');
    expect(m.textBody).toContain(formatInstant(AT, lang, 'Europe/Paris'));
    expect(m.textBody).toContain('https://site.example/browse/SUP-3');
    expect(escalationMessage(lang, { ...ref, portalUrl: null }, facts, 'Europe/Paris').textBody).not.toContain('http');
  });

  it('notes an escalation and a consulting closure internally, and answers a repeat', () => {
    expect(escalationNote(lang, facts, 'Europe/Paris')).toContain('No answer for three days');
    expect(consultingNote(lang, 'Alice', 'Consulting', AT, 'Europe/Paris')).toContain('Alice');
    expect(alreadyEscalatedText(lang, facts, 'Europe/Paris')).toContain(formatInstant(AT, lang, 'Europe/Paris'));
  });
});

describe('escalationGuidance', () => {
  it('says when to escalate and lists the configured urgent numbers', () => {
    const config = configSchema.parse({
      escalation: { urgentPhoneNumbers: [{ label: 'Hotline', number: '+33 1 23 45 67 89' }] },
    });
    const guidance = escalationGuidance('en', config);
    expect(guidance.whenToEscalate).toHaveLength(2);
    expect(guidance.phoneNumbers).toEqual([{ label: 'Hotline', number: '+33 1 23 45 67 89' }]);
    expect(escalationGuidance('fr', config).urgent).toContain('appelez-nous');
  });
});
