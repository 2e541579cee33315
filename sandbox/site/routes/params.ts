/**
 * Query-string helpers shared by the routes: comma-separated lists and Jira's startAt/maxResults paging.
 */
import { badRequest } from '../errors';

/**
 * A comma-separated (or repeated) parameter as a list.
 * @example listParam('changelog,names') //=> ['changelog', 'names']
 */
export function listParam(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * startAt and maxResults, with Jira's defaults and cap; a negative or non-numeric value is a 400.
 * @example pageParams({ startAt: '10' }, 50, 100) //=> { startAt: 10, maxResults: 50 }
 */
export function pageParams(
  query: Record<string, unknown>,
  defaultMax: number,
  cap: number,
  names = { start: 'startAt', max: 'maxResults' },
): { startAt: number; maxResults: number } {
  const read = (name: string, fallback: number) => {
    const raw = query[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`The '${name}' parameter must be a non-negative integer.`);
    return n;
  };
  return { startAt: read(names.start, 0), maxResults: Math.min(read(names.max, defaultMax), cap) };
}

/**
 * One page of a paged list in the spec's PageBean shape (self, nextPage while more follow, maxResults, startAt,
 * total, isLast, values); `link` gives the address of the page starting at an index.
 * @example pageBean(['a'], 3, 0, 1, (at) => `/x?startAt=${at}`).nextPage //=> '/x?startAt=1'
 */
export function pageBean<T>(
  values: T[],
  total: number,
  startAt: number,
  maxResults: number,
  link: (startAt: number) => string,
) {
  const isLast = startAt + values.length >= total;
  return {
    self: link(startAt),
    ...(isLast ? {} : { nextPage: link(startAt + maxResults) }),
    maxResults,
    startAt,
    total,
    isLast,
    values,
  };
}
