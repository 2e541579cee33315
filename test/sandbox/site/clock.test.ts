import { openDatabase } from '../../../sandbox/db';
import { advanceClock, loadClock, setClockTo } from '../../../sandbox/site/clock';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

describe('sandbox clock storage', () => {
  it('starts at real time on a fresh database', () => {
    // Source: DESIGN.md section 3 (POST /_sandbox/clock: the sandbox's own clock, moved by the tests).
    const db = openDatabase(':memory:');
    expect(loadClock(db, T0)).toEqual({ offsetMs: 0, lastNowMs: T0 });
  });

  it('moves forward by an amount or to an instant, and keeps the offset across loads', () => {
    const db = openDatabase(':memory:');
    loadClock(db, T0);
    expect(advanceClock(db, 72 * HOUR, T0)).toEqual({ offsetMs: 72 * HOUR, lastNowMs: T0 + 72 * HOUR });
    // An hour of real time later, the offset still applies.
    expect(loadClock(db, T0 + HOUR)).toEqual({ offsetMs: 72 * HOUR, lastNowMs: T0 + 73 * HOUR });
    expect(setClockTo(db, T0 + 100 * HOUR, T0 + HOUR)).toEqual({ offsetMs: 99 * HOUR, lastNowMs: T0 + 100 * HOUR });
  });

  it('never goes back: not by a negative amount, not to an earlier instant, not when the real clock goes back', () => {
    const db = openDatabase(':memory:');
    advanceClock(db, 10 * HOUR, T0);
    expect(() => advanceClock(db, -1, T0)).toThrow('only moves forward');
    expect(() => setClockTo(db, T0 + 9 * HOUR, T0)).toThrow('only moves forward');
    // The machine's clock went back 5 hours: the sandbox clock stays at its last instant.
    expect(loadClock(db, T0 - 5 * HOUR).lastNowMs).toBe(T0 + 10 * HOUR);
  });
});
