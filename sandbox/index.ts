/**
 * The sandbox in one call: the JSM site (sandbox/site), the Forge runtime with the app's real handlers
 * (sandbox/runtime), the pages (sandbox/pages), one fastify server on 127.0.0.1. Used by `npm start`
 * (sandbox/main.ts) and by every end-to-end test (test/support/sandbox.ts).
 */
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { join, resolve } from 'path';
import { validateConfig } from '../src/domain/config-errors';
import { openDatabase } from './db';
import { registerCustomUi } from './pages/bridge';
import { registerCspReports } from './pages/csp';
import { registerPages } from './pages/routes';
import { installClock } from './runtime/clock';
import { planFaults } from './runtime/faults';
import { RateLimits, type RateLimitOptions } from './runtime/rate-limits';
import { loadManifest, resolveHandlers } from './runtime/manifest';
import { registerRuntimeRoutes } from './runtime/routes';
import { ForgeRuntime } from './runtime/runtime';
import { createSite, readIndexedProperties, type CustomerNotificationSettings, type SandboxUser } from './site';

const REPO = resolve(__dirname, '..');

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Where the SQLite file lives (default .sandbox-data/). */
  dataDir?: string;
  /** Wipes the state and reseeds the demo data. */
  reset?: boolean;
  /** The fraction of the app's REST calls that fail (429, 500 or timeout). */
  faults?: number;
  /** The fraction of product events delivered twice. */
  duplicateEvents?: number;
  /** With `faults`: a time-out drawn for a write (POST, PUT, DELETE) comes after the write committed, not before. */
  timeoutsAfterWrite?: boolean;
  /** The fraction of the app's writes that commit and then lose their answer (the call fails as a dropped connection). */
  lostResponses?: number;
  /** Jira's rate limits on the app's calls: true for the documented ones, or some of them changed; off by default. */
  rateLimits?: boolean | RateLimitOptions;
  /** Seed of the fault draws (same seed, same faults). */
  seed?: number;
  /** How long a "timeout" fault holds a call (default 10 s). */
  faultHangMs?: number;
  /** Multiplies Forge's function time limits (tests: 0.01 turns a resolver's 25 s into 250 ms). */
  timeScale?: number;
  /** How long after a write JQL search finds it (sandbox time; default 0: at once), as Jira's eventually consistent index. */
  searchLagMs?: number;
  /**
   * How long after a change its product event reaches the app (sandbox time; default 0: as soon as the REST call has
   * answered). Forge delivers product events asynchronously, so an app may handle an event after later changes.
   */
  eventDelayMs?: number;
  /**
   * JSM's own customer notifications of every service project until changed through
   * PUT /_sandbox/projects/{key}/customer-notifications (default: all on, as a new JSM project ships them).
   */
  customerNotifications?: Partial<CustomerNotificationSettings>;
  /** Runs the app with an inactive license. */
  unlicensed?: boolean;
  /** No log lines. */
  quiet?: boolean;
  /** Another app (tests): its manifest and its handler modules keyed by file name. */
  manifestPath?: string;
  handlerModules?: Record<string, Record<string, unknown>>;
}

export interface RunningSandbox {
  url: string;
  /** The Forge runtime, for tests and benchmarks that invoke resolvers directly or read its tally. */
  runtime: ForgeRuntime;
  close(): Promise<void>;
}

/**
 * Starts the sandbox and resolves once it serves (GET /_sandbox/health answers 200).
 * @example const sandbox = await startSandbox({ port: 0, dataDir: tmp, reset: true }); await sandbox.close()
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const db = openDatabase(join(opts.dataDir ?? join(REPO, '.sandbox-data'), 'sandbox.db'));
  // The clock first: the site's seed and every later write read the sandbox time.
  const clock = installClock(db);
  let url = '';
  const manifestPath = opts.manifestPath ?? join(REPO, 'manifest.yml');
  const site = createSite({
    db,
    baseUrl: () => url,
    searchLagMs: opts.searchLagMs,
    customerNotifications: opts.customerNotifications,
    indexedProperties: readIndexedProperties(manifestPath),
  });
  site.setReady(false);
  if (opts.reset) site.resetAndSeed();

  const manifest = loadManifest(manifestPath);
  const modules = opts.handlerModules ?? {
    index: (await import('../src/index')) as unknown as Record<string, unknown>,
  };
  const log = opts.quiet ? () => undefined : (line: string) => console.error(`[sandbox runtime] ${line}`);
  const runtime = new ForgeRuntime({
    db,
    siteUrl: () => url,
    site,
    manifest,
    handlers: resolveHandlers(manifest, modules),
    clock,
    faults: planFaults({
      faults: opts.faults,
      duplicateEvents: opts.duplicateEvents,
      lostResponses: opts.lostResponses,
      seed: opts.seed,
    }),
    timeoutsAfterWrite: opts.timeoutsAfterWrite,
    eventDelayMs: opts.eventDelayMs,
    rateLimits: opts.rateLimits ? new RateLimits(opts.rateLimits === true ? {} : opts.rateLimits) : undefined,
    hangMs: opts.faultHangMs,
    timeScale: opts.timeScale,
    accountKindOf: (accountId) =>
      site.users().find((u) => u.accountId === accountId)?.role === 'customer' ? 'customer' : 'licensed',
    licensed: !opts.unlicensed,
    log,
  });
  if (opts.reset) runtime.reset();
  seedConfig(runtime, site.users());

  const app = Fastify({ logger: false });
  await app.register(formbody);
  site.register(app);
  registerRuntimeRoutes(app, runtime);
  registerCustomUi(app, manifest.resources, { content: manifest.content, external: manifest.external }, () => url);
  registerCspReports(app);
  registerPages(app, {
    runtime,
    users: () => site.users(),
    outbox: () => site.outbox(),
    baseUrl: () => url,
    localesDir: join(REPO, 'locales'),
  });
  url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  runtime.start();
  site.setReady(true);

  return {
    url,
    runtime,
    close: async () => {
      await runtime.stop();
      await app.close();
      clock.uninstall();
      db.close();
    },
  };
}

/**
 * The demo configuration, written once into @forge/kvs (key `config`) as the admin page would save it:
 * escalation to the seeded team lead and offer manager, the support-team group, Globex Cloud on 24/7.
 */
function seedConfig(runtime: ForgeRuntime, users: SandboxUser[]): void {
  if (runtime.kvs.handle('/api/v1/get', { key: 'config' }).status === 200) return;
  const result = validateConfig(
    {
      coverage: { byOrganization: { 'Globex Cloud': '24x7' } },
      escalation: {
        teamLeadAccountId: users.find((u) => u.role === 'team-lead')?.accountId ?? null,
        offerManagerAccountId: users.find((u) => u.role === 'offer-manager')?.accountId ?? null,
        supportTeamGroup: 'support-team',
        urgentPhoneNumbers: [
          {
            label: 'Support (heures ouvrées)',
            labels: { en: 'Support (business hours)' },
            number: '+33 1 23 45 67 89',
          },
          { label: 'Astreinte 24/7', labels: { en: 'On call 24/7' }, number: '+33 6 12 34 56 78' },
        ],
      },
    },
    'en',
  );
  if (!result.ok) throw new Error(`The demo configuration is invalid: ${JSON.stringify(result.errors)}`);
  runtime.kvs.handle('/api/v1/set', { key: 'config', value: result.config });
}
