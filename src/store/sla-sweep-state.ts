/**
 * The SLA sweep's state, in one kvs key read once per run (it runs every five minutes): where an interrupted sweep
 * stopped (the instant it sweeps for and the next search page), and when its last backfill of requests without an
 * SLA record completed. Written only when it changes.
 */
import { kvs } from '@forge/kvs';
import type { SweepCursor } from './sweep-cursor';

export interface SlaSweepState {
  cursor: SweepCursor | null;
  /** When the last backfill completed (epoch ms), 0 before the first. */
  lastBackfillAt: number;
}

const KEY = 'sla-sweep:state';

/**
 * The state as the last run left it.
 * @example await loadSlaSweepState() //=> { cursor: null, lastBackfillAt: 0 } on a fresh install
 */
export async function loadSlaSweepState(): Promise<SlaSweepState> {
  const stored = await kvs.get<SlaSweepState>(KEY);
  return { cursor: stored?.cursor ?? null, lastBackfillAt: stored?.lastBackfillAt ?? 0 };
}

/**
 * Saves the state when it differs from `previous`.
 * @example await saveSlaSweepState(next, previous)
 */
export async function saveSlaSweepState(next: SlaSweepState, previous: SlaSweepState): Promise<void> {
  if (JSON.stringify(next) !== JSON.stringify(previous)) await kvs.set(KEY, next);
}
