/**
 * The app's whole configuration: one schema (zod) and its defaults (DESIGN.md section 5). Its custom checks
 * name their message by key (config-errors.ts renders them from the catalog). Pure: no I/O.
 */
import { z } from 'zod';
import Holidays from 'date-holidays';
import { DEFAULT_WORKING_RANGE, WEEKDAYS } from './business-week';
import { COVERAGES } from './contract';
import { DEFAULT_LANGUAGE_SETTINGS, LANGUAGES } from './language';
import type { Texts } from './texts';
import { CANONICAL_STATUSES } from './workflow';

/** The custom checks' message keys: each has a text in the catalog (texts/*.ts, `config`). */
type MessageKey = keyof Texts['config'];

type Params = Record<string, string | number>;

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

/**
 * True when a YYYY-MM-DD or MM-DD date names a day of the calendar (a month-day in some year: 02-29 is one).
 * @example isCalendarDay('2027-02-30') //=> false
 */
function isCalendarDay(date: string): boolean {
  const [year, month, day] = date.length === 5 ? [2024, ...date.split('-').map(Number)] : date.split('-').map(Number);
  const d = new Date(Date.UTC(year!, month! - 1, day!));
  return d.getUTCMonth() === month! - 1 && d.getUTCDate() === day;
}

/** True when `region` is one of date-holidays' regions (states) of `country`. */
function isKnownRegion(country: string, region: string): boolean {
  return Object.hasOwn(new Holidays().getStates(country) ?? {}, region);
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

const nineToSix = [DEFAULT_WORKING_RANGE];

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
      .array(
        z.string().superRefine((d, ctx) => {
          if (d === '') custom(ctx, 'date.missing', {});
          else if (!DATE.test(d)) custom(ctx, 'date.format', { value: d });
          else if (!isCalendarDay(d)) custom(ctx, 'date.nonexistent', { value: d });
        }),
      )
      .prefault([]),
    /** Closed every year, MM-DD. */
    yearlyDates: z
      .array(
        z.string().superRefine((d, ctx) => {
          if (/^(\d\d-|-\d\d|-|)$/.test(d)) custom(ctx, 'date.missing', {});
          else if (!YEARLY.test(d)) custom(ctx, 'yearlyDate.format', { value: d });
          else if (!isCalendarDay(d)) custom(ctx, 'date.nonexistent', { value: d });
        }),
      )
      .prefault([]),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.region !== null && h.country !== null && isKnownCountry(h.country) && !isKnownRegion(h.country, h.region))
      custom(ctx, 'region.unknown', { value: h.region, country: h.country }, ['region']);
  });

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
    /** The label in a given language, for readers of that language (else `label`). */
    labels: z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(80)).optional(),
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
        default: z.enum(LANGUAGES).prefault(DEFAULT_LANGUAGE_SETTINGS.default),
        available: z
          .array(z.enum(LANGUAGES))
          .min(1)
          .prefault([...DEFAULT_LANGUAGE_SETTINGS.available]),
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
    /**
     * JSM customer notifications the app leaves to JSM (jsm-notifications.ts): the app does not send the emails
     * JSM's notification sends, so that customers get them once, from JSM (which must then have it on).
     */
    leaveToJsm: z
      .object({
        requestCreated: z.boolean().prefault(false),
        publicCommentAdded: z.boolean().prefault(false),
        customerVisibleStatusChanged: z.boolean().prefault(false),
        requestResolved: z.boolean().prefault(false),
      })
      .strict()
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

/**
 * The configuration of a fresh install (DESIGN.md section 5).
 * @example defaultConfig().responseGoals.defaultMinutes //=> 240
 */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
