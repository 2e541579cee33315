// The SLA report's reading with the search scripted and @forge/kvs / @forge/events in memory: a period read in
// several steps (each a page, the next queued) gives the same figures as one read at once, each request counted
// once, even when a step is cut short by Jira being busy; rows outside the period's instants are left out; a kept
// report is answered again without a search until it is stale or a refresh is asked.
import { defaultConfig } from '../../domain/config';
import type { SlaRecord } from '../../domain/sla-record';
import { JiraError } from '../../jira/client';
import { countIssues } from '../../jira/count-issues';
import { findRequestFields } from '../../jira/find-request-fields';
import { searchIssues, type SearchPage } from '../../jira/search-issues';
import { loadReportResult, loadSlaReport } from '../../store/sla-reports';
import { queued, resetForgeMocks } from '../../../test/support/forge-mocks';
import { continueSlaReport, startSlaReport, type SlaReportResult } from './sla-report-job';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/search-issues');
jest.mock('../../jira/find-request-fields');
jest.mock('../../jira/count-issues');

const config = defaultConfig();
const H = 3_600_000;

const record = (n: number, startedAt: string): SlaRecord => ({
  version: 1,
  state: n % 5 === 0 ? 'running' : 'stopped',
  breached: n % 3 === 0 ? 'yes' : 'no',
  risk: 'met',
  coverage: 'business_hours',
  goalMs: 4 * H,
  startedAt,
  stoppedAt: n % 5 === 0 ? null : startedAt,
  stopStatus: null,
  lastChangeAt: 0,
  elapsedMs: (n % 7) * H,
  breachAt: null,
  warnAt: null,
  nextCheckAt: null,
  measuredAt: 0,
  measuredWith: 'x',
});

/** 250 requests in Oct-Nov 2026, and one created on 30 September at 23:30 Paris (in September there). */
const issues: SearchPage['issues'] = [
  ...Array.from({ length: 250 }, (_, i) => ({
    id: String(10_000 + i),
    key: `SUP-${i + 1}`,
    fields: {
      summary: `Request ${i + 1}`,
      priority: { name: i % 2 ? 'High' : 'Low' },
      customfield_10002: i % 4 ? [{ id: '1', name: 'Acme Industries' }] : [],
    },
    properties: { supportRulesSla: record(i, i < 120 ? '2026-10-15T09:00:00Z' : '2026-11-20T09:00:00Z') },
  })),
  {
    id: '20000',
    key: 'SUP-999',
    fields: { summary: 'Late September', priority: { name: 'High' } },
    properties: { supportRulesSla: record(1, '2026-09-30T21:30:00Z') },
  },
  { id: '20001', key: 'SUP-1000', fields: { summary: 'No record' }, properties: {} },
];

function scriptSearch(failAt: number | null = null) {
  let calls = 0;
  jest.mocked(searchIssues).mockImplementation(async (_jql, opts = {}) => {
    calls++;
    if (calls === failAt) throw new JiraError('Jira is busy', 429, {}, true);
    const offset = Number(opts.nextPageToken ?? 0);
    const page = issues.slice(offset, offset + 100);
    const next = offset + 100 < issues.length ? String(offset + 100) : undefined;
    return { issues: page, ...(next ? { nextPageToken: next } : {}) };
  });
}

beforeEach(() => {
  resetForgeMocks();
  jest
    .mocked(findRequestFields)
    .mockResolvedValue({ organizations: 'customfield_10002', participants: null, requestType: null });
  jest.mocked(countIssues).mockResolvedValue(issues.length);
});

async function drain(): Promise<void> {
  while (queued.length) {
    const item = queued.shift()!;
    await continueSlaReport(item.body as Record<string, unknown>, 0);
  }
}

async function readAtOnce(): Promise<SlaReportResult> {
  scriptSearch();
  const job = await startSlaReport({
    projectKey: 'SUP',
    from: '2026-10',
    to: '2026-11',
    config,
    refresh: true,
    budgetMs: 60_000,
  });
  expect(job.status).toBe('done');
  return (await loadReportResult<SlaReportResult>(job))!;
}

it('reads a period at once when it fits, within the period instants only', async () => {
  const result = await readAtOnce();
  expect(result.rowCount).toBe(250);
  expect(result.figures.months.map((m) => [m.month, m.requests])).toEqual([
    ['2026-10', 120],
    ['2026-11', 130],
  ]);
});

it('gives the same figures read step by step through the queue, a busy Jira included', async () => {
  const atOnce = await readAtOnce();
  resetForgeMocks();
  scriptSearch(3);
  const first = await startSlaReport({
    projectKey: 'SUP',
    from: '2026-10',
    to: '2026-11',
    config,
    refresh: true,
    budgetMs: 0,
  });
  expect(first).toMatchObject({ status: 'running', read: 100, chunks: 1, expected: 252 });
  expect(queued).toHaveLength(1);
  await drain();
  const done = (await loadSlaReport('SUP', '2026-10', '2026-11'))!;
  expect(done).toMatchObject({ status: 'done', read: 252, chunks: 3 });
  expect(await loadReportResult<SlaReportResult>(done)).toEqual(atOnce);
});

it('answers a kept report without a search, until a refresh is asked', async () => {
  await readAtOnce();
  jest.mocked(searchIssues).mockClear();
  const kept = await startSlaReport({ projectKey: 'SUP', from: '2026-10', to: '2026-11', config, refresh: false });
  expect(kept.status).toBe('done');
  expect(searchIssues).not.toHaveBeenCalled();
  await startSlaReport({ projectKey: 'SUP', from: '2026-10', to: '2026-11', config, refresh: true });
  expect(searchIssues).toHaveBeenCalled();
});
