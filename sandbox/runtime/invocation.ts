/**
 * One function invocation at a time, as Forge sees it: which module and function run, for which account,
 * since when. Kept in an AsyncLocalStorage so concurrent invocations in the one process each read their own
 * `__forge_runtime__` (see forge-globals.ts) and their own user for `asUser()` calls.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';

export interface Invocation {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  /** The user the invocation acts for (resolvers: the viewer), used by `api.asUser()`. */
  accountId: string | undefined;
  startedAt: number;
  /** Forge's time limit for this kind of function (25 s for triggers and resolvers, 900 s for consumers). */
  timeoutMs: number;
}

export const currentInvocation = new AsyncLocalStorage<Invocation>();

/**
 * Runs `fn` as an invocation of `functionKey` for `moduleKey`.
 * @example await runInvocation({ functionKey: 'on-created', moduleKey: 'request-created', timeoutMs: 25_000 }, () => handler(event, ctx))
 */
export function runInvocation<T>(
  what: { functionKey: string; moduleKey: string; accountId?: string; timeoutMs: number },
  fn: () => T,
): T {
  const invocation: Invocation = {
    invocationId: randomUUID(),
    functionKey: what.functionKey,
    moduleKey: what.moduleKey,
    accountId: what.accountId,
    startedAt: performance.now(),
    timeoutMs: what.timeoutMs,
  };
  return currentInvocation.run(invocation, fn);
}

/** Forge's limits per kind of function. */
export const TIMEOUT_MS = { trigger: 25_000, resolver: 25_000, scheduled: 25_000, consumer: 900_000 } as const;
