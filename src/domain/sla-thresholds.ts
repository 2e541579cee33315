/**
 * The response SLA's two thresholds: the warning, when the elapsed time reaches `sla.atRiskPercent` of the goal
 * (the SLA is then "at risk" and the before-breach alert is due), and the breach, when it reaches the goal.
 * Both count in the contract's calendar, so a business-hours SLA reaches them during business hours only.
 * Pure: the SLA engine's result is the input.
 */
import { calendarFor } from './calendar';
import type { Config } from './config';
import type { SlaResult } from './sla';

/** Where a response SLA stands against its thresholds. */
export type SlaRisk = 'on_track' | 'at_risk' | 'breached' | 'met';

/**
 * The elapsed time at which an SLA of `goalMs` is at risk: `percent` of the goal, to the millisecond.
 * @example warningThresholdMs(14_400_000, 75) //=> 10800000 (3 hours of a 4-hour goal)
 */
export function warningThresholdMs(goalMs: number, percent: number): number {
  return Math.round((goalMs * percent) / 100);
}

/**
 * The instant the SLA's running periods accumulate `amountMs` of working time, reached already or, while it
 * runs, projected; null when it never will (paused or stopped before reaching it).
 * @example instantElapsedReaches(runningSince9am24x7, 3_600_000, defaultConfig()) //=> the instant 10:00 (ms)
 */
export function instantElapsedReaches(result: SlaResult, amountMs: number, config: Config): number | null {
  const calendar = calendarFor(config, result.coverage);
  let accumulated = 0;
  for (const period of result.timeline) {
    if (period.kind !== 'running') continue;
    const from = Date.parse(period.from);
    if (period.to === null) {
      // The open period runs on until something changes: the projection.
      return result.state === 'running' ? calendar.addWorkingMs(from, amountMs - accumulated) : null;
    }
    const worked = calendar.workingMsBetween(from, Date.parse(period.to));
    if (accumulated + worked >= amountMs) return calendar.addWorkingMs(from, amountMs - accumulated);
    accumulated += worked;
  }
  return null;
}

/**
 * When a running SLA reaches (or reached) `sla.atRiskPercent` of its goal; null for a paused or stopped one
 * (a pause has no warning instant: the resume computes it again, later by the pause's working time).
 * @example warningAt(slaRunningSinceFriday16hParis, defaultConfig()) //=> Date.parse('Monday 10:00 Paris')
 */
export function warningAt(result: SlaResult, config: Config): number | null {
  if (result.state !== 'running') return null;
  return instantElapsedReaches(result, warningThresholdMs(result.goalMs, config.sla.atRiskPercent), config);
}

/**
 * The SLA's standing: a stopped one is met or breached for good; a running or paused one is breached past its
 * goal, at risk from `sla.atRiskPercent` of it, on track before.
 * @example slaRisk({ state: 'running', breached: false, elapsedMs: 11_000_000, goalMs: 14_400_000, ... }, defaultConfig()) //=> 'at_risk'
 */
export function slaRisk(
  result: Pick<SlaResult, 'state' | 'breached' | 'elapsedMs' | 'goalMs'>,
  config: Config,
): SlaRisk {
  if (result.breached) return 'breached';
  if (result.state === 'stopped') return 'met';
  return result.elapsedMs >= warningThresholdMs(result.goalMs, config.sla.atRiskPercent) ? 'at_risk' : 'on_track';
}
