/**
 * A slow, obviously correct business-hours calendar for tests: it walks time one clock minute at a time and
 * asks luxon what the local date and time are. Valid for weekly ranges whose ends do not fall strictly inside
 * a repeated (fall-back) hour, where "the clock reads within a range" and the calendar's first-reading
 * semantics could differ.
 */
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { WEEKDAYS } from '../business-week';
import { parseTimeOfDay, type BusinessHoursCalendarConfig } from '../config';

const MINUTE = 60_000;

export interface ReferenceCalendar {
  isWorking(instant: number): boolean;
  workingMsBetween(fromMs: number, toMs: number): number;
  addWorkingMs(fromMs: number, workingMs: number): number;
}

export function referenceCalendar(config: BusinessHoursCalendarConfig): ReferenceCalendar {
  const closedYears = new Map<number, Set<string>>();
  const closedDates = (year: number): Set<string> => {
    let dates = closedYears.get(year);
    if (!dates) {
      dates = new Set<string>([
        ...config.holidays.fixedDates,
        ...config.holidays.yearlyDates.map((md) => `${year}-${md}`),
      ]);
      const { country, region } = config.holidays;
      if (country !== null) {
        const holidays = region === null ? new Holidays(country) : new Holidays(country, region);
        for (const h of holidays.getHolidays(year)) if (h.type === 'public') dates.add(h.date.slice(0, 10));
      }
      closedYears.set(year, dates);
    }
    return dates;
  };

  const isWorking = (instant: number): boolean => {
    const local = DateTime.fromMillis(instant, { zone: config.timeZone });
    if (closedDates(local.year).has(local.toISODate()!)) return false;
    const minuteOfDay = local.hour * 60 + local.minute;
    const ranges = config.weeklyHours[WEEKDAYS[local.weekday - 1]!];
    return ranges.some((r) => parseTimeOfDay(r.start) <= minuteOfDay && minuteOfDay < parseTimeOfDay(r.end));
  };

  const nextMinute = (t: number): number => Math.floor(t / MINUTE) * MINUTE + MINUTE;

  return {
    isWorking,
    workingMsBetween(fromMs, toMs) {
      let total = 0;
      for (let a = fromMs; a < toMs; a = nextMinute(a)) {
        if (isWorking(a)) total += Math.min(nextMinute(a), toMs) - a;
      }
      return total;
    },
    addWorkingMs(fromMs, workingMs) {
      let left = workingMs;
      let a = fromMs;
      while (left > 0) {
        const b = nextMinute(a);
        if (isWorking(a)) {
          if (b - a >= left) return a + left;
          left -= b - a;
        }
        a = b;
      }
      return a;
    },
  };
}
