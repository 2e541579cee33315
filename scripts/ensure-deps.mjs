#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs the npm packages from package-lock.json
// when node_modules is missing or older than the lock file, and (for tests, as root) Debian's Chromium.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('[setup] installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

const wantsBrowser = process.argv.includes('--browser');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (wantsBrowser && !existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log('[setup] installing Chromium from Debian (apt-get install -y chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } else {
    console.error(
      `[setup] Chromium is missing at ${chromium}: run "sudo apt-get install -y chromium" (the browser tests need it).`,
    );
    process.exit(1);
  }
}
