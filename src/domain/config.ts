/**
 * The app's whole configuration: one schema (zod), its defaults (DESIGN.md section 5) and validation
 * messages a person can act on, in French and English. Pure: no I/O.
 */
import { z } from 'zod';
import Holidays from 'date-holidays';
import { CANONICAL_STATUSES, type Language } from './workflow';

export const COVERAGES = ['business_hours', '24x7'] as const;
export type Coverage = (typeof COVERAGES)[number];
export const LANGUAGES = ['fr', 'en'] as const;
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Message keys of the custom checks; each has a French and an English text in {@link MESSAGES}. */
type MessageKey =
  | 'timeRange.format'
  | 'timeRange.order'
  | 'timeRange.overlap'
  | 'timeZone.unknown'
  | 'country.unknown'
  | 'date.format'
  | 'yearlyDate.format'
  | 'reminders.order'
  | 'reminders.beforeClose'
  | 'language.defaultNotAvailable'
  | 'phone.format'
  | 'businessHours.empty'
  | 'projectKey.format'
  | 'duplicate';

type Params = Record<string, string | number>;

const MESSAGES: Record<MessageKey, Record<Language, (p: Params) => string>> = {
  'timeRange.format': {
    en: (p) => `"${p.value}" is not a time of day: write it as HH:MM, from 00:00 to 24:00 (for example 09:00).`,
    fr: (p) =>
      `« ${p.value} » n'est pas une heure : écrivez-la sous la forme HH:MM, de 00:00 à 24:00 (par exemple 09:00).`,
  },
  'timeRange.order': {
    en: (p) => `The range ${p.start}–${p.end} ends before it starts: the end must be later than the start.`,
    fr: (p) => `La plage ${p.start}–${p.end} finit avant de commencer : la fin doit être après le début.`,
  },
  'timeRange.overlap': {
    en: (p) => `The ranges ${p.first} and ${p.second} overlap: list each day's ranges in order, without overlap.`,
    fr: (p) =>
      `Les plages ${p.first} et ${p.second} se chevauchent : indiquez les plages du jour dans l'ordre, sans chevauchement.`,
  },
  'timeZone.unknown': {
    en: (p) => `"${p.value}" is not a time zone: use an IANA name such as Europe/Paris.`,
    fr: (p) => `« ${p.value} » n'est pas un fuseau horaire : utilisez un nom IANA comme Europe/Paris.`,
  },
  'country.unknown': {
    en: (p) =>
      `"${p.value}" is not a known country code: use a two-letter ISO code such as FR, or leave it empty for no public holidays.`,
    fr: (p) =>
      `« ${p.value} » n'est pas un code pays connu : utilisez un code ISO à deux lettres comme FR, ou laissez vide pour aucun jour férié.`,
  },
  'date.format': {
    en: (p) => `"${p.value}" is not a date: write it as YYYY-MM-DD (for example 2026-12-24).`,
    fr: (p) => `« ${p.value} » n'est pas une date : écrivez-la sous la forme AAAA-MM-JJ (par exemple 2026-12-24).`,
  },
  'yearlyDate.format': {
    en: (p) => `"${p.value}" is not a yearly date: write it as MM-DD (for example 12-26).`,
    fr: (p) => `« ${p.value} » n'est pas une date annuelle : écrivez-la sous la forme MM-JJ (par exemple 12-26).`,
  },
  'reminders.order': {
    en: () => 'Reminder delays must increase: each reminder comes after the previous one.',
    fr: () => 'Les délais de relance doivent être croissants : chaque relance vient après la précédente.',
  },
  'reminders.beforeClose': {
    en: (p) => `A reminder after ${p.days} days comes too late: the request closes after ${p.close} days.`,
    fr: (p) => `Une relance après ${p.days} jours arrive trop tard : la demande est fermée après ${p.close} jours.`,
  },
  'language.defaultNotAvailable': {
    en: (p) => `The default language "${p.value}" must be one of the available languages.`,
    fr: (p) => `La langue par défaut « ${p.value} » doit faire partie des langues proposées.`,
  },
  'phone.format': {
    en: (p) =>
      `"${p.value}" is not a phone number: use digits, spaces and an optional leading + (for example +33 1 23 45 67 89).`,
    fr: (p) =>
      `« ${p.value} » n'est pas un numéro de téléphone : utilisez des chiffres, des espaces et éventuellement un + initial (par exemple +33 1 23 45 67 89).`,
  },
  'businessHours.empty': {
    en: () => 'The business-hours calendar has no working hours at all: give at least one day a range.',
    fr: () => "Le calendrier des heures ouvrées n'a aucune heure travaillée : donnez une plage à au moins un jour.",
  },
  'projectKey.format': {
    en: (p) =>
      `"${p.value}" is not a project key: a capital letter, then capital letters, digits or _ (for example SUP).`,
    fr: (p) =>
      `« ${p.value} » n'est pas une clé de projet : une lettre majuscule, puis des majuscules, des chiffres ou _ (par exemple SUP).`,
  },
  duplicate: {
    en: (p) => `"${p.value}" is listed twice.`,
    fr: (p) => `« ${p.value} » figure deux fois.`,
  },
};

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const YEARLY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PHONE = /^\+?[0-9][0-9 .-]{3,24}$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/** Minutes since midnight of "HH:MM" (24:00 is 1440). */
export function parseTimeOfDay(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function custom(ctx: z.RefinementCtx, key: MessageKey, params: Params, path: (string | number)[] = []): void {
  ctx.addIssue({ code: 'custom', message: key, params: { key, ...params }, path });
}

/** True when `zone` is an IANA time zone the runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

let countryCodes: Set<string> | undefined;
function isKnownCountry(code: string): boolean {
  countryCodes ??= new Set(Object.keys(new Holidays().getCountries()));
  return countryCodes.has(code);
}

const timeRange = z
  .object({ start: z.string(), end: z.string() })
  .strict()
  .superRefine((r, ctx) => {
    let ok = true;
    for (const side of ['start', 'end'] as const) {
      if (!TIME.test(r[side])) {
        custom(ctx, 'timeRange.format', { value: r[side] }, [side]);
        ok = false;
      }
    }
    if (ok && parseTimeOfDay(r.start) >= parseTimeOfDay(r.end))
      custom(ctx, 'timeRange.order', { start: r.start, end: r.end });
  });

const dayRanges = z.array(timeRange).superRefine((ranges, ctx) => {
  const valid = ranges.filter((r) => TIME.test(r.start) && TIME.test(r.end));
  for (let i = 1; i < valid.length; i++) {
    const prev = valid[i - 1]!;
    const cur = valid[i]!;
    if (parseTimeOfDay(cur.start) < parseTimeOfDay(prev.end)) {
      custom(ctx, 'timeRange.overlap', { first: `${prev.start}–${prev.end}`, second: `${cur.start}–${cur.end}` }, [i]);
    }
  }
});

const timeZone = z.string().superRefine((zone, ctx) => {
  if (!isValidTimeZone(zone)) custom(ctx, 'timeZone.unknown', { value: zone });
});

const nineToSix = [{ start: '09:00', end: '18:00' }];

const weeklyHours = z
  .object({
    monday: dayRanges.prefault(nineToSix),
    tuesday: dayRanges.prefault(nineToSix),
    wednesday: dayRanges.prefault(nineToSix),
    thursday: dayRanges.prefault(nineToSix),
    friday: dayRanges.prefault(nineToSix),
    saturday: dayRanges.prefault([]),
    sunday: dayRanges.prefault([]),
  })
  .strict();

const holidays = z
  .object({
    /** ISO 3166 country whose public holidays are closed days (date-holidays), or null for none. */
    country: z
      .string()
      .nullable()
      .superRefine((c, ctx) => {
        if (c !== null && !isKnownCountry(c)) custom(ctx, 'country.unknown', { value: c });
      })
      .prefault('FR'),
    /** A region of that country (date-holidays' state code), e.g. "67" for Bas-Rhin; null for the whole country. */
    region: z.string().nullable().prefault(null),
    /** One-off closed days, YYYY-MM-DD. */
    fixedDates: z
      .array(z.string().superRefine((d, ctx) => void (DATE.test(d) || custom(ctx, 'date.format', { value: d }))))
      .prefault([]),
    /** Closed every year, MM-DD. */
    yearlyDates: z
      .array(
        z.string().superRefine((d, ctx) => void (YEARLY.test(d) || custom(ctx, 'yearlyDate.format', { value: d }))),
      )
      .prefault([]),
  })
  .strict();

const businessHoursCalendar = z
  .object({
    timeZone: timeZone.prefault('Europe/Paris'),
    weeklyHours: weeklyHours.prefault({}),
    holidays: holidays.prefault({}),
  })
  .strict()
  .superRefine((cal, ctx) => {
    if (WEEKDAYS.every((d) => cal.weeklyHours[d].length === 0)) custom(ctx, 'businessHours.empty', {}, ['weeklyHours']);
  });

const coverage = z.enum(COVERAGES);
const canonical = z.enum(CANONICAL_STATUSES);
const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 365);
const days = z.number().int().min(1).max(365);
const accountId = z.string().min(1).nullable();

const phoneNumber = z
  .object({
    label: z.string().min(1).max(80),
    number: z.string().superRefine((n, ctx) => void (PHONE.test(n) || custom(ctx, 'phone.format', { value: n }))),
  })
  .strict();

export const configSchema = z
  .object({
    version: z.literal(1).prefault(1),
    /** The JSM projects the rules apply to, by key; empty: every project of type service_desk. */
    projects: z
      .object({
        keys: z
          .array(
            z
              .string()
              .superRefine((k, ctx) => void (PROJECT_KEY.test(k) || custom(ctx, 'projectKey.format', { value: k }))),
          )
          .max(200)
          .prefault([]),
      })
      .strict()
      .superRefine((p, ctx) => {
        const seen = new Set<string>();
        p.keys.forEach((key, i) => {
          if (seen.has(key)) custom(ctx, 'duplicate', { value: key }, ['keys', i]);
          seen.add(key);
        });
      })
      .prefault({}),
    /** Site statuses onto canonical keys: ids first, then names; the French and English names of DESIGN.md work unmapped. */
    statusMapping: z
      .object({
        byId: z.record(z.string().min(1), canonical).prefault({}),
        byName: z.record(z.string().min(1), canonical).prefault({}),
      })
      .strict()
      .prefault({}),
    calendars: z
      .object({
        businessHours: businessHoursCalendar.prefault({}),
        /** 24/7 coverage counts every minute; its time zone is the one its instants are shown in. */
        twentyFourSeven: z
          .object({ timeZone: timeZone.prefault('Europe/Paris') })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /** Coverage of each JSM organization's contract (by organization id or name), and for everyone else. */
    coverage: z
      .object({
        default: coverage.prefault('business_hours'),
        byOrganization: z.record(z.string().min(1), coverage).prefault({}),
      })
      .strict()
      .prefault({}),
    /** Response goal in minutes of the contract's calendar, by priority name, and for any other priority. */
    responseGoals: z
      .object({
        defaultMinutes: minutes.prefault(240),
        byPriority: z.record(z.string().min(1), minutes).prefault({}),
      })
      .strict()
      .prefault({}),
    /** Waiting-for-customer automation, in calendar days without a person's activity. */
    reminders: z
      .object({
        reminderDays: z.array(days).max(5).prefault([3, 6]),
        autoCloseDays: days.prefault(12),
        autoCloseResolution: z.string().min(1).prefault('Done'),
      })
      .strict()
      .superRefine((r, ctx) => {
        r.reminderDays.forEach((d, i) => {
          if (i > 0 && d <= r.reminderDays[i - 1]!) custom(ctx, 'reminders.order', {}, ['reminderDays', i]);
          if (Number.isInteger(r.autoCloseDays) && r.autoCloseDays >= 1 && d >= r.autoCloseDays)
            custom(ctx, 'reminders.beforeClose', { days: d, close: r.autoCloseDays }, ['reminderDays', i]);
        });
      })
      .prefault({}),
    /** The response SLA's alerts and "at risk" state. */
    sla: z
      .object({
        /**
         * The share of the goal (in the contract's calendar) at which a running SLA is "at risk" and the
         * before-breach alert is due.
         */
        atRiskPercent: z.number().int().min(1).max(99).prefault(75),
      })
      .strict()
      .prefault({}),
    /** The resolution that marks a consulting need. */
    consultingResolution: z.string().min(1).prefault('Consulting'),
    escalation: z
      .object({
        teamLeadAccountId: accountId.prefault(null),
        offerManagerAccountId: accountId.prefault(null),
        /** The Jira group of the support team, notified when a customer reopens a request. */
        supportTeamGroup: z.string().min(1).nullable().prefault(null),
        urgentPhoneNumbers: z.array(phoneNumber).max(10).prefault([]),
      })
      .strict()
      .prefault({}),
    languages: z
      .object({
        default: z.enum(LANGUAGES).prefault('fr'),
        available: z.array(z.enum(LANGUAGES)).min(1).prefault(['fr', 'en']),
      })
      .strict()
      .superRefine((l, ctx) => {
        if (!l.available.includes(l.default))
          custom(ctx, 'language.defaultNotAvailable', { value: l.default }, ['default']);
        const seen = new Set<string>();
        l.available.forEach((lang, i) => {
          if (seen.has(lang)) custom(ctx, 'duplicate', { value: lang }, ['available', i]);
          seen.add(lang);
        });
      })
      .prefault({}),
    /** Each promise of the support page can be switched off on its own. */
    rules: z
      .object({
        notifyOnCreation: z.boolean().prefault(true),
        notifyOnStatusChange: z.boolean().prefault(true),
        notifyOnSupportComment: z.boolean().prefault(true),
        notifyTeamOnReopen: z.boolean().prefault(true),
        reopenOnCustomerComment: z.boolean().prefault(false),
        resumeOnCustomerComment: z.boolean().prefault(true),
        consulting: z.boolean().prefault(true),
        escalation: z.boolean().prefault(true),
        reminders: z.boolean().prefault(true),
        autoClose: z.boolean().prefault(true),
        slaAlerts: z.boolean().prefault(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** The configuration, with every default filled in. */
export type Config = z.output<typeof configSchema>;
/** What an admin may write: any part may be left out and takes its default. */
export type ConfigInput = z.input<typeof configSchema>;
export type BusinessHoursCalendarConfig = Config['calendars']['businessHours'];
export type RuleSwitch = keyof Config['rules'];

/** One field's problem, with its path (`calendars.businessHours.timeZone`) and a message in the asked language. */
export interface ConfigError {
  path: string;
  message: string;
}

export type ConfigValidation = { ok: true; config: Config } | { ok: false; errors: ConfigError[] };

/**
 * The configuration of a fresh install (DESIGN.md section 5).
 * @example defaultConfig().responseGoals.defaultMinutes //=> 240
 */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

/**
 * Validates an admin's configuration (missing parts take their defaults) and explains every problem
 * in the given language, field by field.
 * @example validateConfig({ reminders: { reminderDays: [6, 3] } }, 'en').ok //=> false
 */
export function validateConfig(input: unknown, lang: Language = 'en'): ConfigValidation {
  const parsed = configSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: describeIssue(issue, lang) })),
  };
}

const TYPE_NAMES: Record<string, Record<Language, string>> = {
  string: { en: 'a text', fr: 'un texte' },
  number: { en: 'a number', fr: 'un nombre' },
  int: { en: 'a whole number', fr: 'un nombre entier' },
  boolean: { en: 'true or false', fr: 'vrai ou faux' },
  object: { en: 'a group of settings', fr: 'un groupe de réglages' },
  array: { en: 'a list', fr: 'une liste' },
  record: { en: 'a table of names and values', fr: 'une table de noms et de valeurs' },
};

function describeIssue(issue: z.core.$ZodIssue, lang: Language): string {
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as Params & { key?: MessageKey };
      const entry = params.key ? MESSAGES[params.key] : undefined;
      return entry ? entry[lang](params) : issue.message;
    }
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected]?.[lang] ?? issue.expected;
      return fr ? `Valeur attendue : ${expected}.` : `Expected ${expected}.`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return fr
        ? `Valeur non reconnue : choisissez parmi ${allowed}.`
        : `Unrecognised value: choose one of ${allowed}.`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return fr
        ? `Réglage inconnu : ${keys}. Vérifiez l'orthographe ou retirez-le.`
        : `Unknown setting: ${keys}. Check its spelling or remove it.`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array')
        return fr ? `La liste doit compter au moins ${min} élément(s).` : `The list needs at least ${min} item(s).`;
      if (issue.origin === 'string') return fr ? 'Ce champ ne peut pas être vide.' : 'This field cannot be empty.';
      return fr ? `La valeur doit être au moins ${min}.` : `The value must be at least ${min}.`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array')
        return fr ? `La liste compte au plus ${max} éléments.` : `The list holds at most ${max} items.`;
      if (issue.origin === 'string')
        return fr ? `Le texte compte au plus ${max} caractères.` : `The text holds at most ${max} characters.`;
      return fr ? `La valeur doit être au plus ${max}.` : `The value must be at most ${max}.`;
    }
    default:
      return issue.message;
  }
}

/**
 * The coverage of a request's contract: its organizations' coverage (24/7 wins when several apply), else the default.
 * @example coverageFor(defaultConfig(), ['Acme']) //=> 'business_hours'
 */
export function coverageFor(
  config: Config,
  organizations: readonly { id?: string | number; name?: string }[] | readonly string[],
): Coverage {
  const table = config.coverage.byOrganization;
  const found: Coverage[] = [];
  for (const org of organizations) {
    const keys = typeof org === 'string' ? [org] : [org.id != null ? String(org.id) : undefined, org.name];
    for (const key of keys) {
      if (key !== undefined && Object.prototype.hasOwnProperty.call(table, key)) {
        found.push(table[key]!);
        break;
      }
    }
  }
  if (found.length === 0) return config.coverage.default;
  return found.includes('24x7') ? '24x7' : 'business_hours';
}

/**
 * The response goal of a priority, in milliseconds.
 * @example goalMsFor(defaultConfig(), 'High') //=> 14400000
 */
export function goalMsFor(config: Config, priorityName: string | null | undefined): number {
  const byPriority = config.responseGoals.byPriority;
  const minutesForPriority =
    priorityName != null && Object.prototype.hasOwnProperty.call(byPriority, priorityName)
      ? byPriority[priorityName]!
      : config.responseGoals.defaultMinutes;
  return minutesForPriority * 60_000;
}
