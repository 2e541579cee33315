// The SLA sweep with the search scripted over a list of records and @forge/kvs / @forge/events in memory.
import { defaultConfig } from '../../domain/config';
import { searchIssues } from '../../jira/search-issues';
import { kvsStore as store, queued, resetForgeMocks } from '../../../test/support/forge-mocks';
import { runSlaSweep } from './run-sla-sweep';
import { slaDueJql, slaUnrecordedJql } from './sla-sweep-jql';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
/** What the sweep queued, each push's body and delay. */
const pushed = queued as Array<{ queue: string; body: Record<string, unknown>; delayInSeconds?: number }>;
jest.mock('../../jira/search-issues');

const NOW = Date.UTC(2026, 2, 9, 9);
const record = (nextCheckAt: number) => ({
  version: 1,
  state: 'running',
  breached: 'no',
  risk: 'on_track',
  coverage: 'business_hours',
  goalMs: 14_400_000,
  startedAt: '2026-03-06T15:00:00Z',
  stoppedAt: null,
  stopStatus: null,
  lastChangeAt: 0,
  elapsedMs: 0,
  breachAt: '2026-03-09T10:00:00Z',
  warnAt: '2026-03-09T09:00:00Z',
  nextCheckAt,
  measuredAt: 0,
  measuredWith: 'abcd0123',
});
/** 230 requests due: 200 already, 30 in the next minutes. */
const due = [
  ...Array.from({ length: 200 }, (_, i) => ({ key: `SUP-${i + 1}`, next: NOW - 60_000 * (i + 1) })),
  ...Array.from({ length: 30 }, (_, i) => ({ key: `SUP-${i + 201}`, next: NOW + 10_000 * (i + 1) })),
];
const unrecorded = ['SUP-900', 'SUP-901'];
/** Issues without a record in a Software project: the backfill's JQL finds them when no project is picked. */
const software = ['DEV-1'];

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  store.set('sla-sweep:state', { cursor: null, lastBackfillAt: NOW }); // no daily backfill, unless a test says so
  jest.mocked(searchIssues).mockImplementation(async (jql, opts = {}) => {
    const items = jql.includes('IS EMPTY') ? [...unrecorded, ...software].map((key) => ({ key, next: 0 })) : due;
    const offset = Number(opts.nextPageToken ?? 0);
    const page = items.slice(offset, offset + (opts.maxResults ?? 50));
    const next = offset + page.length < items.length ? String(offset + page.length) : undefined;
    return {
      issues: page.map(({ key, next: at }) => ({
        id: key,
        key,
        ...(opts.fields?.includes('project')
          ? {
              fields: {
                project: {
                  key: key.split('-')[0],
                  projectTypeKey: key.startsWith('DEV') ? 'software' : 'service_desk',
                },
              },
            }
          : {}),
        ...(opts.properties ? { properties: { supportRulesSla: record(at) } } : {}),
      })),
      nextPageToken: next,
    };
  });
});

describe('runSlaSweep', () => {
  it('reads one search page per 100 requests due before the next run, with their record, and nothing else', async () => {
    const report = await runSlaSweep({ now: () => NOW });
    expect(report).toMatchObject({ pages: 3, due: 230, unrecorded: 0, finished: true });
    const calls = jest.mocked(searchIssues).mock.calls;
    expect(calls.map(([jql]) => jql)).toEqual([
      slaDueJql(NOW + 300_000, defaultConfig()),
      slaDueJql(NOW + 300_000, defaultConfig()),
      slaDueJql(NOW + 300_000, defaultConfig()),
    ]);
    expect(calls.every(([, opts]) => opts?.maxResults === 100 && opts.properties?.[0] === 'supportRulesSla')).toBe(
      true,
    );
  });

  it('a run with nothing to resume and nothing to record writes nothing to storage', async () => {
    jest.mocked(searchIssues).mockResolvedValue({ issues: [] });
    const before = new Map(store);
    await runSlaSweep({ now: () => NOW });
    expect(store).toEqual(before);
    expect(pushed).toEqual([]);
  });

  it('pushes those already due together at once, and each later one delayed to its own second', async () => {
    await runSlaSweep({ now: () => NOW });
    const now = pushed.filter((p) => p.delayInSeconds === 0);
    expect(now.flatMap((p) => p.body.issueKeys as string[])).toEqual(due.slice(0, 200).map((d) => d.key));
    expect(now.every((p) => (p.body.issueKeys as string[]).length <= 50)).toBe(true);
    const later = pushed.filter((p) => (p.delayInSeconds ?? 0) > 0);
    expect(later.map((p) => [p.body.issueKeys, p.delayInSeconds])).toEqual(
      due.slice(200).map((d, i) => [[d.key], 10 * (i + 1)]),
    );
    expect(pushed.every((p) => p.body.kind === 'sla-alert-batch')).toBe(true);
  });

  it('keeps a cursor when it runs out of time, and the next run resumes there', async () => {
    let t = NOW;
    const report = await runSlaSweep({ now: () => (t += 6_000) - 6_000, budgetMs: 10_000 });
    expect(report).toMatchObject({ pages: 1, due: 100, finished: false });
    expect(store.get('sla-sweep:state')).toEqual({
      cursor: { sweptAt: NOW, phase: 'due', nextPageToken: '100' },
      lastBackfillAt: NOW,
    });
    pushed.length = 0;
    const resumed = await runSlaSweep({ now: () => NOW + 300_000 });
    expect(resumed.finished).toBe(true);
    expect(pushed.flatMap((p) => p.body.issueKeys as string[])).toContain('SUP-101');
  });

  it('once a day, has the records of requests without one written (JSM requests only)', async () => {
    store.set('sla-sweep:state', { cursor: null, lastBackfillAt: NOW - 25 * 3_600_000 });
    const report = await runSlaSweep({ now: () => NOW });
    expect(report.unrecorded).toBe(2);
    expect(jest.mocked(searchIssues).mock.calls.at(-1)![0]).toBe(slaUnrecordedJql(defaultConfig()));
    expect(pushed.at(-1)!.body).toEqual({ kind: 'sla-refresh', issueKeys: unrecorded, attempt: 0 });
    expect(store.get('sla-sweep:state')).toEqual({ cursor: null, lastBackfillAt: NOW });
  });

  it('keeps both searches to the projects the admin picked', async () => {
    store.set('config', { projects: { keys: ['SUP'] } });
    store.set('sla-sweep:state', { cursor: null, lastBackfillAt: NOW - 25 * 3_600_000 });
    await runSlaSweep({ now: () => NOW });
    const jqls = jest.mocked(searchIssues).mock.calls.map(([jql]) => jql);
    expect(jqls.length).toBeGreaterThan(1);
    expect(jqls.every((jql) => jql.startsWith('project in ("SUP") AND '))).toBe(true);
  });
});
