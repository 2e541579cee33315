/**
 * The sandbox clock: the process clock, moved forward on demand. It patches the global `Date` so that
 * `Date.now()` and `new Date()` everywhere in the process (site and app code alike) read real time plus an
 * offset; the offset is kept in SQLite (table `clock`, created by sandbox/db.ts), so after a restart the clock
 * reads max(real now, last stored now) and never goes back.
 */
import type { Database } from '../db';

export interface SandboxClock {
  /** The sandbox's current instant (ms since the epoch). */
  now(): number;
  /** Moves the clock forward to `ms` (an earlier instant is refused); returns the new now. */
  moveTo(ms: number): number;
  /** Moves the clock forward by `ms`; returns the new now. */
  advance(ms: number): number;
  /** Restores the real `Date` (the offset stays stored). */
  uninstall(): void;
}

const RealDate = Date;

interface ClockRow {
  offset_ms: number;
  last_now_ms: number;
}

/**
 * Installs the sandbox clock over the global `Date`, reading its offset from the database.
 * @example const clock = installClock(db); clock.advance(3_600_000); Date.now() === clock.now() //=> true (within a ms)
 */
export function installClock(db: Database, realNow: () => number = () => RealDate.now()): SandboxClock {
  const row = db.prepare('SELECT offset_ms, last_now_ms FROM clock WHERE id = 1').get() as ClockRow | undefined;
  let offset = row ? Math.max(row.offset_ms, row.last_now_ms - realNow(), 0) : 0;
  const save = db.prepare(
    'INSERT INTO clock (id, offset_ms, last_now_ms) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, last_now_ms = excluded.last_now_ms',
  );
  const now = () => realNow() + offset;
  save.run(offset, now());

  const SandboxDate = patchedDate(now);
  globalThis.Date = SandboxDate;

  const moveTo = (ms: number): number => {
    const current = now();
    if (!Number.isFinite(ms) || ms < current) throw new RangeError(`The sandbox clock only moves forward (now ${new RealDate(current).toISOString()}).`);
    offset += ms - current;
    save.run(offset, ms);
    return ms;
  };
  return {
    now,
    moveTo,
    advance: (ms) => moveTo(now() + ms),
    uninstall: () => {
      save.run(offset, now());
      if (globalThis.Date === SandboxDate) globalThis.Date = RealDate;
    },
  };
}

/** A `Date` whose no-argument constructor and `now()` read the given clock; everything else is the real Date. */
function patchedDate(now: () => number): DateConstructor {
  class SandboxDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
    // Dates made before the patch (or by the real constructor) are still Dates.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  // Called without `new`, Date returns a string of the current instant.
  const callable = new Proxy(SandboxDate, {
    apply: () => new RealDate(now()).toString(),
  });
  return callable as unknown as DateConstructor;
}
