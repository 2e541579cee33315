/**
 * Accounts and permissions: GET /rest/api/3/myself, /user, /user/bulk, /user/search, /mypermissions,
 * /group/member and /groups/picker. People search and group lists need the *Browse users and groups* global
 * permission (spec, each operation's "Permissions required"), which Jira grants with product access: agents, the
 * team lead, the offer manager, the admin and the app hold it; portal-only customers do not.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { JiraHttpError, badRequest } from '../errors';
import { PERMISSIONS, canView, isAgent } from '../permissions';
import { fullUser, userDetails } from '../users';
import { listParam, pageParams } from './params';

/**
 * Mounts the user, group and permission routes.
 * @example userRoutes(app, ctx)
 */
export function userRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const noBrowseUsers = () =>
    new JiraHttpError(403, ['You do not have the permission to browse users and groups (Browse users and groups).']);

  const groupsOf = (accountId: string) =>
    ctx.users.groupNames().filter((g) => ctx.users.groupMembers(g).some((m) => m.accountId === accountId));

  app.get('/rest/api/3/myself', async (request) => {
    const user = ctx.auth.require(request);
    return fullUser(user, ctx.baseUrl(), groupsOf(user.accountId));
  });

  app.get<{ Querystring: { accountId?: string } }>('/rest/api/3/user', async (request) => {
    const caller = ctx.auth.require(request);
    const { accountId } = request.query;
    if (!accountId) throw badRequest('The accountId query parameter is required.');
    // 403 "if the calling user does not have the Browse users and groups global permission".
    if (!isAgent(caller)) throw noBrowseUsers();
    const user = ctx.users.byId(accountId);
    if (!user) throw new JiraHttpError(404, [`Specified user does not exist or you do not have required permissions`]);
    return fullUser(user, ctx.baseUrl(), groupsOf(user.accountId));
  });

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/rest/api/3/user/bulk', async (request) => {
    ctx.auth.require(request);
    const ids = listParam(request.query.accountId);
    if (ids.length === 0) throw badRequest('At least one accountId is required.');
    const { startAt, maxResults } = pageParams(request.query, 10, 200);
    const users = ids.flatMap((id) => {
      const u = ctx.users.byId(id);
      return u ? [userDetails(u, ctx.baseUrl())] : [];
    });
    const values = users.slice(startAt, startAt + maxResults);
    return {
      self: `${ctx.baseUrl()}/rest/api/3/user/bulk`,
      maxResults,
      startAt,
      total: users.length,
      isLast: startAt + values.length >= users.length,
      values,
    };
  });

  // Jira matches the query against the start of the display name's words and of the email address.
  const matches = (query: string, ...texts: string[]) => {
    const q = fold(query);
    return texts.some(
      (text) =>
        fold(text)
          .split(/[\s@._-]+/)
          .some((word) => word.startsWith(q)) || fold(text).startsWith(q),
    );
  };

  app.get<{ Querystring: Record<string, string | undefined> }>('/rest/api/3/user/search', async (request) => {
    const caller = ctx.auth.require(request);
    const { query, accountId } = request.query;
    if (!query && !accountId) throw badRequest('One of query or accountId is required.');
    const { startAt, maxResults } = pageParams(request.query, 50, 1000);
    // "Anonymous calls or calls by users without the required permission return empty search results."
    if (!isAgent(caller)) return [];
    // A hidden email address is no way to find its owner.
    const searchable = (u: { emailAddress: string; emailVisible: boolean; accountId: string }) =>
      u.emailVisible || u.accountId === caller.accountId ? [u.emailAddress] : [];
    const found = ctx.users
      .all()
      .filter((u) => u.accountType !== 'app')
      .filter((u) => (accountId ? u.accountId === accountId : matches(query!, u.displayName, ...searchable(u))));
    return found
      .slice(startAt, startAt + maxResults)
      .map((u) => ({ ...userDetails(u, ctx.baseUrl()), locale: u.locale }));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/rest/api/3/groups/picker', async (request) => {
    const caller = ctx.auth.require(request);
    const query = request.query.query ?? '';
    if (caller.role === 'anonymous') return { header: 'Showing 0 of 0 matching groups', total: 0, groups: [] };
    const maxResults = Math.max(1, Math.min(Number(request.query.maxResults) || 20, 1000));
    // Without Browse users and groups, "calls where query is not an exact match to an existing group will return
    // an empty list".
    const found = ctx.users
      .groupNames()
      .filter((name) => (isAgent(caller) ? query === '' || fold(name).includes(fold(query)) : name === query));
    const shown = found.slice(0, maxResults);
    return {
      header: `Showing ${shown.length} of ${found.length} matching groups`,
      total: found.length,
      groups: shown.map((name) => ({ name, html: name, groupId: `sandbox-group-${name}`, labels: [] })),
    };
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/rest/api/3/user/assignable/search',
    async (request) => {
      const user = ctx.auth.require(request);
      const { issueKey, project } = request.query;
      if (!issueKey && !project) throw badRequest('One of issueKey, issueId or project is required.');
      if (issueKey) {
        const issue = ctx.issues.find(issueKey);
        if (!issue || !canView(user, issue))
          throw new JiraHttpError(404, ['Issue does not exist or you do not have permission to see it.']);
      }
      // Browse users and groups or Assign issues: a portal-only customer holds neither (the spec gives no 403:
      // an empty list, as the other people searches answer).
      if (!isAgent(user)) return [];
      const { startAt, maxResults } = pageParams(request.query, 50, 1000);
      // In a service project, the assignable people are its agents (licensed accounts working the queue).
      const agents = ctx.users
        .all()
        .filter((u) => u.role === 'agent' || u.role === 'team-lead' || u.role === 'offer-manager');
      return agents
        .slice(startAt, startAt + maxResults)
        .map((u) => ({ ...userDetails(u, ctx.baseUrl()), locale: u.locale }));
    },
  );

  app.get<{ Querystring: { permissions?: string; issueKey?: string; issueId?: string; projectKey?: string } }>(
    '/rest/api/3/mypermissions',
    async (request) => {
      const user = ctx.auth.require(request);
      const keys = listParam(request.query.permissions);
      if (keys.length === 0) throw badRequest('The permissions query parameter is required.');
      const unknown = keys.filter((k) => !PERMISSIONS[k]);
      if (unknown.length)
        throw new JiraHttpError(404, [`No project permissions found for the keys: ${unknown.join(', ')}.`]);
      const issueRef = request.query.issueKey ?? request.query.issueId;
      let visible = true;
      if (issueRef !== undefined) {
        const issue = ctx.issues.find(issueRef);
        if (!issue) throw new JiraHttpError(404, ['Issue does not exist or you do not have permission to see it.']);
        visible = canView(user, issue);
      }
      const permissions: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        const p = PERMISSIONS[key]!;
        permissions[key] = {
          id: String(i + 1),
          key,
          name: p.name,
          type: p.type,
          description: p.name,
          havePermission: p.holds(user, visible),
        };
      });
      return { permissions };
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>('/rest/api/3/group/member', async (request) => {
    const caller = ctx.auth.require(request);
    const name = request.query.groupname;
    if (!name) throw badRequest('You must specify a group name or a group id.');
    if (!isAgent(caller)) throw noBrowseUsers();
    const members = ctx.users.groupMembers(name);
    if (members.length === 0) throw new JiraHttpError(404, [`Group '${name}' does not exist.`]);
    const { startAt, maxResults } = pageParams(request.query, 50, 50);
    const values = members.slice(startAt, startAt + maxResults).map((u) => userDetails(u, ctx.baseUrl()));
    return {
      self: `${ctx.baseUrl()}/rest/api/3/group/member?groupname=${encodeURIComponent(name)}&startAt=${startAt}&maxResults=${maxResults}`,
      maxResults,
      startAt,
      total: members.length,
      isLast: startAt + values.length >= members.length,
      values,
    };
  });
}

/** Case- and accent-insensitive form of a text, for matching. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
