/**
 * A runtime over the fixture app and a tiny fake site (a few REST routes on a fastify instance, an event
 * emitter, internal credentials), so the runtime is tested on its own, with the real Forge packages.
 */
import { EventEmitter } from 'events';
import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'path';
import { openDatabase, type Database } from '../../../sandbox/db';
import { installClock, type SandboxClock } from '../../../sandbox/runtime/clock';
import { planFaults } from '../../../sandbox/runtime/faults';
import { loadManifest, resolveHandlers } from '../../../sandbox/runtime/manifest';
import { ForgeRuntime, type ProductEvent } from '../../../sandbox/runtime/runtime';
import * as handlers from './fixtures/handlers';

export const APP_ACCOUNT = 'app-account';

export interface Harness {
  db: Database;
  app: FastifyInstance;
  clock: SandboxClock;
  runtime: ForgeRuntime;
  events: EventEmitter;
  /** Emits a product event as the site does after a write. */
  emit(event: ProductEvent): void;
  logs: string[];
  close(): Promise<void>;
}

export function fixtureManifest() {
  return loadManifest(join(__dirname, 'fixtures', 'manifest.yml'));
}

export async function startHarness(
  opts: { faults?: number; duplicateEvents?: number; seed?: number; timeScale?: number } = {},
): Promise<Harness> {
  const db = openDatabase(':memory:');
  const clock = installClock(db);
  const events = new EventEmitter();
  const app = Fastify();
  const caller = (authorization: string | undefined) => /^Fake (.+)$/.exec(authorization ?? '')?.[1];
  app.get('/rest/api/3/myself', async (request, reply) => {
    const accountId = caller(request.headers.authorization);
    return accountId ? { accountId } : reply.code(401).send({ errorMessages: ['not authenticated'] });
  });
  app.post('/rest/api/3/search/jql', async () => ({ issues: [] }));
  app.post('/rest/api/3/issue/:key/comment', async (_request, reply) => reply.code(201).send({ id: '1' }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const manifest = fixtureManifest();
  const logs: string[] = [];
  const runtime = new ForgeRuntime({
    db,
    siteUrl: () => address,
    site: { events, appAccountId: APP_ACCOUNT, internalAuthHeader: (id) => ({ authorization: `Fake ${id}` }) },
    manifest,
    handlers: resolveHandlers(manifest, { handlers: handlers as unknown as Record<string, unknown> }),
    clock,
    faults: planFaults(opts),
    hangMs: 20,
    timeScale: opts.timeScale,
    // Accounts named customer-* are portal-only customers; the others licensed.
    accountKindOf: (accountId) => (accountId.startsWith('customer-') ? 'customer' : 'licensed'),
    log: (line) => logs.push(line),
  });
  handlers.seen.length = 0;
  handlers.consumerBehaviour.failuresLeft = 0;
  return {
    db,
    app,
    clock,
    runtime,
    events,
    logs,
    emit: (event) => events.emit('product-event', event),
    close: async () => {
      if (!db.open) return;
      await runtime.stop();
      clock.uninstall();
      await app.close();
      db.close();
    },
  };
}

/** A product event as the site builds it. */
export function productEvent(eventType: string, actorAccountId: string): ProductEvent {
  return {
    eventType,
    actorAccountId,
    payload: {
      eventType,
      issue: { id: '10001', key: 'SUP-1', fields: {} },
      atlassianId: actorAccountId,
      associatedUsers: [{ accountId: actorAccountId }],
    },
  };
}
