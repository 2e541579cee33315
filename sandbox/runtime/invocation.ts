/**
 * One function invocation at a time, as Forge sees it: which module and function run, for which account,
 * since when, until when. Kept in an AsyncLocalStorage so concurrent invocations in the one process each read
 * their own `__forge_runtime__` (see forge-globals.ts) and their own user for `asUser()` calls.
 *
 * Forge stops a function at its time limit ("Invocation limits",
 * https://developer.atlassian.com/platform/forge/limits-invocation): {@link runLimited} answers with an
 * {@link InvocationTimeoutError} at the limit, and the invocation is marked expired, so every later call it makes
 * through the Forge packages (REST, storage, queue) fails as from a stopped function: nothing it does after its
 * limit reaches the site.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import type { AccountKind } from './manifest';

export interface Invocation {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  /** The user the invocation acts for (resolvers: the viewer), used by `api.asUser()`. */
  accountId: string | undefined;
  /** What kind of user that is (a portal-only customer's `asUser()` calls are limited: forge-fetch.ts). */
  accountKind: AccountKind | undefined;
  startedAt: number;
  /** The function's time limit (manifest.ts functionTimeLimitMs, times the runtime's time scale). */
  timeoutMs: number;
  /** Set once the limit has passed: the invocation's later calls fail. */
  expired: boolean;
}

export const currentInvocation = new AsyncLocalStorage<Invocation>();

export interface InvocationSpec {
  functionKey: string;
  moduleKey: string;
  accountId?: string;
  accountKind?: AccountKind;
  timeoutMs: number;
}

/** What an invocation stopped at its time limit answers (Forge logs a timeout and the function's result is lost). */
export class InvocationTimeoutError extends Error {
  constructor(
    readonly functionKey: string,
    readonly timeoutMs: number,
  ) {
    super(`Function ${functionKey} timed out after ${timeoutMs} ms (Forge stops a function at its time limit)`);
    this.name = 'InvocationTimeoutError';
  }
}

/**
 * Runs `fn` as an invocation of `functionKey` for `moduleKey` (no time limit enforced: see runLimited).
 * @example await runInvocation({ functionKey: 'on-created', moduleKey: 'request-created', timeoutMs: 25_000 }, () => handler(event, ctx))
 */
export function runInvocation<T>(what: InvocationSpec, fn: () => T): T {
  return currentInvocation.run(newInvocation(what), fn);
}

/**
 * Runs `fn` as an invocation and stops it at its time limit, as Forge does: the answer is an
 * InvocationTimeoutError and the invocation's later calls fail.
 * @example await runLimited({ functionKey: 'sweep', moduleKey: 'reminder-sweep', timeoutMs: 55_000 }, () => handler(event, ctx))
 */
export async function runLimited<T>(what: InvocationSpec, fn: () => T | Promise<T>): Promise<T> {
  const invocation = newInvocation(what);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      invocation.expired = true;
      reject(new InvocationTimeoutError(what.functionKey, what.timeoutMs));
    }, what.timeoutMs);
  });
  try {
    return await Promise.race([currentInvocation.run(invocation, async () => fn()), limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The error a call made by an expired invocation meets.
 * @example expiredCallError() //=> Error: ... the invocation was stopped at its time limit
 */
export function expiredCallError(invocation: Invocation): Error {
  return new Error(
    `${invocation.functionKey}: the invocation was stopped at its time limit (${invocation.timeoutMs} ms); its calls no longer run`,
  );
}

function newInvocation(what: InvocationSpec): Invocation {
  return {
    invocationId: randomUUID(),
    functionKey: what.functionKey,
    moduleKey: what.moduleKey,
    accountId: what.accountId,
    accountKind: what.accountKind,
    startedAt: performance.now(),
    timeoutMs: what.timeoutMs,
    expired: false,
  };
}
