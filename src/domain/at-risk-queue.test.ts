import { at, config, H, slaRecord as record } from '../../test/support/sla-fixtures';
import { filterQueue, queueCounts, queueFacets, queueRowOf, sortQueue, type QueueRequest } from './at-risk-queue';
import type { SlaRecord } from './sla-record';

const MONDAY_9H = at('2026-03-09T09:00:00+01:00');

const request = (key: string, over: Partial<SlaRecord> = {}, fields: Partial<QueueRequest> = {}): QueueRequest => ({
  key,
  summary: `Request ${key}`,
  organizations: [{ id: '1', name: 'Acme' }],
  priority: 'High',
  assignee: null,
  record: record(over),
  ...fields,
});

describe('queueRowOf', () => {
  it('counts the working time since the last change in the contract calendar', () => {
    const row = queueRowOf(request('SUP-1'), config, at('2026-03-09T10:00:00+01:00'))!;
    expect(row).toMatchObject({ state: 'on_track', clock: 'running', remainingMs: 3 * H });
    expect(row.breachAt).toBe('2026-03-09T12:00:00.000Z');
  });

  it('does not count the night in business hours, and counts it in 24/7', () => {
    const evening = request('SUP-1', { lastChangeAt: at('2026-03-09T17:00:00+01:00') });
    const nextMorning = at('2026-03-10T10:00:00+01:00');
    expect(queueRowOf(evening, config, nextMorning)!.remainingMs).toBe(2 * H);
    const allDay = request('SUP-2', { coverage: '24x7', lastChangeAt: at('2026-03-09T17:00:00+01:00') });
    expect(queueRowOf(allDay, config, nextMorning)!.remainingMs).toBe(4 * H - 17 * H);
  });

  it('is at risk from 75 % of the goal and breached past it (overdue time negative)', () => {
    expect(queueRowOf(request('SUP-1'), config, at('2026-03-09T12:00:00+01:00'))!.state).toBe('at_risk');
    const late = queueRowOf(request('SUP-1'), config, at('2026-03-09T14:30:00+01:00'))!;
    expect(late).toMatchObject({ state: 'breached', remainingMs: -1.5 * H });
  });

  it('keeps a paused SLA as measured, and a paused one already past its goal breached', () => {
    const paused = request('SUP-1', { state: 'paused', elapsedMs: H, breachAt: null, warnAt: null });
    expect(queueRowOf(paused, config, at('2026-03-20T10:00:00+01:00'))).toMatchObject({
      state: 'paused',
      clock: 'paused',
      remainingMs: 3 * H,
      breachAt: null,
    });
    const pausedAtGoal = request('SUP-3', { state: 'paused', elapsedMs: 4 * H, breachAt: '2026-03-09T12:00:00Z' });
    expect(queueRowOf(pausedAtGoal, config, at('2026-03-20T10:00:00+01:00'))).toMatchObject({
      state: 'paused',
      remainingMs: 0,
      breachAt: null,
    });
    const pausedLate = request('SUP-2', { state: 'paused', elapsedMs: 5 * H, breached: 'yes' });
    expect(queueRowOf(pausedLate, config, at('2026-03-20T10:00:00+01:00'))!.state).toBe('breached');
  });

  it('leaves stopped SLAs out', () => {
    expect(queueRowOf(request('SUP-1', { state: 'stopped' }), config, MONDAY_9H)).toBeNull();
  });
});

describe('the queue', () => {
  const now = at('2026-03-09T12:30:00+01:00');
  const rows = [
    request('SUP-10', { state: 'paused', elapsedMs: 3.5 * H, breachAt: null }),
    request('SUP-2', { state: 'paused', elapsedMs: H, breachAt: null }, { priority: 'Low' }),
    request(
      'SUP-3',
      { lastChangeAt: at('2026-03-09T11:00:00+01:00'), breachAt: '2026-03-09T13:00:00Z' },
      { assignee: { accountId: 'a1', displayName: 'Alice' } },
    ),
    request('SUP-4', { elapsedMs: H, breachAt: '2026-03-09T11:00:00Z' }),
    request('SUP-5', {}, { organizations: [{ id: '2', name: 'Globex' }] }),
  ].map((r) => queueRowOf(r, config, now)!);

  it('sorts by breach instant, overdue first, then paused SLAs by time left', () => {
    expect(sortQueue(rows).map((r) => [r.key, r.state])).toEqual([
      ['SUP-4', 'breached'],
      ['SUP-5', 'at_risk'],
      ['SUP-3', 'on_track'],
      ['SUP-10', 'paused'],
      ['SUP-2', 'paused'],
    ]);
  });

  it('counts each state', () => {
    expect(queueCounts(rows)).toEqual({ total: 5, breached: 1, at_risk: 1, on_track: 1, paused: 2 });
  });

  it('filters by organization, priority, assignee and state together', () => {
    expect(filterQueue(rows, { organization: '2' }).map((r) => r.key)).toEqual(['SUP-5']);
    expect(filterQueue(rows, { priority: 'Low' }).map((r) => r.key)).toEqual(['SUP-2']);
    expect(filterQueue(rows, { assignee: 'a1' }).map((r) => r.key)).toEqual(['SUP-3']);
    expect(filterQueue(rows, { assignee: 'unassigned', state: 'paused' }).map((r) => r.key)).toEqual([
      'SUP-10',
      'SUP-2',
    ]);
  });

  it('offers each filter value present, with its count', () => {
    const facets = queueFacets(rows);
    expect(facets.organizations).toEqual([
      { id: '1', label: 'Acme', count: 4 },
      { id: '2', label: 'Globex', count: 1 },
    ]);
    expect(facets.assignees).toEqual([
      { id: 'unassigned', label: '', count: 4 },
      { id: 'a1', label: 'Alice', count: 1 },
    ]);
  });
});
