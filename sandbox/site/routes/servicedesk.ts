/**
 * JSM's REST API (/rest/servicedeskapi): service desks, organizations, customer requests (create, read, list),
 * request comments (plain text, `public` or internal) and customer transitions (the reopen).
 * Shapes follow the JSM Cloud REST docs (CustomerRequestDTO, CommentDTO, PagedDTO, DateDTO, CustomerTransitionDTO).
 */
import type { FastifyInstance } from 'fastify';
import { PROJECTS, findServiceDesk, projectByKey, statusById } from '../catalog';
import type { SiteContext } from '../context';
import { badRequest, forbidden, JiraHttpError } from '../errors';
import { adfToText, jiraDate, textToAdf } from '../format';
import type { CommentRecord, IssueRecord } from '../issue-store';
import type { SiteOperations } from '../operations';
import { SERVICE_PROJECT_KEYS, isAgent, visibilityFilter } from '../permissions';
import type { SiteUser } from '../users';
import { pageParams } from './params';

/** A comment the customer sees: neither an internal note nor restricted to a role or group. */
const isPublicComment = (c: CommentRecord) => !c.internal && !c.visibility;

/**
 * JSM's DateDTO.
 * @example dateDto(0).epochMillis //=> 0
 */
export function dateDto(ms: number): Record<string, unknown> {
  const iso = jiraDate(ms);
  return { iso8601: iso.replace(/\.\d{3}/, ''), jira: iso, friendly: new Date(ms).toUTCString(), epochMillis: ms };
}

/**
 * JSM's PagedDTO around a full list.
 * @example paged([1, 2, 3], 1, 1, base, '/rest/servicedeskapi/organization').values //=> [2]
 */
export function paged<T>(all: T[], start: number, limit: number, base: string, path: string): Record<string, unknown> {
  const values = all.slice(start, start + limit);
  const isLastPage = start + values.length >= all.length;
  return {
    size: values.length,
    start,
    limit,
    isLastPage,
    values,
    _links: {
      base,
      context: '',
      self: `${base}${path}?start=${start}&limit=${limit}`,
      ...(isLastPage ? {} : { next: `${base}${path}?start=${start + limit}&limit=${limit}` }),
      ...(start > 0 ? { prev: `${base}${path}?start=${Math.max(0, start - limit)}&limit=${limit}` } : {}),
    },
  };
}

/**
 * Mounts the JSM routes (/rest/servicedeskapi).
 * @example serviceDeskRoutes(app, ctx, ops)
 */
export function serviceDeskRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  const base = () => ctx.baseUrl();
  const page = (query: Record<string, unknown>) => {
    const { startAt, maxResults } = pageParams(query, 50, 100, { start: 'start', max: 'limit' });
    return { start: startAt, limit: maxResults };
  };

  const person = (accountId: string) => {
    const u = ctx.users.byId(accountId);
    return {
      accountId,
      emailAddress: u?.emailAddress,
      displayName: u?.displayName ?? 'Former user',
      active: !!u,
      timeZone: u?.timeZone,
      _links: {
        jiraRest: `${base()}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}`,
        self: `${base()}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}`,
      },
    };
  };

  /** A request of a service project the user may see; a 404 otherwise (a software issue is no request). */
  const visibleRequest = (user: SiteUser, idOrKey: string): IssueRecord => {
    const issue = ops.visibleIssue(user, idOrKey);
    if (!projectByKey(issue.projectKey).serviceDesk)
      throw new JiraHttpError(404, [`Request ${idOrKey} does not exist.`]);
    return issue;
  };

  const requestJson = (issue: IssueRecord) => {
    const status = statusById(issue.statusId)!;
    const desk = projectByKey(issue.projectKey).serviceDesk!;
    const lastStatusChange =
      ctx.issues
        .changelog(issue.id)
        .filter((h) => h.items.some((i) => i.field === 'status'))
        .pop()?.created ?? issue.created;
    return {
      _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
      issueId: String(issue.id),
      issueKey: issue.key,
      requestTypeId: desk.requestType.id,
      serviceDeskId: desk.id,
      createdDate: dateDto(issue.created),
      reporter: person(issue.reporterId),
      requestFieldValues: [
        { fieldId: 'summary', label: 'Résumé', value: issue.summary },
        { fieldId: 'description', label: 'Description', value: adfToText(issue.description) },
      ],
      currentStatus: {
        status: status.name,
        statusCategory:
          status.category.key === 'new' ? 'NEW' : status.category.key === 'done' ? 'DONE' : 'INDETERMINATE',
        statusDate: dateDto(lastStatusChange),
      },
      _links: {
        jiraRest: `${base()}/rest/api/2/issue/${issue.id}`,
        web: `${base()}/portal/${issue.key}`,
        agent: `${base()}/browse/${issue.key}`,
        self: `${base()}/rest/servicedeskapi/request/${issue.id}`,
      },
    };
  };

  const commentJson = (c: CommentRecord) => ({
    id: String(c.id),
    body: adfToText(c.body),
    public: isPublicComment(c),
    author: person(c.authorId),
    created: dateDto(c.created),
    _links: { self: `${base()}/rest/servicedeskapi/request/${c.issueId}/comment/${c.id}` },
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/rest/servicedeskapi/servicedesk', async (request) => {
    ctx.auth.require(request);
    const { start, limit } = page(request.query);
    return paged(
      PROJECTS.flatMap((p) =>
        p.serviceDesk
          ? [
              {
                id: p.serviceDesk.id,
                projectId: p.id,
                projectName: p.name,
                projectKey: p.key,
                _links: { self: `${base()}/rest/servicedeskapi/servicedesk/${p.serviceDesk.id}` },
              },
            ]
          : [],
      ),
      start,
      limit,
      base(),
      '/rest/servicedeskapi/servicedesk',
    );
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/rest/servicedeskapi/organization', async (request) => {
    const user = ctx.auth.require(request);
    const { start, limit } = page(request.query);
    const rows = ctx.db
      .prepare<[], { id: number; name: string }>('SELECT id, name FROM organizations ORDER BY id')
      .all();
    // JSM's reference: "to fetch organizations based on accountId the user must have a Service Desk agent license";
    // "If the user is a customer, only those organizations of which the customer is a member are listed."
    const accountId = request.query.accountId;
    if (accountId !== undefined && !isAgent(user))
      throw forbidden('Only agents may list the organizations of another user.');
    const member = accountId === undefined ? undefined : ctx.users.byId(accountId);
    if (accountId !== undefined && !member) throw new JiraHttpError(404, [`No user ${accountId}`]);
    const visible = member
      ? rows.filter((o) => o.id === member.organizationId)
      : isAgent(user)
        ? rows
        : rows.filter((o) => o.id === user.organizationId);
    const orgs = visible.map((o) => ({
      id: String(o.id),
      name: o.name,
      _links: { self: `${base()}/rest/servicedeskapi/organization/${o.id}` },
    }));
    return paged(orgs, start, limit, base(), '/rest/servicedeskapi/organization');
  });

  app.post<{
    Body: {
      serviceDeskId?: unknown;
      requestTypeId?: unknown;
      requestFieldValues?: { summary?: unknown; description?: unknown; priority?: { id?: unknown } };
      raiseOnBehalfOf?: unknown;
    };
  }>('/rest/servicedeskapi/request', async (request, reply) => {
    const user = ctx.auth.require(request);
    const body = request.body ?? {};
    const project = findServiceDesk(String(body.serviceDeskId));
    if (!project?.serviceDesk) throw badRequest(`The service desk '${String(body.serviceDeskId)}' does not exist.`);
    if (String(body.requestTypeId) !== project.serviceDesk.requestType.id)
      throw badRequest(`The request type '${String(body.requestTypeId)}' does not exist in this service desk.`);
    const fields = body.requestFieldValues ?? {};
    if (typeof fields.summary !== 'string' || !fields.summary.trim())
      throw badRequest('', { summary: 'Summary is required.' });
    let reporter: SiteUser = user;
    if (body.raiseOnBehalfOf !== undefined) {
      const ref = String(body.raiseOnBehalfOf);
      const found = ctx.users.byId(ref) ?? ctx.users.byEmail(ref);
      if (!found) throw badRequest(`The user '${ref}' does not exist.`);
      if (found.accountId !== user.accountId && !isAgent(user))
        throw forbidden('You do not have permission to raise a request on behalf of another customer.');
      reporter = found;
    }
    const issue = ops.createRequest(user, {
      summary: fields.summary,
      description: typeof fields.description === 'string' && fields.description ? textToAdf(fields.description) : null,
      reporter,
      channel: isAgent(user) ? 'jira' : 'portal',
      priorityId: fields.priority?.id === undefined ? undefined : String(fields.priority.id),
      project,
    });
    return reply.status(201).send(requestJson(issue));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/rest/servicedeskapi/request', async (request) => {
    const user = ctx.auth.require(request);
    const { start, limit } = page(request.query);
    const filter = visibilityFilter(user);
    const ids = ctx.db
      .prepare<unknown[], number>(
        `SELECT i.id FROM issues i WHERE i.project_key IN (${SERVICE_PROJECT_KEYS.map(() => '?').join(', ')}) AND ${filter.sql} ORDER BY i.created DESC, i.id DESC`,
      )
      .pluck()
      .all(...SERVICE_PROJECT_KEYS, ...filter.params);
    return paged(ctx.issues.findMany(ids).map(requestJson), start, limit, base(), '/rest/servicedeskapi/request');
  });

  app.get<{ Params: { issueIdOrKey: string } }>('/rest/servicedeskapi/request/:issueIdOrKey', async (request) => {
    const user = ctx.auth.require(request);
    return requestJson(visibleRequest(user, request.params.issueIdOrKey));
  });

  app.get<{ Params: { issueIdOrKey: string }; Querystring: Record<string, string | undefined> }>(
    '/rest/servicedeskapi/request/:issueIdOrKey/comment',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = visibleRequest(user, request.params.issueIdOrKey);
      const { start, limit } = page(request.query);
      const wantPublic = request.query.public !== 'false';
      const wantInternal = request.query.internal !== 'false' && isAgent(user);
      const comments = ops.visibleComments(user, issue).filter((c) => (isPublicComment(c) ? wantPublic : wantInternal));
      return paged(
        comments.map(commentJson),
        start,
        limit,
        base(),
        `/rest/servicedeskapi/request/${issue.key}/comment`,
      );
    },
  );

  app.post<{ Params: { issueIdOrKey: string }; Body: { body?: unknown; public?: unknown } }>(
    '/rest/servicedeskapi/request/:issueIdOrKey/comment',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = visibleRequest(user, request.params.issueIdOrKey);
      const text = request.body?.body;
      if (typeof text !== 'string' || !text.trim()) throw badRequest('The comment body is required.');
      const comment = ops.comment(user, issue, textToAdf(text), request.body.public === false);
      return reply.status(201).send(commentJson(comment));
    },
  );

  app.get<{ Params: { issueIdOrKey: string }; Querystring: Record<string, string | undefined> }>(
    '/rest/servicedeskapi/request/:issueIdOrKey/participant',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = visibleRequest(user, request.params.issueIdOrKey);
      const { start, limit } = page(request.query);
      return paged(
        issue.participantIds.map(person),
        start,
        limit,
        base(),
        `/rest/servicedeskapi/request/${issue.key}/participant`,
      );
    },
  );

  app.post<{ Params: { issueIdOrKey: string }; Body: { accountIds?: unknown } }>(
    '/rest/servicedeskapi/request/:issueIdOrKey/participant',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = visibleRequest(user, request.params.issueIdOrKey);
      const ids = request.body?.accountIds;
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !ctx.users.byId(id)))
        throw badRequest('accountIds must list existing accounts.');
      if (!isAgent(user) && user.accountId !== issue.reporterId)
        throw forbidden('Only agents and the reporter can add participants.');
      ops.addParticipants(user, issue, ids as string[]);
      const after = ctx.issues.find(issue.key)!;
      return paged(
        after.participantIds.map(person),
        0,
        50,
        base(),
        `/rest/servicedeskapi/request/${issue.key}/participant`,
      );
    },
  );

  app.get<{ Params: { issueIdOrKey: string }; Querystring: Record<string, string | undefined> }>(
    '/rest/servicedeskapi/request/:issueIdOrKey/transition',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = visibleRequest(user, request.params.issueIdOrKey);
      const { start, limit } = page(request.query);
      const customerTransitions = ops
        .availableTransitions({ ...user, role: 'customer' }, issue)
        .map((t) => ({ id: t.id, name: t.name }));
      return paged(customerTransitions, start, limit, base(), `/rest/servicedeskapi/request/${issue.key}/transition`);
    },
  );

  app.post<{ Params: { issueIdOrKey: string }; Body: { id?: unknown; additionalComment?: { body?: unknown } } }>(
    '/rest/servicedeskapi/request/:issueIdOrKey/transition',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = visibleRequest(user, request.params.issueIdOrKey);
      const id = String(request.body?.id ?? '');
      const offered = ops.availableTransitions({ ...user, role: 'customer' }, issue).some((t) => t.id === id);
      if (!offered)
        throw new JiraHttpError(400, [`The transition '${id}' is not available to customers on ${issue.key}.`]);
      const text = request.body.additionalComment?.body;
      ops.transition({ ...user, role: 'customer' }, issue, {
        transitionId: id,
        comment: typeof text === 'string' && text.trim() ? { body: textToAdf(text), internal: false } : undefined,
      });
      return reply.status(204).send();
    },
  );
}
