/**
 * What failed after every retry is kept here, never dropped, for an admin to see and retry on the admin page:
 * an action (`dead:<action key>`) or a whole product event whose request could not be loaded
 * (`dead-event:<request>:<trigger>:<time>`).
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { Action } from '../domain/actions';
import type { TriggerKind } from '../entry/triggers/parse-event';
import { ledgerKey } from './ledger';

export interface DeadLetter {
  action: Action;
  error: string;
  attempts: number;
  at: string;
  /** An email whose answer was lost: it may have been sent; it is never sent again automatically. */
  unconfirmed?: true;
}

export interface DeadEvent {
  trigger: TriggerKind;
  issueKey: string;
  payload: unknown;
  error: string;
  attempts: number;
  at: string;
}

/** A kept letter and its storage key (its id on the admin page). */
export type StoredDeadLetter = { id: string } & (
  { kind: 'action'; letter: DeadLetter } | { kind: 'event'; letter: DeadEvent }
);

const ACTION_PREFIX = 'dead:';
const EVENT_PREFIX = 'dead-event:';

/**
 * Records an action that could not be done (a later failure of the same action replaces it).
 * @example await keepDeadLetter({ action, error: '503', attempts: 12, at: '2026-11-28T10:00:00Z' })
 */
export async function keepDeadLetter(letter: DeadLetter): Promise<void> {
  await kvs.set(ACTION_PREFIX + ledgerKey(letter.action.key).slice('ledger:'.length), letter);
}

/**
 * Records an event given up.
 * @example await keepDeadEvent({ trigger: 'updated', issueKey: 'SUP-1', payload, error: '503', attempts: 15, at: '2026-11-28T10:00:00Z' })
 */
export async function keepDeadEvent(dead: DeadEvent): Promise<void> {
  await kvs.set(`${EVENT_PREFIX}${dead.issueKey}:${dead.trigger}:${dead.at.replace(/[^0-9]/g, '')}`, dead);
}

function stored(id: string, value: unknown): StoredDeadLetter | null {
  if (!value || typeof value !== 'object') return null;
  if (id.startsWith(ACTION_PREFIX)) return { id, kind: 'action', letter: value as DeadLetter };
  if (id.startsWith(EVENT_PREFIX)) return { id, kind: 'event', letter: value as DeadEvent };
  return null;
}

/**
 * The kept letters, actions and events, by key, and whether more are kept than `limit`.
 * @example (await listDeadLetters(50)).letters.length //=> 0
 */
export async function listDeadLetters(limit: number): Promise<{ letters: StoredDeadLetter[]; more: boolean }> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith('dead')).limit(limit).getMany<unknown>();
  const letters = page.results.map((r) => stored(r.key, r.value)).filter((l): l is StoredDeadLetter => l !== null);
  return { letters, more: page.nextCursor !== undefined };
}

/**
 * One kept letter, or null when there is none under that id.
 * @example await readDeadLetter('dead:SUP-7:autoclose:1767225600000:transition') //=> { kind: 'action', ... }
 */
export async function readDeadLetter(id: string): Promise<StoredDeadLetter | null> {
  if (!id.startsWith(ACTION_PREFIX) && !id.startsWith(EVENT_PREFIX)) return null;
  return stored(id, await kvs.get<unknown>(id));
}

/**
 * Forgets a kept letter (it is being retried: a new failure keeps it again).
 * @example await deleteDeadLetter('dead-event:SUP-1:updated:20261128100000000')
 */
export async function deleteDeadLetter(id: string): Promise<void> {
  await kvs.delete(id);
}
