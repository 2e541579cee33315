/**
 * The response SLA of DESIGN.md section 1, computed from a request's status changes: it starts at creation,
 * stops at the first entry into scheduled_operation, waiting_for_customer, resolved or closed (never to
 * restart), is paused in waiting_for_customer and waiting_for_third_party, and counts time in the calendar
 * of the request's coverage. Pure: "now" is a parameter. Reading it from a Jira issue is sla-from-issue.ts.
 */
import { calendarFor, type Calendar } from './calendar';
import type { StatusChange } from './changelog';
import type { Config } from './config';
import type { Coverage } from './contract';
import { isoInstant } from './iso-instant';
import { isSlaPause, isSlaStop, statusResolver, type CanonicalStatus, type SiteStatus } from './workflow';

export interface SlaInput {
  issueKey: string;
  /** Creation instant, epoch ms: the SLA starts here. */
  createdMs: number;
  /** The status the request was created in. */
  initialStatus: SiteStatus;
  /** Status changes, in any order; those after nowMs are ignored, those before creation count at creation. */
  changes: StatusChange[];
  coverage: Coverage;
  goalMs: number;
  nowMs: number;
}

export type SlaState = 'running' | 'paused' | 'stopped';

/** One stretch of the SLA clock, for the UI; `to` is null while it goes on. */
export interface SlaInterval {
  from: string;
  to: string | null;
  kind: 'running' | 'paused';
  status: CanonicalStatus | null;
  statusName: string;
}

export interface SlaResult {
  issueKey: string;
  coverage: Coverage;
  state: SlaState;
  breached: boolean;
  startedAt: string;
  stoppedAt: string | null;
  stopStatus: CanonicalStatus | null;
  elapsedMs: number;
  goalMs: number;
  remainingMs: number;
  /** When the elapsed time reached (or, running, will reach) the goal; null if stopped or paused within it. */
  breachAt: string | null;
  timeline: SlaInterval[];
  /** Site statuses the request went through that the mapping does not know (counted as running). */
  unmappedStatuses: Array<{ id: string | null; name: string | null }>;
}

/** A resolver per configuration, remembering each site status it has mapped. */
const resolvers = new WeakMap<Config, (status: SiteStatus) => CanonicalStatus | undefined>();
function resolverFor(config: Config): (status: SiteStatus) => CanonicalStatus | undefined {
  let resolver = resolvers.get(config);
  if (!resolver) {
    const resolve = statusResolver(config.statusMapping);
    const seen = new Map<string, CanonicalStatus | undefined>();
    resolver = (status) => {
      const key = `${status.id ?? ''}\u0000${status.name ?? ''}`;
      if (!seen.has(key)) seen.set(key, resolve(status));
      return seen.get(key);
    };
    resolvers.set(config, resolver);
  }
  return resolver;
}

interface OpenInterval {
  from: number;
  to: number | null;
  kind: 'running' | 'paused';
  status: CanonicalStatus | null;
  statusName: string;
}

const iso = isoInstant;

/** Working time of the running intervals; an open one runs until `now`. */
function elapsedOf(intervals: readonly OpenInterval[], calendar: Calendar, now: number): number {
  let elapsed = 0;
  for (const i of intervals) if (i.kind === 'running') elapsed += calendar.workingMsBetween(i.from, i.to ?? now);
  return elapsed;
}

/** The instant the running intervals accumulated `goal` of working time (known to be reached). */
function instantGoalReached(intervals: readonly OpenInterval[], calendar: Calendar, now: number, goal: number): number {
  let accumulated = 0;
  for (const i of intervals) {
    if (i.kind !== 'running') continue;
    const worked = calendar.workingMsBetween(i.from, i.to ?? now);
    if (accumulated + worked >= goal) return calendar.addWorkingMs(i.from, goal - accumulated);
    accumulated += worked;
  }
  throw new Error('the goal was not reached');
}

/**
 * Computes the response SLA of a request as of `nowMs`.
 * @example computeResponseSla({ issueKey: 'SUP-1', createdMs: Date.parse('2024-03-04T09:00:00+01:00'),
 *   initialStatus: { name: 'Soumise' }, changes: [], coverage: '24x7', goalMs: 14_400_000,
 *   nowMs: Date.parse('2024-03-04T10:00:00+01:00') }, defaultConfig())
 *   //=> { state: 'running', elapsedMs: 3600000, remainingMs: 10800000, breachAt: '2024-03-04T12:00:00.000Z', ... }
 */
export function computeResponseSla(input: SlaInput, config: Config): SlaResult {
  const { createdMs: created, nowMs: now, goalMs: goal } = input;
  if (!Number.isFinite(created)) throw new RangeError(`${input.issueKey}: the creation instant is not a number`);
  if (!Number.isFinite(now)) throw new RangeError(`${input.issueKey}: "now" is not a number`);
  if (!(goal >= 0)) throw new RangeError(`${input.issueKey}: the goal must be >= 0`);
  const calendar = calendarFor(config, input.coverage);
  const resolve = resolverFor(config);

  const unmapped = new Map<string, { id: string | null; name: string | null }>();
  const intervals: OpenInterval[] = [];
  let stoppedAt: number | null = null;
  let stopStatus: CanonicalStatus | null = null;

  const enter = (site: SiteStatus, at: number): void => {
    const status = resolve(site) ?? null;
    if (status === null)
      unmapped.set(`${site.id ?? ''}\u0000${site.name ?? ''}`, { id: site.id ?? null, name: site.name ?? null });
    if (stoppedAt !== null) return;
    const last = intervals[intervals.length - 1];
    if (last) {
      last.to = at;
      if (last.to === last.from) intervals.pop();
    }
    if (isSlaStop(status ?? undefined)) {
      stoppedAt = at;
      stopStatus = status;
      return;
    }
    const kind = isSlaPause(status ?? undefined) ? 'paused' : 'running';
    const statusName = site.name ?? site.id ?? '';
    const previous = intervals[intervals.length - 1];
    if (
      previous &&
      previous.to === at &&
      previous.kind === kind &&
      previous.status === status &&
      (status !== null || previous.statusName === statusName)
    ) {
      previous.to = null;
      return;
    }
    intervals.push({ from: at, to: null, kind, status, statusName });
  };

  // Before creation, the SLA is shown as it will start: in its initial status, with nothing elapsed.
  enter(input.initialStatus, created);
  const changes = [...input.changes].sort((a, b) => a.at - b.at);
  for (const change of changes) {
    if (change.at > now) break;
    enter(change.to, Math.max(change.at, created));
  }

  const elapsedMs = elapsedOf(intervals, calendar, now);
  const remainingMs = Math.max(0, goal - elapsedMs);
  const last = intervals[intervals.length - 1];
  const state: SlaState = stoppedAt !== null ? 'stopped' : last?.kind === 'paused' ? 'paused' : 'running';
  const breached = elapsedMs > goal;
  let breachAt: number | null = null;
  // Once the goal is reached (even exactly, or while paused at it), the breach instant is the
  // instant it was reached, not "now"; a stopped SLA has one only if it was breached.
  const goalReached = elapsedMs >= goal && intervals.some((i) => i.kind === 'running');
  if (breached || (state !== 'stopped' && goalReached)) breachAt = instantGoalReached(intervals, calendar, now, goal);
  else if (state === 'running') breachAt = calendar.addWorkingMs(Math.max(now, created), remainingMs);

  return {
    issueKey: input.issueKey,
    coverage: input.coverage,
    state,
    breached,
    startedAt: iso(created),
    stoppedAt: stoppedAt === null ? null : iso(stoppedAt),
    stopStatus,
    elapsedMs,
    goalMs: goal,
    remainingMs,
    breachAt: breachAt === null ? null : iso(breachAt),
    timeline: intervals.map((i) => ({
      from: iso(i.from),
      to: i.to === null ? null : iso(i.to),
      kind: i.kind,
      status: i.status,
      statusName: i.statusName,
    })),
    unmappedStatuses: [...unmapped.values()],
  };
}
