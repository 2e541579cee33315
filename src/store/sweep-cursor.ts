/**
 * Where the reminder sweep stopped: the instant it sweeps for and the next search page, so an invocation that runs
 * short of time leaves the rest of a large backlog to the next one; and when the last backfill of requests without
 * a clock ran.
 */
import { kvs } from '@forge/kvs';

export interface SweepCursor {
  /** The instant the interrupted sweep searched for (epoch ms): the JQL, and its page token, depend on it. */
  sweptAt: number;
  phase: 'due' | 'backfill';
  nextPageToken: string | null;
}

const CURSOR_KEY = 'sweep:cursor';
const BACKFILL_KEY = 'sweep:last-backfill';

/**
 * The interrupted sweep, or undefined when the last one finished.
 * @example await loadSweepCursor() //=> { sweptAt: 1767600000000, phase: 'due', nextPageToken: 'MTAw' }
 */
export async function loadSweepCursor(): Promise<SweepCursor | undefined> {
  return kvs.get<SweepCursor>(CURSOR_KEY);
}

/**
 * Records where the sweep stopped (undefined: it finished).
 * @example await saveSweepCursor({ sweptAt, phase: 'due', nextPageToken: 'MTAw' })
 */
export async function saveSweepCursor(cursor: SweepCursor | undefined): Promise<void> {
  if (cursor) await kvs.set(CURSOR_KEY, cursor);
  else await kvs.delete(CURSOR_KEY);
}

/**
 * When the backfill of requests without a clock last completed (epoch ms), or 0.
 * @example await lastBackfillAt() //=> 0
 */
export async function lastBackfillAt(): Promise<number> {
  return (await kvs.get<number>(BACKFILL_KEY)) ?? 0;
}

/**
 * Records a completed backfill.
 * @example await recordBackfill(Date.now())
 */
export async function recordBackfill(atMs: number): Promise<void> {
  await kvs.set(BACKFILL_KEY, atMs);
}
