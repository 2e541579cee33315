import fc from 'fast-check';
import {
  at,
  config,
  FRIDAY_16H,
  H,
  move,
  MONDAY_10H,
  MONDAY_11H,
  slaOfFridayRequest,
} from '../../test/support/sla-fixtures';
import { configSchema, type Config } from './config';
import type { SlaInput } from './sla';
import {
  jqlDate,
  measuredSla,
  nextCheckAt,
  parseSlaRecord,
  sameMeasure,
  slaCheckpoints,
  slaOutcome,
  slaRecordOf,
} from './sla-record';
import { slaConfigFingerprint } from './sla-fingerprint';

const none = { warning: false, breach: false };
const both = { warning: true, breach: true };

const sla = slaOfFridayRequest(FRIDAY_16H);
const record = (over: Partial<SlaInput> = {}, handled = none, cfg: Config = config) => {
  const result = sla(over, cfg);
  return slaRecordOf(result, cfg, { nowMs: over.nowMs ?? FRIDAY_16H, handled });
};

describe('the record of a running SLA', () => {
  it('holds its state, its thresholds as JQL dates and, for the sweep, the first alert due', () => {
    expect(record({ nowMs: FRIDAY_16H + 30 * 60_000 })).toEqual({
      version: 1,
      state: 'running',
      breached: 'no',
      risk: 'on_track',
      coverage: 'business_hours',
      goalMs: 4 * H,
      startedAt: '2026-03-06T15:00:00Z',
      stoppedAt: null,
      stopStatus: null,
      lastChangeAt: FRIDAY_16H,
      elapsedMs: 0,
      breachAt: '2026-03-09T10:00:00Z',
      warnAt: '2026-03-09T09:00:00Z',
      nextCheckAt: MONDAY_10H,
      measuredAt: FRIDAY_16H + 30 * 60_000,
      measuredWith: slaConfigFingerprint(config),
    });
  });

  it('asks to be looked at again at the breach once the warning is handled, then when "breached" turns yes', () => {
    const afterWarning = record({ nowMs: MONDAY_10H }, { warning: true, breach: false });
    expect(afterWarning).toMatchObject({ risk: 'at_risk', breached: 'no', nextCheckAt: MONDAY_11H });
    const afterBreach = record({ nowMs: MONDAY_11H }, both);
    // At 11:00 the goal is reached, not exceeded; "breached" turns yes at the next working instant.
    expect(afterBreach).toMatchObject({ risk: 'at_risk', breached: 'no', nextCheckAt: MONDAY_11H + 1 });
    expect(record({ nowMs: MONDAY_11H + 1 }, both)).toMatchObject({
      breached: 'yes',
      risk: 'breached',
      nextCheckAt: null,
    });
  });

  it('keeps an owed alert due, even in the past, until it is handled', () => {
    expect(record({ nowMs: MONDAY_11H + H }, none).nextCheckAt).toBe(MONDAY_10H);
    expect(record({ nowMs: MONDAY_11H + H }, { warning: true, breach: false }).nextCheckAt).toBe(MONDAY_11H);
  });
});

describe('the record of a paused or stopped SLA', () => {
  it('paused: no warning, no check; the elapsed time at the pause', () => {
    const pausedAt = at('2026-03-09T09:30:00+01:00');
    expect(
      record({ changes: [move(pausedAt, 'submitted', 'waiting_for_third_party')], nowMs: pausedAt + 5 * H }),
    ).toMatchObject({
      state: 'paused',
      lastChangeAt: pausedAt,
      elapsedMs: 2.5 * H,
      warnAt: null,
      breachAt: null,
      nextCheckAt: null,
      risk: 'on_track',
    });
  });

  it('resumed: the warning comes back later by the pause working time', () => {
    const changes = [
      move(at('2026-03-09T09:30:00+01:00'), 'submitted', 'waiting_for_third_party'),
      move(at('2026-03-09T11:00:00+01:00'), 'waiting_for_third_party', 'in_progress'),
    ];
    expect(record({ changes, nowMs: at('2026-03-09T11:00:00+01:00') })).toMatchObject({
      state: 'running',
      lastChangeAt: at('2026-03-09T11:00:00+01:00'),
      elapsedMs: 2.5 * H,
      warnAt: '2026-03-09T10:30:00Z', // 11:30 Paris: 10:00 plus the 1 h 30 of the pause
      nextCheckAt: at('2026-03-09T11:30:00+01:00'),
    });
  });

  it('stopped: met or breached for good, with its stop', () => {
    const stoppedAt = at('2026-03-09T10:45:00+01:00');
    const met = record({
      changes: [move(stoppedAt, 'submitted', 'waiting_for_customer')],
      nowMs: stoppedAt + 30 * 24 * H,
    });
    expect(met).toMatchObject({
      state: 'stopped',
      breached: 'no',
      risk: 'met',
      stoppedAt: '2026-03-09T09:45:00Z',
      stopStatus: 'waiting_for_customer',
      lastChangeAt: stoppedAt,
      elapsedMs: 3.75 * H,
      breachAt: null,
      warnAt: null,
      nextCheckAt: null,
    });
    expect(slaOutcome(met)).toBe('met');
    const late = at('2026-03-09T12:00:00+01:00');
    const breached = record({ changes: [move(late, 'submitted', 'resolved')], nowMs: late });
    expect(breached).toMatchObject({ breached: 'yes', risk: 'breached', breachAt: '2026-03-09T10:00:00Z' });
    expect(slaOutcome(breached)).toBe('breached');
  });
});

describe('reading and comparing records', () => {
  it('parses what it wrote, refuses anything else', () => {
    const r = record({ nowMs: MONDAY_10H });
    expect(parseSlaRecord(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(parseSlaRecord(undefined)).toBeNull();
    expect(parseSlaRecord({ ...r, state: 'late' })).toBeNull();
    expect(parseSlaRecord({ ...r, breachAt: '2026-03-09T10:00:00.000Z' })).toBeNull();
  });

  it('two measures at different instants of an unchanged SLA are the same measure', () => {
    const a = record({ nowMs: FRIDAY_16H + 60_000 });
    const b = record({ nowMs: FRIDAY_16H + 120_000 });
    expect(sameMeasure(a, b)).toBe(true);
    expect(sameMeasure(a, record({ nowMs: MONDAY_10H }, { warning: true, breach: false }))).toBe(false);
  });

  it('names the configuration that measured it: settings of the SLA change the fingerprint, others do not', () => {
    const base = slaConfigFingerprint(config);
    expect(base).toMatch(/^[0-9a-f]{8}$/);
    expect(slaConfigFingerprint(configSchema.parse({}))).toBe(base);
    expect(slaConfigFingerprint(configSchema.parse({ coverage: { byOrganization: { Acme: '24x7' } } }))).not.toBe(base);
    expect(slaConfigFingerprint(configSchema.parse({ sla: { atRiskPercent: 80 } }))).not.toBe(base);
    expect(slaConfigFingerprint(configSchema.parse({ reminders: { autoCloseDays: 14 } }))).toBe(base);
  });

  it('writes instants to the second, in UTC, as the entity-property date type expects', () => {
    // https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/ (type date)
    expect(jqlDate(at('2026-03-09T10:00:59.999+01:00'))).toBe('2026-03-09T09:00:59Z');
  });
});

describe('a stopped SLA stays as measured', () => {
  it('shows the record, not what a new configuration computes; running ones follow the configuration', () => {
    const stop = at('2026-03-09T12:00:00+01:00');
    const changes = [move(stop, 'submitted', 'resolved')];
    const measured = record({ changes, nowMs: stop });
    expect(measured.breached).toBe('yes');
    const allDay = configSchema.parse({ coverage: { default: '24x7' } });
    const recomputed = sla({ changes, coverage: '24x7', nowMs: stop + H }, allDay);
    expect(recomputed.breached).toBe(true);
    const shown = measuredSla(recomputed, measured);
    expect(shown.source).toBe('record');
    expect(shown.result).toMatchObject({
      coverage: 'business_hours',
      elapsedMs: measured.elapsedMs,
      stoppedAt: new Date(stop).toISOString(),
      remainingMs: 0,
    });
    const running = sla({ nowMs: FRIDAY_16H + H });
    expect(measuredSla(running, record({ nowMs: FRIDAY_16H }))).toEqual({
      result: running,
      source: 'live',
      measuredAt: null,
    });
  });
});

describe('properties of the checks', () => {
  it('the next check is never before an unhandled threshold, and nothing is due once all passed and were handled', () => {
    const instant = fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null });
    fc.assert(
      fc.property(
        instant,
        instant,
        instant,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1e9 }),
        (w, b, f, hw, hb, now) => {
          const next = nextCheckAt({ warningAt: w, breachAt: b, breachedFlagAt: f }, { warning: hw, breach: hb }, now);
          if (w !== null && !hw) expect(next).not.toBeNull();
          if (next !== null) expect([w, b, f]).toContain(next);
          const past = (x: number | null) => x === null || x <= now;
          if (hw && hb && past(w) && past(b) && past(f)) expect(next).toBeNull();
        },
      ),
    );
  });

  it('a running SLA checked at its checkpoints moves on_track, at_risk, breached, and the sweep always has a next look', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2026-12-01T00:00:00Z') }), (created) => {
        const points = slaCheckpoints(sla({ createdMs: created, nowMs: created }), config);
        const risks = [points.warningAt!, points.breachAt!, points.breachedFlagAt!].map(
          (t) => record({ createdMs: created, nowMs: t }, both).risk,
        );
        expect(risks).toEqual(['at_risk', 'at_risk', 'breached']);
        expect(record({ createdMs: created, nowMs: points.warningAt! - 1 }, both).nextCheckAt).toBe(points.warningAt);
      }),
      { numRuns: 60 },
    );
  });
});
