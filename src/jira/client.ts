/**
 * The one way the app calls Jira: through @forge/api, as the app or as the calling user, with
 * 429 honoured by its RateLimit-Reason and Retry-After (src/domain/pacing.ts: a burst or per-issue refusal is retried
 * after Retry-After, an hourly quota refusal is not retried: the caller re-queues the work past Retry-After) and
 * 5xx / network failures retried with bounded backoff, each wait bounded by the invocation's remaining time
 * (time-budget.ts). A failure that outlives the retries, or would outlive the
 * invocation, surfaces as a JiraError so the caller can re-queue the work.
 */
import api, { NeedsAuthenticationError, type APIResponse, type RequestInit, type Route } from '@forge/api';
import { retryWaitMs } from '../domain/pacing';
import { fitsInInvocation, remainingMs } from './time-budget';

export type Actor = 'app' | 'user';

export class JiraError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
    /** True when trying again later may succeed (429, 5xx, timeout, network). */
    readonly retryable: boolean,
    /**
     * True when Jira may have carried the call out: a write that got no answer (its response was lost or timed
     * out). Such a write is not repeated blindly: the caller reads back what it can (ledger, execute-actions.ts).
     */
    readonly outcomeUnknown = false,
    /** A 429's `RateLimit-Reason` and `Retry-After`: when the refused work may be tried again, and why. */
    readonly rateLimit?: { reason: string | null; retryAfterMs: number },
  ) {
    super(message);
    this.name = 'JiraError';
  }
}

/**
 * A JSM call's answer, or null when JSM has none for this issue (a 4xx that will not pass: not a service
 * project, no such request); a failure that may pass (429, 5xx) is thrown, for the caller's retry.
 * @example await nullIfAbsent(getRequest('SUP-1')) //=> null for an issue outside a service project
 */
export async function nullIfAbsent<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof JiraError && !error.retryable) return null;
    throw error;
  }
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Backoff before the n-th retry (n from 1), doubled each time. */
  baseDelayMs: number;
  /** Longest wait honoured for one Retry-After or backoff. */
  maxDelayMs: number;
  /** Abandon an attempt that has not answered after this long. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** The invocation's remaining time (ms): no wait and attempt is started that would end past it. */
  remainingMs: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  timeoutMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  remainingMs,
};

let policy: RetryPolicy = DEFAULT_RETRY;

/** Changes the retry policy (tests make it fast); returns the previous one. */
export function setRetryPolicy(next: Partial<RetryPolicy>): RetryPolicy {
  const previous = policy;
  policy = { ...policy, ...next };
  return previous;
}

export interface JiraRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  as?: Actor;
  /**
   * Whether doing the call twice has the effect of doing it once (so a call without an answer is simply repeated).
   * Default: true for GET, PUT and DELETE, false for POST (a search through POST says true).
   */
  idempotent?: boolean;
}

/** Counts every attempt made (for benchmarks and tests). */
export const requestStats = { attempts: 0, retries: 0 };

/**
 * Sends one request and returns the response, retrying what can be retried.
 * @example await requestJira(route`/rest/api/3/myself`) //=> Response (200)
 */
export async function requestJira(path: Route, req: JiraRequest = {}): Promise<APIResponse> {
  const method = req.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = { method, headers, body: req.body === undefined ? undefined : JSON.stringify(req.body) };
  const client = req.as === 'user' ? api.asUser() : api.asApp();
  let lastError: JiraError | undefined;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) requestStats.retries++;
    requestStats.attempts++;
    let response: APIResponse;
    try {
      response = await withTimeout(client.requestJira(path, init) as Promise<APIResponse>, policy.timeoutMs);
    } catch (error) {
      // The user has not granted the app access yet (Forge's consent): only they can fix it, never a retry.
      if (isConsentError(error)) throw error;
      // No answer to a write that is not idempotent: Jira may have done it. The caller reads back, never a blind retry.
      if (!(req.idempotent ?? method !== 'POST'))
        throw new JiraError(
          `${method} ${path.value} got no answer (${(error as Error).message}): it may have been carried out`,
          0,
          undefined,
          true,
          true,
        );
      lastError = new JiraError(`${method} ${path.value} failed: ${(error as Error).message}`, 0, undefined, true);
      if (attempt < policy.attempts && !(await pause(backoff(attempt)))) break;
      continue;
    }
    if (response.ok) return response;
    const body = await readBody(response);
    const retryable = response.status === 429 || response.status >= 500;
    const retryAfter = Number(response.headers.get('Retry-After'));
    const rateLimit =
      response.status === 429 && Number.isFinite(retryAfter) && retryAfter >= 0
        ? { reason: response.headers.get('RateLimit-Reason'), retryAfterMs: retryAfter * 1000 }
        : undefined;
    lastError = new JiraError(
      `${method} ${path.value} answered ${response.status}${rateLimit?.reason ? ` (${rateLimit.reason})` : ''}: ${describe(body)}`,
      response.status,
      body,
      retryable,
      false,
      rateLimit,
    );
    if (!retryable) throw lastError;
    // Each limit has its answer (domain/pacing.ts): the hourly quota stops the work until Retry-After (the caller
    // re-queues it that late); a burst or per-issue refusal waits Retry-After, with some jitter, then retries.
    const wait = rateLimit ? retryWaitMs(rateLimit.reason, rateLimit.retryAfterMs, Math.random()) : backoff(attempt);
    if (wait === null) throw lastError;
    if (attempt < policy.attempts && !(await pause(Math.min(wait, policy.maxDelayMs)))) break;
  }
  throw lastError ?? new JiraError(`${method} ${path.value} failed`, 0, undefined, true);
}

/**
 * Like {@link requestJira}, parsing the JSON body (undefined for 204 No Content).
 * @example const me = await requestJiraJson<{ accountId: string }>(route`/rest/api/3/myself`, { as: 'user' })
 */
export async function requestJiraJson<T>(path: Route, req: JiraRequest = {}): Promise<T> {
  const response = await requestJira(path, req);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/**
 * True for @forge/api's NeedsAuthenticationError: an `asUser()` call the user has not consented to. Forge asks the
 * user for consent when a resolver lets it through, so it must reach Forge as thrown.
 * @example isConsentError(new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key')) //=> true
 */
export function isConsentError(error: unknown): boolean {
  return (
    error instanceof NeedsAuthenticationError ||
    (error as { name?: unknown } | null)?.name === 'NEEDS_AUTHENTICATION_ERR'
  );
}

/** Waits before the next attempt when the wait and that attempt end in time; false (no wait) otherwise. */
async function pause(ms: number): Promise<boolean> {
  if (!fitsInInvocation(ms + policy.timeoutMs, policy.remainingMs())) return false;
  await policy.sleep(ms);
  return true;
}

function backoff(attempt: number): number {
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(response: APIResponse): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    // Jira's ErrorCollection, JSM's ErrorResponse (errorMessage), or a gateway's message.
    const b = body as {
      errorMessages?: string[];
      errors?: Record<string, string>;
      errorMessage?: string;
      message?: string;
    };
    const parts = [...(b.errorMessages ?? []), ...Object.entries(b.errors ?? {}).map(([k, v]) => `${k}: ${v}`)];
    if (b.errorMessage) parts.push(b.errorMessage);
    if (b.message) parts.push(b.message);
    if (parts.length) return parts.join('; ');
  }
  return String(body).slice(0, 200);
}
