import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { utcOffset } from './zone-offset';

// Zones with whole-hour, half-hour and 45-minute offsets, 30-minute daylight saving (Lord Howe), a skipped
// day (Apia, 2011), Ramadan suspensions (Casablanca), a seconds offset until 1972 (Monrovia) and the far east.
const ZONES = [
  'Europe/Paris',
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Africa/Casablanca',
  'Africa/Monrovia',
  'America/Sao_Paulo',
];
const FROM = Date.UTC(1971, 0, 1);
const TO = Date.UTC(2200, 0, 1);

describe('utcOffset', () => {
  it("agrees with luxon's IANAZone at any instant of the calendar's years, in every kind of zone", () => {
    const offsets = new Map(ZONES.map((zone) => [zone, utcOffset(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, instant) => {
        expect(offsets.get(zone)!(instant)).toBe(IANAZone.create(zone).offset(instant) * 60_000);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with luxon around each daylight-saving change of Paris and Lord Howe, to the millisecond', () => {
    for (const zone of ['Europe/Paris', 'Australia/Lord_Howe']) {
      const offset = utcOffset(zone);
      const luxon = IANAZone.create(zone);
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
        if (luxon.offset(t) === luxon.offset(t + 3_600_000)) continue;
        for (const instant of [t, t + 1, t + 1_799_999, t + 1_800_000, t + 3_599_999, t + 3_600_000])
          expect(offset(instant)).toBe(luxon.offset(instant) * 60_000);
      }
    }
  });

  it("reads Monrovia's seconds offset of 1971 (-00:44:30)", () => {
    expect(utcOffset('Africa/Monrovia')(Date.UTC(1971, 5, 1))).toBe(-(44 * 60 + 30) * 1000);
  });

  it('refuses an unknown zone', () => {
    expect(() => utcOffset('Mars/Olympus')).toThrow(RangeError);
  });
});
