/**
 * The sandbox clock's storage: sandbox time = real time + a stored offset, and the latest instant ever seen,
 * so that the clock only moves forward, across restarts too. The runtime (sandbox/runtime/clock.ts) installs
 * the Date patch that applies the offset; the site itself reads time only through Date.now().
 */
import type { Database } from '../db';

export interface StoredClock {
  /** Sandbox time minus real time, in ms. */
  offsetMs: number;
  /** The latest sandbox instant recorded (epoch ms). */
  lastNowMs: number;
}

function read(db: Database): StoredClock | undefined {
  const row = db
    .prepare<[], { offset_ms: number; last_now_ms: number }>('SELECT offset_ms, last_now_ms FROM clock WHERE id = 1')
    .get();
  return row && { offsetMs: row.offset_ms, lastNowMs: row.last_now_ms };
}

function write(db: Database, clock: StoredClock): StoredClock {
  db.prepare(
    'INSERT INTO clock (id, offset_ms, last_now_ms) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, last_now_ms = excluded.last_now_ms',
  ).run(clock.offsetMs, clock.lastNowMs);
  return clock;
}

/**
 * The clock to run with, given the real time now: the stored offset, raised if needed so that the sandbox
 * time is never before the last instant seen (max(real now + offset, last stored now)). A fresh file starts at real time.
 * @example loadClock(db, Date.now()) //=> { offsetMs: 0, lastNowMs: <real now> } on a fresh file
 */
export function loadClock(db: Database, realNowMs: number): StoredClock {
  const stored = read(db) ?? { offsetMs: 0, lastNowMs: realNowMs };
  const offsetMs = Math.max(stored.offsetMs, stored.lastNowMs - realNowMs);
  return write(db, { offsetMs, lastNowMs: realNowMs + offsetMs });
}

/**
 * Moves the clock forward by `ms` (never backward: a negative amount is refused).
 * @example advanceClock(db, 72 * 3600_000, Date.now()).offsetMs //=> previous offset + 259200000
 */
export function advanceClock(db: Database, ms: number, realNowMs: number): StoredClock {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`The sandbox clock only moves forward (asked to move by ${ms} ms).`);
  const current = loadClock(db, realNowMs);
  const offsetMs = current.offsetMs + ms;
  return write(db, { offsetMs, lastNowMs: realNowMs + offsetMs });
}

/**
 * Sets the clock to an instant, which must not be before the current sandbox time.
 * @example setClockTo(db, Date.parse('2027-01-04T09:00:00Z'), Date.now()).lastNowMs //=> 1798966800000
 */
export function setClockTo(db: Database, toMs: number, realNowMs: number): StoredClock {
  const current = loadClock(db, realNowMs);
  if (!Number.isFinite(toMs) || toMs < current.lastNowMs) {
    throw new RangeError(
      `The sandbox clock only moves forward: ${new Date(toMs).toISOString()} is before ${new Date(current.lastNowMs).toISOString()}.`,
    );
  }
  return write(db, { offsetMs: toMs - realNowMs, lastNowMs: toMs });
}
