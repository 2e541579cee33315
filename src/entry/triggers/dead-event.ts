/**
 * A product event that could not be handled after every retry is kept in @forge/kvs, never dropped, beside the
 * dead actions (src/store/dead-letters.ts), for an admin to see.
 */
import { kvs } from '@forge/kvs';
import type { TriggerKind } from './parse-event';

export interface DeadEvent {
  trigger: TriggerKind;
  issueKey: string;
  payload: unknown;
  error: string;
  attempts: number;
  at: string;
}

/**
 * Records an event given up.
 * @example await keepDeadLetterEvent({ trigger: 'updated', issueKey: 'SUP-1', payload, error: '503', attempts: 15, at: '2026-11-28T10:00:00Z' })
 */
export async function keepDeadLetterEvent(dead: DeadEvent): Promise<void> {
  await kvs.set(`dead-event:${dead.issueKey}:${dead.trigger}:${dead.at.replace(/[^0-9]/g, '')}`, dead);
}
