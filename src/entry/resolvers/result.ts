/**
 * Resolver answers as data: `{ ok: true, data }` or a typed failure the UI can show. Jira's refusals
 * (403, 404) and any unexpected error become failures here, in one place, instead of thrown errors.
 */
import type { Language } from '../../domain/language';
import { rateLimitScope } from '../../domain/pacing';
import { textsFor } from '../../domain/texts';
import { isConsentError, JiraError } from '../../jira/client';
import type { ResolverFailure, ResolverResult } from '../../shared/contracts';

/** A successful answer. */
export function ok<T>(data: T): ResolverResult<T> {
  return { ok: true, data };
}

/** A refusal or failure, with a stable code for tests and a message for people. */
export function fail(
  status: ResolverFailure['status'],
  code: string,
  message: string,
  errors?: ResolverFailure['errors'],
): ResolverFailure {
  return errors ? { ok: false, status, code, message, errors } : { ok: false, status, code, message };
}

/**
 * Runs a resolver's work and turns what it throws into a typed failure: Jira's 403/404 stay 403/404,
 * its 400 stays 400, its 429 (rate limits) stays 429 with when to try again, anything else is a 500 (logged). A consent error of an `asUser()` call is rethrown as is:
 * Forge then asks the user to allow the app, which no answer of ours could do.
 */
export async function answer<T>(lang: Language, work: () => Promise<ResolverResult<T>>): Promise<ResolverResult<T>> {
  const t = textsFor(lang).refusals;
  try {
    return await work();
  } catch (error) {
    if (isConsentError(error)) throw error;
    if (error instanceof JiraError && error.status === 403) return fail(403, 'forbidden', t.forbidden);
    if (error instanceof JiraError && error.status === 404) return fail(404, 'not_found', t.notFound);
    if (error instanceof JiraError && error.status === 400) return fail(400, 'jira_rejected', error.message);
    // Jira's rate limits ("Rate limiting"): the hourly quota holds every call until its Retry-After (the minutes are
    // worth saying); a per-second limit passes within seconds. Neither is the app's fault nor the user's.
    if (error instanceof JiraError && error.status === 429) {
      const quota = error.rateLimit && rateLimitScope(error.rateLimit.reason) === 'quota';
      const minutes = quota ? Math.max(1, Math.ceil(error.rateLimit!.retryAfterMs / 60_000)) : null;
      return fail(429, 'rate_limited', t.rateLimited(minutes));
    }
    console.error('[support-rules] resolver failed:', error);
    return fail(500, 'failed', t.failed);
  }
}
