/**
 * SLA alert sweep benchmark: 10,000 open requests with their SLA record, 1% of them due a look (past 75 % of their
 * 4-hour goal, 24/7 contract). One sweep (the five-minute scheduled trigger, then the consumer runs it queues) is
 * measured in REST calls (the sandbox runtime's tally) and wall time, beside a naive peer sweep that pages through
 * every open request and reads each one's SLA record. Target: one search page per 100 due requests, the reads and
 * writes the due requests need, and no read of a request that is not due.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { openDatabase } from '../sandbox/db';
import { runInvocation } from '../sandbox/runtime/invocation';
import { FORGE_TIME_LIMITS_MS } from '../sandbox/runtime/manifest';
import { findStatus } from '../sandbox/site/catalog';
import { sweepSlaAlerts } from '../src';
import { defaultConfig } from '../src/domain/config';
import { slaConfigFingerprint } from '../src/domain/sla-fingerprint';
import { jqlDate, SLA_RECORD_PROPERTY, type SlaRecord } from '../src/domain/sla-record';
import { getIssueProperty } from '../src/jira/issue-property';
import { searchIssues } from '../src/jira/search-issues';

const OPEN = 10_000;
const DUE_EVERY = 100; // 1%
const HOUR = 3_600_000;
const GOAL = 4 * HOUR;
const GLOBEX = 2; // the demo organization on a 24/7 contract

/** The record the triggers would have written at creation: running, warning at 3 h, breach at 4 h. */
function record(created: number, fingerprint: string): SlaRecord {
  return {
    version: 1,
    state: 'running',
    breached: 'no',
    risk: 'on_track',
    coverage: '24x7',
    goalMs: GOAL,
    startedAt: jqlDate(created),
    stoppedAt: null,
    stopStatus: null,
    lastChangeAt: created,
    elapsedMs: 0,
    breachAt: jqlDate(created + GOAL),
    warnAt: jqlDate(created + 3 * HOUR),
    nextCheckAt: created + 3 * HOUR,
    measuredAt: created,
    measuredWith: fingerprint,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sla-alerts-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, quiet: true });
  const quietLog = console.log;
  console.log = () => undefined; // the app logs a line per sweep and per action
  try {
    const { runtime } = sandbox;
    const asForge = <T>(fn: () => Promise<T>) =>
      runInvocation(
        { functionKey: 'bench', moduleKey: 'sla-alert-sweep', timeoutMs: FORGE_TIME_LIMITS_MS.maxAsync },
        fn,
      );
    // A first run gives the demo requests their records (the daily backfill), so the measured run is a usual one.
    await asForge(() => sweepSlaAlerts({}, { license: { isActive: true } }));
    await runtime.settle();

    const inProgress = findStatus('En cours')!.id;
    const fingerprint = slaConfigFingerprint(defaultConfig());
    // Seeded straight into the site's SQLite file, as the 50,000-request scale test does.
    const db = openDatabase(join(dataDir, 'sandbox.db'));
    const now = Date.now();
    const dueIssues: Array<{ id: number; key: string }> = [];
    const notDueIssues: Array<{ id: number; key: string }> = [];
    const insertIssue = db.prepare(
      `INSERT INTO issues (id, project_key, num, summary, status_id, priority_id, reporter_id, creator_id, organization_id, channel, created, updated)
       VALUES (?, 'SUP', ?, ?, ?, '3', 'sandbox-customer-globex-1', 'sandbox-customer-globex-1', ?, 'portal', ?, ?)`,
    );
    const insertProperty = db.prepare(`INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < OPEN; i++) {
        const id = 50_000 + i;
        const due = i % DUE_EVERY === 0;
        (due ? dueIssues : notDueIssues).push({ id, key: `SUP-${1000 + i}` });
        // Due: created 3 h 10 min ago (warned at 3 h). Not due: created an hour ago (warning in 2 hours).
        const created = now - (due ? 3 * HOUR + 10 * 60_000 : HOUR);
        insertIssue.run(id, 1000 + i, `Open ${i}`, inProgress, GLOBEX, created, created);
        insertProperty.run(id, SLA_RECORD_PROPERTY, JSON.stringify(record(created, fingerprint)));
      }
    })();
    db.close();

    const measure = async (work: () => Promise<unknown>) => {
      await runtime.settle();
      const calls = runtime.tally.restCalls;
      const start = performance.now();
      await work();
      await runtime.settle();
      return { calls: runtime.tally.restCalls - calls, ms: performance.now() - start };
    };

    const naive = await measure(() =>
      asForge(async () => {
        let due = 0;
        let nextPageToken: string | undefined;
        do {
          const page = await searchIssues('project = SUP AND resolution = Unresolved ORDER BY key ASC', {
            fields: ['key'],
            maxResults: 100,
            nextPageToken,
          });
          for (const issue of page.issues) {
            const stored = await getIssueProperty<{ nextCheckAt: number | null }>(issue.key, SLA_RECORD_PROPERTY);
            if (stored?.nextCheckAt != null && stored.nextCheckAt <= Date.now()) due++;
          }
          nextPageToken = page.nextPageToken;
        } while (nextPageToken);
        return due;
      }),
    );

    // Every request the sweep touches, by the key or id in the path of each call (/rest/api/3/issue/{keyOrId}...).
    const touched = new Set<string>();
    let searchPages = 0;
    const observe = (call: { path: string }) => {
      const issue = /\/rest\/api\/3\/issue\/([^/?]+)/.exec(call.path)?.[1];
      if (issue) touched.add(decodeURIComponent(issue));
      if (call.path.startsWith('/rest/api/3/search/jql')) searchPages++;
    };
    runtime.callObservers.add(observe);
    const sweep = await measure(() => asForge(() => sweepSlaAlerts({}, { license: { isActive: true } })));
    runtime.callObservers.delete(observe);

    const dueRefs = new Set(dueIssues.flatMap((d) => [d.key, String(d.id)]));
    const notDueRefs = new Set(notDueIssues.flatMap((d) => [d.key, String(d.id)]));
    const notDueRead = [...touched].filter((ref) => notDueRefs.has(ref));
    const demoTouched = [...touched].filter((ref) => !dueRefs.has(ref) && !notDueRefs.has(ref));
    const dueTouched = dueIssues.filter((d) => touched.has(d.key) || touched.has(String(d.id))).length;
    const outbox = (await fetch(`${sandbox.url}/_sandbox/outbox`).then((r) => r.json())) as {
      issueKey: string | null;
      subject: string;
    }[];
    const warned = new Set(
      outbox
        .filter((m) => m.subject.includes('Réponse attendue bientôt') && dueRefs.has(m.issueKey ?? ''))
        .map((m) => m.issueKey),
    ).size;

    const due = OPEN / DUE_EVERY;
    console.log = quietLog;
    console.log(`${OPEN.toLocaleString('en')} open requests with an SLA record, ${due} due a look (1%)`);
    console.log(`| | REST calls | wall time |`);
    console.log(`|---|---|---|`);
    console.log(
      `| app SLA sweep (scheduled trigger + consumers; ${warned} of the ${due} due warned) | ${sweep.calls} (${(sweep.calls / due).toFixed(1)} per due request) | ${Math.round(sweep.ms)} ms |`,
    );
    console.log(
      `| naive peer (reads every open request's SLA record; sends nothing) | ${naive.calls} | ${Math.round(naive.ms)} ms |`,
    );
    const allDue = dueTouched + demoTouched.length;
    console.log(
      `app sweep: ${searchPages} search page(s) of 100 for ${allDue} requests due a look (target: at most ${Math.ceil(allDue / 100)}); ` +
        `requests read or written: ${dueTouched} of the ${due} due, ${notDueRead.length} of the ${notDueIssues.length.toLocaleString('en')} not due` +
        `${notDueRead.length ? ` (${notDueRead.slice(0, 5).join(', ')}…)` : ''}, and ${demoTouched.length} demo request(s) due as well (${demoTouched.join(', ') || 'none'})`,
    );
  } finally {
    console.log = quietLog;
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
