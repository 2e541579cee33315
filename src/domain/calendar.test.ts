import Holidays from 'date-holidays';
import fc from 'fast-check';
import { businessHours, calendarFor, publicHolidays, twentyFourSeven } from './calendar';
import { WEEKDAYS } from './business-week';
import { configSchema, defaultConfig, type BusinessHoursCalendarConfig } from './config';
import { referenceCalendar } from './__tests__/reference-calendar';

const H = 3_600_000;
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
const calendarConfig = (input: object): BusinessHoursCalendarConfig =>
  configSchema.parse({ calendars: { businessHours: input } }).calendars.businessHours;
const paris = defaultConfig().calendars.businessHours;

describe('the 24/7 calendar', () => {
  it('counts wall time, and nothing backwards', () => {
    expect(twentyFourSeven.workingMsBetween(at('2024-03-30T12:00:00Z'), at('2024-04-01T12:00:00Z'))).toBe(48 * H);
    expect(twentyFourSeven.workingMsBetween(10, 5)).toBe(0);
    expect(twentyFourSeven.addWorkingMs(at('2024-03-30T12:00:00Z'), 4 * H)).toBe(at('2024-03-30T16:00:00Z'));
  });

  it('rejects a negative amount', () => {
    expect(() => twentyFourSeven.addWorkingMs(0, -1)).toThrow(RangeError);
  });
});

describe('the default business-hours calendar (Mon-Fri 09:00-18:00 Europe/Paris, French holidays)', () => {
  const cal = businessHours(paris);

  it('skips the weekend', () => {
    // Friday 17:00 to Monday 10:00, Paris winter time (UTC+1).
    expect(cal.workingMsBetween(at('2024-03-01T16:00:00Z'), at('2024-03-04T09:00:00Z'))).toBe(2 * H);
  });

  it('skips a public holiday and follows the spring daylight-saving change', () => {
    // Fri 29 March 17:00 CET -> Tue 2 April 11:00 CEST: Easter Monday closed, clocks forward on Sunday 31 March.
    const from = at('2024-03-29T17:00:00+01:00');
    const to = at('2024-04-02T11:00:00+02:00');
    expect(cal.workingMsBetween(from, to)).toBe(1 * H + 2 * H);
    expect(cal.addWorkingMs(from, 4 * H)).toBe(at('2024-04-02T12:00:00+02:00'));
  });

  it('follows the autumn change: Monday opens at 09:00 winter time', () => {
    expect(cal.addWorkingMs(at('2024-10-25T17:00:00+02:00'), 2 * H)).toBe(at('2024-10-28T10:00:00+01:00'));
  });

  it('ends a working amount at the close of a range, not at the next opening', () => {
    expect(cal.addWorkingMs(at('2024-03-05T09:00:00+01:00'), 9 * H)).toBe(at('2024-03-05T18:00:00+01:00'));
  });

  it('starts counting at the next opening when asked outside hours', () => {
    expect(cal.addWorkingMs(at('2024-03-02T10:00:00+01:00'), 30 * 60_000)).toBe(at('2024-03-04T09:30:00+01:00'));
    expect(cal.addWorkingMs(at('2024-03-02T10:00:00+01:00'), 0)).toBe(at('2024-03-02T10:00:00+01:00'));
  });

  it('costs the same over two years as over two days, and counts every working hour of 2024', () => {
    // 2024: 262 weekdays, 10 of the 11 French public holidays fall on one (14 July is a Sunday).
    expect(cal.workingMsBetween(at('2024-01-01T00:00:00+01:00'), at('2025-01-01T00:00:00+01:00'))).toBe(
      (262 - 10) * 9 * H,
    );
  });

  it('refuses instants outside the years it can compute', () => {
    expect(() => cal.workingMsBetween(at('1960-01-01T00:00:00Z'), at('1960-02-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('a configured business-hours calendar', () => {
  it('handles several ranges a day, yearly and one-off closed days, and a region', () => {
    const cal = businessHours(
      calendarConfig({
        timeZone: 'Europe/Paris',
        weeklyHours: {
          monday: [
            { start: '09:00', end: '12:00' },
            { start: '14:00', end: '18:00' },
          ],
          saturday: [{ start: '10:00', end: '12:00' }],
        },
        holidays: { country: 'FR', region: '67', yearlyDates: ['12-24'], fixedDates: ['2024-03-08'] },
      }),
    );
    // Monday 4 March: 3 h + 4 h.
    expect(cal.workingMsBetween(at('2024-03-04T00:00:00+01:00'), at('2024-03-05T00:00:00+01:00'))).toBe(7 * H);
    // Friday 8 March is closed once; Saturday 9 March has 10:00-12:00.
    expect(cal.workingMsBetween(at('2024-03-08T00:00:00+01:00'), at('2024-03-10T00:00:00+01:00'))).toBe(2 * H);
    // Alsace-Moselle: Good Friday (29 March 2024) and 26 December are public holidays; 24 December closed yearly.
    expect(cal.workingMsBetween(at('2024-03-29T00:00:00+01:00'), at('2024-03-30T00:00:00+01:00'))).toBe(0);
    expect(cal.workingMsBetween(at('2025-12-24T00:00:00+01:00'), at('2025-12-27T00:00:00+01:00'))).toBe(0);
  });

  it('counts a range through a skipped hour once and through a repeated hour twice', () => {
    const cal = businessHours(
      calendarConfig({
        timeZone: 'Europe/Paris',
        weeklyHours: { sunday: [{ start: '01:00', end: '04:00' }] },
        holidays: { country: null },
      }),
    );
    expect(cal.workingMsBetween(at('2024-03-31T00:00:00Z'), at('2024-04-01T00:00:00Z'))).toBe(2 * H);
    expect(cal.workingMsBetween(at('2024-10-26T22:00:00Z'), at('2024-10-27T22:00:00Z'))).toBe(4 * H);
  });

  it('counts a range ending at 24:00 up to midnight', () => {
    const cal = businessHours(
      calendarConfig({
        timeZone: 'UTC',
        weeklyHours: { monday: [{ start: '22:00', end: '24:00' }], tuesday: [{ start: '00:00', end: '01:00' }] },
        holidays: { country: null },
      }),
    );
    expect(cal.addWorkingMs(at('2024-03-04T23:00:00Z'), 2 * H)).toBe(at('2024-03-05T01:00:00Z'));
  });

  it('says an amount can never elapse in a calendar closed every day', () => {
    const closedYearly = Array.from({ length: 12 }, (_, m) =>
      // Every day of each month (February's 29th included), and no day a calendar lacks, which the schema refuses.
      Array.from(
        { length: new Date(Date.UTC(2024, m + 1, 0)).getUTCDate() },
        (_, d) => `${String(m + 1).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`,
      ),
    ).flat();
    const cal = businessHours(calendarConfig({ holidays: { country: null, yearlyDates: closedYearly } }));
    expect(() => cal.addWorkingMs(at('2024-01-01T00:00:00Z'), H)).toThrow(/never elapse/);
  });
});

describe('calendarFor', () => {
  it('gives the 24/7 calendar for 24/7 coverage and builds the business one once per configuration', () => {
    const config = defaultConfig();
    expect(calendarFor(config, '24x7')).toBe(twentyFourSeven);
    expect(calendarFor(config, 'business_hours')).toBe(calendarFor(config, 'business_hours'));
    expect(calendarFor(defaultConfig(), 'business_hours')).not.toBe(calendarFor(config, 'business_hours'));
  });

  it("asks date-holidays for a country's year once, whatever the number of calendars and configurations", () => {
    const getHolidays = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      // Belgium, 2031: a year and country no other test of this file asks for.
      const belgium = calendarConfig({ holidays: { country: 'BE' } });
      const may = [at('2031-05-01T00:00:00Z'), at('2031-05-31T00:00:00Z')] as const;
      const sums = [businessHours(belgium), businessHours({ ...belgium })].map((c) => c.workingMsBetween(...may));
      expect(sums[0]).toBe(sums[1]);
      // 22 weekdays from 1 to 30 May 2031, less Labour Day (1 May) and Ascension (22 May), 9 hours each.
      expect(sums[0]).toBe(20 * 9 * H);
      expect(getHolidays.mock.calls.filter(([year]) => year === 2031)).toHaveLength(1);
    } finally {
      getHolidays.mockRestore();
    }
  });
});

describe('publicHolidays', () => {
  it("gives date-holidays' public holidays of every country and region, each day and length", () => {
    // The calendar reads date-holidays' dates as local dates (without its move into the country's zone, for
    // speed); its days must be those of date-holidays as it is by default, in the country's zone.
    const DAY = 24 * H;
    const world = new Holidays();
    let places = 0;
    for (const country of Object.keys(world.getCountries())) {
      for (const region of [null, ...Object.keys(world.getStates(country) ?? {})]) {
        places++;
        const zoned = region === null ? new Holidays(country) : new Holidays(country, region);
        const year = 2026;
        const expected: number[] = [];
        for (const h of zoned.getHolidays(year)) {
          if (h.type !== 'public') continue;
          const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`) / DAY;
          const count = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
          for (let i = 0; i < count; i++) expected.push(first + i);
        }
        expect({ country, region, days: publicHolidays(country, region, year) }).toEqual({
          country,
          region,
          days: expected,
        });
      }
    }
    expect(places).toBeGreaterThan(500);
  });
});

// Properties. Range ends avoid the inside of 02:00-03:00, the repeated hour of these zones (see the reference).
const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const SLOTS = [0, 60, 120, 180, 420, 480, 510, 540, 720, 780, 810, 1020, 1080, 1095, 1320, 1440];
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dayRanges = fc.uniqueArray(fc.constantFrom(...SLOTS), { maxLength: 4 }).map((slots) => {
  const sorted = [...slots].sort((a, b) => a - b);
  const ranges = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  return ranges;
});
const calendarArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours: fc.tuple(...WEEKDAYS.map(() => dayRanges)),
    country: fc.constantFrom('FR', 'US', null),
    yearlyDates: fc.subarray(['01-02', '03-15', '07-04', '11-02', '12-24']),
  })
  .filter((c) => c.weeklyHours.some((r) => r.length > 0))
  .map((c) =>
    calendarConfig({
      timeZone: c.timeZone,
      weeklyHours: Object.fromEntries(WEEKDAYS.map((d, i) => [d, c.weeklyHours[i]])),
      holidays: { country: c.country, yearlyDates: c.yearlyDates },
    }),
  );
// Spans of up to 9 days in 2023-2025, including every daylight-saving change of those years.
const spanArb = fc.tuple(
  fc.integer({ min: at('2023-01-01T00:00:00Z'), max: at('2025-12-20T00:00:00Z') }),
  fc.integer({ min: 0, max: 9 * 24 * H }),
);

describe('the business-hours calendar, against a minute-by-minute reference', () => {
  it('counts the same working time', () => {
    fc.assert(
      fc.property(calendarArb, spanArb, (config, [from, length]) => {
        expect(businessHours(config).workingMsBetween(from, from + length)).toBe(
          referenceCalendar(config).workingMsBetween(from, from + length),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('finds the same instant when an amount has elapsed', () => {
    fc.assert(
      fc.property(calendarArb, spanArb, fc.integer({ min: 0, max: 30 * H }), (config, [from], amount) => {
        expect(businessHours(config).addWorkingMs(from, amount)).toBe(
          referenceCalendar(config).addWorkingMs(from, amount),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('checks daylight-saving days of Paris in detail', () => {
    const cal = businessHours(
      calendarConfig({
        weeklyHours: {
          sunday: [
            { start: '01:00', end: '03:00' },
            { start: '08:00', end: '24:00' },
          ],
        },
      }),
    );
    const ref = referenceCalendar(
      calendarConfig({
        weeklyHours: {
          sunday: [
            { start: '01:00', end: '03:00' },
            { start: '08:00', end: '24:00' },
          ],
        },
      }),
    );
    for (const day of ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26']) {
      const from = at(`${day}T00:00:00+01:00`) - 3 * H;
      expect(cal.workingMsBetween(from, from + 30 * H)).toBe(ref.workingMsBetween(from, from + 30 * H));
    }
  });
});

describe('calendar properties', () => {
  const cal = businessHours(paris);
  const instants = fc.integer({ min: at('2023-01-01T00:00:00Z'), max: at('2026-01-01T00:00:00Z') });

  it('never counts more than wall time', () => {
    fc.assert(
      fc.property(instants, instants, (a, b) => cal.workingMsBetween(a, b) <= twentyFourSeven.workingMsBetween(a, b)),
    );
  });

  it('adds up over consecutive spans', () => {
    fc.assert(
      fc.property(fc.array(instants, { minLength: 3, maxLength: 3 }), (xs) => {
        const [a, b, c] = [...xs].sort((x, y) => x - y) as [number, number, number];
        expect(cal.workingMsBetween(a, b) + cal.workingMsBetween(b, c)).toBe(cal.workingMsBetween(a, c));
      }),
    );
  });

  it('addWorkingMs gives the earliest instant at which exactly that working time has elapsed', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 400 * H }), (from, amount) => {
        const end = cal.addWorkingMs(from, amount);
        expect(cal.workingMsBetween(from, end)).toBe(amount);
        expect(cal.workingMsBetween(from, end - 1)).toBeLessThan(amount);
      }),
    );
  });
});

describe('workingStretches', () => {
  const cal = businessHours(paris);

  it('gives the working hours of a weekend-spanning span, clipped to it', () => {
    // Friday 16:00 to Monday 10:00, Paris winter time: Friday until 18:00, Monday from 09:00.
    expect(cal.workingStretches(at('2024-03-01T15:00:00Z'), at('2024-03-04T09:00:00Z'))).toEqual([
      [at('2024-03-01T15:00:00Z'), at('2024-03-01T17:00:00Z')],
      [at('2024-03-04T08:00:00Z'), at('2024-03-04T09:00:00Z')],
    ]);
    expect(cal.workingStretches(at('2024-03-02T10:00:00Z'), at('2024-03-03T10:00:00Z'))).toEqual([]);
    expect(cal.workingStretches(10, 5)).toEqual([]);
  });

  it('is all of a span in 24/7', () => {
    expect(twentyFourSeven.workingStretches(5, 10)).toEqual([[5, 10]]);
    expect(twentyFourSeven.workingStretches(10, 10)).toEqual([]);
  });

  it('adds up to the working time between the same instants, in order and within the span', () => {
    const instants = fc.integer({ min: at('2023-01-01T00:00:00Z'), max: at('2026-01-01T00:00:00Z') });
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 40 * 24 * H }), (from, length) => {
        const stretches = cal.workingStretches(from, from + length);
        let previousEnd = from;
        for (const [start, end] of stretches) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          previousEnd = end;
        }
        expect(previousEnd).toBeLessThanOrEqual(from + length);
        expect(stretches.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(cal.workingMsBetween(from, from + length));
      }),
      { numRuns: 60 },
    );
  });
});
