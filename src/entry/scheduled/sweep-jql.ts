/**
 * The sweep's two searches, over the indexed `supportRulesState` property (manifest entity property
 * `request-state`): the waiting requests whose next reminder or close is due, and the waiting requests that have
 * no clock yet (they predate the install).
 */
import { STATE_PROPERTY } from '../../domain/reminders';

/**
 * The waiting requests due at `nowMs`.
 * @example dueJql(1767600000000) //=> 'issue.property[supportRulesState].waiting = "yes" AND issue.property[supportRulesState].nextDueAt <= 1767600000000 ORDER BY key ASC'
 */
export function dueJql(nowMs: number): string {
  return `issue.property[${STATE_PROPERTY}].waiting = "yes" AND issue.property[${STATE_PROPERTY}].nextDueAt <= ${Math.floor(nowMs)} ORDER BY key ASC`;
}

/**
 * The requests in a waiting-for-customer status (by status id) that have no clock; null when no status maps there.
 * @example unclockedJql(['10003']) //=> 'status in (10003) AND issue.property[supportRulesState].waiting IS EMPTY ORDER BY key ASC'
 */
export function unclockedJql(statusIds: readonly string[]): string | null {
  const ids = statusIds.filter((id) => /^\d+$/.test(id));
  if (ids.length === 0) return null;
  return `status in (${ids.join(', ')}) AND issue.property[${STATE_PROPERTY}].waiting IS EMPTY ORDER BY key ASC`;
}
