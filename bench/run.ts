/**
 * Runs the benchmarks: every bench/*.bench.ts, in name order, each in its own Node process (so one
 * benchmark's settings, such as a time zone, never leak into another). Arguments filter by name:
 * `npm run bench -- sla` runs only the benchmarks whose file name contains "sla".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filters = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exitCode = 1;
}
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${file} failed (exit ${result.status ?? result.signal})`);
    process.exitCode = 1;
  }
}
