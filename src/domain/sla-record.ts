/**
 * The SLA record: what a request's response SLA was measured to be, stored on the request as the issue property
 * `supportRulesSla` (indexed by the manifest's `sla-record` entity property, so JQL, queues, filters and dashboards
 * can use it). The triggers write it on creation and on every status change, the alert sweep at each threshold.
 *
 * A stopped SLA is a fact of the past: screens show it from its record, as it was measured, whatever the
 * configuration says since (an admin may recompute it explicitly). A running or paused one follows the
 * configuration in force. Pure: "now" is a parameter.
 *
 * Searchable instants are JQL `date` values, `YYYY-MM-DDThh:mm:ssZ` (the date-time format the entity-property module
 * documents, `[YYYY]-[MM]-[DD]T[hh]:[mm]:[ss][TZ]`, so to the second); the instant the sweep compares,
 * `nextCheckAt`, is a JQL `number` (epoch ms).
 */
import { z } from 'zod';
import { calendarFor } from './calendar';
import type { Config } from './config';
import { COVERAGES, type Coverage } from './contract';
import type { RequestEvent } from './request';
import type { SlaResult, SlaState } from './sla';
import { canonicalJson, slaConfigFingerprint } from './sla-fingerprint';
import { instantElapsedReaches, slaRisk, warningAt, type SlaRisk } from './sla-thresholds';
import { CANONICAL_STATUSES, type CanonicalStatus } from './workflow';

/**
 * The issue property holding the record.
 * @public for the triggers and the alert sweep that write it
 */
export const SLA_RECORD_PROPERTY = 'supportRulesSla';

/** The thresholds the alert sweep acts on, in the order they come. */
export type SlaThreshold = 'warning' | 'breach';

export interface SlaRecord {
  version: 1;
  state: SlaState;
  /** 'yes' once the elapsed time exceeds the goal (a string, so JQL compares it as Jira's string type). */
  breached: 'yes' | 'no';
  risk: SlaRisk;
  coverage: Coverage;
  goalMs: number;
  /** JQL date of the creation (the SLA's start). */
  startedAt: string;
  /** JQL date of the stop, null while it runs or pauses. */
  stoppedAt: string | null;
  stopStatus: CanonicalStatus | null;
  /** The last change of the SLA's clock (creation, a pause, a resume, the stop), epoch ms. */
  lastChangeAt: number;
  /** Working time elapsed at `lastChangeAt`, in the contract's calendar. */
  elapsedMs: number;
  /** JQL date of the breach: when the goal was (or, running, will be) reached; null if stopped or paused within it. */
  breachAt: string | null;
  /** JQL date of the warning (`sla.atRiskPercent` of the goal) of a running SLA; null when paused or stopped. */
  warnAt: string | null;
  /** When the record changes by itself or an alert falls due (epoch ms): what the alert sweep searches. */
  nextCheckAt: number | null;
  /** When it was measured (epoch ms), and the fingerprint of the configuration that measured it. */
  measuredAt: number;
  measuredWith: string;
}

/**
 * An instant as a JQL date value of an entity property: UTC, to the second.
 * @example jqlDate(Date.parse('2026-12-07T09:00:37.500Z')) //=> '2026-12-07T09:00:37Z'
 */
export function jqlDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** The last change of the SLA's clock: its stop, else the start of its current period, else its start. */
function lastChangeOf(result: SlaResult): number {
  if (result.stoppedAt !== null) return Date.parse(result.stoppedAt);
  const last = result.timeline[result.timeline.length - 1];
  return Date.parse(last?.from ?? result.startedAt);
}

/** Working time of the running periods up to `at`. */
function elapsedAt(result: SlaResult, at: number, config: Config): number {
  const calendar = calendarFor(config, result.coverage);
  let elapsed = 0;
  for (const p of result.timeline) {
    if (p.kind !== 'running') continue;
    const to = p.to === null ? at : Math.min(Date.parse(p.to), at);
    elapsed += calendar.workingMsBetween(Date.parse(p.from), to);
  }
  return elapsed;
}

/** The thresholds of a running SLA still ahead of, or owed at, `nowMs`, and when each falls. */
export interface SlaCheckpoints {
  warningAt: number | null;
  breachAt: number | null;
  /** When `breached` turns 'yes' (the first working instant past the goal), null once it has. */
  breachedFlagAt: number | null;
}

/**
 * The instants at which a running SLA's record changes by itself: the warning, the breach (the goal reached),
 * and the first instant past the goal (when `breached` turns 'yes'). All null unless it runs.
 * @example slaCheckpoints(runningSince9am, defaultConfig()).breachAt //=> 13:00 that day (ms)
 */
export function slaCheckpoints(result: SlaResult, config: Config): SlaCheckpoints {
  if (result.state !== 'running') return { warningAt: null, breachAt: null, breachedFlagAt: null };
  return {
    warningAt: warningAt(result, config),
    breachAt: result.breachAt === null ? null : Date.parse(result.breachAt),
    breachedFlagAt: result.breached ? null : instantElapsedReaches(result, result.goalMs + 1, config),
  };
}

/**
 * The next instant the alert sweep must look at the request: the first threshold not yet handled (an alert owed,
 * even in the past), else the next instant its record changes by itself; null when nothing will happen.
 * `handled` says which thresholds' alerts were already sent (or given up).
 * @example nextCheckAt(checkpoints, { warning: false, breach: false }, now) //=> checkpoints.warningAt
 */
export function nextCheckAt(
  checkpoints: SlaCheckpoints,
  handled: Record<SlaThreshold, boolean>,
  nowMs: number,
): number | null {
  const candidates: number[] = [];
  if (checkpoints.warningAt !== null && (!handled.warning || checkpoints.warningAt > nowMs))
    candidates.push(checkpoints.warningAt);
  if (checkpoints.breachAt !== null && (!handled.breach || checkpoints.breachAt > nowMs))
    candidates.push(checkpoints.breachAt);
  if (checkpoints.breachedFlagAt !== null && checkpoints.breachedFlagAt > nowMs)
    candidates.push(checkpoints.breachedFlagAt);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/**
 * The record of an SLA computed by the engine at `nowMs`, under `config`.
 * @example slaRecordOf(computeResponseSla(input, config), config, { nowMs, handled: { warning: false, breach: false } }).state //=> 'running'
 */
export function slaRecordOf(
  result: SlaResult,
  config: Config,
  opts: { nowMs: number; handled: Record<SlaThreshold, boolean> },
): SlaRecord {
  const lastChangeAt = lastChangeOf(result);
  const checkpoints = slaCheckpoints(result, config);
  return {
    version: 1,
    state: result.state,
    breached: result.breached ? 'yes' : 'no',
    risk: slaRisk(result, config),
    coverage: result.coverage,
    goalMs: result.goalMs,
    startedAt: jqlDate(Date.parse(result.startedAt)),
    stoppedAt: result.stoppedAt === null ? null : jqlDate(Date.parse(result.stoppedAt)),
    stopStatus: result.stopStatus,
    lastChangeAt,
    elapsedMs: elapsedAt(result, lastChangeAt, config),
    breachAt: result.breachAt === null ? null : jqlDate(Date.parse(result.breachAt)),
    warnAt: checkpoints.warningAt === null ? null : jqlDate(checkpoints.warningAt),
    nextCheckAt: nextCheckAt(checkpoints, opts.handled, opts.nowMs),
    measuredAt: opts.nowMs,
    measuredWith: slaConfigFingerprint(config),
  };
}

const jqlDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

const recordSchema = z.object({
  version: z.literal(1),
  state: z.enum(['running', 'paused', 'stopped']),
  breached: z.enum(['yes', 'no']),
  risk: z.enum(['on_track', 'at_risk', 'breached', 'met']),
  coverage: z.enum(COVERAGES),
  goalMs: z.number().int().min(0),
  startedAt: jqlDateString,
  stoppedAt: jqlDateString.nullable(),
  stopStatus: z.enum(CANONICAL_STATUSES).nullable(),
  lastChangeAt: z.number(),
  elapsedMs: z.number().min(0),
  breachAt: jqlDateString.nullable(),
  warnAt: jqlDateString.nullable(),
  nextCheckAt: z.number().nullable(),
  measuredAt: z.number(),
  measuredWith: z.string(),
});

/**
 * The record stored on a request, or null when there is none or it is not one the app wrote.
 * @example parseSlaRecord(undefined) //=> null
 */
export function parseSlaRecord(value: unknown): SlaRecord | null {
  const parsed = recordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * True when two records say the same about the SLA (they may differ in when they were measured).
 * @example sameMeasure(record, { ...record, measuredAt: record.measuredAt + 1 }) //=> true
 */
export function sameMeasure(a: SlaRecord, b: SlaRecord): boolean {
  const { measuredAt: _a, ...restA } = a;
  const { measuredAt: _b, ...restB } = b;
  return JSON.stringify(canonicalJson(restA)) === JSON.stringify(canonicalJson(restB));
}

/** Whether a stopped SLA was met or breached, or null while it is not stopped. */
export type SlaOutcome = 'met' | 'breached';

/**
 * The outcome of an SLA for reports: met or breached once stopped; while it runs or pauses, breached once past
 * its goal, else null (not decided yet).
 * @example slaOutcome({ state: 'stopped', breached: 'no' }) //=> 'met'
 */
export function slaOutcome(record: Pick<SlaRecord, 'state' | 'breached'>): SlaOutcome | null {
  if (record.breached === 'yes') return 'breached';
  return record.state === 'stopped' ? 'met' : null;
}

/** An SLA as the screens show it: the engine's result, and where its figures come from. */
export interface MeasuredSla {
  result: SlaResult;
  /** 'record' for a stopped SLA shown as it was measured; 'live' when computed now with the configuration in force. */
  source: 'record' | 'live';
  /** When the record was measured (epoch ms), for a stopped SLA shown from its record. */
  measuredAt: number | null;
}

/**
 * The SLA to show: a stopped SLA as its record measured it (a later configuration change does not rewrite it),
 * anything else as the engine computes it now. The periods of the timeline come from the engine in both cases.
 * @example measuredSla(liveResult, stoppedRecord).result.elapsedMs //=> stoppedRecord.elapsedMs
 */
export function measuredSla(live: SlaResult, record: SlaRecord | null): MeasuredSla {
  if (record === null || record.state !== 'stopped') return { result: live, source: 'live', measuredAt: null };
  // The record keeps instants to the second: the engine's exact instant is kept when it falls in that second.
  const instant = (recorded: string | null, exact: string | null): string | null => {
    if (recorded === null) return null;
    if (exact !== null && jqlDate(Date.parse(exact)) === recorded) return exact;
    return new Date(Date.parse(recorded)).toISOString();
  };
  return {
    result: {
      ...live,
      coverage: record.coverage,
      state: 'stopped',
      breached: record.breached === 'yes',
      stoppedAt: instant(record.stoppedAt, live.stoppedAt),
      stopStatus: record.stopStatus,
      elapsedMs: record.elapsedMs,
      goalMs: record.goalMs,
      remainingMs: Math.max(0, record.goalMs - record.elapsedMs),
      breachAt: instant(record.breachAt, live.breachAt),
    },
    source: 'record',
    measuredAt: record.measuredAt,
  };
}

/**
 * True when an event can change a request's SLA, so its record is measured again: the creation, a status change,
 * a new priority (the goal) or new organizations (the coverage, a custom field).
 * @example changesSla({ kind: 'fields_changed', fields: ['priority'], ... }) //=> true
 */
export function changesSla(event: RequestEvent): boolean {
  switch (event.kind) {
    case 'created':
    case 'status_changed':
      return true;
    case 'fields_changed':
      return event.fields.some((f) => f === 'priority' || f.startsWith('customfield_') || /organi[sz]ation/i.test(f));
    case 'commented':
      return false;
  }
}
