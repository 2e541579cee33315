/**
 * The desk's pages on the sandbox's demo data, through the app's resolver as Jira invokes it (POST /_sandbox/invoke):
 * the at-risk queue lists exactly the project's open SLAs the `sla` command finds running or paused, by breach
 * instant; the SLA report's counts, shares and nearest-rank percentiles by month x organization x priority equal
 * those computed from the `sla` command's lines on the same requests' exports; customers get neither.
 * Sources: JSM queue page and Jira project page modules (no unlicensed access,
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-service-management-queue-page/),
 * GET /rest/api/3/mypermissions with `projectKey` (spec), search `properties` (spec, SearchAndReconcileRequestBean).
 */
import type { AtRiskQueueView, ResolverResult, SlaReportRows, SlaReportView } from '../../../src/shared/contracts';
import { httpClient, startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';
import { slaCommandLines, type SlaCommandLine } from '../../support/sla-command';

let sandbox: TestSandbox;
let agent: SandboxUser;
let now: string;

interface Export {
  key: string;
  fields: { priority?: { name: string } | null; customfield_10002?: { name: string }[] | null };
}

const desk = async <T>(who: SandboxUser, functionKey: string, payload: unknown, moduleKey = 'sla-report') =>
  (
    await sandbox.invoke<{ result: ResolverResult<T> }>(who.accountId, {
      moduleKey,
      functionKey,
      payload,
      issueKey: null,
      projectKey: 'SUP',
    })
  ).result;

async function exportsOf(jql: string): Promise<Export[]> {
  const { issues } = await sandbox
    .asUser(agent.emailAddress)
    .ok<{ issues: { key: string }[] }>('POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 1000 });
  return Promise.all(
    issues.map((i) =>
      sandbox.asUser(agent.emailAddress).ok<Export>('GET', `/rest/api/3/issue/${i.key}?expand=changelog,names,schema`),
    ),
  );
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await sandbox.user('agent1@sandbox.test');
  // The first SLA sweep gives the demo requests their records; a few more requests of both organizations, one
  // answered at once, then half a day in which open SLAs cross their thresholds (the sweep updates the records).
  await sandbox.advance('PT10M');
  const claire = await sandbox.user('claire@acme.test');
  const gwen = await sandbox.user('gwen@globex.test');
  const answered = await sandbox.portalRequest(claire, 'Badge reader offline');
  await sandbox.portalRequest(gwen, 'API quota exceeded');
  await sandbox.portalRequest(claire, 'New laptop for Marc');
  await sandbox.settle();
  await sandbox.moveTo(agent, answered, 'En attente du client');
  await sandbox.advance('PT12H');
  await sandbox.settle();
  // The search index follows writes a minute later (search lag): let it catch up.
  await sandbox.advance('PT2M');
  now = (await sandbox.asUser().ok<{ now: string }>('GET', '/_sandbox/clock')).now;
}, 240_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('the at-risk queue', () => {
  it('lists the open SLAs the sla command finds running or paused, by breach instant, overdue first', async () => {
    const view = await desk<AtRiskQueueView>(agent, 'getAtRiskQueue', {}, 'at-risk-queue');
    if (!view.ok) throw new Error(view.message);
    const lines = await slaCommandLines(sandbox, await exportsOf('project = SUP'), now);
    const open = lines.filter((l) => l.state !== 'stopped');
    expect(open.filter((l) => l.breached).length).toBeGreaterThan(0);
    expect(open.filter((l) => !l.breached).length).toBeGreaterThan(0);
    expect(view.data.rows.map((r) => r.key).sort()).toEqual(open.map((l) => l.issueKey).sort());
    expect(view.data.counts.total).toBe(open.length);
    expect(view.data.counts.breached).toBe(open.filter((l) => l.breached).length);
    expect(view.data.counts.paused).toBe(open.filter((l) => l.state === 'paused' && !l.breached).length);
    for (const row of view.data.rows) {
      const line = open.find((l) => l.issueKey === row.key)!;
      expect({ key: row.key, breached: row.state === 'breached' }).toEqual({ key: row.key, breached: line.breached });
      // A paused SLA within its goal breaches at no instant while paused (the command may name when its goal was
      // reached exactly, as the pause began).
      if (row.state === 'paused') expect(row.breachAt).toBeNull();
      else if (line.breachAt)
        expect(Math.abs(Date.parse(row.breachAt!) - Date.parse(line.breachAt))).toBeLessThan(1000);
    }
    const withInstant = view.data.rows.filter((r) => r.breachAt !== null).map((r) => Date.parse(r.breachAt!));
    expect(withInstant).toEqual([...withInstant].sort((a, b) => a - b));
    // Rows without a breach instant (paused within goal) come last.
    const firstPaused = view.data.rows.findIndex((r) => r.breachAt === null);
    if (firstPaused >= 0) expect(view.data.rows.slice(firstPaused).every((r) => r.breachAt === null)).toBe(true);
  });

  it('filters by organization and state, counting the whole queue', async () => {
    const all = await desk<AtRiskQueueView>(agent, 'getAtRiskQueue', {}, 'at-risk-queue');
    if (!all.ok) throw new Error(all.message);
    const acme = all.data.facets.organizations.find((o) => o.label === 'Acme Industries')!;
    const filtered = await desk<AtRiskQueueView>(
      agent,
      'getAtRiskQueue',
      { filters: { organization: acme.id, state: 'breached' } },
      'at-risk-queue',
    );
    if (!filtered.ok) throw new Error(filtered.message);
    expect(filtered.data.counts).toEqual(all.data.counts);
    expect(filtered.data.rows.map((r) => r.key)).toEqual(
      all.data.rows
        .filter((r) => r.state === 'breached' && r.organizations.some((o) => o.id === acme.id))
        .map((r) => r.key),
    );
  });
});

describe('the SLA report', () => {
  const month = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Paris' })
      .format(new Date(iso))
      .slice(0, 7);
  const rank = (sorted: number[], p: number) =>
    sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];

  it('counts, shares and percentiles equal those of the sla command on the same requests', async () => {
    const exports = await exportsOf('project = SUP');
    const lines = await slaCommandLines(sandbox, exports, now);
    const months = lines.map((l) => month(l.startedAt)).sort();
    const from = months[0]!;
    const to = months[months.length - 1]!;
    const report = await desk<SlaReportView>(agent, 'getSlaReport', { from, to, refresh: true });
    if (!report.ok) throw new Error(report.message);
    expect(report.data.status).toBe('done');
    expect(report.data.rowCount).toBe(lines.length);

    // The command's figures, grouped as the report groups them.
    const groups = new Map<string, SlaCommandLine[]>();
    for (const line of lines) {
      const issue = exports.find((e) => e.key === line.issueKey)!;
      const org = (issue.fields.customfield_10002 ?? [])
        .map((o) => o.name)
        .sort()
        .join(', ');
      const key = [month(line.startedAt), org, issue.fields.priority?.name ?? ''].join('|');
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    const expected = [...groups.entries()].map(([key, group]) => {
      const met = group.filter((l) => l.state === 'stopped' && !l.breached).length;
      const breached = group.filter((l) => l.breached).length;
      const times = group
        .filter((l) => l.state === 'stopped')
        .map((l) => l.elapsedMs)
        .sort((a, b) => a - b);
      return {
        key,
        requests: group.length,
        answered: times.length,
        met,
        breached,
        open: group.length - met - breached,
        withinGoal: met + breached === 0 ? null : met / (met + breached),
        medianMs: rank(times, 50),
        p90Ms: rank(times, 90),
      };
    });
    const cells = report.data.figures!.cells.map(({ month: m, organization, priority, ...figures }) => ({
      key: [m, organization, priority].join('|'),
      ...figures,
    }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(cells.length).toBeGreaterThan(2);
    expect(cells.sort(byKey)).toEqual(expected.sort(byKey));
    expect(report.data.figures!.total.requests).toBe(lines.length);
    expect(report.data.breachCount).toBe(lines.filter((l) => l.breached).length);
    expect(expected.some((e) => e.medianMs !== null)).toBe(true);

    // The CSV's rows are the requests behind the figures.
    const rows = await desk<SlaReportRows>(agent, 'getSlaReportRows', { from, to, chunk: 0 });
    if (!rows.ok) throw new Error(rows.message);
    expect(rows.data.rows.map((r) => r.key).sort()).toEqual(lines.map((l) => l.issueKey).sort());
    expect(rows.data.nextChunk).toBeNull();
  });

  it('refuses a period that is not whole months in order, or is too long', async () => {
    for (const payload of [
      { from: '2026-13', to: '2026-12' },
      { from: '2026-10', to: '2026-09' },
      { from: '2020-01', to: '2026-12' },
      { from: 'x', to: 'y' },
    ]) {
      const answer = await desk<SlaReportView>(agent, 'getSlaReport', payload);
      expect(answer).toMatchObject({ ok: false, status: 400, code: 'invalid_period' });
    }
  });
});

describe('access', () => {
  it('customers get neither page', async () => {
    const claire = await sandbox.user('claire@acme.test');
    const client = httpClient(sandbox.url, { cookie: `sandbox_user=${claire.accountId}` });
    for (const [moduleKey, functionKey, payload] of [
      ['at-risk-queue', 'getAtRiskQueue', {}],
      ['sla-report', 'getSlaReport', { from: '2026-01', to: '2026-01' }],
    ] as const) {
      const answer = await client.post<{ result?: ResolverResult<unknown> }>('/_sandbox/invoke', {
        moduleKey,
        functionKey,
        payload,
        issueKey: null,
        projectKey: 'SUP',
      });
      // Refused by the Forge runtime (no unlicensed access) or, failing that, by the resolver's own check.
      const refused = answer.status === 403 || (answer.status === 200 && answer.body.result?.ok === false);
      expect({ moduleKey, refused }).toEqual({ moduleKey, refused: true });
    }
    const page = await client.get('/jira/servicedesk/projects/SUP/queues/apps/at-risk-queue');
    expect(page.status).toBe(404);
  });

  it('shows the report only in service projects, and neither page where the rules do not apply', async () => {
    const page = httpClient(sandbox.url, { cookie: `sandbox_user=${agent.accountId}` });
    expect((await page.get('/jira/servicedesk/projects/SUP/apps/sla-report')).status).toBe(200);
    expect((await page.get('/jira/servicedesk/projects/SUP/queues/apps/at-risk-queue')).status).toBe(200);
    // Display condition projectType: service_desk; DEV has no queues at all.
    expect((await page.get('/jira/software/projects/DEV/apps/sla-report')).status).toBe(404);
    expect((await page.get('/jira/servicedesk/projects/DEV/queues/apps/at-risk-queue')).status).toBe(404);

    const admin = await sandbox.user('admin@sandbox.test');
    const adminCall = async (functionKey: string, payload: unknown) =>
      (
        await sandbox.invoke<{ result: ResolverResult<{ projects: { keys: string[] } }> }>(admin.accountId, {
          moduleKey: 'config-page',
          functionKey,
          payload,
          issueKey: null,
        })
      ).result;
    const current = await adminCall('getConfig', {});
    if (!current.ok) throw new Error(current.message);
    const config = (current.data as unknown as { config: { projects: { keys: string[] } } }).config;
    const saved = await adminCall('saveConfig', {
      config: { ...config, projects: { ...config.projects, keys: ['IT'] } },
    });
    expect(saved.ok).toBe(true);
    const queue = await desk<AtRiskQueueView>(agent, 'getAtRiskQueue', {}, 'at-risk-queue');
    expect(queue).toMatchObject({ ok: false, code: 'out_of_scope' });
    await adminCall('saveConfig', { config });
  });
});
