// The sweep with the search scripted over a list of due keys and @forge/kvs / @forge/events in memory.
import { listStatuses } from '../../jira/list-statuses';
import { searchIssues } from '../../jira/search-issues';
import { kvsStore as store, queued, resetForgeMocks } from '../../../test/support/forge-mocks';
import { runSweep } from './run-sweep';
import { dueJql, unclockedJql } from './sweep-jql';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/search-issues');
jest.mock('../../jira/list-statuses');

/** The batches the sweep pushed to the consumer. */
const pushed = () => queued.map((q) => q.body as { issueKeys: string[]; sweptAt: number });

const NOW = Date.UTC(2026, 0, 8, 10);
const due = Array.from({ length: 250 }, (_, i) => `SUP-${i + 1}`);

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  store.set('sweep:last-backfill', NOW); // the daily backfill is not due, unless a test says so
  jest.mocked(listStatuses).mockResolvedValue([
    { id: '3', name: 'En attente du client' },
    { id: '2', name: 'En cours' },
  ]);
  jest.mocked(searchIssues).mockImplementation(async (jql, opts = {}) => {
    const keys = jql.includes('IS EMPTY') ? ['SUP-900'] : due;
    const offset = Number(opts.nextPageToken ?? 0);
    const page = keys.slice(offset, offset + (opts.maxResults ?? 50));
    const next = offset + page.length < keys.length ? String(offset + page.length) : undefined;
    return { issues: page.map((key) => ({ id: key, key })), nextPageToken: next };
  });
});

describe('runSweep', () => {
  it('reads one search page per 100 due requests and pushes them in batches, reading no request itself', async () => {
    const report = await runSweep({ now: () => NOW });
    expect(report).toEqual({ pages: 3, due: 250, batches: 5, finished: true });
    expect(jest.mocked(searchIssues).mock.calls[0]![0]).toBe(dueJql(NOW));
    // The search answers ids only unless asked for more: the sweep asks for the key.
    expect(jest.mocked(searchIssues).mock.calls[0]![1]).toMatchObject({ fields: ['key'] });
    expect(pushed().flatMap((b) => b.issueKeys)).toEqual(due);
    expect(pushed().every((b) => b.sweptAt === NOW && b.issueKeys.length <= 50)).toBe(true);
    expect(store.has('sweep:cursor')).toBe(false);
  });

  // "Build an app that respects rate limits": balance the load, do not burst.
  it('queues the first batches at once and spreads the next ones 10 s apart', async () => {
    await runSweep({ now: () => NOW });
    expect(queued.map((q) => q.delayInSeconds ?? 0)).toEqual([0, 0, 0, 0, 10]);
  });

  it('keeps a cursor when it runs out of time, and the next run resumes there before sweeping afresh', async () => {
    // 30 s left, then 10: a 10-second page and the finishing margin fit once, not twice.
    let left = 30_000;
    const report = await runSweep({ now: () => NOW, remainingMs: () => (left -= 20_000) + 20_000 });
    expect(report).toMatchObject({ pages: 1, due: 100, finished: false });
    expect(store.get('sweep:cursor')).toEqual({ sweptAt: NOW, phase: 'due', nextPageToken: '100' });
    queued.length = 0;
    const later = NOW + 3_600_000;
    const resumed = await runSweep({ now: () => later });
    expect(resumed.finished).toBe(true);
    expect(
      pushed()
        .filter((b) => b.sweptAt === NOW)
        .flatMap((b) => b.issueKeys),
    ).toEqual(due.slice(100));
    expect(
      pushed()
        .filter((b) => b.sweptAt === later)
        .flatMap((b) => b.issueKeys),
    ).toEqual(due);
  });

  it('looks once a day for waiting requests without a clock, by the ids of the waiting statuses', async () => {
    store.set('sweep:last-backfill', NOW - 25 * 3_600_000);
    await runSweep({ now: () => NOW });
    expect(jest.mocked(searchIssues).mock.calls.at(-1)![0]).toBe(unclockedJql(['3']));
    expect(pushed().at(-1)!.issueKeys).toEqual(['SUP-900']);
    expect(store.get('sweep:last-backfill')).toBe(NOW);
  });
});
