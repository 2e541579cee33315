/**
 * The end-to-end tests' one harness: a fresh sandbox on a free port in a temporary folder, driven over HTTP as
 * any Jira client would (Basic auth, the REST calls, the control calls of DESIGN.md section 3), with the
 * helpers the stories need (a portal request, an email, an agent's move or comment, a resolver call as the
 * screens make it). Its Forge runtime is at hand for the tests that read its tally or invoke it directly.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startSandbox, type SandboxOptions } from '../../sandbox/index';
import type { ForgeRuntime } from '../../sandbox/runtime/runtime';

/** The search lag of every test sandbox unless a test says otherwise (sandbox time). */
export const SEARCH_LAG_MS = 60_000;

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** REST calls as one account: each answers the status and the parsed body; `ok` fails on anything but 2xx. */
export interface RestClient {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>>;
  get<T = unknown>(path: string): Promise<Reply<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<Reply<T>>;
  delete<T = unknown>(path: string): Promise<Reply<T>>;
  ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export interface OutboxEmail {
  id: number;
  at: string;
  issueKey: string | null;
  subject: string;
  textBody: string;
  to: string[];
  /** Who sent it: the app (its /notify calls), JSM's own customer notifications, or a person's /notify. */
  source: 'app' | 'jsm' | 'jira';
}

/** A seeded account (GET /_sandbox/users). */
export interface SandboxUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
  role: 'agent' | 'customer' | 'team-lead' | 'offer-manager' | 'admin';
  organization: string | null;
}

/** A resolver call as a Custom UI module makes it through @forge/bridge (POST /_sandbox/invoke). */
export interface InvokeCall {
  moduleKey: string;
  functionKey: string;
  payload?: unknown;
  /** The request the module is shown on; null for the admin page and the project pages. */
  issueKey: string | null;
  /** The project a project page (the queue page, the report page) is shown in. */
  projectKey?: string;
}

export interface TestSandbox {
  url: string;
  runtime: ForgeRuntime;
  /** REST calls as this account (HTTP Basic `email:anything`); no email: anonymous. */
  asUser(email?: string): RestClient;
  /** A REST or control call as this account (null: anonymous); the status and the parsed body. */
  call<T = unknown>(email: string | null, method: string, path: string, body?: unknown): Promise<Reply<T>>;
  /** Like {@link call}, failing on anything but 2xx; the parsed body. */
  ok<T = unknown>(email: string | null, method: string, path: string, body?: unknown): Promise<T>;
  /** Returns once every pending product event and queued app event has been handled. */
  settle(): Promise<void>;
  /** Moves the site's clock by an ISO duration (running the scheduled triggers that fall due); the new now. */
  advance(duration: string): Promise<string>;
  /**
   * Every email the site sent, or those of one request; only one sender's when `source` is given (the app's
   * behaviour is checked on `'app'`: JSM sends its own customer notifications beside them, on by default).
   */
  outbox(issueKey?: string, source?: OutboxEmail['source']): Promise<OutboxEmail[]>;
  users(): Promise<SandboxUser[]>;
  /** The seeded account of this email address. */
  user(email: string): Promise<SandboxUser>;
  /** A resolver function called as `accountId` sees the module (the sandbox's pages pick the viewer by cookie). */
  invoke<T>(accountId: string, call: InvokeCall): Promise<T>;
  /** A request created as the portal does (channel `portal`); its key. */
  portalRequest(reporter: Pick<SandboxUser, 'accountId'>, summary: string, description?: string): Promise<string>;
  /** An email to the support address: a new request, or a comment on the request its subject names; its key. */
  email(from: Pick<SandboxUser, 'emailAddress'>, subject: string, body: string): Promise<string>;
  /** A move to the site status named `statusName`, as this account (agents may go anywhere; a resolution may be set). */
  moveTo(
    who: Pick<SandboxUser, 'emailAddress'>,
    issueKey: string,
    statusName: string,
    resolution?: string,
  ): Promise<void>;
  /** A comment through the Jira API, public or internal (JSM's `sd.public.comment` property). */
  comment(author: Pick<SandboxUser, 'emailAddress'>, issueKey: string, text: string, internal?: boolean): Promise<void>;
  /** The request's site status name. */
  status(issueKey: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The tests' HTTP client of a site: JSON in and out (a body that is not JSON is kept as text), with the given
 * headers on every call.
 * @example await httpClient(url, basicAuth('agent1@sandbox.test')).get('/rest/api/3/myself')
 */
export function httpClient(baseUrl: string, headers: Record<string, string> = {}): RestClient {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
    const sent: Record<string, string> = { accept: 'application/json', ...headers };
    if (body !== undefined) sent['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  const who = headers.authorization ? 'as the given account' : 'anonymously';
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    ok: async (method, path, body) => {
      const { status, body: answer } = await request(method, path, body);
      if (status >= 300) throw new Error(`${method} ${path} ${who} answered ${status}: ${JSON.stringify(answer)}`);
      return answer as never;
    },
  };
}

/**
 * The HTTP Basic header of a seeded account (`email:anything`, as the sandbox takes it); none for anonymous.
 * @example basicAuth('agent1@sandbox.test') //=> { authorization: 'Basic YWdlbnQx...' }
 */
export function basicAuth(email: string | undefined | null): Record<string, string> {
  return email ? { authorization: `Basic ${Buffer.from(`${email}:test`).toString('base64')}` } : {};
}

/**
 * Starts a fresh sandbox (demo data, free port, temporary folder), with the search lag on unless `opts` says
 * otherwise.
 * @example const sandbox = await startTestSandbox(); await sandbox.asUser('agent1@sandbox.test').get('/rest/api/3/myself')
 */
export async function startTestSandbox(
  opts: Omit<SandboxOptions, 'port' | 'dataDir' | 'reset'> = {},
): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  // Jira's search index lags behind writes: on by default (a minute of sandbox time), as on a real site.
  const running = await startSandbox({
    quiet: true,
    searchLagMs: SEARCH_LAG_MS,
    ...opts,
    port: 0,
    dataDir,
    reset: true,
  });
  const asUser = (email?: string | null): RestClient => httpClient(running.url, basicAuth(email));
  const control = asUser();
  const users = () => control.ok<SandboxUser[]>('GET', '/_sandbox/users');

  return {
    url: running.url,
    runtime: running.runtime,
    asUser,
    call: (email, method, path, body) => asUser(email).request(method, path, body),
    ok: (email, method, path, body) => asUser(email).ok(method, path, body),
    settle: async () => void (await control.ok('POST', '/_sandbox/settle', {})),
    advance: async (duration) =>
      (await control.ok<{ now: string }>('POST', '/_sandbox/clock', { advance: duration })).now,
    outbox: async (issueKey, source) =>
      (await control.ok<OutboxEmail[]>('GET', '/_sandbox/outbox')).filter(
        (e) => (issueKey === undefined || e.issueKey === issueKey) && (source === undefined || e.source === source),
      ),
    users,
    user: async (email) => {
      const found = (await users()).find((u) => u.emailAddress === email);
      if (!found) throw new Error(`no seeded account ${email}`);
      return found;
    },
    invoke: (accountId, invoked) =>
      httpClient(running.url, { cookie: `sandbox_user=${encodeURIComponent(accountId)}` }).ok(
        'POST',
        '/_sandbox/invoke',
        invoked,
      ),
    portalRequest: async (reporter, summary, description = 'From the portal') =>
      (
        await control.ok<{ issueKey: string }>('POST', '/_sandbox/portal/request', {
          summary,
          description,
          reporter: reporter.accountId,
        })
      ).issueKey,
    email: async (from, subject, body) =>
      (await control.ok<{ issueKey: string }>('POST', '/_sandbox/email', { from: from.emailAddress, subject, body }))
        .issueKey,
    moveTo: async (who, issueKey, statusName, resolution) => {
      const client = asUser(who.emailAddress);
      const { transitions } = await client.ok<{ transitions: { id: string; to: { name: string } }[] }>(
        'GET',
        `/rest/api/3/issue/${issueKey}/transitions`,
      );
      const transition = transitions.find((t) => t.to.name === statusName);
      if (!transition)
        throw new Error(
          `${issueKey}: no transition to ${statusName} (${transitions.map((t) => t.to.name).join(', ')})`,
        );
      await client.ok('POST', `/rest/api/3/issue/${issueKey}/transitions`, {
        transition: { id: transition.id },
        ...(resolution ? { fields: { resolution: { name: resolution } } } : {}),
      });
    },
    comment: async (author, issueKey, text, internal = false) => {
      await asUser(author.emailAddress).ok('POST', `/rest/api/3/issue/${issueKey}/comment`, {
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        properties: [{ key: 'sd.public.comment', value: { internal } }],
      });
    },
    status: async (issueKey) =>
      (
        await asUser('admin@sandbox.test').ok<{ fields: { status: { name: string } } }>(
          'GET',
          `/rest/api/3/issue/${issueKey}?fields=status`,
        )
      ).fields.status.name,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
