/**
 * End-to-end helpers: a sandbox on a free port in a temporary folder, driven over HTTP only, as any Jira
 * client would (Basic auth, the REST calls, the control calls of DESIGN.md section 3).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startSandbox, type SandboxOptions } from '../../sandbox/index';

/** The search lag of every test sandbox unless a test says otherwise (sandbox time). */
export const SEARCH_LAG_MS = 60_000;

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RestClient {
  get<T = unknown>(path: string): Promise<Reply<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<Reply<T>>;
  delete<T = unknown>(path: string): Promise<Reply<T>>;
}

export interface OutboxEmail {
  id: number;
  at: string;
  issueKey: string | null;
  subject: string;
  textBody: string;
  to: string[];
}

export interface TestSandbox {
  url: string;
  /** REST calls as this account (HTTP Basic `email:anything`); no email: anonymous. */
  asUser(email?: string): RestClient;
  /** Returns once every pending product event and queued app event has been handled. */
  settle(): Promise<void>;
  /** Moves the site's clock by an ISO duration (running the scheduled triggers that fall due); the new now. */
  advance(duration: string): Promise<string>;
  outbox(): Promise<OutboxEmail[]>;
  users(): Promise<
    Array<{ accountId: string; emailAddress: string; displayName: string; role: string; organization: string | null }>
  >;
  close(): Promise<void>;
}

/**
 * Starts a fresh sandbox (demo data, free port, temporary folder).
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
  const call = async <T>(method: string, path: string, body: unknown, email: string | undefined): Promise<Reply<T>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (email) headers.authorization = `Basic ${Buffer.from(`${email}:test`).toString('base64')}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(running.url + path, {
      method,
      headers,
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
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const reply = await call<T>(method, path, body, undefined);
    if (reply.status >= 300)
      throw new Error(`${method} ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  return {
    url: running.url,
    asUser: (email) => ({
      get: (path) => call('GET', path, undefined, email),
      post: (path, body) => call('POST', path, body, email),
      put: (path, body) => call('PUT', path, body, email),
      delete: (path) => call('DELETE', path, undefined, email),
    }),
    settle: async () => void (await control('POST', '/_sandbox/settle')),
    advance: async (duration) => (await control<{ now: string }>('POST', '/_sandbox/clock', { advance: duration })).now,
    outbox: () => control('GET', '/_sandbox/outbox'),
    users: () => control('GET', '/_sandbox/users'),
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
