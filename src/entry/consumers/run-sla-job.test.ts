// The SLA jobs' steps with Jira's adapters scripted and @forge/kvs / @forge/events in memory: a recompute collects
// the ids, measures each request once, keeps exact counts across an interruption and ends; a what-if pages
// through its search and counts each page once.
import { JiraError } from '../../jira/client';
import { getChangelog } from '../../jira/get-changelog';
import { getIssueWithChangelog, type IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { setIssueProperty } from '../../jira/issue-property';
import { searchIssues } from '../../jira/search-issues';
import { loadSlaJob } from '../../store/sla-jobs';
import { kvsStore, queued, resetForgeMocks } from '../../../test/support/forge-mocks';
import { startSlaJob } from '../shared/sla-jobs';
import { runSlaJobStep } from './run-sla-job';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/search-issues');
jest.mock('../../jira/get-issue-with-changelog');
jest.mock('../../jira/get-changelog');
jest.mock('../../jira/issue-property');

const H = 3_600_000;
const FRIDAY_16H = '2026-03-06T16:00:00.000+0100';
const NOW = Date.parse('2026-03-09T12:00:00+01:00');

/** A request created on Friday at 16:00, answered (waiting for the customer) on Monday at 10:30, of `org`. */
function answered(n: number, record?: unknown): IssueWithChangelog {
  return {
    id: String(10_000 + n),
    key: `SUP-${n}`,
    fields: {
      created: FRIDAY_16H,
      status: { id: '3', name: 'En attente du client' },
      priority: { name: 'Medium' },
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
      customfield_10002: [{ id: '1', name: 'Acme Industries', _links: {} }],
    },
    changelog: {
      total: 1,
      histories: [
        {
          id: String(n),
          created: '2026-03-09T10:30:00.000+0100',
          items: [{ fieldId: 'status', from: '1', fromString: 'Soumise', to: '3', toString: 'En attente du client' }],
        },
      ],
    },
    properties: record === undefined ? {} : { supportRulesSla: record },
  };
}

const issues = new Map<string, IssueWithChangelog>();
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const step = (jobKind: string, jobId: string, now = NOW) =>
  runSlaJobStep({ kind: 'sla-job', jobKind, jobId }, { now: () => now, budgetMs: 60_000 });
/** Runs the queued steps until none is left (as the consumer would). */
async function drain(now = NOW): Promise<void> {
  for (let i = 0; i < 100 && queued.length > 0; i++) {
    const next = queued.shift()!.body as { jobKind: string; jobId: string };
    await step(next.jobKind, next.jobId, now);
  }
}

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  issues.clear();
  // Acme on 24/7: the answered requests are breached once recomputed (66 h 30 of a 4-hour goal).
  kvsStore.set('config', { coverage: { byOrganization: { 'Acme Industries': '24x7' } } });
  for (const n of ids(30)) issues.set(String(10_000 + n), answered(n, { state: 'stopped' }));
  jest.mocked(getIssueWithChangelog).mockImplementation(async (idOrKey) => {
    const issue = issues.get(idOrKey) ?? [...issues.values()].find((i) => i.key === idOrKey);
    if (!issue) throw new JiraError('GET answered 404', 404, {}, false);
    return structuredClone(issue);
  });
  jest.mocked(getChangelog).mockResolvedValue([]);
});

describe('a recompute', () => {
  beforeEach(() => {
    jest.mocked(searchIssues).mockImplementation(async (_jql, opts = {}) => {
      const all = [...issues.values()].map((i) => ({ id: i.id, key: i.key }));
      const offset = Number(opts.nextPageToken ?? 0);
      const page = all.slice(offset, offset + 12); // pages smaller than asked, as a site may answer
      return {
        issues: page,
        nextPageToken: offset + page.length < all.length ? String(offset + page.length) : undefined,
      };
    });
  });

  it('collects the ids, measures each request once, and reports how many records changed', async () => {
    // A record the app wrote: a stopped SLA measured in business hours (met), which a recompute rewrites.
    const job = await startSlaJob('recompute', { jql: 'project = SUP', by: 'admin-1', nowMs: NOW });
    await drain();
    expect(await loadSlaJob('recompute')).toMatchObject({
      id: job.id,
      status: 'done',
      total: 30,
      position: 30,
      changed: 30,
      unchanged: 0,
      failed: 0,
      changedExamples: ['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5'],
    });
    expect(setIssueProperty).toHaveBeenCalledTimes(30);
    expect(jest.mocked(setIssueProperty).mock.calls[0]![2]).toMatchObject({
      state: 'stopped',
      breached: 'yes',
      coverage: '24x7',
    });
    // Its id chunks are cleaned up.
    expect([...kvsStore.keys()].filter((k) => k.includes(':ids:'))).toEqual([]);
  });

  it('stopped by a busy Jira, resumes where it stopped and counts each request once', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startSlaJob('recompute', { jql: 'project = SUP', by: 'admin-1', nowMs: NOW });
    let reads = 0;
    const read = jest.mocked(getIssueWithChangelog).getMockImplementation()!;
    jest.mocked(getIssueWithChangelog).mockImplementation(async (...args) => {
      if (++reads === 18) throw new JiraError('GET answered 503', 503, {}, true);
      return read(...args);
    });
    await drain();
    expect(queued.at(-1)).toBeUndefined();
    const job = await loadSlaJob('recompute');
    expect(job).toMatchObject({ status: 'done', total: 30, changed: 30, unchanged: 0, failed: 0 });
    expect(setIssueProperty).toHaveBeenCalledTimes(30);
  });

  it('a refresh keeps stopped SLAs as measured', async () => {
    const stored = answered(1);
    const record = {
      version: 1,
      state: 'stopped',
      breached: 'no',
      risk: 'met',
      coverage: 'business_hours',
      goalMs: 4 * H,
      startedAt: '2026-03-06T15:00:00Z',
      stoppedAt: '2026-03-09T09:30:00Z',
      stopStatus: 'waiting_for_customer',
      lastChangeAt: Date.parse('2026-03-09T10:30:00+01:00'),
      elapsedMs: 3.5 * H,
      breachAt: null,
      warnAt: null,
      nextCheckAt: null,
      measuredAt: 0,
      measuredWith: 'abcdef01',
    };
    issues.clear();
    issues.set(stored.id, answered(1, record));
    await startSlaJob('refresh', { jql: 'state in (running, paused)', by: null, nowMs: NOW });
    await drain();
    expect(await loadSlaJob('refresh')).toMatchObject({ status: 'done', total: 1, changed: 0, unchanged: 1 });
    expect(setIssueProperty).not.toHaveBeenCalled();
  });

  it('stops, saying so, past the most requests it takes on', async () => {
    jest.mocked(searchIssues).mockImplementation(async (_jql, opts = {}) => {
      const offset = Number(opts.nextPageToken ?? 0);
      const page = Array.from({ length: 1000 }, (_, i) => ({ id: String(offset + i), key: `SUP-${offset + i}` }));
      return { issues: page, nextPageToken: String(offset + 1000) };
    });
    await startSlaJob('recompute', { jql: 'project = SUP', by: 'admin-1', nowMs: NOW });
    await drain();
    expect(await loadSlaJob('recompute')).toMatchObject({ status: 'failed', error: 'more than 20,000 requests' });
    expect([...kvsStore.keys()].filter((k) => k.includes(':ids:'))).toEqual([]);
    expect(getIssueWithChangelog).not.toHaveBeenCalled();
  });

  it('a JQL Jira no longer accepts ends it with the reason', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.mocked(searchIssues).mockRejectedValueOnce(new JiraError('POST answered 400: bad JQL', 400, {}, false));
    await startSlaJob('recompute', { jql: 'nonsense', by: 'admin-1', nowMs: NOW });
    await drain();
    expect(await loadSlaJob('recompute')).toMatchObject({ status: 'failed', error: 'POST answered 400: bad JQL' });
  });

  it('a step of a job replaced since does nothing', async () => {
    const first = await startSlaJob('recompute', { jql: 'project = SUP', by: 'admin-1', nowMs: NOW });
    await startSlaJob('recompute', { jql: 'key = SUP-1', by: 'admin-1', nowMs: NOW + 1 });
    await step('recompute', first.id);
    expect(searchIssues).not.toHaveBeenCalled();
  });
});

describe('a what-if', () => {
  it('pages through the search with changelogs and records, counts each page once, and writes nothing', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let calls = 0;
    jest.mocked(searchIssues).mockImplementation(async (_jql, opts = {}) => {
      calls++;
      if (calls === 2) throw new JiraError('POST answered 429', 429, {}, true);
      const all = [...issues.values()];
      const offset = Number(opts.nextPageToken ?? 0);
      const page = all.slice(offset, offset + 10);
      return {
        issues: page,
        nextPageToken: offset + page.length < all.length ? String(offset + page.length) : undefined,
      };
    });
    // In force: business hours, so each answered request is met; the draft: Acme on 24/7.
    kvsStore.set('config', {});
    const draft = (await import('../../domain/config')).configSchema.parse({
      coverage: { byOrganization: { 'Acme Industries': '24x7' } },
    });
    await startSlaJob('what-if', { jql: 'last 90 days', by: 'admin-1', config: draft, nowMs: NOW });
    await drain();
    const job = await loadSlaJob('what-if');
    expect(job?.status).toBe('done');
    expect(job?.tally).toMatchObject({
      scanned: 30,
      unmeasurable: 0,
      changes: { met_to_breached: 30, breached_to_met: 0, now_breached: 0, no_longer_breached: 0 },
    });
    expect(job?.tally?.examples).toHaveLength(5);
    expect(jest.mocked(searchIssues).mock.calls[0]![1]).toMatchObject({
      expand: ['changelog'],
      properties: ['supportRulesSla'],
    });
    expect(setIssueProperty).not.toHaveBeenCalled();
  });
});
