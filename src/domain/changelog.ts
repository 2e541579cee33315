/**
 * A request's changelog as Jira returns it (GET /rest/api/3/issue/{key}/changelog, or `changelog.histories`
 * of an issue read with expand=changelog), and the status changes it records, in the order they happened.
 * Pure: no I/O, no clock.
 */
import { normalizeStatusName, type SiteStatus } from './workflow';

/**
 * One changed field of a history entry (Jira's ChangeDetails): `from`/`to` hold ids, `fromString`/`toString`
 * names. `toString` cannot be declared (it would clash with Object.prototype.toString), so it is read as an
 * own property through the index signature.
 */
export interface JiraChangelogItem {
  field?: string;
  fieldId?: string;
  fieldtype?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  [key: string]: unknown;
}

/** One history entry (Jira's Changelog): who changed what, when. */
export interface JiraChangelogHistory {
  id?: string;
  /** Jira's timestamp, e.g. "2024-03-01T09:00:00.000+0100". */
  created: string;
  items?: JiraChangelogItem[];
}

/** A move of the request from one site status to another. `from` is null when Jira did not record it. */
export interface StatusChange {
  /** Epoch milliseconds. */
  at: number;
  from: SiteStatus | null;
  to: SiteStatus;
  historyId?: string;
}

const JIRA_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the digits of `text` from `start` to `end`, or -1 if one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The form Jira writes, "2024-03-01T09:00:00.000+0100" (or "Z", or "+01:00"), read without a regular
 * expression or a date-string parser; undefined for anything else, left to the general reading.
 */
function parseJiraForm(value: string): number | undefined {
  const length = value.length;
  if (length !== 24 && length !== 28 && length !== 29) return undefined;
  if (
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 ||
    value.charCodeAt(13) !== 58 ||
    value.charCodeAt(16) !== 58 ||
    value.charCodeAt(19) !== 46
  )
    return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  const hour = digits(value, 11, 13);
  const minute = digits(value, 14, 16);
  const second = digits(value, 17, 19);
  const milli = digits(value, 20, 23);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || milli < 0) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  // Every year's rule is evaluated, not only February's: an arithmetic first met late makes V8 drop and redo the
  // function's optimized code.
  const leap = (year % 4 === 0) !== (year % 100 === 0) || year % 400 === 0;
  if (day > DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0)) return undefined;
  let offsetMinutes: number;
  const sign = value.charCodeAt(23);
  if (length === 24) {
    if (sign !== 90) return undefined;
    offsetMinutes = 0;
  } else {
    if (sign !== 43 && sign !== 45) return undefined;
    const colon = length === 29;
    if (colon && value.charCodeAt(26) !== 58) return undefined;
    const offsetHours = digits(value, 24, 26);
    const offsetMins = digits(value, colon ? 27 : 26, length);
    if (offsetHours < 0 || offsetHours > 18 || offsetMins < 0 || offsetMins > 59) return undefined;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, milli) - offsetMinutes * 60_000;
}

/**
 * Parses a Jira timestamp (ISO 8601 with a `Z`, `+01:00` or `+0100` offset) into epoch milliseconds;
 * undefined when it is not one (a timestamp without an offset is ambiguous, so refused).
 * @example parseJiraInstant('2024-03-01T09:00:00.000+0100') //=> 1709280000000
 */
export function parseJiraInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const exact = parseJiraForm(value);
  if (exact !== undefined) return exact;
  const match = JIRA_INSTANT.exec(value.trim());
  if (!match) return undefined;
  const offset = match[2] === 'Z' ? 'Z' : `${match[2]!.slice(0, 3)}:${match[2]!.slice(-2)}`;
  // Date.parse rolls impossible dates over (2026-02-30 becomes 2 March): refuse them instead.
  const [year, month, day] = match[1]!.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const ms = Date.parse(`${match[1]}${offset}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** An own string property (so that `item.toString` never reads Object.prototype.toString). */
function own(item: object, key: string): string | null {
  const value = Object.prototype.hasOwnProperty.call(item, key) ? (item as Record<string, unknown>)[key] : undefined;
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : null;
}

function isStatusItem(item: JiraChangelogItem): boolean {
  const fieldId = own(item, 'fieldId');
  if (fieldId !== null) return fieldId === 'status';
  return own(item, 'field')?.toLowerCase() === 'status' && (own(item, 'fieldtype') ?? 'jira') === 'jira';
}

function siteStatus(id: string | null, name: string | null): SiteStatus | null {
  return id === null && name === null ? null : { id, name };
}

/** True when two site statuses are the same one: same id when both have one, else same name. */
function sameSiteStatus(a: SiteStatus | null | undefined, b: SiteStatus | null | undefined): boolean {
  if (!a || !b) return false;
  if (a.id != null && b.id != null) return a.id === b.id;
  return a.name != null && b.name != null && normalizeStatusName(a.name) === normalizeStatusName(b.name);
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined || a === b) return 0;
  const [na, nb] = [Number(a), Number(b)];
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : 1;
}

/**
 * Orders changes that share a timestamp so that each starts where the previous one ended, when the
 * changelog allows it (Jira may record a quick double transition within one millisecond, in any order).
 */
function chainTies(changes: StatusChange[]): StatusChange[] {
  const result: StatusChange[] = [];
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j < changes.length && changes[j]!.at === changes[i]!.at) j++;
    if (j === i + 1) {
      // No tie: nothing to chain.
      result.push(changes[i]!);
      i = j;
      continue;
    }
    const group = changes.slice(i, j);
    while (group.length > 0) {
      const current = result.length > 0 ? result[result.length - 1]!.to : null;
      const next =
        current === null
          ? group.findIndex((c) => !group.some((other) => other !== c && sameSiteStatus(other.to, c.from)))
          : group.findIndex((c) => sameSiteStatus(c.from, current));
      result.push(...group.splice(next === -1 ? 0 : next, 1));
    }
    i = j;
  }
  return result;
}

/**
 * The status changes of a changelog, oldest first: entries sorted by time, then by history id, several
 * status items of one entry kept in their order, ties chained from status to status.
 * Throws when an entry that changes the status has no valid timestamp.
 * @example statusChangesFromChangelog([{ id: '1', created: '2024-03-01T10:00:00.000+0100',
 *   items: [{ fieldId: 'status', from: '1', fromString: 'Soumise', to: '3', toString: 'En cours' }] }])
 *   //=> [{ at: 1709283600000, from: { id: '1', name: 'Soumise' }, to: { id: '3', name: 'En cours' }, historyId: '1' }]
 */
export function statusChangesFromChangelog(histories: readonly JiraChangelogHistory[]): StatusChange[] {
  const found: StatusChange[] = [];
  histories.forEach((history) => {
    for (const item of history.items ?? []) {
      if (!item || typeof item !== 'object' || !isStatusItem(item)) continue;
      const to = siteStatus(own(item, 'to'), own(item, 'toString'));
      if (to === null) continue;
      const at = parseJiraInstant(history.created);
      if (at === undefined)
        throw new Error(
          `changelog entry ${history.id ?? '(no id)'} changes the status but its date ${JSON.stringify(history.created)} is not a timestamp`,
        );
      const change: StatusChange = { at, from: siteStatus(own(item, 'from'), own(item, 'fromString')), to };
      if (history.id !== undefined) change.historyId = String(history.id);
      found.push(change);
    }
  });
  // Array#sort is stable: items of one entry, and entries alike, keep the changelog's order.
  found.sort((a, b) => a.at - b.at || compareIds(a.historyId, b.historyId));
  return chainTies(found);
}
