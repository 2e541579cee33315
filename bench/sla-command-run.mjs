/**
 * One run of the `sla` command in a fresh process, for bench/sla.bench.ts: the arguments are the command's, the
 * code is the bundle `npm run sla` runs (build/cli/sla.cjs, built by scripts/build-cli.mjs), the run is the CLI's
 * own (`runSla` with `nodeIo`), its lines go to /dev/null, and it prints what it cost as one JSON line: the
 * start-up (Node and the bundle, up to the first line of this file that runs after it) and the run, in wall and
 * CPU time (this process's, all its threads).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

// Required, not imported: an import would have Node scan the whole bundle for its export names first.
const { nodeIo, runSla } = createRequire(import.meta.url)('../build/cli/sla.cjs');

const startupCpu = process.cpuUsage();
const startupMs = performance.now();

const devNull = openSync('/dev/null', 'w');
let lines = 0;
const sink = {
  write: (text) => {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    return writeSync(devNull, text);
  },
};
const io = nodeIo(sink, sink);
const started = performance.now();
const code = runSla(process.argv.slice(2), io);
io.flush();
const runMs = performance.now() - started;
const run = process.cpuUsage(startupCpu);
closeSync(devNull);
console.log(
  JSON.stringify({
    code,
    lines,
    startupMs,
    startupCpuMs: (startupCpu.user + startupCpu.system) / 1000,
    runMs,
    runCpuMs: (run.user + run.system) / 1000,
  }),
);
