#!/usr/bin/env node
// Builds every Custom UI app (static/<app>/vite.config.mts) into static/<app>/build with Vite,
// skipping an app whose build is newer than its sources, the shared contracts and the domain they take names from.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(
    st.mtimeMs,
    ...readdirSync(path)
      .filter((n) => n !== 'build' && n !== 'node_modules')
      .map((n) => newest(join(path, n))),
  );
}

const force = process.argv.includes('--force');
const shared = Math.max(newest('src/shared'), newest('src/domain'), newest('static/common'));
for (const app of readdirSync('static')) {
  const dir = join('static', app);
  const config = join(dir, 'vite.config.mts');
  if (!existsSync(config)) continue;
  const built = join(dir, 'build', 'index.html');
  if (!force && existsSync(built) && statSync(built).mtimeMs > Math.max(newest(dir), shared)) continue;
  console.log(`[build:ui] ${app}`);
  await build({ configFile: config, root: dir, logLevel: 'warn' });
}
