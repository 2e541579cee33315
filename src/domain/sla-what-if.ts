/**
 * What a change of the SLA settings (calendars, holidays, coverage, goals) would do to the requests already
 * measured: which would change outcome, met <-> breached. A stopped SLA keeps its record, so for it the answer is
 * what a recompute would do; a running one follows the settings as soon as they are saved. Pure: results in,
 * a tally out.
 */
import type { SlaResult } from './sla';
import type { SlaRecord } from './sla-record';

/** How one request's outcome would move. */
export type OutcomeChange =
  /** Stopped within its goal, but late under the new settings (once recomputed). */
  | 'met_to_breached'
  /** Stopped late, but within its goal under the new settings (once recomputed). */
  | 'breached_to_met'
  /** Still running or paused, not late yet, but already past its goal under the new settings. */
  | 'now_breached'
  /** Still running or paused and late, but not under the new settings. */
  | 'no_longer_breached';

export interface WhatIfExample {
  issueKey: string;
  change: OutcomeChange;
  /** Working time elapsed, now and under the new settings (ms), and the goal under each. */
  elapsedMs: number;
  newElapsedMs: number;
  goalMs: number;
  newGoalMs: number;
}

export interface WhatIfTally {
  /** Requests looked at. */
  scanned: number;
  /** Requests whose SLA could not be measured (no creation date, no status). */
  unmeasurable: number;
  changes: Record<OutcomeChange, number>;
  /** The first few changes, to show. */
  examples: WhatIfExample[];
}

/** Examples kept in a tally. */
export const WHAT_IF_EXAMPLES = 5;

/**
 * An empty tally.
 * @example emptyTally().changes.met_to_breached //=> 0
 */
export function emptyTally(): WhatIfTally {
  return {
    scanned: 0,
    unmeasurable: 0,
    changes: { met_to_breached: 0, breached_to_met: 0, now_breached: 0, no_longer_breached: 0 },
    examples: [],
  };
}

/** The SLA as it stands: a stopped one as its record measured it, anything else as computed now. */
export interface CurrentSla {
  state: SlaResult['state'];
  breached: boolean;
  elapsedMs: number;
  goalMs: number;
}

/**
 * The SLA as it stands today: the record of a stopped SLA (kept as measured), else the live result.
 * @example currentSla(liveResult, stoppedRecord).elapsedMs //=> stoppedRecord.elapsedMs
 */
export function currentSla(live: SlaResult, record: SlaRecord | null): CurrentSla {
  if (record?.state === 'stopped')
    return {
      state: 'stopped',
      breached: record.breached === 'yes',
      elapsedMs: record.elapsedMs,
      goalMs: record.goalMs,
    };
  return { state: live.state, breached: live.breached, elapsedMs: live.elapsedMs, goalMs: live.goalMs };
}

/**
 * How the outcome moves from the SLA as it stands to the SLA under the new settings, or null when it does not.
 * @example outcomeChange({ state: 'stopped', breached: false, ... }, { state: 'stopped', breached: true, ... }) //=> 'met_to_breached'
 */
export function outcomeChange(current: CurrentSla, proposed: SlaResult): OutcomeChange | null {
  if (current.breached === proposed.breached) return null;
  if (current.state === 'stopped') return proposed.breached ? 'met_to_breached' : 'breached_to_met';
  return proposed.breached ? 'now_breached' : 'no_longer_breached';
}

/**
 * Counts one request in the tally (and keeps it as an example while there is room).
 * @example addToTally(tally, 'SUP-1', current, proposed)
 */
export function addToTally(tally: WhatIfTally, issueKey: string, current: CurrentSla, proposed: SlaResult): void {
  tally.scanned++;
  const change = outcomeChange(current, proposed);
  if (change === null) return;
  tally.changes[change]++;
  if (tally.examples.length < WHAT_IF_EXAMPLES)
    tally.examples.push({
      issueKey,
      change,
      elapsedMs: current.elapsedMs,
      newElapsedMs: proposed.elapsedMs,
      goalMs: current.goalMs,
      newGoalMs: proposed.goalMs,
    });
}
