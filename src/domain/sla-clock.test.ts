import fc from 'fast-check';
import { businessHours, twentyFourSeven } from './calendar';
import { defaultConfig } from './config';
import { computeResponseSla } from './sla';
import { clockSegments, outsideWorkingHours } from './sla-clock';
import { STATUS_NAMES } from './workflow';

const H = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const config = defaultConfig();
const paris = businessHours(config.calendars.businessHours);
const iso = (s: string) => new Date(at(s)).toISOString();

/** Friday 6 March 2026, 16:00 in Paris (UTC+1), created in 'Soumise'. */
const FRIDAY_16H = at('2026-03-06T16:00:00+01:00');
const slaAt = (
  nowMs: number,
  changes: { at: number; to: keyof typeof STATUS_NAMES }[] = [],
  coverage: 'business_hours' | '24x7' = 'business_hours',
) =>
  computeResponseSla(
    {
      issueKey: 'SUP-1',
      createdMs: FRIDAY_16H,
      initialStatus: { name: 'Soumise' },
      changes: changes.map((c) => ({ at: c.at, from: { name: 'Soumise' }, to: { name: STATUS_NAMES[c.to].fr } })),
      coverage,
      goalMs: 4 * H,
      nowMs,
    },
    config,
  );

describe('clockSegments', () => {
  it('shows the week-end of a business-hours SLA as off-hours, not as running', () => {
    const now = at('2026-03-09T10:00:00+01:00'); // Monday 10:00
    const sla = slaAt(now);
    expect(clockSegments(sla.timeline, paris, now)).toEqual([
      { from: iso('2026-03-06T16:00:00+01:00'), to: iso('2026-03-06T18:00:00+01:00'), kind: 'running', period: 0 },
      { from: iso('2026-03-06T18:00:00+01:00'), to: iso('2026-03-09T09:00:00+01:00'), kind: 'off_hours', period: 0 },
      { from: iso('2026-03-09T09:00:00+01:00'), to: iso('2026-03-09T10:00:00+01:00'), kind: 'running', period: 0 },
    ]);
    // The running stretches are what the engine counted.
    expect(sla.elapsedMs).toBe(3 * H);
  });

  it('keeps a pause whole, at night too, and ends an open period now', () => {
    const now = at('2026-03-10T08:00:00+01:00'); // Tuesday 08:00, before opening
    const sla = slaAt(now, [{ at: at('2026-03-09T17:00:00+01:00'), to: 'waiting_for_third_party' }]);
    const segments = clockSegments(sla.timeline, paris, now);
    expect(segments.map((s) => s.kind)).toEqual(['running', 'off_hours', 'running', 'paused']);
    expect(segments[3]).toEqual({
      from: iso('2026-03-09T17:00:00+01:00'),
      to: iso('2026-03-10T08:00:00+01:00'),
      kind: 'paused',
      period: 1,
    });
  });

  it('has no off-hours in 24/7', () => {
    const now = at('2026-03-09T10:00:00+01:00');
    const sla = slaAt(now, [], '24x7');
    expect(clockSegments(sla.timeline, twentyFourSeven, now)).toEqual([
      { from: iso('2026-03-06T16:00:00+01:00'), to: iso('2026-03-09T10:00:00+01:00'), kind: 'running', period: 0 },
    ]);
  });

  it('covers the timeline without gaps, and its running stretches add up to the elapsed time', () => {
    const kinds = ['in_progress', 'waiting_for_third_party', 'waiting_for_customer', 'submitted'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * 24 * H }), fc.constantFrom(...kinds)), { maxLength: 6 }),
        fc.integer({ min: 0, max: 30 * 24 * H }),
        (moves, nowOffset) => {
          const now = FRIDAY_16H + nowOffset;
          const sla = slaAt(
            now,
            moves.map(([offset, to]) => ({ at: FRIDAY_16H + offset, to })),
          );
          const segments = clockSegments(sla.timeline, paris, now);
          for (let i = 1; i < segments.length; i++) expect(segments[i]!.from).toBe(segments[i - 1]!.to);
          if (segments.length > 0) expect(segments[0]!.from).toBe(sla.startedAt);
          const running = segments
            .filter((s) => s.kind === 'running')
            .reduce((sum, s) => sum + at(s.to) - at(s.from), 0);
          expect(running).toBe(sla.elapsedMs);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('outsideWorkingHours', () => {
  it('is true at night, on a week-end and on a public holiday, false in working hours and never in 24/7', () => {
    expect(outsideWorkingHours(paris, at('2026-03-09T08:59:59+01:00'))).toBe(true);
    expect(outsideWorkingHours(paris, at('2026-03-09T09:00:00+01:00'))).toBe(false);
    expect(outsideWorkingHours(paris, at('2026-03-09T18:00:00+01:00'))).toBe(true);
    expect(outsideWorkingHours(paris, at('2026-03-07T12:00:00+01:00'))).toBe(true);
    expect(outsideWorkingHours(paris, at('2026-05-01T12:00:00+02:00'))).toBe(true); // 1 May, a Friday
    expect(outsideWorkingHours(twentyFourSeven, at('2026-03-07T03:00:00+01:00'))).toBe(false);
  });
});
