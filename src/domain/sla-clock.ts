/**
 * The SLA clock as the agent reads it on a timeline: while a status runs the clock, the clock counts only in the
 * contract's working time, so a running period splits into stretches where it ran and off-hours stretches (nights,
 * week-ends, holidays) where it stood still; a paused period stays paused whatever the hour. A 24/7 contract has no
 * off-hours. Pure: the calendar and "now" are inputs.
 */
import type { Calendar } from './calendar';
import type { SlaInterval } from './sla';

/** What the clock did over a stretch: ran, stood still for a pause, or stood still outside working hours. */
export type ClockKind = 'running' | 'paused' | 'off_hours';

/** One stretch of the clock; `period` is the index of the timeline's period (its status) it belongs to. */
export interface ClockSegment {
  from: string;
  to: string;
  kind: ClockKind;
  period: number;
}

/**
 * The clock's stretches over the SLA's timeline, up to `nowMs` for the period still going on: each running period
 * cut at the calendar's working hours, each paused period whole. Stretches are in order and cover the timeline.
 * @example clockSegments([{ from: '2024-03-01T15:00:00Z', to: '2024-03-04T09:00:00Z', kind: 'running', status: 'submitted', statusName: 'Soumise' }], businessHoursParis, now)
 *   //=> [running Fri 16:00-18:00, off_hours Fri 18:00-Mon 09:00, running Mon 09:00-10:00] (Paris time)
 */
export function clockSegments(timeline: readonly SlaInterval[], calendar: Calendar, nowMs: number): ClockSegment[] {
  const segments: ClockSegment[] = [];
  const push = (from: number, to: number, kind: ClockKind, period: number): void => {
    if (to <= from) return;
    segments.push({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), kind, period });
  };
  timeline.forEach((interval, period) => {
    const from = Date.parse(interval.from);
    const to = interval.to === null ? Math.max(nowMs, from) : Date.parse(interval.to);
    if (interval.kind === 'paused') return push(from, to, 'paused', period);
    let cursor = from;
    for (const [start, end] of calendar.workingStretches(from, to)) {
      push(cursor, start, 'off_hours', period);
      push(start, end, 'running', period);
      cursor = end;
    }
    push(cursor, to, 'off_hours', period);
  });
  return segments;
}

/**
 * True when `atMs` falls outside the calendar's working hours: a running SLA's clock stands still then.
 * @example outsideWorkingHours(businessHoursParis, Date.parse('2024-03-02T10:00:00Z')) //=> true (a Saturday)
 */
export function outsideWorkingHours(calendar: Calendar, atMs: number): boolean {
  return calendar.workingStretches(atMs, atMs + 1).length === 0;
}
