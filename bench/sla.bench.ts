/**
 * Response-SLA benchmark: the engine against moment-business-time, a library users would pick for the same
 * working-time sums, on the same generated requests (20 status changes each over 1 to 60 days, business
 * hours Mon-Fri 09:00-18:00 Europe/Paris with French public holidays).
 * The engine computes the whole SLA (timeline, elapsed, remaining, breach instant); the peer only sums the
 * working time of the running intervals. Its answers are checked equal on the requests it handles.
 */
import Holidays from 'date-holidays';
import moment from 'moment';
import 'moment-business-time';
import { calendarFor } from '../src/domain/calendar';
import { defaultConfig } from '../src/domain/config';
import type { StatusChange } from '../src/domain/changelog';
import { computeResponseSla, type SlaInput } from '../src/domain/sla';
import { STATUS_NAMES, type CanonicalStatus } from '../src/domain/workflow';

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

/** A small seeded generator (mulberry32), so every run measures the same requests. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function time<T>(run: () => T): { ms: number; value: T } {
  const started = process.hrtime.bigint();
  const value = run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

function engineCostUs(requests: SlaInput[]): number {
  let sink = 0;
  const { ms } = time(() => {
    for (const r of requests) sink += computeResponseSla(r, config).elapsedMs;
  });
  if (sink < 0) throw new Error('unreachable');
  return (ms * 1000) / requests.length;
}

const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);

function main(): void {
  const requests = generate(100_000, 1, 60, 42);
  // Warm-up: the calendar indexes 2024-2026 once, the JIT settles.
  engineCostUs(requests.slice(0, 5_000));
  const engine = engineCostUs(requests);
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

  const short = generate(20_000, 2, 2, 7);
  const long = generate(20_000, 730, 730, 7);
  engineCostUs(long.slice(0, 1_000));
  const shortCost = engineCostUs(short);
  const longCost = engineCostUs(long);
  console.log(
    `span independence    ${fmt(shortCost)} per request open 2 days, ${fmt(longCost)} per request open 2 years (x${(longCost / shortCost).toFixed(2)})`,
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
