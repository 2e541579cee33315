import fc from 'fast-check';
import { calendarFor } from './calendar';
import { at, config, FRIDAY_16H, H, move, slaOfFridayRequest } from '../../test/support/sla-fixtures';
import { configSchema } from './config';
import type { Coverage } from './contract';
import { instantElapsedReaches, slaRisk, warningAt, warningThresholdMs } from './sla-thresholds';

const sla = slaOfFridayRequest(FRIDAY_16H + H);

describe('the warning instant', () => {
  it('is 75 % of the goal in business hours: Friday 16:00 warns on Monday at 10:00, breaches at 11:00', () => {
    const result = sla();
    expect(warningThresholdMs(result.goalMs, 75)).toBe(3 * H);
    expect(new Date(warningAt(result, config)!).toISOString()).toBe('2026-03-09T09:00:00.000Z'); // 10:00 Paris
    expect(result.breachAt).toBe('2026-03-09T10:00:00.000Z'); // 11:00 Paris
  });

  it('follows the configured share', () => {
    const at50 = configSchema.parse({ sla: { atRiskPercent: 50 } });
    expect(new Date(warningAt(sla({}, at50), at50)!).toISOString()).toBe('2026-03-06T17:00:00.000Z'); // Friday 18:00
  });

  it('moves later by the working time of a pause (waiting for a third party), and stays Monday in business hours', () => {
    const paused = sla({
      changes: [
        move(FRIDAY_16H + 30 * 60_000, 'submitted', 'waiting_for_third_party'),
        move(at('2026-03-09T09:30:00+01:00'), 'waiting_for_third_party', 'in_progress'),
      ],
      nowMs: at('2026-03-09T09:45:00+01:00'),
    });
    // Paused Friday 16:30-18:00 and Monday 09:00-09:30: two hours of working time, so 10:00 becomes 12:00.
    expect(new Date(warningAt(paused, config)!).toISOString()).toBe('2026-03-09T11:00:00.000Z');
  });

  it('does not exist while paused or once stopped', () => {
    const paused = sla({
      changes: [move(FRIDAY_16H + H, 'submitted', 'waiting_for_third_party')],
      nowMs: FRIDAY_16H + 2 * H,
    });
    expect(paused.state).toBe('paused');
    expect(warningAt(paused, config)).toBeNull();
    const stopped = sla({ changes: [move(FRIDAY_16H + H, 'submitted', 'resolved')], nowMs: FRIDAY_16H + 2 * H });
    expect(warningAt(stopped, config)).toBeNull();
  });

  it('is in the past once reached, at the instant it was reached', () => {
    const late = sla({ nowMs: at('2026-03-09T10:30:00+01:00') });
    expect(new Date(warningAt(late, config)!).toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });
});

describe('at risk', () => {
  it('is on track before the share, at risk from it, breached past the goal, met or breached once stopped', () => {
    expect(slaRisk(sla({ nowMs: at('2026-03-09T09:59:00+01:00') }), config)).toBe('on_track');
    expect(slaRisk(sla({ nowMs: at('2026-03-09T10:00:00+01:00') }), config)).toBe('at_risk');
    expect(slaRisk(sla({ nowMs: at('2026-03-09T11:00:00+01:00') }), config)).toBe('at_risk'); // the goal, not past it
    expect(slaRisk(sla({ nowMs: at('2026-03-09T11:01:00+01:00') }), config)).toBe('breached');
    const stop = (ms: number) => sla({ changes: [move(ms, 'submitted', 'resolved')], nowMs: ms + 9 * 24 * H });
    expect(slaRisk(stop(at('2026-03-09T10:30:00+01:00')), config)).toBe('met');
    expect(slaRisk(stop(at('2026-03-09T11:30:00+01:00')), config)).toBe('breached');
  });

  it('holds while paused at risk (the share reached before the pause)', () => {
    const result = sla({
      changes: [move(at('2026-03-09T10:15:00+01:00'), 'submitted', 'waiting_for_third_party')],
      nowMs: at('2026-03-10T10:00:00+01:00'),
    });
    expect(result.state).toBe('paused');
    expect(slaRisk(result, config)).toBe('at_risk');
  });
});

describe('properties', () => {
  const startArb = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2026-12-01T00:00:00Z') });
  const coverageArb = fc.constantFrom<Coverage>('business_hours', '24x7');
  const goalArb = fc.integer({ min: 1, max: 48 }).map((n) => n * 15 * 60_000);
  const percentArb = fc.integer({ min: 1, max: 99 });

  it('the warning comes no later than the breach, and risk turns at_risk exactly at the warning', () => {
    fc.assert(
      fc.property(startArb, coverageArb, goalArb, percentArb, (created, coverage, goalMs, percent) => {
        const cfg = configSchema.parse({ sla: { atRiskPercent: percent } });
        const input = { createdMs: created, coverage, goalMs, nowMs: created };
        const warn = warningAt(sla(input, cfg), cfg)!;
        const breach = Date.parse(sla(input, cfg).breachAt!);
        expect(warn).toBeLessThanOrEqual(breach);
        expect(slaRisk(sla({ ...input, nowMs: warn }, cfg), cfg)).toBe('at_risk');
        expect(slaRisk(sla({ ...input, nowMs: warn - 1 }, cfg), cfg)).toBe('on_track');
      }),
      { numRuns: 150 },
    );
  });

  it('in 24/7 the warning is the start plus the share of the goal', () => {
    fc.assert(
      fc.property(startArb, goalArb, percentArb, (created, goalMs, percent) => {
        const cfg = configSchema.parse({ sla: { atRiskPercent: percent } });
        const result = sla({ createdMs: created, coverage: '24x7', goalMs, nowMs: created }, cfg);
        expect(warningAt(result, cfg)).toBe(created + warningThresholdMs(goalMs, percent));
      }),
    );
  });

  it('a pause before the warning postpones it by exactly the pause working time', () => {
    fc.assert(
      fc.property(
        startArb,
        coverageArb,
        fc.integer({ min: 0, max: 10 * H }),
        fc.integer({ min: 1, max: 72 * H }),
        (created, coverage, pauseOffset, pauseLength) => {
          const calendar = calendarFor(config, coverage);
          const base = sla({ createdMs: created, coverage, nowMs: created });
          const w0 = warningAt(base, config)!;
          const a = created + pauseOffset;
          fc.pre(a < w0);
          const b = a + pauseLength;
          const paused = sla({
            createdMs: created,
            coverage,
            changes: [
              move(a, 'submitted', 'waiting_for_third_party'),
              move(b, 'waiting_for_third_party', 'in_progress'),
            ],
            nowMs: b,
          });
          const w1 = warningAt(paused, config)!;
          expect(w1).toBeGreaterThanOrEqual(w0);
          expect(calendar.workingMsBetween(w0, w1)).toBe(calendar.workingMsBetween(a, b));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the instant an amount is reached is where the elapsed time equals it', () => {
    fc.assert(
      fc.property(startArb, coverageArb, fc.integer({ min: 1, max: 20 * H }), (created, coverage, amount) => {
        const result = sla({ createdMs: created, coverage, goalMs: 40 * H, nowMs: created });
        const reached = instantElapsedReaches(result, amount, config)!;
        expect(sla({ createdMs: created, coverage, goalMs: 40 * H, nowMs: reached }).elapsedMs).toBe(amount);
      }),
      { numRuns: 150 },
    );
  });
});
