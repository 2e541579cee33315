// TEMPORARY: wires the sandbox's site and Forge runtime until sandbox/index.ts exports startSandbox.
import Fastify from 'fastify';
import { join } from 'path';
import { openDatabase } from '../../../sandbox/db';
import { installClock } from '../../../sandbox/runtime/clock';
import { planFaults } from '../../../sandbox/runtime/faults';
import { loadManifest, resolveHandlers } from '../../../sandbox/runtime/manifest';
import { ForgeRuntime } from '../../../sandbox/runtime/runtime';
import { createSite } from '../../../sandbox/site';
import * as index from '../../../src/index';

export async function startSandbox(opts: { port: number; dataDir: string; reset: boolean; duplicateEvents?: number }) {
  const db = openDatabase(join(opts.dataDir, 'sandbox.db'));
  const clock = installClock(db);
  const app = Fastify();
  let url = '';
  const site = createSite({ db, baseUrl: () => url });
  if (opts.reset) site.resetAndSeed();
  site.register(app);
  const manifest = loadManifest(join(__dirname, '..', '..', '..', 'manifest.yml'));
  const runtime = new ForgeRuntime({
    db,
    siteUrl: () => url,
    site,
    manifest,
    handlers: resolveHandlers(manifest, { index: index as unknown as Record<string, unknown> }),
    clock,
    faults: planFaults({ duplicateEvents: opts.duplicateEvents }),
    log: (line) => console.log(line),
  });
  // Works around a runtime bug: drain() with nothing due completes synchronously, so its `finally` runs before
  // `this.draining ??= ...` assigns, leaving a settled promise that turns every later drain into a no-op.
  const r = runtime as unknown as { drain(): Promise<void>; draining?: Promise<void> };
  const drain = r.drain.bind(r);
  r.drain = () => {
    const p = drain();
    return p.finally(() => {
      if (r.draining === p) r.draining = undefined;
    });
  };
  app.post('/_sandbox/settle', async () => {
    await runtime.settle();
    return {};
  });
  url = await app.listen({ port: opts.port, host: '127.0.0.1' });
  runtime.start();
  return {
    url,
    runtime,
    close: async () => {
      await runtime.stop();
      clock.uninstall();
      await app.close();
      db.close();
    },
  };
}
