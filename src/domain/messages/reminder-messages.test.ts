import type { RequestRef } from './layout';
import { autoCloseMessage, reminderMessage } from './reminder-messages';

const ref: RequestRef = { issueKey: 'SUP-7', summary: 'VPN down', portalUrl: 'https://site.example/portal/1/SUP-7' };
const closesAtMs = Date.UTC(2026, 0, 17, 9); // 10:00 in Paris

describe('the reminder texts', () => {
  it('say in French what is awaited and when the request closes', () => {
    const { comment, message } = reminderMessage('fr', ref, {
      reminder: 1,
      awaited: 'Merci de nous envoyer les journaux.',
      closesAtMs,
      timeZone: 'Europe/Paris',
    });
    expect(comment).toContain('relance n°\u00a01');
    expect(comment).toContain('> Merci de nous envoyer les journaux.');
    expect(comment).toContain('fermée le 17 janvier 2026 à 10:00 (Europe/Paris)');
    expect(message.subject).toBe('[SUP-7] Relance\u00a0: VPN down');
    expect(message.textBody).toContain('17 janvier 2026 à 10:00');
  });

  it('say it in English, with a generic line when the awaited answer is unknown and no date when auto-close is off', () => {
    const { comment, message } = reminderMessage('en', ref, {
      reminder: 2,
      awaited: null,
      closesAtMs: null,
      timeZone: 'Europe/Paris',
    });
    expect(comment).toContain('(reminder 2)');
    expect(comment).toContain('the information asked for in our latest comment');
    expect(comment).not.toContain('will close');
    expect(message.subject).toBe('[SUP-7] Reminder: VPN down');
  });

  it('shorten a long awaited text', () => {
    const { comment } = reminderMessage('en', ref, {
      reminder: 1,
      awaited: 'x'.repeat(2000),
      closesAtMs: null,
      timeZone: 'UTC',
    });
    expect(comment).toContain(`${'x'.repeat(600)}…`);
    expect(comment).not.toContain('x'.repeat(601));
  });
});

describe('the auto-close texts', () => {
  it.each([
    [
      'fr',
      '[SUP-7] Fermée sans réponse\u00a0: VPN down',
      /depuis 12 jours.*rouvrez-la depuis le portail \(https:\/\/site\.example\/portal\/1\/SUP-7\)/s,
    ],
    [
      'en',
      '[SUP-7] Closed without an answer: VPN down',
      /for 12 days.*reopen it from the portal \(https:\/\/site\.example\/portal\/1\/SUP-7\)/s,
    ],
  ] as const)('say in %s how to reopen', (lang, subject, body) => {
    const { comment, message } = autoCloseMessage(lang, ref, { days: 12 });
    expect(message.subject).toBe(subject);
    expect(comment).toMatch(body);
    expect(message.textBody).toMatch(body);
  });
});
