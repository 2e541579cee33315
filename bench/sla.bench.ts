/**
 * Response-SLA benchmark.
 *
 * The `sla` command end to end: 3,000 generated exports (bodies of GET /rest/api/3/issue/{key}?expand=changelog,
 * test/support/sla-exports.ts) written to files, then the command over them in a fresh process each time
 * (bench/sla-command-run.mjs: the bundle `npm run sla` runs, build/cli/sla.cjs, and the CLI's own run, file
 * reading and output, lines to /dev/null; its start-up, Node and the bundle, measured apart), six times, in turns
 * with the peer, so that on a shared machine both see the same load. Each run is its process's first:
 * configuration, calendars and JIT included. Also: the same bundle run again in this process (warm), 3,000
 * requests open two days against 3,000 open two years (in turns), and the command as an admin runs it
 * (`npm run --silent sla -- ...`, npm and Node start-up included).
 *
 * The engine against moment-business-time, a library users would pick for the same working-time sums, on the
 * same generated requests (20 status changes each over 1 to 60 days, business hours Mon-Fri 09:00-18:00
 * Europe/Paris with French public holidays). The engine computes the whole SLA (timeline, elapsed, remaining,
 * breach instant); the peer only sums the working time of the running intervals. Its answers are checked equal
 * on the requests it handles. The peer also sums the running intervals of the 3,000 exports (given to it).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Holidays from 'date-holidays';
import moment from 'moment';
import 'moment-business-time';
import { calendarFor } from '../src/domain/calendar';
import type { StatusChange } from '../src/domain/changelog';
import { defaultConfig } from '../src/domain/config';
import { validateConfig } from '../src/domain/config-errors';
import { computeResponseSla, type SlaInput } from '../src/domain/sla';
import { slaFromIssue, type JiraIssueJson } from '../src/domain/sla-from-issue';
import { STATUS_NAMES, type CanonicalStatus } from '../src/domain/workflow';
import { generateSlaExports, SLA_EXPORTS_CONFIG, SLA_EXPORTS_NOW } from '../test/support/sla-exports';
import { random } from '../test/support/random';

declare module 'moment' {
  interface Moment {
    /** Added by moment-business-time (untyped): working time between two moments. */
    workingDiff(other: Moment, unit: 'milliseconds'): number;
  }
}

// moment-business-time works in the process's local time: make it the calendar's zone.
process.env.TZ = 'Europe/Paris';

const DAY = 86_400_000;
const config = defaultConfig();
const calendar = calendarFor(config, 'business_hours');

const status = (s: CanonicalStatus) => ({ name: STATUS_NAMES[s].fr });

/**
 * Requests alternating in progress / waiting for a third party, resolved at the 20th change, so that every
 * change matters to the SLA; spread over `minDays`-`maxDays` from a creation in 2024-2025.
 */
function generate(count: number, minDays: number, maxDays: number, seed: number): SlaInput[] {
  const next = random(seed);
  const start = Date.parse('2024-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, n) => {
    const createdMs = start + Math.floor(next() * 730 * DAY);
    const span = (minDays + next() * (maxDays - minDays)) * DAY;
    const instants = Array.from({ length: 20 }, () => createdMs + Math.floor(next() * span)).sort((a, b) => a - b);
    let from: CanonicalStatus = 'submitted';
    const changes: StatusChange[] = instants.map((at, i) => {
      const to: CanonicalStatus = i === 19 ? 'resolved' : i % 2 === 0 ? 'in_progress' : 'waiting_for_third_party';
      const change = { at, from: status(from), to: status(to) };
      from = to;
      return change;
    });
    return {
      issueKey: `SUP-${n}`,
      createdMs,
      initialStatus: status('submitted'),
      changes,
      coverage: 'business_hours',
      goalMs: 4 * 3_600_000,
      nowMs: createdMs + span + DAY,
    };
  });
}

/** The running intervals of a generated request (before the resolution, outside the pauses). */
function runningIntervals(input: SlaInput): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  let since = input.createdMs;
  let running = true;
  for (const change of input.changes) {
    if (running) intervals.push([since, change.at]);
    since = change.at;
    running = change.to.name === STATUS_NAMES.in_progress.fr;
  }
  return intervals;
}

function configureMoment(): void {
  const holidays = new Holidays('FR');
  const dates: string[] = [];
  for (let year = 2023; year <= 2027; year++)
    for (const h of holidays.getHolidays(year)) if (h.type === 'public') dates.push(h.date.slice(0, 10));
  const day = ['09:00:00', '18:00:00'];
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
    holidays: dates,
  } as moment.LocaleSpecification);
}

function peerSum(input: SlaInput): number {
  let total = 0;
  for (const [from, to] of runningIntervals(input)) total += moment(to).workingDiff(moment(from), 'milliseconds');
  return total;
}

/** Wall and CPU time of `run` (CPU time: this process's, so other work on the machine counts less). */
function time<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** The engine's wall and CPU time per request, µs. */
function engineCost(requests: SlaInput[]): { us: number; cpuUs: number } {
  let sink = 0;
  const { ms, cpuMs } = time(() => {
    for (const r of requests) sink += computeResponseSla(r, config).elapsedMs;
  });
  if (sink < 0) throw new Error('unreachable');
  return { us: (ms * 1000) / requests.length, cpuUs: (cpuMs * 1000) / requests.length };
}
const engineCostUs = (requests: SlaInput[]): number => engineCost(requests).us;

const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

const ROOT = join(__dirname, '..');
const EXPORTS = 3_000;

/** The command as `npm run sla` runs it: the bundle of src/cli/sla.ts, built first when stale. */
function loadCommand(): typeof import('../src/cli/sla') {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the bundle of the sla command could not be built');
  return createRequire(__filename)(join(ROOT, 'build', 'cli', 'sla.cjs')) as typeof import('../src/cli/sla');
}
const { nodeIo, runSla } = loadCommand();

/** A folder of exports as files, one issue each, in Jira's compact JSON, and the configuration beside them. */
function writeExports(root: string, name: string, exports: Array<Record<string, unknown>>): string[] {
  const dir = join(root, name);
  spawnSync('mkdir', ['-p', dir]);
  return exports.map((issue) => {
    const file = join(dir, `${String(issue.key)}.json`);
    writeFileSync(file, JSON.stringify(issue));
    return file;
  });
}

interface CommandRun {
  /** Wall and CPU time per request, µs. */
  wallUs: number;
  cpuUs: number;
  lines: number;
  code: number;
}

/** The command in this process (the bundle): runSla with the CLI's Io, its lines written to /dev/null. */
function commandInProcess(args: string[], requests: number): CommandRun {
  const devNull = openSync('/dev/null', 'w');
  let lines = 0;
  const sink = {
    write: (text: string) => {
      lines += text.split('\n').length - 1;
      return writeSync(devNull, text);
    },
  };
  const io = nodeIo(sink, sink);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const code = runSla(args, io);
  io.flush();
  const wallUs = Number(process.hrtime.bigint() - started) / 1e3 / requests;
  const used = process.cpuUsage(cpu);
  closeSync(devNull);
  return { wallUs, cpuUs: (used.user + used.system) / requests, lines, code };
}

/** What bench/sla-command-run.mjs prints: one run of the command in a fresh process. */
interface FreshRun {
  code: number;
  lines: number;
  startupMs: number;
  startupCpuMs: number;
  runMs: number;
  runCpuMs: number;
}

/** The command in a fresh process started as `npm run sla` starts it (node and the bundle). */
function commandFresh(args: string[]): FreshRun {
  const result = spawnSync(process.execPath, [join(__dirname, 'sla-command-run.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`the command's process failed with exit ${result.status}`);
  return JSON.parse(result.stdout) as FreshRun;
}

/** The command as an admin runs it: `npm run --silent sla -- <args>`, its output to /dev/null. */
function commandAsChild(args: string[]): { ms: number; code: number | null } {
  const started = process.hrtime.bigint();
  const result = spawnSync('npm', ['run', '--silent', 'sla', '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, code: result.status };
}

/** The 3,000 exports as files, with the command's common arguments and their average size. */
interface Exports {
  common: string[];
  files: string[];
  bytes: number;
  histories: number;
}

/**
 * Writes the 3,000 exports (generateSlaExports(EXPORTS, 42)) and keeps only their files' names: their objects
 * would weigh on this process's garbage collection while the command runs here.
 */
function writeAllExports(root: string): Exports {
  const configPath = join(root, 'config.json');
  writeFileSync(configPath, JSON.stringify(SLA_EXPORTS_CONFIG));
  const exports = generateSlaExports(EXPORTS, 42);
  return {
    common: ['--now', SLA_EXPORTS_NOW, '--config', configPath],
    files: writeExports(root, 'mixed', exports),
    bytes: exports.reduce((sum, e) => sum + JSON.stringify(e).length, 0),
    histories: exports.reduce((sum, e) => sum + (e.changelog as { total: number }).total, 0),
  };
}

/** Per request, µs: the sums of a series of turns divided by their requests. */
class Tally {
  wallUs = 0;
  cpuUs = 0;
  requests = 0;
  add(wallMs: number, cpuMs: number, requests: number): void {
    this.wallUs += wallMs * 1000;
    this.cpuUs += cpuMs * 1000;
    this.requests += requests;
  }
  get wall(): number {
    return this.wallUs / this.requests;
  }
  get cpu(): number {
    return this.cpuUs / this.requests;
  }
}

/**
 * The command and the peer in turns, six times: the command over the 3,000 exports in a fresh process (its
 * process's first run, start-up apart), then over 500 of them in this process (warm: it ran here before), then
 * the peer over `peerBatch` requests of its own.
 */
function commandAndPeerInTurns(
  { common, files }: Pick<Exports, 'common' | 'files'>,
  peerRequests: SlaInput[],
  peerBatch: number,
): { fresh: Tally; startup: Tally; warm: Tally; peer: Tally } {
  const fresh = new Tally();
  const startup = new Tally();
  const warm = new Tally();
  const peer = new Tally();
  for (let turn = 0; turn < 6; turn++) {
    const child = commandFresh([...common, ...files]);
    if (child.code !== 0 || child.lines !== files.length)
      throw new Error(`the command failed: ${JSON.stringify({ ...child, expected: files.length })}`);
    fresh.add(child.runMs, child.runCpuMs, files.length);
    startup.add(child.startupMs, child.startupCpuMs, files.length);
    const some = files.slice(turn * 500, turn * 500 + 500);
    const run = commandInProcess([...common, ...some], some.length);
    warm.add((run.wallUs * some.length) / 1000, (run.cpuUs * some.length) / 1000, some.length);
    const batch = peerRequests.slice(turn * peerBatch, turn * peerBatch + peerBatch);
    const peerTurn = time(() => batch.reduce((sum, r) => sum + peerSum(r), 0));
    peer.add(peerTurn.ms, peerTurn.cpuMs, batch.length);
  }
  return { fresh, startup, warm, peer };
}

/** The command over 3,000 requests open two days and 3,000 open two years, in this process, in turns. */
function spanIndependence(root: string, common: string[]): string {
  const sets = ([2, 730] as const).map((days) => {
    const set = generateSlaExports(EXPORTS, 7, { spanDays: [days, days], zone: 'Europe/Paris' });
    const entries = set.reduce((sum, e) => sum + (e.changelog as { total: number }).total, 0) / EXPORTS;
    return { days, entries, files: writeExports(root, `open-${days}`, set), tally: new Tally() };
  });
  for (let turn = 0; turn < 3; turn++)
    for (const set of sets) {
      const run = commandInProcess([...common, ...set.files], set.files.length);
      set.tally.add((run.wallUs * EXPORTS) / 1000, (run.cpuUs * EXPORTS) / 1000, EXPORTS);
    }
  const [short, long] = sets as [(typeof sets)[0], (typeof sets)[0]];
  const label = (s: typeof short): string =>
    `${fmt(s.tally.wall)} (CPU ${fmt(s.tally.cpu)}) per request open ${s.days === 2 ? '2 days' : '2 years'} (${s.entries.toFixed(1)} entries)`;
  return `${label(short)}, ${label(long)} (CPU x${(long.tally.cpu / short.tally.cpu).toFixed(2)})`;
}

/** The peer summing the running intervals of the exports (the engine's timeline, computed outside the timing). */
function peerOnExports(exports: Array<Record<string, unknown>>): number {
  const config = validateConfig(SLA_EXPORTS_CONFIG, 'en');
  if (!config.ok) throw new Error('invalid configuration');
  const nowMs = Date.parse(SLA_EXPORTS_NOW);
  const results = exports.map((e) => slaFromIssue(e as JiraIssueJson, config.config, nowMs));
  let mismatches = 0;
  const { ms } = time(() => {
    for (const r of results) {
      let sum = 0;
      for (const i of r.timeline) {
        if (i.kind !== 'running') continue;
        const from = moment(i.from);
        const to = i.to === null ? moment(nowMs) : moment(i.to);
        sum += r.coverage === '24x7' ? to.diff(from) : to.workingDiff(from, 'milliseconds');
      }
      if (sum !== r.elapsedMs) mismatches++;
    }
  });
  if (mismatches > 0) console.log(`  (${mismatches} of the exports' sums disagree with the engine)`);
  return (ms * 1000) / results.length;
}

function main(): void {
  const root = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  try {
    measure(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The engine and the peer on 100,000 generated requests; returns the engine's cost and requests the peer has not
 * seen yet, for the turns (the others are dropped: they would weigh on the command's runs in this process).
 */
function engineAndPeer(peerRequests: number): { engine: number; unseen: SlaInput[] } {
  const requests = generate(100_000, 1, 60, 42);
  // Warm-up: the calendar indexes 2024-2026 once, the JIT settles.
  engineCostUs(requests.slice(0, 5_000));
  const { us: engine } = engineCost(requests);
  console.log(
    `engine               ${fmt(engine)} per request (${requests.length.toLocaleString('en')} requests, 20 status changes over 1-60 days)`,
  );

  configureMoment();
  let handled = 0;
  let mismatches = 0;
  const budgetMs = 10_000;
  const peer = time(() => {
    const started = Date.now();
    while (handled < requests.length && Date.now() - started < budgetMs) {
      const r = requests[handled]!;
      if (peerSum(r) !== computeResponseSla(r, config).elapsedMs) mismatches++;
      handled++;
    }
  });
  // The equality check costs one engine computation per request: take it out of the peer's time.
  const peerCost = (peer.ms * 1000) / handled - engine;
  console.log(
    `moment-business-time ${fmt(peerCost)} per request (${handled.toLocaleString('en')} requests in ~${budgetMs / 1000} s; ${mismatches} disagree with the engine)`,
  );
  console.log(`ratio                ${(peerCost / engine).toFixed(0)}x faster (target: at least 50x)`);
  return { engine, unseen: requests.slice(handled, handled + peerRequests) };
}

function measure(root: string): void {
  const all = writeAllExports(root);
  const { bytes, histories } = all;
  const { unseen } = engineAndPeer(6 * 60);

  // The command in this process: its first run here, then (warm) in turns below.
  const first = commandInProcess([...all.common, ...all.files], all.files.length);
  if (first.code !== 0 || first.lines !== all.files.length)
    throw new Error(`the command failed: ${JSON.stringify(first)}`);
  // The command end to end, in fresh processes and warm, in turns with the peer (on requests it has not seen yet).
  const { fresh, startup, warm, peer: peerTurns } = commandAndPeerInTurns(all, unseen, 60);
  const ratio = (command: { wall: number; cpu: number }): string =>
    `${(peerTurns.wall / command.wall).toFixed(0)}x (CPU time: ${(peerTurns.cpu / command.cpu).toFixed(0)}x)`;
  console.log(
    `command, end to end  ${fmt(fresh.wall)} per request (CPU ${fmt(fresh.cpu)}): 6 fresh processes over the ${EXPORTS.toLocaleString('en')} exports (${(bytes / EXPORTS / 1024).toFixed(1)} KB and ${(histories / EXPORTS).toFixed(1)} changelog entries on average), each run its process's first (reading, configuration, calendars, JIT, output)`,
  );
  console.log(
    `  warm               ${fmt(warm.wall)} per request (CPU ${fmt(warm.cpu)}): 500 exports at a time in this process, after its first run over the 3,000 (${fmt(first.wallUs)}, CPU ${fmt(first.cpuUs)})`,
  );
  console.log(
    `  peer, same turns   moment-business-time ${fmt(peerTurns.wall)} per request (CPU ${fmt(peerTurns.cpu)}, ${peerTurns.requests} requests)`,
  );
  console.log(`command ratio        end to end ${ratio(fresh)}, warm ${ratio(warm)} faster (target: at least 50x)`);
  const withStartup = { wall: fresh.wall + startup.wall, cpu: fresh.cpu + startup.cpu };
  console.log(
    `  with start-up      Node and the bundle ${((startup.wall / 1000) * EXPORTS).toFixed(0)} ms (CPU ${((startup.cpu / 1000) * EXPORTS).toFixed(0)} ms) per process, ${fmt(startup.wall)} per request over ${EXPORTS.toLocaleString('en')} files: ${fmt(withStartup.wall)} per request (CPU ${fmt(withStartup.cpu)}), ${ratio(withStartup)}`,
  );
  console.log(`  span independence  ${spanIndependence(root, all.common)}`);
  const startupOne = commandAsChild([...all.common, all.files[0]!]);
  const child = commandAsChild([...all.common, ...all.files]);
  if (child.code !== 0) throw new Error(`the command failed with exit ${child.code}`);
  console.log(
    `command, npm run     ${fmt((child.ms * 1000) / all.files.length)} per request (${(child.ms / 1000).toFixed(2)} s for ${EXPORTS.toLocaleString('en')} files, npm's start-up included: ${startupOne.ms.toFixed(0)} ms with one file)`,
  );
  const exportsPeer = peerOnExports(generateSlaExports(EXPORTS, 42));
  console.log(
    `moment-business-time ${fmt(exportsPeer)} per export, summing the running intervals of the same 3,000 exports (given to it): ${(exportsPeer / fresh.wall).toFixed(1)}x the command's cost end to end`,
  );

  const short = generate(20_000, 2, 2, 7);
  const long = generate(20_000, 730, 730, 7);
  engineCostUs(long.slice(0, 1_000));
  // In turns, five times each, so that a change of load on the machine falls on both.
  let shortSum = 0;
  let longSum = 0;
  for (let turn = 0; turn < 5; turn++) {
    shortSum += engineCostUs(short);
    longSum += engineCostUs(long);
  }
  const [shortCost, longCost] = [shortSum / 5, longSum / 5];
  console.log(
    `span independence    ${fmt(shortCost)} per request open 2 days, ${fmt(longCost)} per request open 2 years (x${(longCost / shortCost).toFixed(2)}; in turns, five each)`,
  );

  // The calendar alone: one working-time sum over an arbitrary span.
  const next = random(3);
  const pairs = Array.from({ length: 200_000 }, () => {
    const a = Date.parse('2024-01-01T00:00:00Z') + Math.floor(next() * 700 * DAY);
    return [a, a + Math.floor(next() * 700 * DAY)] as const;
  });
  let sink = 0;
  const sums = time(() => {
    for (const [a, b] of pairs) sink += calendar.workingMsBetween(a, b);
  });
  if (sink < 0) throw new Error('unreachable');
  console.log(
    `calendar             ${fmt((sums.ms * 1000) / pairs.length)} per workingMsBetween (spans up to 700 days)`,
  );
}

main();
