/**
 * Reminder-sweep benchmark: 10,000 requests waiting for their customer, 1% of them due. One sweep
 * (the hourly scheduled trigger, then the consumer runs it queues) is measured in REST calls (the sandbox
 * runtime's tally) and wall time, beside a naive peer sweep that pages through every waiting request and reads
 * each one's clock. Target: at most one search page per 100 due requests plus the writes the due requests need,
 * and no read of a request that is not due.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { openDatabase } from '../sandbox/db';
import { runInvocation } from '../sandbox/runtime/invocation';
import { FORGE_TIME_LIMITS_MS } from '../sandbox/runtime/manifest';
import { findStatus } from '../sandbox/site/catalog';
import { sweepReminders } from '../src';
import { getIssueProperty } from '../src/jira/issue-property';
import { searchIssues } from '../src/jira/search-issues';

const WAITING = 10_000;
const DUE_EVERY = 100; // 1%
const HOUR = 3_600_000;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reminders-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, quiet: true });
  const quietLog = console.log;
  console.log = () => undefined; // the app logs a line per sweep and per action
  try {
    const waitingStatus = findStatus('En attente du client')!.id;
    // Seeded straight into the site's SQLite file, as the 50,000-request scale test does.
    const db = openDatabase(join(dataDir, 'sandbox.db'));
    const now = Date.now();
    const dueIssues: Array<{ id: number; key: string }> = [];
    const notDueIssues: Array<{ id: number; key: string }> = [];
    const insertIssue = db.prepare(
      `INSERT INTO issues (id, project_key, num, summary, status_id, priority_id, reporter_id, creator_id, organization_id, channel, created, updated)
       VALUES (?, 'SUP', ?, ?, ?, '3', 'sandbox-customer-acme-1', 'sandbox-customer-acme-1', 1, 'portal', ?, ?)`,
    );
    const insertProperty = db.prepare(
      `INSERT INTO issue_properties (issue_id, key, value) VALUES (?, 'supportRulesState', ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < WAITING; i++) {
        const id = 50_000 + i;
        const due = i % DUE_EVERY === 0;
        (due ? dueIssues : notDueIssues).push({ id, key: `SUP-${1000 + i}` });
        const since = now - (due ? 73 : 24) * HOUR;
        insertIssue.run(id, 1000 + i, `Waiting ${i}`, waitingStatus, since, since);
        insertProperty.run(
          id,
          JSON.stringify({
            waiting: 'yes',
            waitingSince: since,
            lastActivityAt: since,
            nextDueAt: due ? now - HOUR : now + 48 * HOUR,
            stage: 0,
          }),
        );
      }
    })();
    db.close();

    const { runtime } = sandbox;
    const measure = async (work: () => Promise<unknown>) => {
      await runtime.settle();
      const calls = runtime.tally.restCalls;
      const start = performance.now();
      await work();
      await runtime.settle();
      return { calls: runtime.tally.restCalls - calls, ms: performance.now() - start };
    };
    const asForge = <T>(fn: () => Promise<T>) =>
      runInvocation(
        { functionKey: 'bench', moduleKey: 'reminder-sweep', timeoutMs: FORGE_TIME_LIMITS_MS.maxAsync },
        fn,
      );

    const naive = await measure(() =>
      asForge(async () => {
        let due = 0;
        let nextPageToken: string | undefined;
        do {
          const page = await searchIssues(`status = "${findStatus('En attente du client')!.name}"`, {
            maxResults: 100,
            nextPageToken,
          });
          for (const issue of page.issues) {
            const clock = await getIssueProperty<{ nextDueAt: number }>(issue.key, 'supportRulesState');
            if (clock && clock.nextDueAt <= Date.now()) due++;
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
    const sweep = await measure(() => asForge(() => sweepReminders({}, { license: { isActive: true } })));
    runtime.callObservers.delete(observe);
    const dueRefs = new Set(dueIssues.flatMap((d) => [d.key, String(d.id)]));
    const notDueRefs = new Set(notDueIssues.flatMap((d) => [d.key, String(d.id)]));
    const notDueRead = [...touched].filter((ref) => notDueRefs.has(ref));
    // The sandbox's dozen demo requests are there too; one of them may be due as well.
    const demoTouched = [...touched].filter((ref) => !dueRefs.has(ref) && !notDueRefs.has(ref));
    const dueTouched = new Set(
      dueIssues.filter((d) => touched.has(d.key) || touched.has(String(d.id))).map((d) => d.key),
    );
    const reminded = (
      (await fetch(`${sandbox.url}/_sandbox/outbox`).then((r) => r.json())) as { subject: string; source: string }[]
    ).filter((m) => m.source === 'app' && m.subject.includes('] Relance')).length;

    const due = WAITING / DUE_EVERY;
    console.log = quietLog;
    console.log(`${WAITING.toLocaleString('en')} requests waiting for the customer, ${due} due (1%)`);
    console.log(`| | REST calls | wall time |`);
    console.log(`|---|---|---|`);
    console.log(
      `| app sweep (scheduled trigger + consumers; ${reminded} reminders sent) | ${sweep.calls} (${(sweep.calls / due).toFixed(1)} per due request) | ${Math.round(sweep.ms)} ms |`,
    );
    console.log(
      `| naive peer (reads every waiting request's clock; sends nothing) | ${naive.calls} | ${Math.round(naive.ms)} ms |`,
    );
    const allDue = dueTouched.size + demoTouched.length;
    console.log(
      `app sweep: ${searchPages} search page(s) of 100 for ${allDue} due requests (target: at most ${Math.ceil(allDue / 100)}); ` +
        `requests read or written: ${dueTouched.size} of the ${due} due, ${notDueRead.length} of the ${notDueIssues.length.toLocaleString('en')} not due` +
        `${notDueRead.length ? ` (${notDueRead.slice(0, 5).join(', ')}…)` : ''}, and ${demoTouched.length} demo request(s) due at the sandbox's start (${demoTouched.join(', ') || 'none'})`,
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
