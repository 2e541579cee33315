/**
 * A time zone's offset from UTC at an instant, read from the runtime's time-zone database through `Intl`.
 * Pure: no I/O, no clock.
 */
import { IANAZone } from 'luxon';

/** The end of a "longOffset" time-zone name: "GMT", "GMT+01:00", "GMT-00:44:30". */
const LONG_OFFSET = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The offset function of an IANA zone: instant (epoch ms) -> milliseconds to add to UTC to get the local wall
 * time. It formats the offset with `Intl.DateTimeFormat` (`timeZoneName: 'longOffset'`), several times cheaper
 * than building the local date's parts, and falls back to luxon's `IANAZone` if the runtime writes it otherwise.
 * Throws a RangeError for an unknown zone.
 * @example utcOffset('Europe/Paris')(Date.parse('2024-07-01T00:00:00Z')) //=> 7200000
 */
export function utcOffset(timeZone: string): (instant: number) => number {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`unknown time zone "${timeZone}"`);
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
  return (instant) => {
    const match = LONG_OFFSET.exec(format.format(instant));
    if (!match) return zone.offset(instant) * 60_000;
    if (match[1] === undefined) return 0;
    const ms = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
    return match[1] === '-' ? -ms : ms;
  };
}
