import { inLanguage, screenContextOf } from './screen-context';

jest.mock('@forge/bridge', () => ({ view: {}, events: {} }));
jest.mock('@atlaskit/tokens/set-global-theme', () => ({ setGlobalTheme: jest.fn() }));

describe('screenContextOf', () => {
  it('reads language, locale, zone, theme and module from Forge’s context', () => {
    expect(
      screenContextOf({
        locale: 'fr_FR',
        timezone: 'America/Montreal',
        theme: { colorMode: 'dark' },
        moduleKey: 'portal-escalate',
      }),
    ).toEqual({
      lang: 'fr',
      locale: 'fr-FR',
      timeZone: 'America/Montreal',
      colorMode: 'dark',
      moduleKey: 'portal-escalate',
    });
  });
  it('falls back to the default language (French), light and the browser’s zone', () => {
    const ctx = screenContextOf(null);
    expect(ctx).toMatchObject({ lang: 'fr', locale: 'fr-FR', colorMode: 'light', moduleKey: '' });
    expect(ctx.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('inLanguage', () => {
  it('follows the language the server chose, with dates of that language', () => {
    const german = screenContextOf({ locale: 'de_DE', timezone: 'Europe/Berlin' });
    expect(german).toMatchObject({ lang: 'fr', locale: 'fr-FR' });
    expect(inLanguage(german, 'en')).toMatchObject({ lang: 'en', locale: 'en-GB', timeZone: 'Europe/Berlin' });
    const american = screenContextOf({ locale: 'en-US' });
    expect(inLanguage(american, 'en')).toBe(american);
    expect(inLanguage(american, 'fr').locale).toBe('fr-FR');
  });
});
