/**
 * The SLA sweep's two searches, over the indexed `supportRulesSla` property (manifest entity property `sla-record`):
 * the requests whose SLA is due a look by a given instant, and the requests with no record yet (they predate the
 * install), open or created in the last 90 days.
 */
import { SLA_RECORD_PROPERTY } from '../../domain/sla-record';

/**
 * The requests whose SLA record asks to be looked at by `untilMs` (an alert due, or a threshold reached).
 * @example slaDueJql(1767600000000) //=> 'issue.property[supportRulesSla].nextCheckAt <= 1767600000000 ORDER BY key ASC'
 */
export function slaDueJql(untilMs: number): string {
  return `issue.property[${SLA_RECORD_PROPERTY}].nextCheckAt <= ${Math.floor(untilMs)} ORDER BY key ASC`;
}

/**
 * The requests without a record that matter: still open, or created in the last 90 days (reports, the what-if).
 * @example slaUnrecordedJql() //=> 'issue.property[supportRulesSla].state IS EMPTY AND (resolution = Unresolved OR created >= -90d) ORDER BY key ASC'
 */
export function slaUnrecordedJql(): string {
  return `issue.property[${SLA_RECORD_PROPERTY}].state IS EMPTY AND (resolution = Unresolved OR created >= -90d) ORDER BY key ASC`;
}
