/**
 * How the screens write durations and instants: with Intl, in the user's locale and time zone.
 */
import type { Language } from '../../../src/shared/contracts';
import { strings } from './i18n';

/**
 * The BCP 47 tag Intl writes dates with for a screen in `lang`: the viewer's Jira locale (fr_FR → fr-FR) when it
 * is of that language, else the language's own (a German locale on a French screen writes French dates).
 * @example intlLocale('en_US', 'en') //=> 'en-US'
 * @example intlLocale('de_DE', 'fr') //=> 'fr-FR'
 */
export function intlLocale(locale: string | null | undefined, lang: Language): string {
  const tag = (locale ?? '').replace('_', '-');
  try {
    const canonical = tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
    if (canonical && canonical.toLowerCase().startsWith(lang)) return canonical;
  } catch {
    // not a tag Intl knows: the language's own
  }
  return strings(lang).intlLocale;
}

/**
 * A duration in hours and minutes, as an SLA counts it (business hours are never turned into days).
 * @example formatDuration(3 * 3600_000 + 5 * 60_000) //=> '3 h 05 min'
 * @example formatDuration(45 * 60_000) //=> '45 min'
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const sign = ms < 0 && minutes > 0 ? '−' : '';
  if (h === 0) return `${sign}${m} min`;
  return `${sign}${h} h ${String(m).padStart(2, '0')} min`;
}

/**
 * The SLA's figures in whole minutes, so that what is shown adds up: elapsed + remaining = goal, or
 * elapsed − goal = overdue once past the goal.
 * @example slaFigures(61 * 60_000 + 30_000, 240 * 60_000) //=> { elapsed: '1 h 01 min', remaining: '2 h 59 min', overdue: null }
 */
export function slaFigures(
  elapsedMs: number,
  goalMs: number,
): { elapsed: string; remaining: string | null; overdue: string | null } {
  const elapsed = Math.floor(Math.max(elapsedMs, 0) / 60_000) * 60_000;
  return {
    elapsed: formatDuration(elapsed),
    remaining: elapsed <= goalMs ? formatDuration(goalMs - elapsed) : null,
    overdue: elapsed > goalMs ? formatDuration(elapsed - goalMs) : null,
  };
}

/**
 * An instant as people read it, in the given locale and time zone, with the zone's short name.
 * @example formatInstant('2026-11-28T09:00:00Z', 'fr-FR', 'Europe/Paris') //=> '28 nov. 2026, 10:00 UTC+1'
 */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/**
 * A calendar day as people read it, in the given locale and time zone.
 * @example formatDay('2026-12-10T09:00:00Z', 'en-GB', 'Europe/Paris') //=> 'Thursday, 10 December 2026'
 */
export function formatDay(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
}

/** Where a stretch of a timeline bar sits, as a share of the whole. */
export interface BarPlacement {
  /** Where the stretch ends: its own end, or `now` for the one still going on. */
  to: string;
  /** Left edge and width, in percent of the bar. */
  left: number;
  width: number;
}

/**
 * Lays a timeline's stretches out on a bar spanning from its first start to its last end; a stretch still going
 * on (`to` null) ends `now`. Each keeps what it carried (its kind, its status) beside its placement.
 * @example timelineBar([{ from: '2026-01-01T00:00:00Z', to: null, kind: 'running' }], '2026-01-01T01:00:00Z') //=> [{ kind: 'running', left: 0, width: 100, ... }]
 */
export function timelineBar<P extends { from: string; to: string | null }>(
  periods: readonly P[],
  now: string,
): Array<Omit<P, 'to'> & BarPlacement> {
  if (periods.length === 0) return [];
  const start = Date.parse(periods[0]!.from);
  const ends = periods.map((p) => p.to ?? now);
  const end = Math.max(...ends.map((e) => Date.parse(e)));
  const span = Math.max(end - start, 1);
  return periods.map((p, i) => {
    const from = Date.parse(p.from);
    const to = Date.parse(ends[i]!);
    return {
      ...p,
      to: ends[i]!,
      left: ((from - start) / span) * 100,
      width: (Math.max(to - from, 0) / span) * 100,
    };
  });
}
