import { defaultConfig, type Config } from './config';
import { listsNeeded, siteValueErrors, type SiteLists } from './site-values';

const SITE: SiteLists = {
  priorities: [
    { id: '1', name: 'Highest' },
    { id: '2', name: 'High' },
  ],
  resolutions: [
    { id: '10000', name: 'Done' },
    { id: '10001', name: 'Consulting' },
  ],
  organizations: [
    { id: '1', name: 'Acme Industries' },
    { id: '2', name: 'Globex Cloud' },
  ],
};

function configWith(change: (c: Config) => void): Config {
  const config = defaultConfig();
  change(config);
  return config;
}

describe('settings naming values of the site', () => {
  it('accepts the defaults and the values the site has (organizations by name or id)', () => {
    const config = configWith((c) => {
      c.responseGoals.byPriority = { Highest: 60 };
      c.coverage.byOrganization = { 'Globex Cloud': '24x7', '1': '24x7' };
    });
    expect(siteValueErrors(config, SITE, 'en')).toEqual([]);
  });

  it('refuses a priority, a resolution and an organization the site lacks, under each field', () => {
    const config = configWith((c) => {
      c.responseGoals.byPriority = { Blocker: 60, high: 120 };
      c.coverage.byOrganization = { Initech: '24x7' };
      c.reminders.autoCloseResolution = 'Fixed';
    });
    const errors = siteValueErrors(config, SITE, 'en');
    expect(errors.map((e) => e.path)).toEqual([
      'responseGoals.byPriority.Blocker',
      'responseGoals.byPriority.high',
      'coverage.byOrganization.Initech',
      'reminders.autoCloseResolution',
    ]);
    expect(errors[0]!.message).toBe(
      '"Blocker" is not a priority of this site: the setting could never apply. Pick one from the list.',
    );
    // The same name spelt otherwise: Jira's spelling is suggested (the goals read the priority's exact name).
    expect(errors[1]!.message).toContain('Did you mean "High"?');
    expect(errors[2]!.message).toContain('is not a JSM organization of this site');
  });

  it('explains in French, with French typography', () => {
    const config = configWith((c) => (c.consultingResolution = 'Conseil'));
    expect(siteValueErrors(config, SITE, 'fr')).toEqual([
      {
        path: 'consultingResolution',
        message:
          "«\u00a0Conseil\u00a0» n'est pas une résolution de ce site\u00a0: ce réglage ne pourrait jamais s'appliquer. Choisissez-en une dans la liste.",
      },
    ]);
  });

  it('refuses the values of a list the site could not give (stricter than trusting them), and only those', () => {
    const config = configWith((c) => (c.coverage.byOrganization = { 'Globex Cloud': '24x7' }));
    const errors = siteValueErrors(config, { ...SITE, organizations: { unreadable: 'HTTP 503' } }, 'en');
    expect(errors).toEqual([
      {
        path: 'coverage.byOrganization.Globex Cloud',
        message:
          "The site's organizations could not be read (HTTP 503), so this value cannot be checked: nothing was saved. Try again in a moment.",
      },
    ]);
  });

  it('reads only the lists the settings name', () => {
    expect(listsNeeded(defaultConfig())).toEqual(['resolutions']);
    expect(listsNeeded(configWith((c) => (c.coverage.byOrganization = { Acme: '24x7' }))).sort()).toEqual([
      'organizations',
      'resolutions',
    ]);
  });
});
