import { screenContextOf } from './screen-context';

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
  it('falls back to English, light and the browser’s zone', () => {
    const ctx = screenContextOf(null);
    expect(ctx).toMatchObject({ lang: 'en', locale: 'en-GB', colorMode: 'light', moduleKey: '' });
    expect(ctx.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
