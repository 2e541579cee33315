/**
 * `__forge_fetch__`: where the real Forge packages send their calls. Product calls (`requestJira`, as the
 * app or as a user) reach the site's REST routes over HTTP with the account's internal credentials, after the
 * manifest's scopes are checked, faults (if asked for) are injected and Jira's rate limits (if on) are applied;
 * KVS calls reach the SQLite emulation; @forge/events' queue pushes reach the runtime's queue. Every product
 * call is counted with its rate-limit points (usage.ts).
 *
 * A lost response (the write committed, the answer never came) surfaces as Node's fetch (undici) surfaces a
 * connection closed before the answer: a `TypeError: fetch failed` whose `cause` is undici's SocketError
 * (`UND_ERR_SOCKET`, "other side closed"). Forge's fetch is undici's: @forge/api counts such a throw as a failed
 * call (runtime.js `wrapInMetrics`: `e instanceof global.__forge_undici_error__`), it is not an HTTP answer.
 */
import type { Fault, FaultPlan } from './faults';
import type { ForgeFetch, ForgeFetchArgs } from './forge-globals';
import { currentInvocation, expiredCallError } from './invocation';
import type { KvsEmulator } from './kvs';
import { isWrite, pointsFor, type RateLimitReason, type RateLimits } from './rate-limits';
import { checkScopes, findOperation, SCOPE_MISMATCH } from './scopes';
import type { InvocationKind, UsageStats } from './usage';

/** The part of the site the runtime calls (sandbox/site/index.ts's Site). */
export interface SiteCredentials {
  appAccountId: string;
  internalAuthHeader(actAs: string): Record<string, string>;
}

export interface QueuePush {
  queueName: string;
  jobId: string;
  payload: Array<{ body: Record<string, unknown>; delayInSeconds?: number }>;
}

/** One call the app made, for the debug log and the tests. */
export interface AppCall {
  as: string;
  method: string;
  path: string;
  status: number;
  fault?: Fault;
  /** The rate-limit points the call cost. */
  points?: number;
  /** Set when a rate limit refused the call. */
  rateLimited?: string;
}

export interface ForgeFetchDeps {
  /** The site's address (http://127.0.0.1:<port>). */
  siteUrl: () => string;
  site: SiteCredentials;
  kvs: KvsEmulator;
  scopes: readonly string[];
  pushToQueue(push: QueuePush): void;
  faults: FaultPlan;
  /** How long a "timeout" fault holds the call before it fails. */
  hangMs: number;
  /** Jira's rate limits, when on. */
  rateLimits?: RateLimits;
  /** A "timeout" fault drawn for a write lets the write commit first (the answer is what is lost). */
  timeoutsAfterWrite?: boolean;
  /** Where calls and their points are counted. */
  usage?: UsageStats;
  /** The kind of invocation a module runs as (trigger, consumer, scheduled, resolver). */
  moduleKind?(moduleKey: string): InvocationKind | undefined;
  /** False for a user who has not allowed the app to act on their behalf (Forge's user consent). */
  hasConsented?(accountId: string): boolean;
  onCall?(call: AppCall): void;
}

const QUEUE_PUBLISH = '/webhook/queue/publish/';
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Creates the `__forge_fetch__` function for a runtime.
 * @example const fetch = createForgeFetch(deps); await fetch({ type: 'fpp', provider: 'app', remote: 'jira' }, '/rest/api/3/myself')
 */
export function createForgeFetch(deps: ForgeFetchDeps): ForgeFetch {
  return async (args, path, init = {}) => {
    const invocation = currentInvocation.getStore();
    if (invocation?.expired) throw expiredCallError(invocation);
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? init.body : init.body === undefined ? undefined : String(init.body);
    if (args.type === 'kvs') {
      if (!deps.scopes.includes('storage:app'))
        return json(403, { code: 'FORBIDDEN', message: 'The app needs the storage:app scope to use Forge storage' });
      const reply = deps.kvs.handle(path, body ? JSON.parse(body) : undefined);
      return json(reply.status, reply.body);
    }
    if (args.type === 'fpp' && path.startsWith(QUEUE_PUBLISH)) {
      deps.pushToQueue(JSON.parse(body ?? '{}') as QueuePush);
      return json(201, {});
    }
    if (args.type !== 'fpp' || !path.startsWith('/rest/'))
      return json(404, { message: `The sandbox does not serve ${args.type} ${path}` });
    return productCall(deps, args, method, path, init.headers ?? {}, body);
  };
}

async function productCall(
  deps: ForgeFetchDeps,
  args: ForgeFetchArgs,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Response> {
  const invocation = currentInvocation.getStore();
  const actAs = args.provider === 'user' ? (args.accountId ?? invocation?.accountId) : deps.site.appAccountId;
  // No user to act as, or one who has not allowed the app to act for them: Forge's proxy answers that the user must
  // grant access (the `forge-proxy-error` header, which @forge/api turns into NeedsAuthenticationError).
  if (!actAs || (args.provider === 'user' && deps.hasConsented?.(actAs) === false))
    return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
  const anonymous = asUserRefusal(args, invocation?.accountKind);
  const kind = invocation ? deps.moduleKind?.(invocation.moduleKey) : undefined;
  const record = (status: number, extra: { fault?: Fault; points?: number; rateLimited?: RateLimitReason } = {}) => {
    deps.usage?.call({
      kind,
      points: extra.points ?? 0,
      rateLimited: extra.rateLimited,
      lostResponse: extra.fault === 'lost-response',
    });
    deps.onCall?.({
      as: args.provider === 'user' ? (anonymous ? `anonymous (${actAs})` : actAs) : 'app',
      method,
      path,
      status,
      ...extra,
    });
  };

  const scope = checkScopes(deps.scopes, method, path);
  if (!scope.allowed) {
    record(SCOPE_MISMATCH.status);
    return json(SCOPE_MISMATCH.status, SCOPE_MISMATCH.body);
  }
  const fault = deps.faults.nextCallFault();
  if (fault === 'rate-limited') {
    record(429, { fault });
    // As Jira's burst limit answers (Rate limiting, "Burst API Rate Limit response").
    const now = Date.now();
    return json(
      429,
      { errorMessages: ['Rate limit exceeded.'] },
      {
        'Retry-After': '1',
        'X-RateLimit-Limit': '100',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': new Date(now + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'RateLimit-Reason': 'jira-burst-based',
      },
    );
  }
  if (fault === 'server-error') {
    record(500, { fault });
    return json(500, { errorMessages: ['Internal server error (sandbox fault injection).'] });
  }
  const write = isWrite(method, path);
  const lateTimeout = fault === 'timeout' && write && deps.timeoutsAfterWrite === true;
  if (fault === 'timeout' && !lateTimeout) {
    record(0, { fault });
    await new Promise((resolve) => setTimeout(resolve, deps.hangMs));
    throw fetchFailed('UND_ERR_HEADERS_TIMEOUT', 'HeadersTimeoutError', 'Headers Timeout Error');
  }

  const operation = `${method} ${findOperation(method, path)?.template ?? path.split('?')[0]}`;
  const limited = deps.rateLimits?.check(method, operation, path, Date.now());
  if (limited) {
    record(429, { rateLimited: limited.reason });
    return json(429, { errorMessages: ['Rate limit exceeded.'] }, limited.headers);
  }

  const forwarded = Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  );
  const contentType: Record<string, string> =
    body !== undefined && !hasHeader(headers, 'content-type') ? { 'content-type': 'application/json' } : {};
  const response = await fetch(deps.siteUrl() + path, {
    method,
    headers: { ...forwarded, ...contentType, ...(anonymous ? {} : deps.site.internalAuthHeader(actAs)) },
    body,
  });
  const text = await response.text();
  const points = pointsFor(method, operation.slice(method.length + 1), response.status, parseJson(text));
  const limitHeaders = deps.rateLimits?.charge(points, Date.now()) ?? {};
  if (lateTimeout) {
    // The write has committed; the answer does not come back before the time-out.
    record(response.status, { fault: 'lost-response', points });
    await new Promise((resolve) => setTimeout(resolve, deps.hangMs));
    throw fetchFailed('UND_ERR_HEADERS_TIMEOUT', 'HeadersTimeoutError', 'Headers Timeout Error');
  }
  if (response.ok && write && deps.faults.nextWriteLost()) {
    // The write has committed; its answer is lost on the way back.
    record(response.status, { fault: 'lost-response', points });
    throw fetchFailed('UND_ERR_SOCKET', 'SocketError', 'other side closed');
  }
  record(response.status, { points });
  const answerHeaders = new Headers(response.headers);
  for (const [name, value] of Object.entries(limitHeaders)) answerHeaders.set(name, value);
  // Hop-by-hop and length headers describe the site's answer, not this rebuilt one.
  for (const name of ['content-length', 'transfer-encoding', 'connection', 'keep-alive']) answerHeaders.delete(name);
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: answerHeaders,
  });
}

/**
 * What Node's fetch (undici) throws when the connection fails before the answer: `TypeError: fetch failed`
 * with undici's error as its cause.
 * @example fetchFailed('UND_ERR_SOCKET', 'SocketError', 'other side closed').cause.code //=> 'UND_ERR_SOCKET'
 */
export function fetchFailed(code: string, name: string, message: string): TypeError {
  const cause = Object.assign(new Error(message), { name, code });
  return new TypeError('fetch failed', { cause });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * True when an `asUser()` call reaches Jira without the user's rights: Forge apps invoked by portal-only customers
 * (accountType `customer`) get permission errors from `asUser()` on every resource that anonymous users cannot
 * reach (Atlassian's ECO-838, https://jira.atlassian.com/browse/ECO-838: "asUser() call returns a permission error
 * if the user is a customer without an atlassian account"; workaround: asApp). The sandbox sends such a call
 * anonymously, so the site answers it as Jira answers anonymous users.
 */
export function asUserRefusal(args: ForgeFetchArgs, accountKind: string | undefined): boolean {
  return args.provider === 'user' && accountKind === 'customer';
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (NULL_BODY_STATUSES.has(status) || body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
