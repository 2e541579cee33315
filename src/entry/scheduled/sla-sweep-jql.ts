/**
 * The SLA sweep's two searches, over the indexed `supportRulesSla` property (manifest entity property `sla-record`):
 * the requests whose SLA is due a look by a given instant, and the requests with no record yet (they predate the
 * install), open or created in the last 90 days. Both keep to the projects the admin picked (`projects.keys`).
 */
import type { Config } from '../../domain/config';
import { projectClause } from '../../domain/project-scope';
import { SLA_RECORD_PROPERTY } from '../../domain/sla-record';

/**
 * The requests whose SLA record asks to be looked at by `untilMs` (an alert due, or a threshold reached).
 * @example slaDueJql(1767600000000, defaultConfig()) //=> 'issue.property[supportRulesSla].nextCheckAt <= 1767600000000 ORDER BY key ASC'
 */
export function slaDueJql(untilMs: number, config: Pick<Config, 'projects'>): string {
  return `${projectClause(config)}issue.property[${SLA_RECORD_PROPERTY}].nextCheckAt <= ${Math.floor(untilMs)} ORDER BY key ASC`;
}

/**
 * The requests without a record that matter: still open, or created in the last 90 days (reports, the what-if).
 * @example slaUnrecordedJql(defaultConfig()) //=> 'issue.property[supportRulesSla].state IS EMPTY AND (resolution = Unresolved OR created >= -90d) ORDER BY key ASC'
 */
export function slaUnrecordedJql(config: Pick<Config, 'projects'>): string {
  return `${projectClause(config)}issue.property[${SLA_RECORD_PROPERTY}].state IS EMPTY AND (resolution = Unresolved OR created >= -90d) ORDER BY key ASC`;
}
