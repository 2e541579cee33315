import { defaultConfig } from '../../domain/config';
import type { SlaResult } from '../../domain/sla';
import { calendarView, escalatedBy, portalSla, slaView, statusInWords } from './views';

const RESULT: SlaResult = {
  issueKey: 'SUP-1',
  coverage: 'business_hours',
  state: 'paused',
  breached: false,
  startedAt: '2026-11-30T08:00:00.000Z',
  stoppedAt: null,
  stopStatus: null,
  elapsedMs: 3_600_000,
  goalMs: 14_400_000,
  remainingMs: 10_800_000,
  breachAt: null,
  timeline: [
    {
      from: '2026-11-30T08:00:00.000Z',
      to: '2026-11-30T09:00:00.000Z',
      kind: 'running',
      status: 'submitted',
      statusName: 'Soumise',
    },
    {
      from: '2026-11-30T09:00:00.000Z',
      to: null,
      kind: 'paused',
      status: 'waiting_for_third_party',
      statusName: "En attente d'un tiers",
    },
  ],
  unmappedStatuses: [
    { id: '42', name: 'Triage' },
    { id: '43', name: null },
  ],
};

/** Tuesday 1 December 2026, 10:00 in Paris. */
const NOW = Date.parse('2026-12-01T09:00:00.000Z');

describe('slaView', () => {
  it('keeps the figures and names the unmapped statuses', () => {
    const view = slaView({ result: RESULT, source: 'live', measuredAt: null }, defaultConfig(), NOW);
    expect(view).toMatchObject({ state: 'paused', elapsedMs: 3_600_000, remainingMs: 10_800_000, breachAt: null });
    expect(view).toMatchObject({ risk: 'on_track', atRiskPercent: 75, warnAt: null, source: 'live', measuredAt: null });
    expect(view.timeline[1]).toEqual({
      from: '2026-11-30T09:00:00.000Z',
      to: null,
      kind: 'paused',
      status: 'waiting_for_third_party',
      statusName: "En attente d'un tiers",
    });
    expect(view.unmappedStatuses).toEqual(['Triage', '43']);
  });

  it("gives the clock's stretches in the contract's calendar: a night reads off-hours, the pause stays whole", () => {
    // Monday 30 November 2026, 09:00-10:00 Paris running, then paused until Tuesday 10:00.
    const view = slaView({ result: RESULT, source: 'live', measuredAt: null }, defaultConfig(), NOW);
    expect(view.clock).toEqual([
      { from: '2026-11-30T08:00:00.000Z', to: '2026-11-30T09:00:00.000Z', kind: 'running', period: 0 },
      { from: '2026-11-30T09:00:00.000Z', to: '2026-12-01T09:00:00.000Z', kind: 'paused', period: 1 },
    ]);
    expect(view.offHoursNow).toBe(false);
    // Running through the night: off-hours from 18:00 to 09:00, and off-hours now at 08:00 on Tuesday.
    const running = {
      ...RESULT,
      state: 'running' as const,
      timeline: [{ ...RESULT.timeline[0]!, to: null }],
    };
    const early = Date.parse('2026-12-01T07:00:00.000Z');
    const night = slaView({ result: running, source: 'live', measuredAt: null }, defaultConfig(), early);
    expect(night.clock.map((s) => [s.kind, s.from, s.to])).toEqual([
      ['running', '2026-11-30T08:00:00.000Z', '2026-11-30T17:00:00.000Z'],
      ['off_hours', '2026-11-30T17:00:00.000Z', '2026-12-01T07:00:00.000Z'],
    ]);
    expect(night.offHoursNow).toBe(true);
    // The same in 24/7: no off-hours.
    const allDay = slaView(
      { result: { ...running, coverage: '24x7' }, source: 'live', measuredAt: null },
      defaultConfig(),
      early,
    );
    expect(allDay.clock.map((s) => s.kind)).toEqual(['running']);
    expect(allDay.offHoursNow).toBe(false);
  });

  it('reads a paused SLA with nothing left at risk, never on track, and one past its goal breached', () => {
    const spent = { ...RESULT, elapsedMs: 14_400_000, remainingMs: 0 };
    expect(slaView({ result: spent, source: 'live', measuredAt: null }, defaultConfig(), NOW).risk).toBe('at_risk');
    const late = { ...RESULT, elapsedMs: 15_000_000, remainingMs: 0, breached: true };
    expect(slaView({ result: late, source: 'live', measuredAt: null }, defaultConfig(), NOW).risk).toBe('breached');
  });
});

const config = defaultConfig();

describe('portalSla', () => {
  it('says who the pause waits for', () => {
    expect(portalSla(RESULT, 'waiting_for_third_party', config)).toMatchObject({
      state: 'paused',
      pausedFor: 'third_party',
      met: null,
      dueAt: null,
    });
    expect(portalSla(RESULT, 'waiting_for_customer', config).pausedFor).toBe('customer');
  });
  it('gives a running request its due time, and a stopped one its verdict', () => {
    expect(
      portalSla({ ...RESULT, state: 'running', breachAt: '2026-11-30T12:00:00.000Z' }, 'in_progress', config),
    ).toMatchObject({ dueAt: '2026-11-30T12:00:00.000Z', pausedFor: null });
    expect(portalSla({ ...RESULT, state: 'stopped', breached: true }, 'closed', config)).toMatchObject({
      met: false,
      breached: true,
    });
    expect(portalSla({ ...RESULT, state: 'stopped' }, 'closed', config).met).toBe(true);
  });
  it('says when the answer is at risk (from 75 % of the goal), and whether the team is alerted', () => {
    const atRisk = { ...RESULT, state: 'running' as const, elapsedMs: 11_000_000 };
    expect(portalSla(atRisk, 'in_progress', config)).toMatchObject({ atRisk: true, teamAlerted: true });
    expect(portalSla({ ...atRisk, elapsedMs: 10_000_000 }, 'in_progress', config).atRisk).toBe(false);
    expect(portalSla({ ...atRisk, breached: true }, 'in_progress', config).atRisk).toBe(false);
    const quiet = { ...config, rules: { ...config.rules, slaAlerts: false } };
    expect(portalSla(atRisk, 'in_progress', quiet).teamAlerted).toBe(false);
  });
});

describe('calendarView', () => {
  it('describes business hours day by day, and 24/7 without hours', () => {
    const business = calendarView(defaultConfig(), 'business_hours');
    expect(business.weeklyHours[0]).toEqual({ day: 'monday', ranges: ['09:00–18:00'] });
    expect(business.weeklyHours[6]).toEqual({ day: 'sunday', ranges: [] });
    expect(business).toMatchObject({ timeZone: 'Europe/Paris', holidaysCountry: 'FR' });
    expect(calendarView(defaultConfig(), '24x7')).toEqual({
      coverage: '24x7',
      timeZone: 'Europe/Paris',
      weeklyHours: [],
      holidaysCountry: null,
    });
  });
});

describe('statusInWords', () => {
  it('uses the rules’ name, else the site’s', () => {
    expect(statusInWords('waiting_for_customer', 'Attente', 'fr')).toBe('En attente du client');
    expect(statusInWords(undefined, 'Triage', 'en')).toBe('Triage');
  });
});

describe('escalatedBy', () => {
  it('is the viewer, another customer (a portal-only account) or the support team', () => {
    expect(escalatedBy('cust-1', 'cust-1', 'customer')).toBe('viewer');
    expect(escalatedBy('cust-2', 'cust-1', 'customer')).toBe('customer');
    expect(escalatedBy('agent-1', 'cust-1', 'atlassian')).toBe('support');
    // An account that could not be read is not said to be a customer.
    expect(escalatedBy('gone', 'cust-1', undefined)).toBe('support');
  });
});
