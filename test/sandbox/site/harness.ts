/**
 * A site on real HTTP for the tests: a temp SQLite file, a fastify server on 127.0.0.1 port 0, and clients
 * that call it as any Jira client does (HTTP Basic with the account's email), recording product events.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { openDatabase, type Database } from '../../../sandbox/db';
import { createSite, PRODUCT_EVENT, readIndexedProperties, type ProductEvent, type Site } from '../../../sandbox/site';
import { basicAuth, httpClient } from '../../support/sandbox';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  get<T = any>(path: string): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  put<T = any>(path: string, body?: unknown): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  delete<T = any>(path: string): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestSite {
  url: string;
  site: Site;
  db: Database;
  events: ProductEvent[];
  /** A client authenticated as this email (Basic auth), or anonymous when undefined. */
  as(email: string | undefined): Client;
  /** A client authenticated as the app (the runtime's internal header). */
  asApp(): Client;
  close(): Promise<void>;
}

/** The tests' one HTTP client (test/support/sandbox.ts), typed loosely for these REST-shape tests. */
const client = (url: string, headers: Record<string, string>): Client => httpClient(url, headers) as Client;

/** The app's manifest: the site indexes the issue properties it declares, as Jira does for the installed app. */
export const APP_MANIFEST = join(__dirname, '..', '..', '..', 'manifest.yml');

/** Starts a freshly seeded site, with the app's declared issue properties indexed (and JSM's settings if given). */
export async function startTestSite(
  opts: Pick<Parameters<typeof createSite>[0], 'customerNotifications'> = {},
): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'site-test-'));
  const db = openDatabase(join(dir, 'site.db'));
  let url = '';
  const app: FastifyInstance = Fastify();
  const site = createSite({
    db,
    baseUrl: () => url,
    indexedProperties: readIndexedProperties(APP_MANIFEST),
    customerNotifications: opts.customerNotifications,
  });
  site.register(app);
  const events: ProductEvent[] = [];
  site.events.on(PRODUCT_EVENT, (e: ProductEvent) => events.push(e));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    site,
    db,
    events,
    as: (email) => client(url, basicAuth(email)),
    asApp: () => client(url, site.internalAuthHeader(site.appAccountId)),
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
