/**
 * POST /rest/api/3/issue (agents), GET/PUT /rest/api/3/issue/{key} (with expand=changelog,names,schema, fields,
 * properties) and GET .../changelog (paged).
 */
import type { FastifyInstance } from 'fastify';
import { ISSUE_TYPE, PROJECT, findPriority } from '../catalog';
import type { SiteContext } from '../context';
import { badRequest, forbidden } from '../errors';
import { isAdfDocument } from '../format';
import { IssueRenderer, selectFields } from '../issue-json';
import type { FieldEdit } from '../issue-store';
import type { SiteOperations } from '../operations';
import { isAgent } from '../permissions';
import { listParam, pageParams } from './params';

interface IssueParams {
  issueIdOrKey: string;
}

/**
 * Mounts the issue routes (create, read, edit, changelog).
 * @example issueRoutes(app, ctx, ops)
 */
export function issueRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  const renderer = new IssueRenderer(ctx);

  // Jira's own create (an agent raising a request in the agent view: channel jira). Customers use the portal.
  app.post<{ Body: { fields?: Record<string, unknown> } }>('/rest/api/3/issue', async (request, reply) => {
    const user = ctx.auth.require(request);
    if (!isAgent(user)) throw forbidden('You do not have permission to create issues in this project.');
    const fields = request.body?.fields ?? {};
    const project = fields.project as { key?: unknown; id?: unknown } | undefined;
    if (project?.key !== PROJECT.key && String(project?.id) !== PROJECT.id)
      throw badRequest('', { project: 'Specify a valid project ID or key' });
    const issuetype = fields.issuetype as { id?: unknown; name?: unknown } | undefined;
    if (issuetype && String(issuetype.id) !== ISSUE_TYPE.id && issuetype.name !== ISSUE_TYPE.name)
      throw badRequest('', { issuetype: 'Specify a valid issue type' });
    if (typeof fields.summary !== 'string' || !fields.summary.trim())
      throw badRequest('', { summary: 'You must specify a summary of the issue.' });
    if (fields.description !== undefined && fields.description !== null && !isAdfDocument(fields.description))
      throw badRequest('', { description: 'Operation value must be an Atlassian Document.' });
    const reporterId = (fields.reporter as { accountId?: unknown } | undefined)?.accountId;
    const reporter =
      reporterId === undefined ? user : typeof reporterId === 'string' ? ctx.users.byId(reporterId) : undefined;
    if (!reporter) throw badRequest('', { reporter: `Specify a valid value for reporter` });
    const priority =
      fields.priority === undefined ? undefined : findPriority(fields.priority as { id?: unknown; name?: unknown });
    if (fields.priority !== undefined && !priority)
      throw badRequest('', { priority: 'Specify the Priority (id or name) in the proper format' });
    const issue = ops.createRequest(user, {
      summary: fields.summary,
      description: isAdfDocument(fields.description) ? fields.description : null,
      reporter,
      channel: 'jira',
      priorityId: priority?.id,
    });
    return reply
      .status(201)
      .send({ id: String(issue.id), key: issue.key, self: `${ctx.baseUrl()}/rest/api/3/issue/${issue.id}` });
  });

  app.get<{ Params: IssueParams; Querystring: Record<string, string | undefined> }>(
    '/rest/api/3/issue/:issueIdOrKey',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const expand = listParam(request.query.expand);
      return renderer.issue(issue, user, {
        fields: selectFields(listParam(request.query.fields), ['*all']),
        expandChangelog: expand.includes('changelog'),
        expandNames: expand.includes('names'),
        expandSchema: expand.includes('schema'),
        properties: listParam(request.query.properties),
      });
    },
  );

  app.put<{ Params: IssueParams; Body: { fields?: Record<string, unknown> } }>(
    '/rest/api/3/issue/:issueIdOrKey',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      ops.edit(user, issue, parseEdits(ctx, request.body?.fields ?? {}));
      return reply.status(204).send();
    },
  );

  app.get<{ Params: IssueParams; Querystring: Record<string, string | undefined> }>(
    '/rest/api/3/issue/:issueIdOrKey/changelog',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const { startAt, maxResults } = pageParams(request.query, 100, 100);
      const all = ctx.issues.changelog(issue.id);
      const values = all.slice(startAt, startAt + maxResults).map((h) => renderer.history(h));
      const base = ctx.baseUrl();
      const isLast = startAt + values.length >= all.length;
      return {
        self: `${base}/rest/api/3/issue/${issue.key}/changelog?startAt=${startAt}&maxResults=${maxResults}`,
        ...(isLast
          ? {}
          : {
              nextPage: `${base}/rest/api/3/issue/${issue.key}/changelog?startAt=${startAt + maxResults}&maxResults=${maxResults}`,
            }),
        maxResults,
        startAt,
        total: all.length,
        isLast,
        values,
      };
    },
  );
}

function parseEdits(ctx: SiteContext, fields: Record<string, unknown>): FieldEdit[] {
  const edits: FieldEdit[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'summary') {
      if (typeof value !== 'string' || !value.trim())
        throw badRequest('', { summary: 'You must specify a summary of the issue.' });
      edits.push({ field: 'summary', to: value.trim(), toString: value.trim() });
    } else if (name === 'priority') {
      const priority = findPriority((value ?? {}) as { id?: unknown; name?: unknown });
      if (!priority) throw badRequest('', { priority: 'Specify the Priority (id or name) in the proper format' });
      edits.push({ field: 'priority', to: priority.id, toString: priority.name });
    } else if (name === 'assignee') {
      const accountId = (value as { accountId?: unknown } | null)?.accountId;
      const user = typeof accountId === 'string' ? ctx.users.byId(accountId) : undefined;
      if (value !== null && (!user || user.accountType !== 'atlassian'))
        throw badRequest('', { assignee: `User '${String(accountId)}' cannot be assigned issues.` });
      edits.push({ field: 'assignee', to: user?.accountId ?? null, toString: user?.displayName ?? null });
    } else if (name === 'labels') {
      if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l)))
        throw badRequest('', { labels: 'Labels are strings without spaces.' });
      edits.push({
        field: 'labels',
        to: value.length ? value.join(' ') : null,
        toString: value.length ? value.join(' ') : null,
      });
    } else {
      throw badRequest('', {
        [name]: `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`,
      });
    }
  }
  return edits;
}
