import { textFromAdf } from '../adf';
import { consultingComment, scheduledOperationComment, thirdPartyComment } from './panel-comments';

describe('comments', () => {
  it('names the third party and its reference', () => {
    const en = textFromAdf(thirdPartyComment({ kind: 'atlassian', reference: 'PS-123' }, 'en'), 'en');
    expect(en).toContain('Atlassian');
    expect(en).toContain('PS-123');
    const fr = textFromAdf(thirdPartyComment({ kind: 'hosting', name: 'OVH' }, 'fr'), 'fr');
    expect(fr).toContain("l'hébergeur (OVH)");
    expect(fr).not.toContain('Référence');
  });
  it('writes the scheduled instant in the given time zone', () => {
    const op = { at: '2026-12-01T08:00:00.000Z', who: 'Alice' };
    expect(textFromAdf(scheduledOperationComment(op, 'fr', 'Europe/Paris'), 'fr')).toMatch(/1 décembre 2026 à 09:00/);
    expect(textFromAdf(scheduledOperationComment(op, 'en', 'America/New_York'), 'en')).toMatch(
      /1 December 2026.*03:00/,
    );
    expect(textFromAdf(scheduledOperationComment(op, 'en', 'UTC'), 'en')).toContain('Alice');
  });
  it('mentions the Consulting resolution in both languages', () => {
    expect(textFromAdf(consultingComment('fr'), 'fr')).toContain('«\u00a0Consulting\u00a0»');
    expect(textFromAdf(consultingComment('en'), 'en')).toContain('"Consulting"');
  });
});
