/**
 * A comment's `visibility` (Atlassian's OpenAPI spec, Comment.visibility: "The group or role to which this comment
 * is visible. Optional on create and update"; Visibility: `type` group or role, `value` its name, `identifier` the
 * group's id or the role's name): set on create by a member of that role or group, and then only its members see
 * the comment. The sandbox's project roles: Administrators (the admin) in every project; Service Desk Team (the
 * agents, the team lead, the offer manager, the admin) in the service projects; Developers (the agents, the team
 * lead, the admin) in DEV. The app's account holds every role (as atlassian-addons-project-access gives an app).
 */
import { projectByKey } from './catalog';
import { badRequest } from './errors';
import type { SiteUser, UserDirectory } from './users';

export interface CommentVisibility {
  type: 'role' | 'group';
  value: string;
}

const ADMINS = ['admin'];
const ROLES: Record<'service_desk' | 'software', Record<string, readonly string[]>> = {
  service_desk: { Administrators: ADMINS, 'Service Desk Team': ['agent', 'team-lead', 'offer-manager', 'admin'] },
  software: { Administrators: ADMINS, Developers: ['agent', 'team-lead', 'admin'] },
};

/**
 * The project roles of a project: name → the site roles of its members.
 * @example Object.keys(projectRoles('SUP')) //=> ['Administrators', 'Service Desk Team']
 */
export function projectRoles(projectKey: string): Record<string, readonly string[]> {
  return ROLES[projectByKey(projectKey).projectTypeKey];
}

/** The group id the sandbox gives a group (GET /rest/api/3/groups/picker's `groupId`). */
export const groupId = (name: string) => `sandbox-group-${name}`;

/**
 * True when the user is a member of the role or group a comment is restricted to.
 * @example isMember(agent, { type: 'role', value: 'Service Desk Team' }, 'SUP', users) //=> true
 */
export function isMember(
  user: SiteUser,
  visibility: CommentVisibility,
  projectKey: string,
  users: UserDirectory,
): boolean {
  if (user.role === 'app') return true;
  if (visibility.type === 'role') {
    const role = Object.entries(projectRoles(projectKey)).find(
      ([name]) => name.toLowerCase() === visibility.value.toLowerCase(),
    );
    return !!role && role[1].includes(user.role);
  }
  return users.groupMembers(visibility.value).some((m) => m.accountId === user.accountId);
}

/**
 * The visibility of a new comment, checked as Jira checks it: a role of the project or an existing group,
 * named by `value` (or a group by `identifier`), of which the author is a member; otherwise a 400 (`commentLevel`).
 * @example parseVisibility({ type: 'role', value: 'Service Desk Team' }, agent, 'SUP', users) //=> { type: 'role', value: 'Service Desk Team' }
 */
export function parseVisibility(
  raw: unknown,
  author: SiteUser,
  projectKey: string,
  users: UserDirectory,
): CommentVisibility | null {
  if (raw === undefined || raw === null) return null;
  const { type, value, identifier } = (typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (type !== 'role' && type !== 'group')
    throw badRequest('', { commentLevel: 'The visibility type must be "role" or "group".' });
  if (type === 'role') {
    const name = typeof value === 'string' ? value : typeof identifier === 'string' ? identifier : '';
    const role = Object.keys(projectRoles(projectKey)).find((r) => r.toLowerCase() === name.toLowerCase());
    if (!role) throw badRequest('', { commentLevel: `Project role '${name}' does not exist in this project.` });
    const visibility: CommentVisibility = { type, value: role };
    if (!isMember(author, visibility, projectKey, users))
      throw badRequest('', { commentLevel: `You are currently not a member of the project role: ${role}.` });
    return visibility;
  }
  const group = users
    .groupNames()
    .find((g) => (typeof identifier === 'string' ? groupId(g) === identifier : g === value));
  if (!group) throw badRequest('', { commentLevel: `Group: ${String(value ?? identifier)} does not exist.` });
  const visibility: CommentVisibility = { type, value: group };
  if (!isMember(author, visibility, projectKey, users))
    throw badRequest('', { commentLevel: `You are currently not a member of the group: ${group}.` });
  return visibility;
}

/**
 * The spec's Visibility JSON of a restriction.
 * @example visibilityJson({ type: 'group', value: 'support-team' }) //=> { type: 'group', value: 'support-team', identifier: 'sandbox-group-support-team' }
 */
export function visibilityJson(visibility: CommentVisibility): Record<string, string> {
  return {
    type: visibility.type,
    value: visibility.value,
    identifier: visibility.type === 'group' ? groupId(visibility.value) : visibility.value,
  };
}
