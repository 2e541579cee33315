/**
 * The sweep's two searches, over the indexed `supportRulesState` property (manifest entity property
 * `request-state`): the waiting requests whose next reminder or close is due, and the waiting requests that have
 * no clock yet (they predate the install).
 */
import type { Config } from '../../domain/config';
import { projectClause } from '../../domain/project-scope';
import { STATE_PROPERTY } from '../../domain/reminders';

const NO_PROJECT_LIMIT: Pick<Config, 'projects'> = { projects: { keys: [] } };

/**
 * The waiting requests due at `nowMs`, in the picked projects when the admin picked some.
 * @example dueJql(1767600000000) //=> 'issue.property[supportRulesState].waiting = "yes" AND issue.property[supportRulesState].nextDueAt <= 1767600000000 ORDER BY key ASC'
 */
export function dueJql(nowMs: number, config: Pick<Config, 'projects'> = NO_PROJECT_LIMIT): string {
  return `${projectClause(config)}issue.property[${STATE_PROPERTY}].waiting = "yes" AND issue.property[${STATE_PROPERTY}].nextDueAt <= ${Math.floor(nowMs)} ORDER BY key ASC`;
}

/**
 * The requests in a waiting-for-customer status (by status id) that have no clock; null when no status maps there.
 * @example unclockedJql(['10003']) //=> 'status in (10003) AND issue.property[supportRulesState].waiting IS EMPTY ORDER BY key ASC'
 */
export function unclockedJql(
  statusIds: readonly string[],
  config: Pick<Config, 'projects'> = NO_PROJECT_LIMIT,
): string | null {
  const ids = statusIds.filter((id) => /^\d+$/.test(id));
  if (ids.length === 0) return null;
  return `${projectClause(config)}status in (${ids.join(', ')}) AND issue.property[${STATE_PROPERTY}].waiting IS EMPTY ORDER BY key ASC`;
}
