/**
 * The app's pause after Jira refused a call for its hourly points quota (`RateLimit-Reason: jira-quota-global-based`
 * or `jira-quota-tenant-based`): until the instant `Retry-After` gave, the triggers make no REST call at all and put
 * their events back in the queue, as "Build an app that respects rate limits" asks for a quota refusal (stop calling
 * until the reset), rather than each spending a refused call to learn it.
 */
import { kvs } from '@forge/kvs';
import { rateLimitScope } from '../domain/pacing';
import { JiraError } from '../jira/client';

const KEY = 'rate-limit:quota-paused-until';

/**
 * The instant (epoch ms) until which the app makes no call; 0 when it is not paused (or the pause cannot be read).
 * @example await quotaPausedUntil() //=> 0
 */
export async function quotaPausedUntil(): Promise<number> {
  return ((await kvs.get<number>(KEY).catch(() => undefined)) as number | undefined) ?? 0;
}

/**
 * Records the pause when `error` is a quota refusal; true when it was one.
 * @example await pauseIfQuotaRefused(error, Date.now()) //=> true for a 429 jira-quota-global-based
 */
export async function pauseIfQuotaRefused(error: unknown, nowMs: number): Promise<boolean> {
  if (!(error instanceof JiraError) || !error.rateLimit || rateLimitScope(error.rateLimit.reason) !== 'quota')
    return false;
  const until = nowMs + error.rateLimit.retryAfterMs;
  await kvs.set(KEY, until, { ttl: { value: 2, unit: 'HOURS' } }).catch(() => undefined);
  return true;
}

/**
 * When queued work refused by Jira may be tried again: its `Retry-After`, if it gave one.
 * @example retryAfterMsOf(new JiraError('…', 429, {}, true, false, { reason: 'jira-burst-based', retryAfterMs: 1000 })) //=> 1000
 */
export function retryAfterMsOf(error: unknown): number | undefined {
  return error instanceof JiraError ? error.rateLimit?.retryAfterMs : undefined;
}
