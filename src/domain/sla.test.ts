import { at, config, H } from '../../test/support/sla-fixtures';
import fc from 'fast-check';
import type { StatusChange } from './changelog';
import { configSchema, type Config } from './config';
import type { Coverage } from './contract';
import { computeResponseSla, type SlaInput } from './sla';
import { CANONICAL_STATUSES, STATUS_NAMES, isSlaPause, isSlaStop, type CanonicalStatus } from './workflow';

const name = (s: CanonicalStatus): string => STATUS_NAMES[s].fr;
const move = (iso: string, from: CanonicalStatus, to: CanonicalStatus): StatusChange => ({
  at: at(iso),
  from: { name: name(from) },
  to: { name: name(to) },
});

/** A request created on Monday 4 March 2024 at 09:00 in Paris, 4-hour goal, business hours. */
const sla = (over: Partial<SlaInput> = {}, cfg: Config = config) =>
  computeResponseSla(
    {
      issueKey: 'SUP-1',
      createdMs: at('2024-03-04T09:00:00+01:00'),
      initialStatus: { name: 'Soumise' },
      changes: [],
      coverage: 'business_hours',
      goalMs: 4 * H,
      nowMs: at('2024-03-04T10:30:00+01:00'),
      ...over,
    },
    cfg,
  );

describe('computeResponseSla: the rules', () => {
  it('runs from creation and projects the breach', () => {
    expect(sla()).toMatchObject({
      state: 'running',
      breached: false,
      startedAt: '2024-03-04T08:00:00.000Z',
      stoppedAt: null,
      elapsedMs: 1.5 * H,
      remainingMs: 2.5 * H,
      breachAt: '2024-03-04T12:00:00.000Z',
    });
  });

  it('stops at the first entry into waiting_for_customer and never restarts', () => {
    const result = sla({
      changes: [
        move('2024-03-04T10:00:00+01:00', 'submitted', 'in_progress'),
        move('2024-03-04T11:00:00+01:00', 'in_progress', 'waiting_for_customer'),
        move('2024-03-05T09:00:00+01:00', 'waiting_for_customer', 'in_progress'),
      ],
      nowMs: at('2024-03-06T18:00:00+01:00'),
    });
    expect(result).toMatchObject({
      state: 'stopped',
      breached: false,
      stoppedAt: '2024-03-04T10:00:00.000Z',
      stopStatus: 'waiting_for_customer',
      elapsedMs: 2 * H,
      remainingMs: 2 * H,
      breachAt: null,
    });
    expect(result.timeline).toEqual([
      {
        from: '2024-03-04T08:00:00.000Z',
        to: '2024-03-04T09:00:00.000Z',
        kind: 'running',
        status: 'submitted',
        statusName: 'Soumise',
      },
      {
        from: '2024-03-04T09:00:00.000Z',
        to: '2024-03-04T10:00:00.000Z',
        kind: 'running',
        status: 'in_progress',
        statusName: 'En cours',
      },
    ]);
  });

  it('does not restart when a resolved request is reopened', () => {
    const result = sla({
      changes: [
        move('2024-03-04T10:00:00+01:00', 'submitted', 'resolved'),
        move('2024-03-04T12:00:00+01:00', 'resolved', 'in_progress'),
      ],
      nowMs: at('2024-03-05T18:00:00+01:00'),
    });
    expect(result).toMatchObject({ state: 'stopped', stopStatus: 'resolved', elapsedMs: 1 * H, breachAt: null });
  });

  it('stops on a scheduled operation', () => {
    expect(sla({ changes: [move('2024-03-04T09:45:00+01:00', 'submitted', 'scheduled_operation')] })).toMatchObject({
      state: 'stopped',
      stopStatus: 'scheduled_operation',
      elapsedMs: 0.75 * H,
    });
  });

  it('pauses while waiting for a third party, and reports the past breach once over the goal', () => {
    const changes = [
      move('2024-03-04T10:00:00+01:00', 'submitted', 'in_progress'),
      move('2024-03-04T11:00:00+01:00', 'in_progress', 'waiting_for_third_party'),
      move('2024-03-04T15:00:00+01:00', 'waiting_for_third_party', 'in_progress'),
    ];
    expect(sla({ changes, nowMs: at('2024-03-04T12:00:00+01:00') })).toMatchObject({
      state: 'paused',
      elapsedMs: 2 * H,
      remainingMs: 2 * H,
      breachAt: null,
    });
    const late = sla({ changes, nowMs: at('2024-03-04T17:30:00+01:00') });
    expect(late).toMatchObject({
      state: 'running',
      breached: true,
      elapsedMs: 4.5 * H,
      remainingMs: 0,
      breachAt: '2024-03-04T16:00:00.000Z',
    });
    expect(late.timeline.map((i) => [i.kind, i.status, i.to])).toEqual([
      ['running', 'submitted', '2024-03-04T09:00:00.000Z'],
      ['running', 'in_progress', '2024-03-04T10:00:00.000Z'],
      ['paused', 'waiting_for_third_party', '2024-03-04T14:00:00.000Z'],
      ['running', 'in_progress', null],
    ]);
  });

  it('counts a weekend, a holiday and a daylight-saving change in business hours, and wall time in 24/7', () => {
    // Friday 29 March 2024 16:00 CET; Easter Monday 1 April closed; clocks forward on Sunday 31 March.
    const request = {
      createdMs: at('2024-03-29T16:00:00+01:00'),
      changes: [move('2024-03-29T16:30:00+01:00', 'submitted', 'in_progress')],
      nowMs: at('2024-04-02T12:00:00+02:00'),
    };
    expect(sla(request)).toMatchObject({
      state: 'running',
      breached: true,
      elapsedMs: 5 * H,
      breachAt: '2024-04-02T09:00:00.000Z',
    });
    expect(sla({ ...request, coverage: '24x7' })).toMatchObject({
      coverage: '24x7',
      breached: true,
      elapsedMs: 91 * H,
      breachAt: '2024-03-29T19:00:00.000Z',
    });
  });

  it('stops at creation for a request created directly in a stopping status, and runs for one created in progress', () => {
    expect(sla({ initialStatus: { name: 'En attente du client' } })).toMatchObject({
      state: 'stopped',
      stoppedAt: '2024-03-04T08:00:00.000Z',
      elapsedMs: 0,
      timeline: [],
      breachAt: null,
    });
    expect(sla({ initialStatus: { name: 'In progress' } })).toMatchObject({ state: 'running', elapsedMs: 1.5 * H });
  });

  it('maps statuses by id first, so a status renamed since still counts', () => {
    const cfg = configSchema.parse({ statusMapping: { byId: { '10004': 'waiting_for_third_party' } } });
    const result = sla(
      {
        changes: [
          {
            at: at('2024-03-04T10:00:00+01:00'),
            from: { id: '1', name: 'Soumise' },
            to: { id: '10004', name: 'Chez Atlassian' },
          },
        ],
      },
      cfg,
    );
    expect(result).toMatchObject({ state: 'paused', elapsedMs: 1 * H, unmappedStatuses: [] });
  });

  it('reports unmapped statuses and counts them as running', () => {
    const result = sla({
      changes: [{ at: at('2024-03-04T10:00:00+01:00'), from: { name: 'Soumise' }, to: { id: '77', name: 'Triage' } }],
    });
    expect(result).toMatchObject({
      state: 'running',
      elapsedMs: 1.5 * H,
      unmappedStatuses: [{ id: '77', name: 'Triage' }],
    });
    expect(result.timeline[1]).toMatchObject({ status: null, statusName: 'Triage', kind: 'running' });
  });

  it('ignores changes after now and counts changes dated before creation at creation', () => {
    expect(sla({ changes: [move('2024-03-04T11:00:00+01:00', 'submitted', 'resolved')] })).toMatchObject({
      state: 'running',
      elapsedMs: 1.5 * H,
    });
    expect(sla({ changes: [move('2024-03-04T08:59:59+01:00', 'submitted', 'resolved')] })).toMatchObject({
      state: 'stopped',
      elapsedMs: 0,
    });
  });

  it('gives the instant the goal was reached, not now, when the elapsed time equals the goal outside hours', () => {
    // Friday 8 March 2024, 14:00 Paris: the 4 business hours are up at 18:00; at 20:00 nothing more has elapsed.
    const result = sla({ createdMs: at('2024-03-08T14:00:00+01:00'), nowMs: at('2024-03-08T20:00:00+01:00') });
    expect(result).toMatchObject({
      state: 'running',
      breached: false,
      elapsedMs: 4 * H,
      remainingMs: 0,
      breachAt: '2024-03-08T17:00:00.000Z',
    });
  });

  it('gives the instant the goal was reached when paused exactly at the goal', () => {
    const changes = [move('2024-03-04T13:00:00+01:00', 'submitted', 'waiting_for_third_party')];
    expect(sla({ changes, nowMs: at('2024-03-04T15:00:00+01:00') })).toMatchObject({
      state: 'paused',
      breached: false,
      elapsedMs: 4 * H,
      breachAt: '2024-03-04T12:00:00.000Z',
    });
  });

  it('gives a not-yet-started SLA when now is before creation', () => {
    expect(sla({ nowMs: at('2024-03-01T12:00:00+01:00') })).toMatchObject({
      state: 'running',
      breached: false,
      elapsedMs: 0,
      remainingMs: 4 * H,
      breachAt: '2024-03-04T12:00:00.000Z',
      timeline: [{ from: '2024-03-04T08:00:00.000Z', to: null, kind: 'running' }],
    });
  });
});

// Properties over generated requests: up to 20 changes over up to 60 days, now anywhere around them.
const requestArb = fc
  .record({
    createdMs: fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2025-06-01T00:00:00Z') }),
    initial: fc.constantFrom<CanonicalStatus>('submitted', 'submitted', 'in_progress', 'waiting_for_third_party'),
    steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * H }), fc.constantFrom(...CANONICAL_STATUSES)), {
      maxLength: 20,
    }),
    nowOffset: fc.integer({ min: -2 * H, max: 61 * 24 * H }),
    goalMs: fc.integer({ min: 1, max: 40 }).map((n) => n * 15 * 60_000),
  })
  .map(({ createdMs, initial, steps, nowOffset, goalMs }) => {
    let t = createdMs;
    let from = initial;
    const changes: StatusChange[] = steps.map(([gap, to]) => {
      t += gap;
      const change = { at: t, from: { name: name(from) }, to: { name: name(to) } };
      from = to;
      return change;
    });
    return {
      issueKey: 'SUP-P',
      createdMs,
      initialStatus: { name: name(initial) },
      changes,
      coverage: 'business_hours' as Coverage,
      goalMs,
      nowMs: createdMs + nowOffset,
    };
  });

/** Wall time the clock ran, straight from the rules: until the first stop, minus the pauses. */
function wallTimeMinusPauses(input: SlaInput, initial: CanonicalStatus, statuses: CanonicalStatus[]): number {
  if (input.nowMs < input.createdMs) return 0;
  let status = initial;
  let since = input.createdMs;
  let total = 0;
  for (let i = 0; i <= input.changes.length; i++) {
    const change = input.changes[i];
    const until = change === undefined || change.at > input.nowMs ? input.nowMs : change.at;
    if (isSlaStop(status)) return total;
    if (!isSlaPause(status)) total += until - since;
    if (change === undefined || change.at > input.nowMs) return total;
    status = statuses[i]!;
    since = until;
  }
  return total;
}

describe('response SLA properties', () => {
  const canonicalOf = (n: string | null | undefined): CanonicalStatus => CANONICAL_STATUSES.find((s) => name(s) === n)!;

  it('business-hours elapsed time never exceeds 24/7 elapsed time', () => {
    fc.assert(
      fc.property(
        requestArb,
        (input) =>
          computeResponseSla(input, config).elapsedMs <=
          computeResponseSla({ ...input, coverage: '24x7' }, config).elapsedMs,
      ),
    );
  });

  it('24/7 elapsed time is wall time minus pauses, until the first stop', () => {
    fc.assert(
      fc.property(requestArb, (input) => {
        const expected = wallTimeMinusPauses(
          input,
          canonicalOf(input.initialStatus.name),
          input.changes.map((c) => canonicalOf(c.to.name)),
        );
        expect(computeResponseSla({ ...input, coverage: '24x7' }, config).elapsedMs).toBe(expected);
      }),
    );
  });

  it('elapsed time never decreases as now moves later', () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.integer({ min: 0, max: 30 * 24 * H }),
        fc.constantFrom<Coverage>('business_hours', '24x7'),
        (input, later, coverage) => {
          const before = computeResponseSla({ ...input, coverage }, config);
          const after = computeResponseSla({ ...input, coverage, nowMs: input.nowMs + later }, config);
          expect(after.elapsedMs).toBeGreaterThanOrEqual(before.elapsedMs);
        },
      ),
    );
  });

  it('the breach instant, fed back as now, gives exactly the goal', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom<Coverage>('business_hours', '24x7'), (input, coverage) => {
        const result = computeResponseSla({ ...input, coverage }, config);
        fc.pre(result.breachAt !== null);
        // A projection assumes nothing more happens: feed back only the changes known at `now`.
        const known = input.changes.filter((c) => c.at <= input.nowMs);
        expect(
          computeResponseSla({ ...input, changes: known, coverage, nowMs: Date.parse(result.breachAt!) }, config)
            .elapsedMs,
        ).toBe(input.goalMs);
      }),
    );
  });
});
