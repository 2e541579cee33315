/**
 * Actions that kept failing after every retry are kept here, never dropped, for an admin to see and replay.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { Action } from '../domain/actions';
import { ledgerKey } from './ledger';

export interface DeadLetter {
  action: Action;
  error: string;
  attempts: number;
  at: string;
  /** An email whose answer was lost: it may have been sent; it is never sent again automatically. */
  unconfirmed?: true;
}

/**
 * Records an action that could not be done.
 * @example await keepDeadLetter({ action, error: '503', attempts: 12, at: '2026-11-28T10:00:00Z' })
 */
export async function keepDeadLetter(letter: DeadLetter): Promise<void> {
  await kvs.set(`dead:${ledgerKey(letter.action.key).slice('ledger:'.length)}`, letter);
}

/**
 * Lists the recorded dead letters (at most `limit`).
 * @example (await listDeadLetters()).length //=> 0
 */
export async function listDeadLetters(limit = 100): Promise<DeadLetter[]> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith('dead:')).limit(limit).getMany<DeadLetter>();
  return page.results.map((r) => r.value);
}
