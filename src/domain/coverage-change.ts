/**
 * A change of coverage between the configuration in force and a draft: which organizations' contracts (or everyone
 * else's) move between business hours and 24/7, and the JQL of the requests whose SLA that moves. Running and paused
 * SLAs are measured again when the change is saved; stopped ones keep their measure unless recomputed. Pure.
 */
import type { Config } from './config';
import type { Coverage } from './contract';
import { projectClause } from './project-scope';
import { SLA_RECORD_PROPERTY } from './sla-record';

/** One contract whose coverage changes: an organization (as the configuration names it), or null for everyone else. */
export interface CoverageChange {
  organization: string | null;
  from: Coverage;
  to: Coverage;
}

/**
 * The organizations whose coverage a draft changes (a row added, removed or switched, or the default moved under
 * it), then everyone else's if the default changes.
 * @example coverageChanges({ default: 'business_hours', byOrganization: {} }, { default: 'business_hours', byOrganization: { Globex: '24x7' } })
 * //=> [{ organization: 'Globex', from: 'business_hours', to: '24x7' }]
 */
export function coverageChanges(before: Config['coverage'], after: Config['coverage']): CoverageChange[] {
  const of = (c: Config['coverage'], org: string) =>
    Object.hasOwn(c.byOrganization, org) ? c.byOrganization[org]! : c.default;
  const orgs = [...new Set([...Object.keys(before.byOrganization), ...Object.keys(after.byOrganization)])];
  const changes: CoverageChange[] = orgs
    .map((organization) => ({ organization, from: of(before, organization), to: of(after, organization) }))
    .filter((c) => c.from !== c.to);
  if (before.default !== after.default) changes.push({ organization: null, from: before.default, to: after.default });
  return changes;
}

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The JQL of the requests whose SLA a change moves, in the projects the rules apply to: those shared with the
 * organization (for everyone else: with none of the organizations the draft lists) whose SLA record was measured in
 * the other calendar; `open` keeps the running and paused SLAs, `stopped` the stopped ones.
 * @example coverageChangeJql({ organization: 'Globex', from: 'business_hours', to: '24x7' }, draft, 'open')
 * //=> 'organizations = "Globex" AND issue.property[supportRulesSla].coverage != "24x7" AND issue.property[supportRulesSla].state IN ("running", "paused")'
 */
export function coverageChangeJql(
  change: CoverageChange,
  draft: Pick<Config, 'projects' | 'coverage'>,
  which: 'open' | 'stopped',
): string {
  const listed = Object.keys(draft.coverage.byOrganization);
  const whose =
    change.organization !== null
      ? `organizations = ${quoted(change.organization)}`
      : listed.length === 0
        ? null
        : `(organizations IS EMPTY OR organizations NOT IN (${listed.map(quoted).join(', ')}))`;
  const record = `issue.property[${SLA_RECORD_PROPERTY}]`;
  const state = which === 'open' ? `${record}.state IN ("running", "paused")` : `${record}.state = "stopped"`;
  return `${projectClause(draft)}${whose ? `${whose} AND ` : ''}${record}.coverage != ${quoted(change.to)} AND ${state}`;
}
