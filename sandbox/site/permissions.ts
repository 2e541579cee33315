/**
 * JSM's permissions, as the site enforces them: agents (and the team lead, the offer manager, the admin and
 * the app) work on every issue of every project; a customer sees and comments on the requests of service
 * projects that they reported, take part in, or that are shared with their organization, never sees internal
 * notes nor any issue of a software project, and moves a request only through the customer transitions; only
 * admins administer.
 */
import { PROJECTS } from './catalog';
import type { SiteUser } from './users';

/** The keys of the service projects, where customers may have requests. */
export const SERVICE_PROJECT_KEYS: readonly string[] = PROJECTS.filter((p) => p.projectTypeKey === 'service_desk').map(
  (p) => p.key,
);

/** The part of an issue that decides who may see it. */
export interface IssueAudience {
  projectKey: string;
  reporterId: string;
  organizationId: number | null;
  participantIds: readonly string[];
}

/**
 * True for the accounts that hold a JSM agent licence (and the app, which acts with its own grants).
 * @example isAgent({ role: 'team-lead' }) //=> true
 */
export function isAgent(user: Pick<SiteUser, 'role'>): boolean {
  return user.role !== 'customer' && user.role !== 'anonymous';
}

/**
 * True when the user administers Jira.
 * @example isAdmin({ role: 'agent' }) //=> false
 */
export function isAdmin(user: Pick<SiteUser, 'role'>): boolean {
  return user.role === 'admin';
}

/**
 * True when the user may see the issue (and so comment publicly on it).
 * @example canView(customer, { projectKey: 'SUP', reporterId: customer.accountId, organizationId: null, participantIds: [] }) //=> true
 */
export function canView(user: SiteUser, issue: IssueAudience): boolean {
  if (isAgent(user)) return true;
  if (user.role === 'anonymous') return false;
  if (!SERVICE_PROJECT_KEYS.includes(issue.projectKey)) return false;
  return (
    issue.reporterId === user.accountId ||
    issue.participantIds.includes(user.accountId) ||
    (user.organizationId !== null && issue.organizationId === user.organizationId)
  );
}

/**
 * The SQL condition (on `issues` aliased `i`) that keeps the issues a user may see, with its parameters.
 * @example visibilityFilter(agent) //=> { sql: '1', params: [] }
 */
export function visibilityFilter(
  user: SiteUser,
  participantsTable = 'participants',
): { sql: string; params: unknown[] } {
  if (isAgent(user)) return { sql: '1', params: [] };
  if (user.role === 'anonymous') return { sql: '0', params: [] };
  return {
    sql: `(i.project_key IN (${SERVICE_PROJECT_KEYS.map(() => '?').join(', ')}) AND (i.reporter_id = ? OR (i.organization_id IS NOT NULL AND i.organization_id = ?) OR EXISTS (SELECT 1 FROM ${participantsTable} p WHERE p.issue_id = i.id AND p.account_id = ?)))`,
    params: [...SERVICE_PROJECT_KEYS, user.accountId, user.organizationId ?? -1, user.accountId],
  };
}

/** The project permissions GET /rest/api/3/mypermissions knows, with whether a user holds each. */
export const PERMISSIONS: Record<
  string,
  { name: string; type: 'GLOBAL' | 'PROJECT'; holds: (user: SiteUser, visible: boolean) => boolean }
> = {
  ADMINISTER: { name: 'Administer Jira', type: 'GLOBAL', holds: (u) => isAdmin(u) },
  ADMINISTER_PROJECTS: { name: 'Administer Projects', type: 'PROJECT', holds: (u) => isAdmin(u) },
  BROWSE_PROJECTS: { name: 'Browse Projects', type: 'PROJECT', holds: (_u, visible) => visible },
  CREATE_ISSUES: { name: 'Create Issues', type: 'PROJECT', holds: (u) => u.role !== 'anonymous' },
  ADD_COMMENTS: { name: 'Add Comments', type: 'PROJECT', holds: (_u, visible) => visible },
  EDIT_ISSUES: { name: 'Edit Issues', type: 'PROJECT', holds: (u) => isAgent(u) },
  TRANSITION_ISSUES: { name: 'Transition Issues', type: 'PROJECT', holds: (u) => isAgent(u) },
  RESOLVE_ISSUES: { name: 'Resolve Issues', type: 'PROJECT', holds: (u) => isAgent(u) },
  CLOSE_ISSUES: { name: 'Close Issues', type: 'PROJECT', holds: (u) => isAgent(u) },
  SERVICEDESK_AGENT: { name: 'Service Project Agent', type: 'PROJECT', holds: (u) => isAgent(u) },
};
