/**
 * The admin page's draft configuration: immutable updates by path, and the schema's field errors found by path.
 */
import type { ConfigError } from '../../../src/shared/contracts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A copy of `value` with `path` set to `next` (objects and arrays along the way are copied, missing ones created).
 * @example setIn({ a: { b: 1 } }, ['a', 'c'], 2) //=> { a: { b: 1, c: 2 } }
 */
export function setIn<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const base = (value ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  copy[head!] = setIn(base[head!], rest, next);
  return copy as T;
}

/**
 * A copy of a record without one key.
 * @example withoutKey({ a: 1, b: 2 }, 'a') //=> { b: 2 }
 */
export function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * The messages of the errors at `path` or below it.
 * @example errorsAt([{ path: 'a.b.0', message: 'x' }], 'a.b') //=> ['x']
 */
export function errorsAt(errors: readonly ConfigError[], path: string): string[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message);
}

/**
 * A comma-separated list as typed by an admin: numbers become numbers when `numeric`, anything else stays
 * as typed so the schema can say what is wrong with it.
 * @example parseList('3, 6', true) //=> [3, 6]
 */
export function parseList(text: string, numeric: boolean): (string | number)[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (numeric && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s));
}
