/**
 * What a request's support contract gives it: its coverage (the calendar its SLA counts in, chosen by its JSM
 * organizations) and its response goal (by priority). Pure: no I/O, no import the screens could not afford.
 */
import type { Config } from './config';

export const COVERAGES = ['business_hours', '24x7'] as const;
export type Coverage = (typeof COVERAGES)[number];

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
