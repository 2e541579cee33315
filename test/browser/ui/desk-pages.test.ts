/**
 * The desk's pages in headless Chromium on the sandbox's demo data, in French (Alice, fr_FR) and in English (Ada,
 * en_US): the at-risk queue under SUP's queues (counts, filters, rows by breach instant, times left, breach instants
 * in the viewer's time zone, a request's link, its own refresh every minute) and the SLA report project page
 * (figures, chart, breaches, CSV of the rows). Jira's URLs for the modules: "Jira Service Management queue page"
 * (/jira/servicedesk/projects/{projectKey}/queues/apps/…) and "Jira project page" (/jira/{projectType}/projects/
 * {projectKey}/apps/…), developer.atlassian.com/platform/forge/manifest-reference/modules/.
 */
import { readFileSync } from 'fs';
import type { AtRiskQueueView, ResolverResult, SlaReportView } from '../../../src/shared/contracts';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
const QUEUE = '/jira/servicedesk/projects/SUP/queues/apps/at-risk-queue';
const REPORT = '/jira/servicedesk/projects/SUP/apps/sla-report';

const queueView = async () => {
  const answer = await session.sandbox.invoke<{ result: ResolverResult<AtRiskQueueView> }>(USERS.agent.accountId, {
    moduleKey: 'at-risk-queue',
    functionKey: 'getAtRiskQueue',
    payload: {},
    issueKey: null,
    projectKey: 'SUP',
  });
  if (!answer.result.ok) throw new Error(answer.result.message);
  return answer.result.data;
};

beforeAll(async () => {
  session = await Session.start();
  // The SLA sweep gives the demo requests their records; half a day later open SLAs are at risk or breached;
  // the search index follows a minute behind.
  await session.moveClock({ advance: 'PT10M' });
  await session.moveClock({ advance: 'PT12H' });
  await session.moveClock({ advance: 'PT2M' });
  await session.control('POST', '/_sandbox/settle');
}, 180_000);
afterAll(async () => session?.close());

describe('the at-risk queue', () => {
  it('in French: counts, rows by breach instant, filters, and a request link', async () => {
    const expected = await queueView();
    expect(expected.counts.breached).toBeGreaterThan(0);
    const page = await session.open(USERS.agent, QUEUE);
    const queue = appFrame(page, 'at-risk-queue');
    await queue.getByTestId('queue-table').waitFor({ timeout: 20_000 });
    await expect(queue.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('SLA à risque');
    await expect(queue.getByTestId('count-total').getAttribute('data-value')).resolves.toBe(
      String(expected.counts.total),
    );
    await expect(queue.getByTestId('count-breached').innerText()).resolves.toContain('Dépassé');
    const keys = await queue
      .getByTestId('queue-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(keys).toEqual(expected.rows.map((r) => r.key));
    const first = queue.locator('[data-testid="queue-row"][data-state="breached"]').first();
    await expect(first.getByTestId('time-left').innerText()).resolves.toMatch(/^en retard de \d+/);
    // The breach instant in Alice's time zone (Europe/Paris), in French.
    await expect(first.getByTestId('breach-at').innerText()).resolves.toMatch(/\d{2}:\d{2} UTC[+]\d/);

    await queue.getByLabel('État').selectOption('breached');
    const breachedKeys = expected.rows.filter((r) => r.state === 'breached').map((r) => r.key);
    expect(breachedKeys.length).toBeGreaterThan(0);
    const shownKeys = () =>
      queue.getByTestId('queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    for (let i = 0; i < 100 && JSON.stringify(await shownKeys()) !== JSON.stringify(breachedKeys); i++)
      await page.waitForTimeout(100);
    await expect(shownKeys()).resolves.toEqual(breachedKeys);

    // A request's key opens it in Jira's issue view (router.navigate).
    await queue.getByTestId('request-link').first().click();
    await page.waitForURL(`**/browse/${breachedKeys[0]}`);
    await page.context().close();
  });

  it('in English, and refreshes on its own every minute', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.clock.install();
    await context.addCookies([{ name: 'sandbox_user', value: USERS.admin.accountId, url: session.url }]);
    const page = await context.newPage();
    await page.goto(`${session.url}${QUEUE}`);
    const queue = appFrame(page, 'at-risk-queue');
    await queue.getByTestId('queue-table').waitFor({ timeout: 20_000 });
    await expect(queue.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('SLA at risk');
    await expect(
      queue.locator('[data-testid="queue-row"][data-state="breached"]').first().getByTestId('time-left').innerText(),
    ).resolves.toMatch(/^overdue by \d+/);
    const before = Number(await queue.getByTestId('count-total').getAttribute('data-value'));

    // A new request arrives; the page shows it after its next refresh, without a click.
    const key = await session.createRequest(USERS.customer, 'Printer on fire');
    await session.moveClock({ advance: 'PT2M' });
    await session.control('POST', '/_sandbox/settle');
    await page.clock.runFor(61_000);
    await queue.locator(`[data-testid="queue-row"][data-key="${key}"]`).waitFor({ timeout: 20_000 });
    await expect(queue.getByTestId('count-total').getAttribute('data-value')).resolves.toBe(String(before + 1));
    await context.close();
  });
});

describe('the SLA report', () => {
  it('in French: figures, chart and breaches of the period', async () => {
    const page = await session.open(USERS.agent, REPORT);
    const report = appFrame(page, 'sla-report');
    await report.getByTestId('report-figures').waitFor({ timeout: 30_000 });
    await expect(report.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Rapport SLA');
    const rows = Number(await report.getByTestId('report-figures').getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(10);
    await expect(report.getByTestId('total-requests').innerText()).resolves.toContain(String(rows));
    await expect(report.getByTestId('total-within-goal').innerText()).resolves.toMatch(/Dans l.objectif\s+[\d,]+\s%/);
    await report.getByTestId('share-chart').waitFor();
    const breaches = Number(await report.getByTestId('report-breaches').getAttribute('data-count'));
    await expect(report.getByTestId('breach-row').count()).resolves.toBe(breaches);
    await expect(report.getByTestId('report-cells').getByTestId('figures-row').count()).resolves.toBeGreaterThan(1);
    await page.context().close();
  });

  it('in English: the CSV holds the rows behind every figure', async () => {
    const page = await session.open(USERS.admin, REPORT);
    const report = appFrame(page, 'sla-report');
    await report.getByTestId('report-figures').waitFor({ timeout: 30_000 });
    await expect(report.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('SLA report');
    await expect(report.getByTestId('total-within-goal').innerText()).resolves.toMatch(/Within goal\s+[\d.]+%/);
    const rows = Number(await report.getByTestId('report-figures').getAttribute('data-rows'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Export the rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sla-report-SUP-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'key,summary,month,organization,priority,coverage,state,outcome,responseMs,goalMs,startedAt,stoppedAt,breachAt',
    );
    expect(lines).toHaveLength(rows + 1);
    const view = await session.sandbox.invoke<{ result: ResolverResult<SlaReportView> }>(USERS.admin.accountId, {
      moduleKey: 'sla-report',
      functionKey: 'getSlaReport',
      payload: { from: lines[1]!.split(',')[2], to: lines[1]!.split(',')[2] },
      issueKey: null,
      projectKey: 'SUP',
    });
    expect(view.result.ok).toBe(true);
    await page.context().close();
  });
});
