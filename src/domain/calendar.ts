/**
 * Working-time calendars: 24/7 (every millisecond counts) and business hours (weekly ranges in an IANA
 * time zone, minus holidays). Instants are epoch milliseconds. Pure: no I/O, no clock.
 *
 * A business-hours calendar precomputes, one local year at a time, the day's working intervals as UTC
 * instants with a running sum of working time, so that a query is two binary searches whatever the span.
 *
 * Wall-clock semantics across daylight-saving changes: a range "HH:MM–HH:MM" of a local date covers the
 * instants from the first moment that day's clock reads the start (or later) to the first moment it reads
 * the end (or later). A range lying in a skipped hour is empty; one spanning a repeated hour counts it twice.
 */
import Holidays from 'date-holidays';
import { WEEKDAYS } from './business-week';
import { parseTimeOfDay, type BusinessHoursCalendarConfig, type Config } from './config';
import type { Coverage } from './contract';
import { utcOffset } from './zone-offset';

/** Counts working time between instants, and finds when an amount of working time will have elapsed. */
export interface Calendar {
  /** Working milliseconds in [fromMs, toMs); 0 when toMs <= fromMs. */
  workingMsBetween(fromMs: number, toMs: number): number;
  /** The earliest instant t >= fromMs with workingMsBetween(fromMs, t) === workingMs. */
  addWorkingMs(fromMs: number, workingMs: number): number;
  /** The stretches of working time within [fromMs, toMs), in order, as [start, end) pairs; none when toMs <= fromMs. */
  workingStretches(fromMs: number, toMs: number): Array<[number, number]>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Local years a business-hours calendar will cover; queries outside fail with a RangeError. */
const FIRST_YEAR = 1971;
const LAST_YEAR = 2199;

function checkAmount(workingMs: number): void {
  if (!(workingMs >= 0) || !Number.isFinite(workingMs))
    throw new RangeError(`working time must be a finite number >= 0, got ${workingMs}`);
}

/**
 * The 24/7 calendar: working time is wall time.
 * @example twentyFourSeven.workingMsBetween(0, 3_600_000) //=> 3600000
 */
export const twentyFourSeven: Calendar = {
  workingMsBetween: (fromMs, toMs) => (toMs > fromMs ? toMs - fromMs : 0),
  addWorkingMs: (fromMs, workingMs) => {
    checkAmount(workingMs);
    return fromMs + workingMs;
  },
  workingStretches: (fromMs, toMs) => (toMs > fromMs ? [[fromMs, toMs]] : []),
};

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY;
}

/** date-holidays' instances per country and region, and their public holidays per year: both costly to build. */
const holidayCalendars = new Map<string, Holidays>();
const publicHolidayDays = new Map<string, readonly number[]>();

/**
 * The local dates (as day numbers: days since 1970-01-01) of the public holidays of a country (and region) in
 * one year, computed once per process for every calendar that asks.
 * @example publicHolidays('FR', null, 2024).includes(Date.UTC(2024, 6, 14) / 86_400_000) //=> true
 */
export function publicHolidays(country: string, region: string | null, year: number): readonly number[] {
  const place = `${country}\u0000${region ?? ''}`;
  const key = `${place}\u0000${year}`;
  const days = publicHolidayDays.get(key);
  if (days !== undefined) return days;
  let holidays = holidayCalendars.get(place);
  if (!holidays) {
    holidays = region === null ? new Holidays(country) : new Holidays(country, region);
    // Dates as local dates, not moved into the country's zone: only their calendar day and length are read
    // here, and the move (moment-timezone) costs ten times the computation.
    holidays.setTimezone(undefined as unknown as string);
    holidayCalendars.set(place, holidays);
  }
  const found: number[] = [];
  for (const holiday of holidays.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const count = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
    const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number);
    for (let i = 0; i < count; i++) found.push(dayNumber(y!, m!, d!) + i);
  }
  publicHolidayDays.set(key, found);
  return found;
}

/** The closed local dates (as day numbers) of one year: the country's public holidays, yearly and one-off dates. */
function closedDays(config: BusinessHoursCalendarConfig, year: number): Set<number> {
  const { country, region, yearlyDates, fixedDates } = config.holidays;
  const closed = new Set<number>(country === null ? [] : publicHolidays(country, region, year));
  const addDate = (iso: string): void => {
    const [y, m, d] = iso.split('-').map(Number);
    closed.add(dayNumber(y!, m!, d!));
  };
  for (const md of yearlyDates) addDate(`${year}-${md}`);
  for (const date of fixedDates) if (date.startsWith(`${year}-`)) addDate(date);
  return closed;
}

/**
 * Maps local wall times onto instants in one zone, by the semantics of this module's header: the first
 * instant the local clock of `day` reads `minutes` past midnight or later.
 */
class WallClock {
  private readonly offsetMs: (instant: number) => number;
  /** The offsets bracketing the last local day asked for (its ranges are asked in a row). */
  private bracketDay = Number.NaN;
  private bracketBefore = 0;
  private bracketAfter = 0;

  constructor(timeZone: string) {
    this.offsetMs = utcOffset(timeZone);
  }

  instant(day: number, minutes: number): number {
    const wall = day * DAY + minutes * MINUTE;
    if (day !== this.bracketDay) {
      // Offsets lie within -12h..+14h, so these two instants bracket the local day.
      this.bracketBefore = this.offsetMs(day * DAY - 14 * 3_600_000);
      this.bracketAfter = this.offsetMs((day + 1) * DAY + 12 * 3_600_000);
      this.bracketDay = day;
    }
    const before = this.bracketBefore;
    const after = this.bracketAfter;
    if (before === after) return wall - before;
    const candidates = [wall - before, wall - after].filter((t) => this.offsetMs(t) === wall - t);
    if (candidates.length > 0) return Math.min(...candidates);
    // A skipped wall time: the clock jumps past it at the transition, found by bisection.
    let lo = wall - Math.max(before, after);
    let hi = wall - Math.min(before, after);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetMs(mid) === before) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

/** Flat, sorted working intervals with the working time before each: the calendar's index. */
interface Index {
  firstYear: number;
  lastYear: number;
  /** Instant where local day 1 of firstYear begins, and where the year after lastYear begins. */
  coverFrom: number;
  coverTo: number;
  starts: Float64Array;
  ends: Float64Array;
  /** cumBefore[i]: working ms in [coverFrom, starts[i]); cumBefore[n]: the total. */
  cumBefore: Float64Array;
}

class BusinessHoursCalendar implements Calendar {
  private readonly clock: WallClock;
  private readonly rangesByWeekday: Array<Array<[number, number]>>;
  private readonly years = new Map<number, { starts: number[]; ends: number[] }>();
  private index: Index | null = null;

  constructor(private readonly config: BusinessHoursCalendarConfig) {
    this.clock = new WallClock(config.timeZone);
    this.rangesByWeekday = WEEKDAYS.map((d) =>
      config.weeklyHours[d].map((r): [number, number] => [parseTimeOfDay(r.start), parseTimeOfDay(r.end)]),
    );
  }

  workingMsBetween(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) return 0;
    this.cover(fromMs);
    this.cover(toMs);
    return this.workingBefore(toMs) - this.workingBefore(fromMs);
  }

  addWorkingMs(fromMs: number, workingMs: number): number {
    checkAmount(workingMs);
    if (workingMs === 0) return fromMs;
    this.cover(fromMs);
    let index = this.index!;
    const target = this.workingBefore(fromMs) + workingMs;
    let idleYears = 0;
    while (index.cumBefore[index.starts.length]! < target) {
      const total = index.cumBefore[index.starts.length]!;
      if (index.lastYear >= LAST_YEAR) throw new RangeError(`no working time left before ${LAST_YEAR + 1}`);
      this.extend(index.firstYear, index.lastYear + 1);
      index = this.index!;
      idleYears = index.cumBefore[index.starts.length]! === total ? idleYears + 1 : 0;
      if (idleYears > 8) throw new RangeError('the calendar has no working time: the amount can never elapse');
    }
    // First interval whose end reaches the target.
    let lo = 0;
    let hi = index.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (index.cumBefore[mid]! + (index.ends[mid]! - index.starts[mid]!) >= target) hi = mid;
      else lo = mid + 1;
    }
    return index.starts[lo]! + (target - index.cumBefore[lo]!);
  }

  workingStretches(fromMs: number, toMs: number): Array<[number, number]> {
    if (!(toMs > fromMs)) return [];
    this.cover(fromMs);
    this.cover(toMs);
    const { starts, ends } = this.index!;
    // First interval ending after fromMs.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= fromMs) lo = mid + 1;
      else hi = mid;
    }
    const stretches: Array<[number, number]> = [];
    for (let i = lo; i < starts.length && starts[i]! < toMs; i++)
      stretches.push([Math.max(starts[i]!, fromMs), Math.min(ends[i]!, toMs)]);
    return stretches;
  }

  /** Working ms from the index's start to `t`, which the index covers. */
  private workingBefore(t: number): number {
    const { starts, ends, cumBefore } = this.index!;
    // Last interval starting at or before t.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const i = lo - 1;
    return cumBefore[i]! + Math.min(t, ends[i]!) - starts[i]!;
  }

  /** Extends the index, a local year at a time, until it covers `t`. */
  private cover(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError(`not an instant: ${t}`);
    if (this.index === null) {
      const year = new Date(t).getUTCFullYear();
      this.extend(year, year);
    }
    let { firstYear, lastYear, coverFrom, coverTo } = this.index!;
    while (t < coverFrom || t >= coverTo) {
      if (t < coverFrom) firstYear--;
      else lastYear++;
      if (firstYear < FIRST_YEAR || lastYear > LAST_YEAR)
        throw new RangeError(`${new Date(t).toISOString()} is outside the calendar's years ${FIRST_YEAR}-${LAST_YEAR}`);
      this.extend(firstYear, lastYear);
      ({ coverFrom, coverTo } = this.index!);
    }
  }

  private extend(firstYear: number, lastYear: number): void {
    const starts: number[] = [];
    const ends: number[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const intervals = this.yearIntervals(year);
      for (let i = 0; i < intervals.starts.length; i++) {
        starts.push(intervals.starts[i]!);
        ends.push(intervals.ends[i]!);
      }
    }
    const cumBefore = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) cumBefore[i + 1] = cumBefore[i]! + ends[i]! - starts[i]!;
    this.index = {
      firstYear,
      lastYear,
      coverFrom: this.clock.instant(dayNumber(firstYear, 1, 1), 0),
      coverTo: this.clock.instant(dayNumber(lastYear + 1, 1, 1), 0),
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      cumBefore,
    };
  }

  private yearIntervals(year: number): { starts: number[]; ends: number[] } {
    const cached = this.years.get(year);
    if (cached) return cached;
    const closed = closedDays(this.config, year);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let day = dayNumber(year, 1, 1); day < dayNumber(year + 1, 1, 1); day++) {
      if (closed.has(day)) continue;
      // Day 0 (1970-01-01) was a Thursday; WEEKDAYS starts on Monday.
      const weekday = (((day + 3) % 7) + 7) % 7;
      for (const [from, to] of this.rangesByWeekday[weekday]!) {
        const start = this.clock.instant(day, from);
        const end = this.clock.instant(day, to);
        if (end <= start) continue;
        if (ends.length > 0 && start <= ends[ends.length - 1]!)
          ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end);
        else {
          starts.push(start);
          ends.push(end);
        }
      }
    }
    const intervals = { starts, ends };
    this.years.set(year, intervals);
    return intervals;
  }
}

/**
 * A business-hours calendar: the weekly ranges of `config` in its time zone, closed on its holidays.
 * @example businessHours(defaultConfig().calendars.businessHours)
 *   .workingMsBetween(Date.parse('2024-03-01T16:00:00Z'), Date.parse('2024-03-04T09:00:00Z')) //=> 7200000 (Fri 17:00-18:00, Mon 09:00-10:00 Paris)
 */
export function businessHours(config: BusinessHoursCalendarConfig): Calendar {
  return new BusinessHoursCalendar(config);
}

const cache = new WeakMap<Config, Calendar>();

/**
 * The calendar of a coverage under a configuration; the business-hours one is built once per config object.
 * @example calendarFor(defaultConfig(), '24x7').addWorkingMs(0, 1000) //=> 1000
 */
export function calendarFor(config: Config, coverage: Coverage): Calendar {
  if (coverage === '24x7') return twentyFourSeven;
  let calendar = cache.get(config);
  if (!calendar) {
    calendar = businessHours(config.calendars.businessHours);
    cache.set(config, calendar);
  }
  return calendar;
}
