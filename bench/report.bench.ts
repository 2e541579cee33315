/**
 * The desk's pages at scale: 50,000 SUP requests created over the last six months (Acme on business hours, Globex
 * on 24/7, some without an organization; every priority; answered within minutes to days, a few waiting for a third
 * party, 1 to 2 % still open), each with its changelog and the SLA record the triggers write, computed here by the
 * app's own engine. Measured in the same run, in REST calls (the sandbox runtime's tally) and wall time:
 * - the SLA report of the six months, as the report page gets it (the resolver's first call, then the queue
 *   consumer's steps until it is done), beside a naive peer that reads each request with its changelog and
 *   computes its SLA; both give the same figures (checked);
 * - the at-risk queue's first page, beside a naive peer that reads each open request with its changelog.
 * `BENCH_REQUESTS=5000 npm run bench -- report` runs it smaller.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox';
import { openDatabase } from '../sandbox/db';
import { uiContext, type ShownProject } from '../sandbox/pages/ui-context';
import { runInvocation } from '../sandbox/runtime/invocation';
import { FORGE_TIME_LIMITS_MS } from '../sandbox/runtime/manifest';
import { PRIORITIES, statusOf } from '../sandbox/site/catalog';
import { queueRowOf, sortQueue } from '../src/domain/at-risk-queue';
import type { Config } from '../src/domain/config';
import { slaFromIssue, type JiraIssueJson } from '../src/domain/sla-from-issue';
import { slaRecordOf, SLA_RECORD_PROPERTY, type SlaRecord } from '../src/domain/sla-record';
import { monthsBetween, reportRowOf, slaReportFigures, type ReportRow } from '../src/domain/sla-report';
import type { CanonicalStatus } from '../src/domain/workflow';
import { getIssueWithChangelog } from '../src/jira/get-issue-with-changelog';
import { searchIssues } from '../src/jira/search-issues';
import type { AtRiskQueueView, ResolverResult, SlaReportView } from '../src/shared/contracts';
import { loadConfig } from '../src/store/config-store';
import { random } from '../test/support/random';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50_000);
const DAY = 86_400_000;
const MINUTE = 60_000;
const ORGANIZATIONS = [
  { id: 1, name: 'Acme Industries' },
  { id: 2, name: 'Globex Cloud' },
];
const AGENT = 'sandbox-agent-1';
const SUP: ShownProject = { id: '10000', key: 'SUP', type: 'service_desk' };

const jiraDate = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);

interface Seeded {
  issue: JiraIssueJson & { key: string; fields: Record<string, unknown> };
  organizationId: number | null;
  priorityId: string;
  statusId: string;
  resolved: boolean;
  created: number;
  moves: { at: number; from: CanonicalStatus; to: CanonicalStatus }[];
}

/** One request's life: created, taken in hand, maybe waiting for a third party, answered (or still open). */
function life(n: number, rnd: () => number, now: number, spanMs: number): Seeded {
  const created = now - Math.floor(rnd() * spanMs) - 30 * MINUTE;
  const org = rnd();
  const organization = org < 0.45 ? ORGANIZATIONS[0]! : org < 0.8 ? ORGANIZATIONS[1]! : null;
  const priority = PRIORITIES[Math.min(PRIORITIES.length - 1, Math.floor(rnd() * rnd() * PRIORITIES.length + 1))]!;
  const moves: Seeded['moves'] = [];
  let at = created + Math.floor(5 * MINUTE + rnd() * rnd() * 6 * 60 * MINUTE);
  let current: CanonicalStatus = 'submitted';
  const move = (to: CanonicalStatus) => {
    if (at >= now) return false;
    moves.push({ at, from: current, to });
    current = to;
    return true;
  };
  if (move('in_progress')) {
    if (rnd() < 0.1) {
      at += Math.floor(10 * MINUTE + rnd() * 4 * 60 * MINUTE);
      if (move('waiting_for_third_party')) {
        at += Math.floor(30 * MINUTE + rnd() * 2 * DAY);
        move('in_progress');
      }
    }
    at += Math.floor(10 * MINUTE + rnd() * rnd() * 3 * DAY);
    if ((current as CanonicalStatus) === 'in_progress' && rnd() < 0.985) {
      const waits = rnd() < 0.6;
      move(waits ? 'waiting_for_customer' : 'resolved');
      // A request waiting for its customer is answered, then resolved within days (or closed by the reminders).
      if (waits) {
        at += Math.floor(2 * 60 * MINUTE + rnd() * 5 * DAY);
        move('resolved');
      }
    }
  }
  const status = statusOf(current);
  const issue: Seeded['issue'] = {
    id: String(200_000 + n),
    key: `SUP-${100_000 + n}`,
    fields: {
      created: jiraDate(created),
      status: { id: status.id, name: status.name },
      priority: { id: priority.id, name: priority.name },
      customfield_10002: organization ? [{ id: String(organization.id), name: organization.name }] : [],
    },
    names: { customfield_10002: 'Organizations' },
    changelog: {
      histories: moves.map((m, i) => ({
        id: String(1_000_000 + n * 10 + i),
        created: jiraDate(m.at),
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: statusOf(m.from).id,
            fromString: statusOf(m.from).name,
            to: statusOf(m.to).id,
            toString: statusOf(m.to).name,
          },
        ],
      })),
    },
  };
  return {
    issue,
    organizationId: organization?.id ?? null,
    priorityId: priority.id,
    statusId: status.id,
    resolved: (current as CanonicalStatus) === 'resolved',
    created,
    moves,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'report-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, quiet: true });
  const quietLog = console.log;
  const quietWarn = console.warn;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    const { runtime } = sandbox;
    const asForge = <T>(fn: () => Promise<T>) =>
      runInvocation({ functionKey: 'bench', moduleKey: 'bench', timeoutMs: FORGE_TIME_LIMITS_MS.maxAsync }, fn);
    const config: Config = await asForge(() => loadConfig());
    const now = Date.now();
    const from = month(now - 170 * DAY);
    const to = month(now);
    const spanMs = now - Date.parse(`${from}-03T00:00:00Z`);

    // Seeded straight into the site's SQLite file (as the 50,000-request scale test does), each request with its
    // changelog and the record the app's triggers would have written.
    const rnd = random(17);
    const db = openDatabase(join(dataDir, 'sandbox.db'));
    const insertIssue = db.prepare(
      `INSERT INTO issues (id, project_key, num, summary, status_id, priority_id, resolution_id, resolution_date, reporter_id, creator_id, organization_id, channel, created, updated)
       VALUES (?, 'SUP', ?, ?, ?, ?, ?, ?, 'sandbox-customer-acme-1', 'sandbox-customer-acme-1', ?, 'portal', ?, ?)`,
    );
    const insertChange = db.prepare(
      `INSERT INTO changelog (id, issue_id, author_id, created, items) VALUES (?, ?, 'sandbox-agent-1', ?, ?)`,
    );
    const insertProperty = db.prepare(`INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?)`);
    let open = 0;
    const seedStart = performance.now();
    // Only the generated requests in SUP: the demo ones (no SLA record yet) would be read by the peers alone.
    db.prepare(`DELETE FROM issues WHERE project_key = 'SUP'`).run();
    db.transaction(() => {
      for (let n = 0; n < REQUESTS; n++) {
        const s = life(n, rnd, now, spanMs);
        const record: SlaRecord = slaRecordOf(slaFromIssue(s.issue, config, now), config, {
          nowMs: now,
          handled: { warning: true, breach: true },
        });
        if (record.state !== 'stopped') open++;
        const id = Number(s.issue.id);
        const updated = s.moves.length ? s.moves[s.moves.length - 1]!.at : s.created;
        insertIssue.run(
          id,
          100_000 + n,
          `Request ${n}`,
          s.statusId,
          s.priorityId,
          s.resolved ? '10000' : null,
          s.resolved ? updated : null,
          s.organizationId,
          s.created,
          updated,
        );
        for (const h of s.issue.changelog!.histories as { id: string; created: string; items: unknown[] }[])
          insertChange.run(Number(h.id), id, Date.parse(h.created.replace('+0000', 'Z')), JSON.stringify(h.items));
        insertProperty.run(id, SLA_RECORD_PROPERTY, JSON.stringify(record));
      }
    })();
    db.close();
    const seedMs = performance.now() - seedStart;

    const measure = async <T>(work: () => Promise<T>) => {
      await runtime.settle();
      const calls = runtime.tally.restCalls;
      const start = performance.now();
      const result = await work();
      await runtime.settle();
      return { result, calls: runtime.tally.restCalls - calls, ms: performance.now() - start };
    };
    const invoke = async <T>(moduleKey: string, functionKey: string, payload: unknown): Promise<T> => {
      const module = runtime.uiModule(moduleKey);
      const context = uiContext(
        module,
        { accountId: AGENT, locale: 'en_US', timeZone: 'Europe/Paris' },
        undefined,
        'light',
        sandbox.url,
        SUP,
      );
      const answer = (await runtime.invokeResolver({ moduleKey, functionKey, payload, context, accountId: AGENT })) as
        ResolverResult<T> | undefined;
      if (!answer?.ok) throw new Error(`${functionKey}: ${JSON.stringify(answer)}`);
      return answer.data;
    };

    // The report as the page gets it: the first call, then the queue consumer's steps, asking again until done.
    const app = await measure(async () => {
      let view = await invoke<SlaReportView>('sla-report', 'getSlaReport', { from, to, refresh: true });
      while (view.status === 'running') {
        await runtime.settle();
        view = await invoke<SlaReportView>('sla-report', 'getSlaReport', { from, to });
      }
      return view;
    });
    const firstCallStart = performance.now();
    await invoke<SlaReportView>('sla-report', 'getSlaReport', { from, to });
    const cachedMs = performance.now() - firstCallStart;

    // The naive peer: every request of the period read with its changelog, its SLA computed.
    const naive = await measure(() =>
      asForge(async () => {
        const rows: ReportRow[] = [];
        let nextPageToken: string | undefined;
        do {
          const page = await searchIssues(`project = SUP AND created >= "${from}-01" ORDER BY key ASC`, {
            fields: ['key'],
            maxResults: 5000,
            nextPageToken,
          });
          for (const found of page.issues) {
            const issue = await getIssueWithChangelog(found.key);
            const result = slaFromIssue(issue, config, now);
            const record = slaRecordOf(result, config, { nowMs: now, handled: { warning: true, breach: true } });
            const orgs = ((issue.fields.customfield_10002 as { name: string }[] | undefined) ?? []).map((o) => o.name);
            rows.push(
              reportRowOf(
                {
                  key: found.key,
                  summary: '',
                  organizations: orgs,
                  priority: issue.fields.priority?.name ?? null,
                  record,
                },
                config.calendars.businessHours.timeZone,
              ),
            );
          }
          nextPageToken = page.nextPageToken;
        } while (nextPageToken);
        return slaReportFigures(rows, monthsBetween(from, to));
      }),
    );
    const same = JSON.stringify(naive.result.cells) === JSON.stringify(app.result.figures?.cells);

    // The at-risk queue's first page, and a naive peer reading every open request with its changelog.
    const queue = await measure(() => invoke<AtRiskQueueView>('at-risk-queue', 'getAtRiskQueue', {}));
    const naiveQueue = await measure(() =>
      asForge(async () => {
        const rows = [];
        let nextPageToken: string | undefined;
        do {
          const page = await searchIssues('project = SUP AND resolution = Unresolved ORDER BY key ASC', {
            fields: ['key'],
            maxResults: 5000,
            nextPageToken,
          });
          for (const found of page.issues) {
            const issue = await getIssueWithChangelog(found.key);
            const record = slaRecordOf(slaFromIssue(issue, config, now), config, {
              nowMs: now,
              handled: { warning: true, breach: true },
            });
            const row = queueRowOf(
              { key: found.key, summary: '', organizations: [], priority: null, assignee: null, record },
              config,
              now,
            );
            if (row) rows.push(row);
          }
          nextPageToken = page.nextPageToken;
        } while (nextPageToken);
        return sortQueue(rows).slice(0, 100);
      }),
    );
    const sameQueue =
      JSON.stringify(naiveQueue.result.map((r) => r.key)) === JSON.stringify(queue.result.rows.map((r) => r.key));

    console.log = quietLog;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `${REQUESTS.toLocaleString('en')} SUP requests over ${from}..${to} (seeded with their changelog and SLA record in ${s(seedMs)}), ${open.toLocaleString('en')} open`,
    );
    console.log('| | REST calls | wall time |');
    console.log('|---|---|---|');
    console.log(
      `| SLA report, app (records via JQL, 100 a page: the first call, then the queue consumer's steps; ${app.result.rowCount.toLocaleString('en')} rows) | ${app.calls} | ${s(app.ms)} |`,
    );
    console.log(`| SLA report, app, asked again (kept) | 3 | ${Math.round(cachedMs)} ms |`);
    console.log(
      `| SLA report, naive peer (each request's changelog; same figures: ${same ? 'yes' : 'NO'}) | ${naive.calls} | ${s(naive.ms)} |`,
    );
    console.log(
      `| at-risk queue, first page, app (${queue.result.counts.total} open SLAs) | ${queue.calls} | ${Math.round(queue.ms)} ms |`,
    );
    console.log(
      `| at-risk queue, first page, naive peer (each open request's changelog; same order: ${sameQueue ? 'yes' : 'NO'}) | ${naiveQueue.calls} | ${Math.round(naiveQueue.ms)} ms |`,
    );
    console.log(
      `ratios: report ${(naive.ms / app.ms).toFixed(1)}x faster, ${(naive.calls / app.calls).toFixed(0)}x fewer calls; queue ${(naiveQueue.ms / queue.ms).toFixed(1)}x faster, ${(naiveQueue.calls / queue.calls).toFixed(0)}x fewer calls`,
    );
    if (!same || !sameQueue) process.exitCode = 1;
  } finally {
    console.log = quietLog;
    console.warn = quietWarn;
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
