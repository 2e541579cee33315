import { textFromAdf } from './actions';
import {
  checkScheduledOperation,
  checkThirdParty,
  consultingComment,
  mergeDetails,
  scheduledOperationComment,
  thirdPartyComment,
} from './panel-actions';

describe('checkThirdParty', () => {
  it('keeps a known kind and trims the optional texts', () => {
    expect(checkThirdParty({ kind: 'addon_vendor', name: '  Tempo  ', reference: ' SUP 42 ' }, 'en')).toEqual({
      ok: true,
      value: { kind: 'addon_vendor', name: 'Tempo', reference: 'SUP 42' },
    });
  });
  it('drops empty optional texts', () => {
    expect(checkThirdParty({ kind: 'hosting', name: '   ' }, 'en')).toEqual({ ok: true, value: { kind: 'hosting' } });
  });
  it('refuses an unknown kind, in the asked language', () => {
    const check = checkThirdParty({ kind: 'plumber' }, 'fr');
    expect(check).toMatchObject({ ok: false, field: 'kind' });
    expect(!check.ok && check.message).toContain('hébergeur');
  });
});

describe('checkScheduledOperation', () => {
  it('normalises the instant to ISO UTC', () => {
    expect(checkScheduledOperation({ at: '2026-12-01T09:00:00+01:00', who: 'Ops team' }, 'en')).toEqual({
      ok: true,
      value: { at: '2026-12-01T08:00:00.000Z', who: 'Ops team' },
    });
  });
  it('asks for an instant, then for who', () => {
    expect(checkScheduledOperation({ at: 'tomorrow', who: 'Ops' }, 'en')).toMatchObject({ ok: false, field: 'at' });
    expect(checkScheduledOperation({ at: '2026-12-01T08:00:00Z', who: ' ' }, 'en')).toMatchObject({
      ok: false,
      field: 'who',
    });
  });
});

describe('comments', () => {
  it('names the third party and its reference', () => {
    const en = textFromAdf(thirdPartyComment({ kind: 'atlassian', reference: 'PS-123' }, 'en'));
    expect(en).toContain('Atlassian');
    expect(en).toContain('PS-123');
    const fr = textFromAdf(thirdPartyComment({ kind: 'hosting', name: 'OVH' }, 'fr'));
    expect(fr).toContain("l'hébergeur (OVH)");
    expect(fr).not.toContain('Référence');
  });
  it('writes the scheduled instant in the given time zone', () => {
    const op = { at: '2026-12-01T08:00:00.000Z', who: 'Alice' };
    expect(textFromAdf(scheduledOperationComment(op, 'fr', 'Europe/Paris'))).toMatch(/1 décembre 2026 à 09:00/);
    expect(textFromAdf(scheduledOperationComment(op, 'en', 'America/New_York'))).toMatch(/1 December 2026.*03:00/);
    expect(textFromAdf(scheduledOperationComment(op, 'en', 'UTC'))).toContain('Alice');
  });
  it('mentions the Consulting resolution in both languages', () => {
    expect(textFromAdf(consultingComment('fr'))).toContain('« Consulting »');
    expect(textFromAdf(consultingComment('en'))).toContain('"Consulting"');
  });
});

describe('mergeDetails', () => {
  it('keeps the other detail and replaces the same one', () => {
    const stored = { thirdParty: { kind: 'hosting' }, scheduledOperation: { at: 'a', who: 'b' } };
    expect(mergeDetails(stored, { thirdParty: { kind: 'atlassian' } })).toEqual({
      thirdParty: { kind: 'atlassian' },
      scheduledOperation: { at: 'a', who: 'b' },
    });
    expect(mergeDetails(undefined, { scheduledOperation: { at: 'x', who: 'y' } })).toEqual({
      scheduledOperation: { at: 'x', who: 'y' },
    });
  });
});
