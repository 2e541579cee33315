/**
 * How long the running invocation may still run, and the budgets the app derives from it. Forge stops a function
 * at its time limit ("Invocation limits": 25 s for triggers and resolvers; consumers and scheduled triggers 55 s
 * by default, up to 900 s with the function's `timeoutSeconds`) and tells the invocation its remaining time
 * (`getAppContext().invocationRemainingTimeInMillis()`). Every wait the app chooses (a retry's backoff or
 * Retry-After, the sweep's search loop) is bounded here, by that remaining time, so work that cannot finish in
 * time is handed to the queue instead of being cut off half-done.
 */
import { getAppContext } from '@forge/api';

/** Forge's documented limits, in ms ("Invocation limits"). */
export const FORGE_LIMITS = {
  /** Triggers, resolvers (user-led invocations): no timeoutSeconds extends it. */
  interactiveMs: 25_000,
  /** Consumers and scheduled triggers without timeoutSeconds. */
  defaultAsyncMs: 55_000,
  /** The most a consumer or scheduled trigger may declare. */
  maxAsyncMs: 900_000,
} as const;

/** What an invocation keeps in hand at the end: to save a cursor, re-queue the rest, record the outcome. */
export const FINISHING_MS = 5_000;

/**
 * The running invocation's remaining time in ms; outside a Forge invocation (unit tests, the sla command) the
 * shortest documented limit, so code run there behaves as under the strictest limit.
 * @example remainingMs() //=> 24_310 early in a resolver
 */
export function remainingMs(): number {
  try {
    const remaining = getAppContext().invocationRemainingTimeInMillis();
    return Number.isFinite(remaining) ? Math.max(0, remaining) : FORGE_LIMITS.interactiveMs;
  } catch {
    return FORGE_LIMITS.interactiveMs;
  }
}

/**
 * True when a step taking up to `stepMs` (a wait then a call) still ends before the finishing margin.
 * @example fitsInInvocation(8_000) //=> false with 10 s left (10 - 8 < 5)
 */
export function fitsInInvocation(stepMs: number, remaining: number = remainingMs()): boolean {
  return remaining - stepMs >= FINISHING_MS;
}
