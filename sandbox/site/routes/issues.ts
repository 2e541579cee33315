/**
 * POST /rest/api/3/issue (agents), GET/PUT /rest/api/3/issue/{key} (with expand=changelog,names,schema,transitions, fields,
 * properties) and GET .../changelog (paged).
 */
import type { FastifyInstance } from 'fastify';
import { findPriority, findProject } from '../catalog';
import type { SiteContext } from '../context';
import { badRequest, forbidden } from '../errors';
import { isAdfDocument } from '../format';
import { IssueRenderer, selectFields } from '../issue-json';
import type { FieldEdit } from '../issue-store';
import type { NewRequest, SiteOperations } from '../operations';
import { isAgent } from '../permissions';
import type { SiteUser } from '../users';
import { listParam, pageBean, pageParams } from './params';
import { transitionsJson } from './transitions';

/** Jira's limit on an issue property's value: 32,768 bytes of JSON. */
const MAX_PROPERTY_BYTES = 32_768;

interface IssueParams {
  issueIdOrKey: string;
}

/**
 * Mounts the issue routes (create, read, edit, changelog).
 * @example issueRoutes(app, ctx, ops)
 */
export function issueRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  const renderer = new IssueRenderer(ctx);

  // Jira's own create (agents; channel jira), in any project, validated field by field as Jira does: every
  // problem of the request in one 400, `errors` keyed by field (ErrorCollection).
  app.post<{ Body: unknown }>('/rest/api/3/issue', async (request, reply) => {
    const user = ctx.auth.require(request);
    const input = parseCreate(ctx, request.body);
    if (!isAgent(user)) throw forbidden('You do not have permission to create issues in this project.');
    const issue = ops.createRequest(user, { ...input, reporter: input.reporter ?? user, channel: 'jira' });
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
      const json = renderer.issue(issue, user, {
        fields: selectFields(listParam(request.query.fields), ['*all']),
        expandChangelog: expand.includes('changelog'),
        expandNames: expand.includes('names'),
        expandSchema: expand.includes('schema'),
        properties: listParam(request.query.properties),
      });
      // The spec's expand values for GET issue include `transitions` ("Returns all possible transitions for the issue").
      return expand.includes('transitions') ? { ...json, transitions: transitionsJson(ctx, ops, user, issue) } : json;
    },
  );

  // Edit issue: its fields and, as the spec says, "Issue properties may be updated as part of the edit"
  // (IssueUpdateDetails.properties, EntityProperty[]). The properties need Edit issues, as the property PUT does; an
  // edit that changes no field records no changelog and fires no issue-updated event (the spec names none for
  // properties, and the property PUT fires none: the stricter reading keeps the two alike).
  app.put<{ Params: IssueParams; Body: { fields?: Record<string, unknown>; properties?: unknown } }>(
    '/rest/api/3/issue/:issueIdOrKey',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const errors: Record<string, string> = {};
      const properties = parseProperties(request.body?.properties, errors);
      for (const p of properties)
        if (Buffer.byteLength(JSON.stringify(p.value) ?? '') > MAX_PROPERTY_BYTES)
          errors.properties = `The property value can't be longer than ${MAX_PROPERTY_BYTES} characters.`;
      if (Object.keys(errors).length > 0) throw badRequest('', errors);
      if (properties.length > 0 && !isAgent(user)) throw forbidden('You do not have permission to edit this issue.');
      ops.edit(user, issue, parseEdits(ctx, request.body?.fields ?? {}));
      for (const p of properties) ctx.issues.setProperty(issue.id, p.key, p.value);
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
      return pageBean(
        values,
        all.length,
        startAt,
        maxResults,
        (at) => `${base}/rest/api/3/issue/${issue.key}/changelog?startAt=${at}&maxResults=${maxResults}`,
      );
    },
  );
}

const CREATABLE = new Set(['project', 'issuetype', 'summary', 'description', 'reporter', 'priority', 'labels']);
const MAX_SUMMARY = 255;

/** A create request's fields, checked as Jira checks them; every problem found is reported in one 400. */
function parseCreate(
  ctx: SiteContext,
  body: unknown,
): Omit<NewRequest, 'channel' | 'reporter'> & { reporter: SiteUser | undefined } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object with the issue\'s "fields".');
  const {
    fields: rawFields,
    update,
    properties,
  } = body as { fields?: unknown; update?: unknown; properties?: unknown };
  if (update !== undefined && (typeof update !== 'object' || update === null || Object.keys(update).length > 0))
    throw badRequest(
      'The sandbox does not apply "update" operations when creating an issue; set the values in "fields".',
    );
  const fields = (rawFields && typeof rawFields === 'object' ? rawFields : {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const name of Object.keys(fields))
    if (!CREATABLE.has(name))
      errors[name] = `Field '${name}' cannot be set. It is not on the appropriate screen, or unknown.`;

  const projectRef = fields.project as { key?: unknown; id?: unknown } | undefined;
  const project =
    projectRef && typeof projectRef === 'object'
      ? findProject(String(projectRef.id ?? projectRef.key ?? ''))
      : undefined;
  if (!project) errors.project = 'Specify a valid project ID or key';

  const typeRef = fields.issuetype as { id?: unknown; name?: unknown } | undefined;
  let issueTypeId: string | undefined;
  if (!typeRef || typeof typeRef !== 'object' || (typeRef.id === undefined && typeRef.name === undefined)) {
    errors.issuetype = 'Specify an issue type';
  } else if (project) {
    issueTypeId = project.issueTypes.find((t) =>
      typeRef.id !== undefined ? t.id === String(typeRef.id) : t.name === typeRef.name,
    )?.id;
    if (!issueTypeId) errors.issuetype = 'Specify a valid issue type';
  }

  if (typeof fields.summary !== 'string' || !fields.summary.trim())
    errors.summary = 'You must specify a summary of the issue.';
  else if (fields.summary.length > MAX_SUMMARY) errors.summary = `Summary must be less than ${MAX_SUMMARY} characters.`;
  if (fields.description !== undefined && fields.description !== null && !isAdfDocument(fields.description))
    errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';

  const reporterRef = fields.reporter as { accountId?: unknown } | null | undefined;
  const reporter =
    reporterRef === undefined
      ? undefined
      : typeof reporterRef?.accountId === 'string'
        ? ctx.users.byId(reporterRef.accountId)
        : undefined;
  if (reporterRef !== undefined && (!reporter || reporter.role === 'app'))
    errors.reporter = 'Specify a valid value for reporter';
  const priority =
    fields.priority === undefined
      ? undefined
      : findPriority((fields.priority ?? {}) as { id?: unknown; name?: unknown });
  if (fields.priority !== undefined && !priority)
    errors.priority = 'Specify the Priority (id or name) in the proper format';
  if (
    fields.labels !== undefined &&
    (!Array.isArray(fields.labels) || fields.labels.some((l) => typeof l !== 'string' || /\s/.test(l)))
  )
    errors.labels = 'The label must not contain spaces.';
  const props = parseProperties(properties, errors);

  if (Object.keys(errors).length > 0 || !project) throw badRequest('', errors);
  return {
    project,
    issueTypeId,
    summary: fields.summary as string,
    description: isAdfDocument(fields.description) ? fields.description : null,
    reporter,
    priorityId: priority?.id,
    labels: (fields.labels as string[] | undefined) ?? [],
    properties: props,
  };
}

/** The `properties` of a create request: an array of {key, value} (EntityProperty), keys of 1 to 255 characters. */
function parseProperties(raw: unknown, errors: Record<string, string>): Array<{ key: string; value: unknown }> {
  if (raw === undefined) return [];
  if (
    !Array.isArray(raw) ||
    raw.some(
      (p) =>
        !p ||
        typeof p !== 'object' ||
        typeof (p as { key?: unknown }).key !== 'string' ||
        !(p as { key: string }).key ||
        (p as { key: string }).key.length > 255 ||
        !('value' in p),
    )
  ) {
    errors.properties = 'Each issue property needs a "key" (1 to 255 characters) and a "value".';
    return [];
  }
  return raw as Array<{ key: string; value: unknown }>;
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
