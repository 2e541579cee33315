/**
 * The at-risk queue: the open requests whose response SLA is running or paused, as a team lead reads them to
 * answer "what breaches next?". Each row comes from the request's SLA record (`supportRulesSla`) and its fields,
 * measured at "now": the working time left (negative once overdue) in the contract's calendar, and the breach
 * instant. Rows sort by the breach instant (what breaches next in wall time, the overdue first), paused SLAs
 * (their clock stopped, so no breach instant) after them by time left. Pure: "now" is a parameter.
 */
import { calendarFor } from './calendar';
import type { Config } from './config';
import type { SlaRecord } from './sla-record';
import { warningThresholdMs } from './sla-thresholds';

import { QUEUE_STATES, UNASSIGNED, type QueueState } from './queue-states';

export { QUEUE_STATES, UNASSIGNED, type QueueState };

/** What the queue reads of a request: its fields and its SLA record. */
export interface QueueRequest {
  key: string;
  summary: string;
  organizations: { id: string; name: string }[];
  priority: string | null;
  assignee: { accountId: string; displayName: string } | null;
  record: SlaRecord;
}

export interface QueueRow {
  key: string;
  summary: string;
  organizations: { id: string; name: string }[];
  priority: string | null;
  assignee: { accountId: string; displayName: string } | null;
  state: QueueState;
  clock: 'running' | 'paused';
  /** Working time left before the goal, in the contract's calendar; negative once overdue. */
  remainingMs: number;
  goalMs: number;
  /** When the goal is (or was) reached, ISO; null for a paused SLA within its goal. */
  breachAt: string | null;
}

/** The queue's filters: an organization id, a priority name, an assignee's account id (or 'unassigned'), a state. */
export interface QueueFilters {
  organization?: string;
  priority?: string;
  assignee?: string;
  state?: QueueState;
}

/**
 * The row of a request whose SLA is running or paused, measured at `nowMs`; null for a stopped SLA.
 * @example queueRowOf({ key: 'SUP-1', ..., record: runningSince9am }, defaultConfig(), at10am)?.remainingMs //=> 10800000
 */
export function queueRowOf(request: QueueRequest, config: Config, nowMs: number): QueueRow | null {
  const { record } = request;
  if (record.state === 'stopped') return null;
  const running = record.state === 'running';
  const elapsed =
    record.elapsedMs +
    (running && nowMs > record.lastChangeAt
      ? calendarFor(config, record.coverage).workingMsBetween(record.lastChangeAt, nowMs)
      : 0);
  const breached = elapsed > record.goalMs || record.breached === 'yes';
  const atRisk = elapsed >= warningThresholdMs(record.goalMs, config.sla.atRiskPercent);
  const state: QueueState = breached ? 'breached' : !running ? 'paused' : atRisk ? 'at_risk' : 'on_track';
  return {
    key: request.key,
    summary: request.summary,
    organizations: request.organizations,
    priority: request.priority,
    assignee: request.assignee,
    state,
    clock: running ? 'running' : 'paused',
    remainingMs: record.goalMs - elapsed,
    goalMs: record.goalMs,
    // A paused SLA within its goal breaches at no instant while the pause lasts (its record may hold the instant its
    // goal was reached exactly, as the pause began).
    breachAt:
      state === 'paused' || record.breachAt === null ? null : new Date(Date.parse(record.breachAt)).toISOString(),
  };
}

/**
 * The queue's order: by breach instant (the overdue first, the most overdue on top), then the SLAs without one
 * (paused within their goal) by time left, then by key.
 * @example sortQueue([paused, breachesAt11, breachedAt9]).map((r) => r.key) //=> ['SUP-9', 'SUP-11', 'SUP-P']
 */
export function sortQueue(rows: readonly QueueRow[]): QueueRow[] {
  const at = (r: QueueRow) => (r.breachAt === null ? Infinity : Date.parse(r.breachAt));
  return [...rows].sort(
    (a, b) =>
      at(a) - at(b) ||
      a.remainingMs - b.remainingMs ||
      // Natural order of keys: SUP-2 before SUP-10.
      a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
}

/**
 * The rows a combination of filters keeps (every filter given must hold).
 * @example filterQueue(rows, { state: 'breached', assignee: 'unassigned' })
 */
export function filterQueue(rows: readonly QueueRow[], filters: QueueFilters): QueueRow[] {
  return rows.filter(
    (r) =>
      (!filters.state || r.state === filters.state) &&
      (!filters.priority || r.priority === filters.priority) &&
      (!filters.organization || r.organizations.some((o) => o.id === filters.organization)) &&
      (!filters.assignee ||
        (filters.assignee === UNASSIGNED ? r.assignee === null : r.assignee?.accountId === filters.assignee)),
  );
}

export type QueueCounts = Record<QueueState | 'total', number>;

/**
 * How many rows stand in each state, and in all.
 * @example queueCounts([breachedRow, pausedRow]) //=> { total: 2, breached: 1, at_risk: 0, on_track: 0, paused: 1 }
 */
export function queueCounts(rows: readonly QueueRow[]): QueueCounts {
  const counts: QueueCounts = { total: rows.length, breached: 0, at_risk: 0, on_track: 0, paused: 0 };
  for (const r of rows) counts[r.state]++;
  return counts;
}

export interface QueueChoice {
  id: string;
  label: string;
  count: number;
}

/** The values each filter can take among the rows, with how many rows hold each, by label. */
export interface QueueFacets {
  organizations: QueueChoice[];
  priorities: QueueChoice[];
  /** People by display name; `unassigned` (label '') for rows without an assignee. */
  assignees: QueueChoice[];
}

function tally(map: Map<string, QueueChoice>, id: string, label: string): void {
  const choice = map.get(id);
  if (choice) choice.count++;
  else map.set(id, { id, label, count: 1 });
}

const byLabel = (m: Map<string, QueueChoice>) =>
  [...m.values()].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));

/**
 * The filters' choices among `rows`.
 * @example queueFacets(rows).priorities //=> [{ id: 'High', label: 'High', count: 2 }, ...]
 */
export function queueFacets(rows: readonly QueueRow[]): QueueFacets {
  const organizations = new Map<string, QueueChoice>();
  const priorities = new Map<string, QueueChoice>();
  const assignees = new Map<string, QueueChoice>();
  for (const r of rows) {
    for (const o of r.organizations) tally(organizations, o.id, o.name);
    if (r.priority !== null) tally(priorities, r.priority, r.priority);
    tally(assignees, r.assignee?.accountId ?? UNASSIGNED, r.assignee?.displayName ?? '');
  }
  return { organizations: byLabel(organizations), priorities: byLabel(priorities), assignees: byLabel(assignees) };
}
