/**
 * The admin page's draft configuration: a typed lens over it (each step a key of the level below, so a path that
 * is not the configuration's fails the build), immutable updates by path, and the schema's field errors by path.
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

/**
 * One place in the draft: its value, its path, the schema's errors at or below it, a step further in, and a write.
 * @example draftLens(config, errors, save).at('reminders').at('autoCloseDays').set(12)
 */
export interface Lens<T> {
  readonly value: T;
  /** The dotted path, as the schema's errors name it (`calendars.businessHours.timeZone`). */
  readonly path: string;
  at<K extends keyof T & (string | number)>(key: K): Lens<T[K]>;
  set(next: T): void;
  /** The schema's messages at this place or below it. */
  errors(): string[];
  /** The schema's messages about this place as a whole (not those of its parts). */
  errorsHere(): string[];
}

/**
 * The lens on a whole draft: each write hands `onChange` a new draft with that one place changed.
 * @example draftLens({ a: { b: 1 } }, [], (next) => (draft = next)).at('a').at('b').set(2)
 */
export function draftLens<T>(root: T, errors: readonly ConfigError[], onChange: (next: T) => void): Lens<T> {
  const make = <V>(value: V, path: readonly (string | number)[]): Lens<V> => ({
    value,
    path: path.join('.'),
    at: (key) => make(value?.[key] as (typeof value)[typeof key], [...path, key]),
    set: (next) => onChange(setIn(root, path, next)),
    errors: () => errorsAt(errors, path.join('.')),
    errorsHere: () => errors.filter((e) => e.path === path.join('.')).map((e) => e.message),
  });
  return make(root, []);
}
