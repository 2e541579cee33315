import { defaultConfig } from './config';
import { validateConfig } from './config-errors';
import { coverageFor, goalMsFor } from './contract';

describe('default configuration', () => {
  const config = defaultConfig();

  it('follows DESIGN.md section 5', () => {
    expect(config.calendars.businessHours.timeZone).toBe('Europe/Paris');
    expect(config.calendars.businessHours.weeklyHours.monday).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(config.calendars.businessHours.weeklyHours.friday).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(config.calendars.businessHours.weeklyHours.saturday).toEqual([]);
    expect(config.calendars.businessHours.weeklyHours.sunday).toEqual([]);
    expect(config.calendars.businessHours.holidays.country).toBe('FR');
    expect(config.coverage.default).toBe('business_hours');
    expect(config.responseGoals.defaultMinutes).toBe(240);
    expect(config.reminders).toEqual({ reminderDays: [3, 6], autoCloseDays: 12, autoCloseResolution: 'Done' });
    expect(config.consultingResolution).toBe('Consulting');
    expect(config.languages).toEqual({ default: 'fr', available: ['fr', 'en'] });
    expect(Object.values(config.rules).filter((on) => !on)).toHaveLength(1);
    expect(config.rules.reopenOnCustomerComment).toBe(false);
  });

  it('is valid as it is, and survives a JSON round trip', () => {
    const again = validateConfig(JSON.parse(JSON.stringify(config)), 'en');
    expect(again).toEqual({ ok: true, config });
  });
});

describe('validation', () => {
  it('fills in what a partial configuration leaves out', () => {
    const result = validateConfig(
      {
        responseGoals: { byPriority: { Highest: 60 } },
        coverage: { byOrganization: { Globex: '24x7' } },
      },
      'en',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.responseGoals).toEqual({ defaultMinutes: 240, byPriority: { Highest: 60 } });
    expect(result.config.calendars.businessHours.weeklyHours.tuesday).toEqual([{ start: '09:00', end: '18:00' }]);
  });

  it('accepts several ranges a day, a region and extra closed days', () => {
    const result = validateConfig(
      {
        calendars: {
          businessHours: {
            timeZone: 'America/New_York',
            weeklyHours: {
              monday: [
                { start: '08:00', end: '12:00' },
                { start: '13:30', end: '17:30' },
              ],
              saturday: [{ start: '00:00', end: '24:00' }],
            },
            holidays: { country: 'US', region: 'NY', fixedDates: ['2026-12-24'], yearlyDates: ['12-26'] },
          },
        },
      },
      'en',
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      { calendars: { businessHours: { timeZone: 'Europe/Pari' } } },
      'calendars.businessHours.timeZone',
      '"Europe/Pari" is not a time zone: use an IANA name such as Europe/Paris.',
      "«\u00a0Europe/Pari\u00a0» n'est pas un fuseau horaire\u00a0: utilisez un nom IANA comme Europe/Paris.",
    ],
    [
      { calendars: { businessHours: { weeklyHours: { monday: [{ start: '18:00', end: '09:00' }] } } } },
      'calendars.businessHours.weeklyHours.monday.0',
      'The range 18:00–09:00 ends before it starts: the end must be later than the start.',
      'La plage 18:00–09:00 finit avant de commencer\u00a0: la fin doit être après le début.',
    ],
    [
      { calendars: { businessHours: { weeklyHours: { monday: [{ start: '9h', end: '18:00' }] } } } },
      'calendars.businessHours.weeklyHours.monday.0.start',
      '"9h" is not a time of day: write it as HH:MM, from 00:00 to 24:00 (for example 09:00).',
      "«\u00a09h\u00a0» n'est pas une heure\u00a0: écrivez-la sous la forme HH:MM, de 00:00 à 24:00 (par exemple 09:00).",
    ],
    [
      {
        calendars: {
          businessHours: {
            weeklyHours: {
              tuesday: [
                { start: '09:00', end: '13:00' },
                { start: '12:00', end: '18:00' },
              ],
            },
          },
        },
      },
      'calendars.businessHours.weeklyHours.tuesday.1',
      "The ranges 09:00–13:00 and 12:00–18:00 overlap: list each day's ranges in order, without overlap.",
      "Les plages 09:00–13:00 et 12:00–18:00 se chevauchent\u00a0: indiquez les plages du jour dans l'ordre, sans chevauchement.",
    ],
    [
      { calendars: { businessHours: { holidays: { country: 'XX' } } } },
      'calendars.businessHours.holidays.country',
      '"XX" is not a known country code: use a two-letter ISO code such as FR, or leave it empty for no public holidays.',
      "«\u00a0XX\u00a0» n'est pas un code pays connu\u00a0: utilisez un code ISO à deux lettres comme FR, ou laissez vide pour aucun jour férié.",
    ],
    [
      { calendars: { businessHours: { holidays: { fixedDates: ['24/12/2026'] } } } },
      'calendars.businessHours.holidays.fixedDates.0',
      '"24/12/2026" is not a date: write it as YYYY-MM-DD (for example 2026-12-24).',
      "«\u00a024/12/2026\u00a0» n'est pas une date\u00a0: écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-12-24).",
    ],
    [
      { calendars: { businessHours: { holidays: { fixedDates: ['2027-02-30'] } } } },
      'calendars.businessHours.holidays.fixedDates.0',
      '"2027-02-30" is not a day of the calendar: check the month\'s number of days.',
      "«\u00a02027-02-30\u00a0» n'est pas un jour du calendrier\u00a0: vérifiez le nombre de jours du mois.",
    ],
    [
      { calendars: { businessHours: { holidays: { yearlyDates: ['12-25', '02-29', '04-31'] } } } },
      'calendars.businessHours.holidays.yearlyDates.2',
      '"04-31" is not a day of the calendar: check the month\'s number of days.',
      "«\u00a004-31\u00a0» n'est pas un jour du calendrier\u00a0: vérifiez le nombre de jours du mois.",
    ],
    [
      { calendars: { businessHours: { holidays: { fixedDates: ['2026-12-24', ''] } } } },
      'calendars.businessHours.holidays.fixedDates.1',
      'Choose the date, or remove this row.',
      'Choisissez la date, ou supprimez cette ligne.',
    ],
    [
      { calendars: { businessHours: { holidays: { yearlyDates: ['05-'] } } } },
      'calendars.businessHours.holidays.yearlyDates.0',
      'Choose the date, or remove this row.',
      'Choisissez la date, ou supprimez cette ligne.',
    ],
    [
      { calendars: { businessHours: { holidays: { country: 'FR', region: 'ZZ' } } } },
      'calendars.businessHours.holidays.region',
      '"ZZ" is not a region of FR for public holidays: use its code in the date-holidays list (for example 67 for Bas-Rhin in FR), or leave it empty for the whole country.',
      "«\u00a0ZZ\u00a0» n'est pas une région de FR pour les jours fériés\u00a0: utilisez son code de la liste date-holidays (par exemple 67 pour le Bas-Rhin en FR), ou laissez vide pour tout le pays.",
    ],
    [
      { reminders: { reminderDays: [6, 3] } },
      'reminders.reminderDays.1',
      'Reminder delays must increase: each reminder comes after the previous one.',
      'Les délais de relance doivent être croissants\u00a0: chaque relance vient après la précédente.',
    ],
    [
      { reminders: { reminderDays: [3, 14] } },
      'reminders.reminderDays.1',
      'A reminder after 14 days comes too late: the request closes after 12 days.',
      'Une relance après 14 jours arrive trop tard\u00a0: la demande est fermée après 12 jours.',
    ],
    [
      { responseGoals: { defaultMinutes: 0 } },
      'responseGoals.defaultMinutes',
      'The value must be at least 1.',
      'La valeur doit être au moins 1.',
    ],
    [
      { responseGoals: { byPriority: { High: 'two hours' } } },
      'responseGoals.byPriority.High',
      'Expected a number.',
      'Valeur attendue\u00a0: un nombre.',
    ],
    [
      { coverage: { byOrganization: { Acme: '24/7' } } },
      'coverage.byOrganization.Acme',
      'Unrecognised value: choose one of "business_hours", "24x7".',
      'Valeur non reconnue\u00a0: choisissez parmi "business_hours", "24x7".',
    ],
    [
      { languages: { default: 'en', available: ['fr'] } },
      'languages.default',
      'The default language "en" must be one of the available languages.',
      'La langue par défaut «\u00a0en\u00a0» doit faire partie des langues proposées.',
    ],
    [
      { escalation: { urgentPhoneNumbers: [{ label: 'Hotline', number: 'call us' }] } },
      'escalation.urgentPhoneNumbers.0.number',
      '"call us" is not a phone number: use digits, spaces and an optional leading + (for example +33 1 23 45 67 89).',
      "«\u00a0call us\u00a0» n'est pas un numéro de téléphone\u00a0: utilisez des chiffres, des espaces et éventuellement un + initial (par exemple +33 1 23 45 67 89).",
    ],
    [
      { rules: { reminder: false } },
      'rules',
      'Unknown setting: reminder. Check its spelling or remove it.',
      "Réglage inconnu\u00a0: reminder. Vérifiez l'orthographe ou retirez-le.",
    ],
    [
      {
        calendars: {
          businessHours: {
            weeklyHours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
          },
        },
      },
      'calendars.businessHours.weeklyHours',
      'The business-hours calendar has no working hours at all: give at least one day a range.',
      "Le calendrier des heures ouvrées n'a aucune heure travaillée\u00a0: donnez une plage à au moins un jour.",
    ],
  ])('rejects %j with a field-level message', (input, path, en, fr) => {
    expect(validateConfig(input, 'en')).toEqual({ ok: false, errors: [{ path, message: en }] });
    expect(validateConfig(input, 'fr')).toEqual({ ok: false, errors: [{ path, message: fr }] });
  });

  it('reports every problem at once', () => {
    const result = validateConfig(
      { calendars: { businessHours: { timeZone: 'Mars/Olympus' } }, reminders: { autoCloseDays: -1 } },
      'en',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      'calendars.businessHours.timeZone',
      'reminders.autoCloseDays',
    ]);
  });

  it('rejects something that is not a configuration at all', () => {
    expect(validateConfig('hello', 'en')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Expected a group of settings.' }],
    });
  });
});

describe('coverage and goals', () => {
  const result = validateConfig(
    {
      coverage: { byOrganization: { Globex: '24x7', '12': 'business_hours' } },
      responseGoals: { byPriority: { Highest: 60 } },
    },
    'en',
  );
  if (!result.ok) throw new Error('fixture invalid');
  const config = result.config;

  it('takes the coverage of the organization, by name or id, 24/7 winning', () => {
    expect(coverageFor(config, [{ id: 7, name: 'Globex' }])).toBe('24x7');
    expect(coverageFor(config, [{ id: 12, name: 'Acme' }])).toBe('business_hours');
    expect(
      coverageFor(config, [
        { id: 12, name: 'Acme' },
        { id: 7, name: 'Globex' },
      ]),
    ).toBe('24x7');
    expect(coverageFor(config, ['Initech'])).toBe('business_hours');
    expect(coverageFor(config, [])).toBe('business_hours');
  });

  it('takes the goal of the priority, else the default', () => {
    expect(goalMsFor(config, 'Highest')).toBe(3_600_000);
    expect(goalMsFor(config, 'Low')).toBe(14_400_000);
    expect(goalMsFor(config, undefined)).toBe(14_400_000);
  });
});

describe('the SLA alerts settings', () => {
  it('take a whole share from 1 to 99 % of the goal, 75 by default', () => {
    expect(defaultConfig().sla).toEqual({ atRiskPercent: 75 });
    expect(validateConfig({ sla: { atRiskPercent: 90 } }, 'en').ok).toBe(true);
    for (const bad of [0, 100, 75.5, '75']) {
      const result = validateConfig({ sla: { atRiskPercent: bad } }, 'en');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]!.path).toBe('sla.atRiskPercent');
    }
  });
});
