/**
 * The SLA report: for the requests created in a period, the share answered within goal by month x organization x
 * priority, the median and 90th percentile time to first response (working time of the contract's calendar, as
 * each SLA record measured it), and the breaches. Every figure is computed from rows, one per request, which the
 * CSV export gives as they are, so each figure can be checked against the requests behind it.
 *
 * - **Answered**: the SLA stopped (the first entry into a status that stops it); its time to first response is the
 *   working time elapsed when it stopped.
 * - **Outcome**: met (stopped within goal), breached (stopped past it, or still open and already past it), or open
 *   (running or paused within goal: not decided yet). The share within goal is met / (met + breached).
 * - **Percentiles** are nearest-rank: the smallest time with at least p % of the answered requests at or under it.
 * - **Month**: of the request's creation, in the desk's time zone (the business-hours calendar's).
 *
 * Pure: the rows are built from what a JQL search returns (fields and the `supportRulesSla` property).
 */
import { utcOffset } from './zone-offset';
import { slaOutcome, type SlaRecord } from './sla-record';

/** What the report reads of a request: a few fields and its SLA record. */
export interface ReportRequest {
  key: string;
  summary: string;
  organizations: string[];
  priority: string | null;
  record: SlaRecord;
}

export type ReportOutcome = 'met' | 'breached' | 'open';

/** One request as the report counts it (and as the CSV gives it). */
export interface ReportRow {
  key: string;
  summary: string;
  /** Month of creation in the desk's time zone, YYYY-MM. */
  month: string;
  /** The request's organizations by name, joined with ", "; '' when it has none. */
  organization: string;
  /** '' when the request has no priority. */
  priority: string;
  coverage: SlaRecord['coverage'];
  state: SlaRecord['state'];
  outcome: ReportOutcome;
  /** Working time to the first response (the SLA's stop), null while unanswered. */
  responseMs: number | null;
  goalMs: number;
  /** ISO instants. */
  startedAt: string;
  stoppedAt: string | null;
  breachAt: string | null;
}

/** The figures of a group of rows (a cell of month x organization x priority, a month, the whole period). */
export interface ReportFigures {
  requests: number;
  answered: number;
  met: number;
  breached: number;
  open: number;
  /** met / (met + breached), null when none is decided. */
  withinGoal: number | null;
  /** Time to first response of the answered requests, nearest rank; null when none is answered. */
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ReportCell extends ReportFigures {
  month: string;
  organization: string;
  priority: string;
}

export interface SlaReportFigures {
  /** Month x organization x priority, by month, then organization, then priority. */
  cells: ReportCell[];
  /** Each month of the period (those without requests too), with organization and priority ''. */
  months: (ReportFigures & { month: string })[];
  /** Each organization over the period, by name. */
  organizations: (ReportFigures & { organization: string })[];
  total: ReportFigures;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * True for a month written YYYY-MM.
 * @example isMonth('2026-13') //=> false
 */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/**
 * The months from `from` to `to`, both included (empty when `to` comes first).
 * @example monthsBetween('2026-11', '2027-01') //=> ['2026-11', '2026-12', '2027-01']
 */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/**
 * The instant a month starts in a time zone (its first day at 00:00 local).
 * @example monthStart('2026-07', 'Europe/Paris') //=> Date.parse('2026-06-30T22:00:00Z')
 */
export function monthStart(month: string, timeZone: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const local = Date.UTC(y, m - 1, 1);
  const offset = utcOffset(timeZone);
  const first = local - offset(local);
  return local - offset(first);
}

/**
 * The period of months `from`..`to` as instants: [start of `from`, start of the month after `to`).
 * @example periodBounds('2026-10', '2026-11', 'UTC') //=> { fromMs: Date.parse('2026-10-01T00:00:00Z'), toMs: Date.parse('2026-12-01T00:00:00Z') }
 */
export function periodBounds(from: string, to: string, timeZone: string): { fromMs: number; toMs: number } {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { fromMs: monthStart(from, timeZone), toMs: monthStart(next, timeZone) };
}

/**
 * The month (YYYY-MM) of an instant in a time zone.
 * @example monthOf(Date.parse('2026-06-30T22:30:00Z'), 'Europe/Paris') //=> '2026-07'
 */
export function monthOf(ms: number, timeZone: string, offset = utcOffset(timeZone)): string {
  return new Date(ms + offset(ms)).toISOString().slice(0, 7);
}

/** A JQL date of the record (to the second) as an ISO instant. */
const iso = (jql: string | null): string | null => (jql === null ? null : new Date(Date.parse(jql)).toISOString());

/**
 * The row of a request, its month taken in `timeZone`.
 * @example reportRowOf({ key: 'SUP-1', summary: 'VPN', organizations: ['Acme'], priority: 'High', record }, 'Europe/Paris').outcome //=> 'met'
 */
export function reportRowOf(
  request: ReportRequest,
  timeZone: string,
  offset: (ms: number) => number = utcOffset(timeZone),
): ReportRow {
  const { record } = request;
  const startedAt = Date.parse(record.startedAt);
  return {
    key: request.key,
    summary: request.summary,
    month: monthOf(startedAt, timeZone, offset),
    organization: [...request.organizations].sort((a, b) => a.localeCompare(b)).join(', '),
    priority: request.priority ?? '',
    coverage: record.coverage,
    state: record.state,
    outcome: slaOutcome(record) ?? 'open',
    responseMs: record.state === 'stopped' ? record.elapsedMs : null,
    goalMs: record.goalMs,
    startedAt: new Date(startedAt).toISOString(),
    stoppedAt: iso(record.stoppedAt),
    breachAt: iso(record.breachAt),
  };
}

/**
 * The nearest-rank percentile of ascending values: the smallest value with at least `p` % of them at or under it.
 * @example nearestRank([1, 2, 3, 4], 50) //=> 2
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * The figures of a group of rows.
 * @example figuresOf([metIn2h, breachedIn5h, open]) //=> { requests: 3, answered: 2, met: 1, breached: 1, open: 1, withinGoal: 0.5, ... }
 */
export function figuresOf(rows: readonly ReportRow[]): ReportFigures {
  let met = 0;
  let breached = 0;
  let open = 0;
  const times: number[] = [];
  for (const r of rows) {
    if (r.outcome === 'met') met++;
    else if (r.outcome === 'breached') breached++;
    else open++;
    if (r.responseMs !== null) times.push(r.responseMs);
  }
  times.sort((a, b) => a - b);
  return {
    requests: rows.length,
    answered: times.length,
    met,
    breached,
    open,
    withinGoal: met + breached === 0 ? null : met / (met + breached),
    medianMs: nearestRank(times, 50),
    p90Ms: nearestRank(times, 90),
  };
}

function groupBy<K extends string>(rows: readonly ReportRow[], key: (r: ReportRow) => K): Map<K, ReportRow[]> {
  const groups = new Map<K, ReportRow[]>();
  for (const r of rows) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The report's figures over the rows of the months `months` (each listed, those without requests too).
 * @example slaReportFigures(rows, ['2026-10', '2026-11']).total.withinGoal //=> 0.92
 */
export function slaReportFigures(rows: readonly ReportRow[], months: readonly string[]): SlaReportFigures {
  const cells = [...groupBy(rows, (r) => `${r.month}\u0000${r.organization}\u0000${r.priority}`).values()]
    .map((group) => {
      const { month, organization, priority } = group[0]!;
      return { month, organization, priority, ...figuresOf(group) };
    })
    .sort(
      (a, b) => compare(a.month, b.month) || compare(a.organization, b.organization) || compare(a.priority, b.priority),
    );
  const byMonth = groupBy(rows, (r) => r.month);
  const byOrganization = groupBy(rows, (r) => r.organization);
  return {
    cells,
    months: months.map((month) => ({ month, ...figuresOf(byMonth.get(month) ?? []) })),
    organizations: [...byOrganization.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([organization, group]) => ({ organization, ...figuresOf(group) })),
    total: figuresOf(rows),
  };
}

/**
 * The breached requests, by breach instant (the earliest first).
 * @example breachesOf(rows).map((r) => r.key) //=> ['SUP-3', 'SUP-8']
 */
export function breachesOf(rows: readonly ReportRow[]): ReportRow[] {
  return rows
    .filter((r) => r.outcome === 'breached')
    .sort((a, b) => compare(a.breachAt ?? '', b.breachAt ?? '') || a.key.localeCompare(b.key, 'en', { numeric: true }));
}
