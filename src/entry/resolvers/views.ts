/**
 * Pure shaping of what the screens show: the SLA engine's result, the calendar in force and the portal's
 * customer-facing summary, as the contracts of src/shared/contracts.ts.
 */
import { WEEKDAYS } from '../../domain/business-week';
import { calendarFor } from '../../domain/calendar';
import type { Config } from '../../domain/config';
import type { Coverage } from '../../domain/contract';
import type { Language } from '../../domain/language';
import type { SlaResult } from '../../domain/sla';
import { clockSegments, outsideWorkingHours } from '../../domain/sla-clock';
import type { MeasuredSla } from '../../domain/sla-record';
import { slaRisk, warningAt } from '../../domain/sla-thresholds';
import { STATUS_NAMES, type CanonicalStatus } from '../../domain/workflow';
import type { CalendarView, PortalView, SlaView } from '../../shared/contracts';

/**
 * The SLA as the issue panel shows it as of `nowMs`: the engine's result (or a stopped SLA's record), its risk and
 * warning, and its clock's stretches in the contract's calendar (off-hours where a running status stood still).
 * @example slaView({ result, source: 'live', measuredAt: null }, config, now).risk //=> 'on_track'
 */
export function slaView(measured: MeasuredSla, config: Config, nowMs: number): SlaView {
  const { result } = measured;
  const { issueKey: _issueKey, coverage, unmappedStatuses, ...shown } = result;
  const warn = warningAt(result, config);
  const calendar = calendarFor(config, coverage);
  return {
    ...shown,
    unmappedStatuses: unmappedStatuses.map((s) => s.name ?? s.id ?? '?'),
    risk: slaRisk(result, config),
    atRiskPercent: config.sla.atRiskPercent,
    warnAt: warn === null ? null : new Date(warn).toISOString(),
    source: measured.source,
    measuredAt: measured.measuredAt === null ? null : new Date(measured.measuredAt).toISOString(),
    clock: clockSegments(result.timeline, calendar, nowMs),
    offHoursNow: result.state === 'running' && outsideWorkingHours(calendar, nowMs),
  };
}

/**
 * The calendar a coverage counts in: its time zone, weekly hours and public holidays.
 * @example calendarView(defaultConfig(), 'business_hours').weeklyHours[0] //=> { day: 'monday', ranges: ['09:00–18:00'] }
 */
export function calendarView(config: Config, coverage: Coverage): CalendarView {
  if (coverage === '24x7')
    return { coverage, timeZone: config.calendars.twentyFourSeven.timeZone, weeklyHours: [], holidaysCountry: null };
  const cal = config.calendars.businessHours;
  return {
    coverage,
    timeZone: cal.timeZone,
    weeklyHours: WEEKDAYS.map((day) => ({ day, ranges: cal.weeklyHours[day].map((r) => `${r.start}–${r.end}`) })),
    holidaysCountry: cal.holidays.country,
  };
}

/**
 * The customer's summary of the response SLA: met, running with its due time, or paused and for whom.
 * @example portalSla(result, 'waiting_for_third_party', config) //=> { state: 'paused', pausedFor: 'third_party', ... }
 */
export function portalSla(
  result: SlaResult,
  status: CanonicalStatus | undefined,
  config: Config,
): NonNullable<PortalView['sla']> {
  return {
    state: result.state,
    met: result.state === 'stopped' ? !result.breached : null,
    breached: result.breached,
    goalMs: result.goalMs,
    dueAt: result.state === 'running' ? result.breachAt : null,
    pausedFor: result.state !== 'paused' ? null : status === 'waiting_for_customer' ? 'customer' : 'third_party',
    atRisk: slaRisk(result, config) === 'at_risk',
    teamAlerted: config.rules.slaAlerts,
  };
}

/**
 * A status in the customer's words: the rules' name of its canonical status, else the site's own name.
 * @example statusInWords('waiting_for_customer', 'Attente client', 'fr') //=> 'En attente du client'
 */
export function statusInWords(canonical: CanonicalStatus | undefined, siteName: string, lang: Language): string {
  return canonical ? STATUS_NAMES[canonical][lang] : siteName;
}

/**
 * Who escalated the request, as the portal's viewer reads it: they did, another customer (a portal-only
 * account: a colleague of their organization, a participant), or the support team (anyone else).
 * @example escalatedBy('cust-1', 'cust-1', 'customer') //=> 'viewer'
 * @example escalatedBy('agent-1', 'cust-1', 'atlassian') //=> 'support'
 */
export function escalatedBy(
  escalatorId: string,
  viewerId: string,
  escalatorAccountType: string | undefined,
): 'viewer' | 'customer' | 'support' {
  if (escalatorId === viewerId) return 'viewer';
  return escalatorAccountType === 'customer' ? 'customer' : 'support';
}
