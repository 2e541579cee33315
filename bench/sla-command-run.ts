/**
 * One run of the `sla` command in a fresh process, for bench/sla.bench.ts: the arguments are the command's, the
 * run is the CLI's own (`runSla` with `nodeIo`, as src/cli/sla.ts runs when started), its lines go to /dev/null,
 * and it prints what it cost as one JSON line: the start-up (Node, tsx and the command's modules, up to the
 * first line of this file that runs) and the run, in wall and CPU time (this process's, all its threads).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { nodeIo, runSla } from '../src/cli/sla';

const startupCpu = process.cpuUsage();
const startupMs = performance.now();

const devNull = openSync('/dev/null', 'w');
let lines = 0;
const sink = {
  write: (text: string) => {
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
