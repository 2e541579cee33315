/**
 * Faults on demand for the reliability tests: a given fraction of the app's REST calls answer 429 (with
 * Retry-After: 1), 500, or hang until a timeout, before anything is written; a fraction of the app's writes
 * commit and then lose their answer (see forge-fetch.ts); and a fraction of product events is delivered twice.
 * Deterministic: the same seed gives the same faults in the same order.
 */

export type Fault = 'rate-limited' | 'server-error' | 'timeout' | 'lost-response';

const FAULTS: readonly Fault[] = ['rate-limited', 'server-error', 'timeout'];

/**
 * A seeded pseudo-random generator (mulberry32): numbers in [0, 1).
 * @example const next = seededRandom(42); next() === seededRandom(42)() //=> true
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultPlan {
  /** The fault for the next REST call, if it gets one. */
  nextCallFault(): Fault | undefined;
  /** True when the next product event is to be delivered twice. */
  nextEventDuplicated(): boolean;
  /** True when the next write that commits is to lose its answer. */
  nextWriteLost(): boolean;
}

/**
 * The fault plan for a run: `faults` and `duplicateEvents` are fractions in [0, 1].
 * @example planFaults({ faults: 1, seed: 7 }).nextCallFault() //=> 'server-error' (one of the three, always the same for seed 7)
 */
export function planFaults(opts: {
  faults?: number;
  duplicateEvents?: number;
  lostResponses?: number;
  seed?: number;
}): FaultPlan {
  const faults = clampFraction(opts.faults ?? 0, 'faults');
  const duplicates = clampFraction(opts.duplicateEvents ?? 0, 'duplicate-events');
  const lost = clampFraction(opts.lostResponses ?? 0, 'lost-responses');
  const random = seededRandom(opts.seed ?? 1);
  const events = seededRandom((opts.seed ?? 1) ^ 0x5eed);
  const writes = seededRandom((opts.seed ?? 1) ^ 0x1057);
  return {
    nextCallFault: () => {
      if (faults === 0 || random() >= faults) return undefined;
      return FAULTS[Math.floor(random() * FAULTS.length)];
    },
    nextEventDuplicated: () => duplicates > 0 && events() < duplicates,
    nextWriteLost: () => lost > 0 && writes() < lost,
  };
}

function clampFraction(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new RangeError(`--${name} must be a fraction between 0 and 1, not ${value}`);
  return value;
}
