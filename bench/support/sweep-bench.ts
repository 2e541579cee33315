/**
 * What the sweep benchmarks share (bench/reminders.bench.ts, bench/sla-alerts.bench.ts): a sandbox of their own,
 * thousands of SUP requests seeded straight into its SQLite file (as the 50,000-request scale test does) with an
 * issue property each, 1 in `dueEvery` of them due; a naive peer sweep that pages through a search and reads each
 * request's property; and what a sweep costs: REST calls (the sandbox runtime's tally), wall time, search pages, and
 * which requests it read or wrote (by the key or id in each call's path).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { openDatabase } from '../../sandbox/db';
import { runInvocation } from '../../sandbox/runtime/invocation';
import { FORGE_TIME_LIMITS_MS } from '../../sandbox/runtime/manifest';
import { getIssueProperty } from '../../src/jira/issue-property';
import { searchIssues } from '../../src/jira/search-issues';

interface SeededRequest {
  id: number;
  key: string;
}

export interface Seeded {
  due: SeededRequest[];
  notDue: SeededRequest[];
}

export interface SweepBench {
  sandbox: RunningSandbox;
  /** Runs `fn` as a Forge invocation of the benchmark's module (the async time limit). */
  asForge<T>(fn: () => Promise<T>): Promise<T>;
  /** Seeds the requests: SUP-1000 onwards, ids 50,000 onwards, in `status`, created and updated at `since(due)`. */
  seed(options: {
    count: number;
    dueEvery: number;
    statusId: string;
    /** The reporter and creator (a customer account id) and their organization's id. */
    customer: string;
    organizationId: number;
    summary: string;
    since: (due: boolean) => number;
    property: { key: string; value: (since: number, due: boolean) => unknown };
  }): Seeded;
  /** REST calls and wall time of `work`, the queue settled before and after. */
  measure(work: () => Promise<unknown>): Promise<{ calls: number; ms: number }>;
  /** `measure`, and the search pages the work asked for and the requests it read or wrote. */
  observe(
    work: () => Promise<unknown>,
  ): Promise<{ calls: number; ms: number; searchPages: number; touched: Set<string> }>;
}

/**
 * Runs a sweep benchmark in a sandbox of its own (the app's log lines silenced), then prints the lines it returns.
 * @example void sweepBench('reminders', 'reminder-sweep', async (bench) => [`${(await bench.measure(work)).calls} calls`]);
 */
export async function sweepBench(
  name: string,
  moduleKey: string,
  body: (bench: SweepBench) => Promise<string[]>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, quiet: true });
  const { runtime } = sandbox;
  const quietLog = console.log;
  console.log = () => undefined; // the app logs a line per sweep and per action
  const measure = async (work: () => Promise<unknown>) => {
    await runtime.settle();
    const calls = runtime.tally.restCalls;
    const start = performance.now();
    await work();
    await runtime.settle();
    return { calls: runtime.tally.restCalls - calls, ms: performance.now() - start };
  };
  const bench: SweepBench = {
    sandbox,
    asForge: (fn) => runInvocation({ functionKey: 'bench', moduleKey, timeoutMs: FORGE_TIME_LIMITS_MS.maxAsync }, fn),
    seed: ({ count, dueEvery, statusId, customer, organizationId, summary, since, property }) => {
      const db = openDatabase(join(dataDir, 'sandbox.db'));
      const seeded: Seeded = { due: [], notDue: [] };
      const insertIssue = db.prepare(
        `INSERT INTO issues (id, project_key, num, summary, status_id, priority_id, reporter_id, creator_id, organization_id, channel, created, updated)
         VALUES (?, 'SUP', ?, ?, ?, '3', ?, ?, ?, 'portal', ?, ?)`,
      );
      const insertProperty = db.prepare(`INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?)`);
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const id = 50_000 + i;
          const due = i % dueEvery === 0;
          (due ? seeded.due : seeded.notDue).push({ id, key: `SUP-${1000 + i}` });
          const at = since(due);
          insertIssue.run(id, 1000 + i, `${summary} ${i}`, statusId, customer, customer, organizationId, at, at);
          insertProperty.run(id, property.key, JSON.stringify(property.value(at, due)));
        }
      })();
      db.close();
      return seeded;
    },
    measure,
    observe: async (work) => {
      const touched = new Set<string>();
      let searchPages = 0;
      const observer = (call: { path: string }) => {
        const issue = /\/rest\/api\/3\/issue\/([^/?]+)/.exec(call.path)?.[1];
        if (issue) touched.add(decodeURIComponent(issue));
        if (call.path.startsWith('/rest/api/3/search/jql')) searchPages++;
      };
      runtime.callObservers.add(observer);
      try {
        return { ...(await measure(work)), searchPages, touched };
      } finally {
        runtime.callObservers.delete(observer);
      }
    },
  };
  try {
    const lines = await body(bench);
    console.log = quietLog;
    for (const line of lines) console.log(line);
  } finally {
    console.log = quietLog;
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The naive peer: pages through `jql` 100 requests at a time and reads each one's issue property; counts those
 * `isDue` says are due (it sends nothing).
 */
export async function naiveSweep<P>(
  jql: string,
  propertyKey: string,
  isDue: (property: P) => boolean,
): Promise<number> {
  let due = 0;
  let nextPageToken: string | undefined;
  do {
    const page = await searchIssues(jql, { fields: ['key'], maxResults: 100, nextPageToken });
    for (const issue of page.issues) {
      const stored = await getIssueProperty<P>(issue.key, propertyKey);
      if (stored !== undefined && stored !== null && isDue(stored)) due++;
    }
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return due;
}

/** Which requests a sweep read or wrote: how many of the due ones, which of the others, which of the demo's. */
export function touchedRequests(
  seeded: Seeded,
  touched: Set<string>,
): { dueTouched: number; notDueRead: string[]; demoTouched: string[] } {
  const dueRefs = new Set(seeded.due.flatMap((d) => [d.key, String(d.id)]));
  const notDueRefs = new Set(seeded.notDue.flatMap((d) => [d.key, String(d.id)]));
  return {
    dueTouched: seeded.due.filter((d) => touched.has(d.key) || touched.has(String(d.id))).length,
    notDueRead: [...touched].filter((ref) => notDueRefs.has(ref)),
    // The sandbox's dozen demo requests are there too; some may be due as well.
    demoTouched: [...touched].filter((ref) => !dueRefs.has(ref) && !notDueRefs.has(ref)),
  };
}

/** The benchmark's table (app sweep beside the naive peer) and the line saying what the sweep touched. */
export function sweepReport(options: {
  title: string;
  seeded: Seeded;
  sweep: { calls: number; ms: number; searchPages: number; touched: Set<string> };
  sweepLabel: string;
  naive: { calls: number; ms: number };
  naiveLabel: string;
  dueLabel: string;
}): string[] {
  const { seeded, sweep, naive } = options;
  const due = seeded.due.length;
  const { dueTouched, notDueRead, demoTouched } = touchedRequests(seeded, sweep.touched);
  const allDue = dueTouched + demoTouched.length;
  return [
    options.title,
    `| | REST calls | wall time |`,
    `|---|---|---|`,
    `| ${options.sweepLabel} | ${sweep.calls} (${(sweep.calls / due).toFixed(1)} per due request) | ${Math.round(sweep.ms)} ms |`,
    `| ${options.naiveLabel} | ${naive.calls} | ${Math.round(naive.ms)} ms |`,
    `app sweep: ${sweep.searchPages} search page(s) of 100 for ${allDue} ${options.dueLabel} (target: at most ${Math.ceil(allDue / 100)}); ` +
      `requests read or written: ${dueTouched} of the ${due} due, ${notDueRead.length} of the ${seeded.notDue.length.toLocaleString('en')} not due` +
      `${notDueRead.length ? ` (${notDueRead.slice(0, 5).join(', ')}…)` : ''}, and ${demoTouched.length} demo request(s) due as well (${demoTouched.join(', ') || 'none'})`,
  ];
}
