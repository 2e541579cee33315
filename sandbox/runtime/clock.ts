/**
 * The sandbox clock: the process clock, moved forward on demand. It patches the global `Date` so that
 * `Date.now()` and `new Date()` everywhere in the process (site and app code alike) read real time plus an
 * offset. The offset's storage is the site's (sandbox/site/clock.ts, table `clock`): after a restart the clock
 * reads max(real now, last stored now) and never goes back.
 */
import type { Database } from '../db';
import { loadClock, setClockTo } from '../site/clock';

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

/**
 * Installs the sandbox clock over the global `Date`, reading its offset from the database.
 * @example const clock = installClock(db); clock.advance(3_600_000); Date.now() === clock.now() //=> true (within a ms)
 */
export function installClock(db: Database, realNow: () => number = () => RealDate.now()): SandboxClock {
  let offset = loadClock(db, realNow()).offsetMs;
  const now = () => realNow() + offset;
  const SandboxDate = patchedDate(now);
  globalThis.Date = SandboxDate;

  const moveTo = (ms: number): number => {
    offset = setClockTo(db, ms, realNow()).offsetMs;
    return now();
  };
  return {
    now,
    moveTo,
    advance: (ms) => moveTo(now() + ms),
    uninstall: () => {
      if (db.open) loadClock(db, realNow());
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
