/**
 * Pacing the app's calls as Jira's rate limits ask ("Build an app that respects rate limits",
 * https://developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits/, and "Rate limiting",
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): each `RateLimit-Reason` has its own scope and
 * its own answer. A burst refusal (`jira-burst-based`: one endpoint and method) and a per-issue write refusal
 * (`jira-per-issue-on-write`: one issue) pass within seconds: wait `Retry-After`, then retry. A quota refusal
 * (`jira-quota-global-based`, `jira-quota-tenant-based`: the app's hourly points on the site) lasts until the top of
 * the hour and covers every call: stop calling, and come back after `Retry-After`. Never retry before `Retry-After`
 * ("the request will fail and return the same or longer Retry-After period").
 */

export type RateLimitScope = 'endpoint' | 'issue' | 'quota' | 'unknown';

/**
 * The scope of a 429's `RateLimit-Reason`.
 * @example rateLimitScope('jira-per-issue-on-write') //=> 'issue'
 */
export function rateLimitScope(reason: string | null | undefined): RateLimitScope {
  if (reason === 'jira-burst-based') return 'endpoint';
  if (reason === 'jira-per-issue-on-write') return 'issue';
  if (reason?.startsWith('jira-quota-')) return 'quota';
  return 'unknown';
}

/** Forge delays a queued event by at most 900 seconds. */
export const MAX_QUEUE_DELAY_S = 900;

/**
 * The delay before queued work is tried again: a growing backoff (30 s, 60 s, … up to 15 minutes), and never before
 * the `Retry-After` Jira gave (capped at the queue's longest delay: work that is still early then waits again).
 * @example requeueDelaySeconds(0) //=> 30
 * @example requeueDelaySeconds(0, 1_200_000) //=> 900
 */
export function requeueDelaySeconds(attempt: number, retryAfterMs?: number): number {
  const backoff = Math.min(30 * 2 ** attempt, MAX_QUEUE_DELAY_S);
  const after = retryAfterMs && retryAfterMs > 0 ? Math.ceil(retryAfterMs / 1000) : 0;
  return Math.min(Math.max(backoff, after), MAX_QUEUE_DELAY_S);
}

/**
 * How long to wait before retrying, within the same invocation, a call Jira refused with 429: `Retry-After` and a
 * jitter of up to a fifth of it on top (so that calls refused together do not come back together); null when the
 * refusal is the hourly quota's (no call should be made before the reset: the work goes back to the queue).
 * @example retryWaitMs('jira-burst-based', 1_000, 0.5) //=> 1100
 * @example retryWaitMs('jira-quota-global-based', 1_800_000, 0.5) //=> null
 */
export function retryWaitMs(reason: string | null | undefined, retryAfterMs: number, random: number): number | null {
  if (rateLimitScope(reason) === 'quota') return null;
  return Math.ceil(retryAfterMs * (1 + 0.2 * random));
}

/**
 * The delay of the n-th batch (from 0) of a large sweep, so that its batches reach Jira spread over time instead of
 * all at once: the first `immediate` go at once (a small sweep is not slowed down), the next ones `spacingSeconds`
 * apart, within the queue's longest delay (later ones share its last second).
 * @example spreadDelaySeconds(5, 10, 4) //=> 20
 */
export function spreadDelaySeconds(index: number, spacingSeconds: number, immediate = 1): number {
  if (index < immediate) return 0;
  return Math.min((index - immediate + 1) * spacingSeconds, MAX_QUEUE_DELAY_S);
}
