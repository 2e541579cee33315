import fc from 'fast-check';
import {
  breachesOf,
  figuresOf,
  monthOf,
  monthsBetween,
  nearestRank,
  periodBounds,
  reportRowOf,
  slaReportFigures,
  type ReportRow,
} from './sla-report';
import { reportCsv } from './report-csv';
import type { SlaRecord } from './sla-record';
import { H, slaRecord } from '../../test/support/sla-fixtures';

/** A stopped SLA record, met: 2 hours of a 4-hour goal, on Monday 5 October 2026. */
const record = (over: Partial<SlaRecord> = {}): SlaRecord =>
  slaRecord({
    state: 'stopped',
    risk: 'met',
    stoppedAt: '2026-10-05T10:00:00Z',
    startedAt: '2026-10-05T08:00:00Z',
    stopStatus: 'in_progress' as never,
    lastChangeAt: 0,
    elapsedMs: 2 * H,
    breachAt: null,
    warnAt: null,
    measuredAt: 0,
    ...over,
  });

const row = (key: string, over: Partial<SlaRecord> = {}, organizations = ['Acme'], priority: string | null = 'High') =>
  reportRowOf({ key, summary: `S ${key}`, organizations, priority, record: record(over) }, 'Europe/Paris');

describe('months and periods in the desk time zone', () => {
  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
  });

  it('starts a month at local midnight, summer and winter time alike', () => {
    expect(periodBounds('2026-07', '2026-10', 'Europe/Paris')).toEqual({
      fromMs: Date.parse('2026-06-30T22:00:00Z'),
      toMs: Date.parse('2026-10-31T23:00:00Z'),
    });
    expect(monthOf(Date.parse('2026-10-31T23:30:00Z'), 'Europe/Paris')).toBe('2026-11');
    expect(monthOf(Date.parse('2026-10-31T23:30:00Z'), 'America/New_York')).toBe('2026-10');
  });
});

describe('rows', () => {
  it('reads the outcome and the time to first response from the record', () => {
    expect(row('SUP-1')).toMatchObject({ month: '2026-10', outcome: 'met', responseMs: 2 * H, organization: 'Acme' });
    expect(row('SUP-2', { breached: 'yes', elapsedMs: 5 * H, breachAt: '2026-10-05T12:00:00Z' })).toMatchObject({
      outcome: 'breached',
      responseMs: 5 * H,
      breachAt: '2026-10-05T12:00:00.000Z',
    });
    expect(row('SUP-3', { state: 'running', stoppedAt: null, elapsedMs: H })).toMatchObject({
      outcome: 'open',
      responseMs: null,
    });
    expect(row('SUP-4', { state: 'paused', breached: 'yes', elapsedMs: 6 * H }).outcome).toBe('breached');
    expect(row('SUP-5', {}, ['Globex', 'Acme'], null)).toMatchObject({ organization: 'Acme, Globex', priority: '' });
  });
});

describe('figures', () => {
  it('takes nearest-rank percentiles', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([5], 90)).toBe(5);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });

  it('share within goal is met / decided; open requests are counted apart', () => {
    const rows = [
      row('SUP-1', { elapsedMs: H }),
      row('SUP-2', { elapsedMs: 3 * H }),
      row('SUP-3', { breached: 'yes', elapsedMs: 5 * H }),
      row('SUP-4', { state: 'running', elapsedMs: H, stoppedAt: null }),
    ];
    expect(figuresOf(rows)).toEqual({
      requests: 4,
      answered: 3,
      met: 2,
      breached: 1,
      open: 1,
      withinGoal: 2 / 3,
      medianMs: 3 * H,
      p90Ms: 5 * H,
    });
    expect(figuresOf([]).withinGoal).toBeNull();
  });

  it('groups by month x organization x priority, every month listed', () => {
    const rows = [
      row('SUP-1'),
      row('SUP-2', { startedAt: '2026-12-01T09:00:00Z' }, ['Globex'], 'Low'),
      row('SUP-3', { breached: 'yes', elapsedMs: 5 * H }),
    ];
    const figures = slaReportFigures(rows, ['2026-10', '2026-11', '2026-12']);
    expect(figures.cells.map((c) => [c.month, c.organization, c.priority, c.requests, c.withinGoal])).toEqual([
      ['2026-10', 'Acme', 'High', 2, 0.5],
      ['2026-12', 'Globex', 'Low', 1, 1],
    ]);
    expect(figures.months.map((m) => [m.month, m.requests])).toEqual([
      ['2026-10', 2],
      ['2026-11', 0],
      ['2026-12', 1],
    ]);
    expect(figures.organizations.map((o) => o.organization)).toEqual(['Acme', 'Globex']);
    expect(figures.total.requests).toBe(3);
  });

  it('the cells add up to the total whatever the rows (property)', () => {
    const arbRow = fc.record({
      month: fc.constantFrom('2026-10', '2026-11'),
      organization: fc.constantFrom('', 'Acme', 'Globex'),
      priority: fc.constantFrom('', 'High', 'Low'),
      outcome: fc.constantFrom('met' as const, 'breached' as const, 'open' as const),
      responseMs: fc.option(fc.integer({ min: 0, max: 100 * H })),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 60 }), (partial) => {
        const rows = partial.map((p, i) => ({ ...row(`SUP-${i + 1}`), ...p }) as ReportRow);
        const f = slaReportFigures(rows, ['2026-10', '2026-11']);
        const sum = (k: 'requests' | 'met' | 'breached' | 'open' | 'answered') => f.cells.reduce((n, c) => n + c[k], 0);
        for (const k of ['requests', 'met', 'breached', 'open', 'answered'] as const) expect(sum(k)).toBe(f.total[k]);
        if (f.total.medianMs !== null) expect(f.total.medianMs).toBeLessThanOrEqual(f.total.p90Ms!);
      }),
    );
  });

  it('lists breaches by breach instant', () => {
    const rows = [
      row('SUP-9', { breached: 'yes', breachAt: '2026-10-06T12:00:00Z' }),
      row('SUP-1'),
      row('SUP-10', { breached: 'yes', breachAt: '2026-10-05T12:00:00Z' }),
    ];
    expect(breachesOf(rows).map((r) => r.key)).toEqual(['SUP-10', 'SUP-9']);
  });
});

describe('CSV', () => {
  it('writes RFC 4180 with a header, quotes what needs it and keeps formulas as text', () => {
    const csv = reportCsv([
      { ...row('SUP-1'), summary: 'Printer "B2", floor 3' },
      { ...row('SUP-2'), summary: '=HYPERLINK("x")' },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'key,summary,month,organization,priority,coverage,state,outcome,responseMs,goalMs,startedAt,stoppedAt,breachAt',
    );
    expect(lines[1]).toBe(
      'SUP-1,"Printer ""B2"", floor 3",2026-10,Acme,High,business_hours,stopped,met,7200000,14400000,2026-10-05T08:00:00.000Z,2026-10-05T10:00:00.000Z,',
    );
    expect(lines[2]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
