/**
 * The response SLA of DESIGN.md section 1, computed from a request's status changes: it starts at creation,
 * stops at the first entry into scheduled_operation, waiting_for_customer, resolved or closed (never to
 * restart), is paused in waiting_for_customer and waiting_for_third_party, and counts time in the calendar
 * of the request's coverage. Pure: "now" is a parameter.
 */
import { calendarFor, type Calendar } from './calendar';
import {
  parseJiraInstant,
  statusChangesFromChangelog,
  type JiraChangelogHistory,
  type JiraChangelogItem,
  type StatusChange,
} from './changelog';
import { coverageFor, goalMsFor, type Config, type Coverage } from './config';
import { isoInstant } from './iso-instant';
import {
  isSlaPause,
  isSlaStop,
  normalizeStatusName,
  statusResolver,
  type CanonicalStatus,
  type SiteStatus,
} from './workflow';

export { statusChangesFromChangelog, type JiraChangelogHistory, type StatusChange };

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

/** The body of GET /rest/api/3/issue/{key}?expand=changelog (optionally with expand=names or schema). */
export interface JiraIssueJson {
  id?: string;
  key?: string;
  fields?: Record<string, unknown>;
  /** Field id -> field name (expand=names). */
  names?: Record<string, string>;
  /** Field id -> its type (expand=schema); JSM's Organizations field has custom "com.atlassian.servicedesk:sd-customer-organizations". */
  schema?: Record<string, { custom?: string } | undefined>;
  changelog?: { histories?: readonly unknown[]; total?: number; maxResults?: number };
}

const ORGANIZATIONS_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';
const ORGANIZATIONS_NAMES = new Set(['organizations', 'organisations', 'organization', 'organisation']);

interface Organization {
  id: string;
  name?: string;
}

function asOrganizations(value: unknown, requireLinks: boolean): Organization[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const orgs: Organization[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    if (
      (typeof o.id !== 'string' && typeof o.id !== 'number') ||
      (requireLinks && (typeof o.name !== 'string' || !o._links || typeof o._links !== 'object'))
    )
      return undefined;
    orgs.push(typeof o.name === 'string' ? { id: String(o.id), name: o.name } : { id: String(o.id) });
  }
  return orgs;
}

/**
 * The JSM organizations of a request, read from its Organizations field: the field named so in `names`
 * (expand=names) or typed so in `schema` (expand=schema); otherwise the first custom field holding a
 * non-empty list of `{id, name, _links}` objects, the shape JSM gives organizations.
 * @example organizationsOf({ fields: { customfield_10002: [{ id: '1', name: 'Acme', _links: {} }] } }) //=> [{ id: '1', name: 'Acme' }]
 */
export function organizationsOf(issue: JiraIssueJson): Organization[] {
  const fields = issue.fields ?? {};
  for (const [fieldId, name] of Object.entries(issue.names ?? {})) {
    if (typeof name === 'string' && ORGANIZATIONS_NAMES.has(normalizeStatusName(name)))
      return asOrganizations(fields[fieldId], false) ?? [];
  }
  for (const [fieldId, schema] of Object.entries(issue.schema ?? {})) {
    if (schema?.custom === ORGANIZATIONS_TYPE) return asOrganizations(fields[fieldId], false) ?? [];
  }
  for (const [fieldId, value] of Object.entries(fields)) {
    if (!fieldId.startsWith('customfield_') || !Array.isArray(value) || value.length === 0) continue;
    const orgs = asOrganizations(value, true);
    if (orgs) return orgs;
  }
  return [];
}

function siteStatusOf(value: unknown): SiteStatus | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  const id = typeof s.id === 'string' || typeof s.id === 'number' ? String(s.id) : null;
  const name = typeof s.name === 'string' ? s.name : null;
  return id === null && name === null ? null : { id, name };
}

function historiesOf(issueKey: string, value: unknown): JiraChangelogHistory[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`${issueKey}: changelog.histories is not a list`);
  return value.map((h, i) => {
    if (!h || typeof h !== 'object') throw new Error(`${issueKey}: changelog entry #${i + 1} is not an object`);
    const history = h as Record<string, unknown>;
    const items = history.items === undefined ? [] : history.items;
    if (!Array.isArray(items)) throw new Error(`${issueKey}: changelog entry #${i + 1} has items that are not a list`);
    const entry: JiraChangelogHistory = {
      created: typeof history.created === 'string' ? history.created : String(history.created),
      items: items as JiraChangelogItem[],
    };
    if (typeof history.id === 'string' || typeof history.id === 'number') entry.id = String(history.id);
    return entry;
  });
}

/**
 * The response SLA of an issue read with expand=changelog: creation from `fields.created`, initial status
 * from the earliest status change (else the current status), coverage from its JSM organizations (unless
 * overridden), goal from its priority. Throws an Error naming what is missing when the issue cannot be read.
 * @example slaFromIssue(issueJson, defaultConfig(), Date.parse('2024-03-04T12:00:00Z')).state //=> 'running'
 */
export function slaFromIssue(
  issue: JiraIssueJson,
  config: Config,
  nowMs: number,
  overrides: { coverage?: Coverage } = {},
): SlaResult {
  if (!issue || typeof issue !== 'object' || Array.isArray(issue))
    throw new Error('not an issue: expected the JSON object of GET /rest/api/3/issue/{key}?expand=changelog');
  const issueKey = typeof issue.key === 'string' ? issue.key : typeof issue.id === 'string' ? issue.id : undefined;
  if (issueKey === undefined) throw new Error('the issue has no "key"');
  const fields = issue.fields;
  if (!fields || typeof fields !== 'object') throw new Error(`${issueKey}: the issue has no "fields"`);
  const createdMs = parseJiraInstant(fields.created);
  if (createdMs === undefined)
    throw new Error(
      `${issueKey}: fields.created is missing or not a timestamp (${JSON.stringify(fields.created ?? null)})`,
    );
  const changes = statusChangesFromChangelog(historiesOf(issueKey, issue.changelog?.histories));
  const initialStatus = changes[0]?.from ?? siteStatusOf(fields.status) ?? changes[0]?.to;
  if (!initialStatus)
    throw new Error(`${issueKey}: no status: neither fields.status nor a status change in the changelog`);
  const priority =
    fields.priority && typeof fields.priority === 'object' ? (fields.priority as { name?: unknown }).name : undefined;
  return computeResponseSla(
    {
      issueKey,
      createdMs,
      initialStatus,
      changes,
      coverage: overrides.coverage ?? coverageFor(config, organizationsOf(issue)),
      goalMs: goalMsFor(config, typeof priority === 'string' ? priority : null),
      nowMs,
    },
    config,
  );
}
