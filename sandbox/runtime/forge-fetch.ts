/**
 * `__forge_fetch__`: where the real Forge packages send their calls. Product calls (`requestJira`, as the
 * app or as a user) reach the site's REST routes in-process (fastify.inject) with the account's internal
 * credentials, after the manifest's scopes are checked and faults, if asked for, are injected; KVS calls reach
 * the SQLite emulation; @forge/events' queue pushes reach the runtime's queue.
 */
import type { Fault, FaultPlan } from './faults';
import type { ForgeFetch, ForgeFetchArgs } from './forge-globals';
import { currentInvocation, expiredCallError } from './invocation';
import type { KvsEmulator } from './kvs';
import { checkScopes, SCOPE_MISMATCH } from './scopes';

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
  if (!actAs) return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
  const anonymous = asUserRefusal(args, invocation?.accountKind);
  const record = (status: number, fault?: Fault) =>
    deps.onCall?.({
      as: args.provider === 'user' ? (anonymous ? `anonymous (${actAs})` : actAs) : 'app',
      method,
      path,
      status,
      ...(fault ? { fault } : {}),
    });

  const scope = checkScopes(deps.scopes, method, path);
  if (!scope.allowed) {
    record(SCOPE_MISMATCH.status);
    return json(SCOPE_MISMATCH.status, SCOPE_MISMATCH.body);
  }
  const fault = deps.faults.nextCallFault();
  if (fault === 'rate-limited') {
    record(429, fault);
    return json(429, { errorMessages: ['Rate limit exceeded (sandbox fault injection).'] }, { 'Retry-After': '1' });
  }
  if (fault === 'server-error') {
    record(500, fault);
    return json(500, { errorMessages: ['Internal server error (sandbox fault injection).'] });
  }
  if (fault === 'timeout') {
    record(0, fault);
    await new Promise((resolve) => setTimeout(resolve, deps.hangMs));
    throw new Error(`fetch failed: ${method} ${path} timed out (sandbox fault injection)`);
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
  record(response.status);
  return response;
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
