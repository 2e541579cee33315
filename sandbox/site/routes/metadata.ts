/**
 * The site's configuration as Jira lists it: GET /rest/api/3/status, /resolution, /resolution/search (paged), /priority,
 * /project/search (paged, filtered by `typeKey`, `keys`, `id`, `query`), /project/{key}, /project/{key}/statuses
 * and /serverInfo. A customer sees only the service projects (JSM's portal access grants them Browse Projects
 * there, never in a software project).
 */
import type { FastifyInstance } from 'fastify';
import { ALL_STATUSES, PRIORITIES, PROJECTS, RESOLUTIONS, findProject, type SiteProject } from '../catalog';
import type { SiteContext } from '../context';
import { JiraHttpError, badRequest } from '../errors';
import { FIELD_META, issueTypeJson, projectJson, statusJson } from '../issue-json';
import { SERVICE_PROJECT_KEYS, isAgent } from '../permissions';
import { userDetails, type SiteUser } from '../users';
import { listParam, pageBean, pageParams } from './params';

const PROJECT_TYPES = ['business', 'service_desk', 'software'];
const ORDERS = ['key', 'name'];

/** True when the user may browse the project. */
const canBrowse = (user: SiteUser, project: SiteProject) =>
  isAgent(user) || (user.role === 'customer' && SERVICE_PROJECT_KEYS.includes(project.key));

/**
 * Mounts the status, resolution, priority, project and server info routes.
 * @example metadataRoutes(app, ctx)
 */
export function metadataRoutes(app: FastifyInstance, ctx: SiteContext): void {
  // "Returns a list of all statuses associated with active workflows ... Browse projects project permission for
  // the project": the statuses of the projects the caller may browse.
  // GET /rest/api/3/field (spec: FieldDetails[]): the site's system and custom fields, JSM's with their JSM types.
  app.get('/rest/api/3/field', async (request) => {
    ctx.auth.require(request);
    return Object.entries(FIELD_META).map(([id, meta]) => {
      const custom = id.startsWith('customfield_');
      return {
        id,
        key: id,
        name: meta.name,
        custom,
        orderable: id !== 'comment',
        navigable: true,
        searchable: true,
        clauseNames: custom ? [`cf[${id.slice('customfield_'.length)}]`, meta.name] : [id],
        schema: meta.schema,
      };
    });
  });

  app.get('/rest/api/3/status', async (request) => {
    const user = ctx.auth.require(request);
    const browsed = new Set(PROJECTS.filter((p) => canBrowse(user, p)).flatMap((p) => p.statuses.map((s) => s.id)));
    return ALL_STATUSES.filter((s) => browsed.has(s.id)).map((s) => statusJson(s, ctx.baseUrl()));
  });

  app.get('/rest/api/3/resolution', async (request) => {
    ctx.auth.require(request);
    return RESOLUTIONS.map((r) => ({ self: `${ctx.baseUrl()}/rest/api/3/resolution/${r.id}`, ...r }));
  });

  // GET /rest/api/3/resolution/search (spec: searchResolutions, PageBeanResolutionJsonBean; `id` filters, invalid ids
  // ignored; `onlyDefault` keeps the default resolution, which the sandbox's site does not set).
  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/rest/api/3/resolution/search',
    async (request) => {
      ctx.auth.require(request);
      const query = request.query;
      const one = (name: string) => (Array.isArray(query[name]) ? query[name][0] : query[name]) as string | undefined;
      const { startAt, maxResults } = pageParams({ startAt: one('startAt'), maxResults: one('maxResults') }, 50, 100);
      const ids = listParam(query.id);
      const onlyDefault = one('onlyDefault') === 'true';
      const matching = RESOLUTIONS.filter((r) => !onlyDefault && (ids.length === 0 || ids.includes(r.id)));
      const values = matching.slice(startAt, startAt + maxResults).map((r) => ({
        self: `${ctx.baseUrl()}/rest/api/3/resolution/${r.id}`,
        id: r.id,
        name: r.name,
        description: r.description,
        default: false,
      }));
      return pageBean(values, matching.length, startAt, maxResults, (at) => {
        const params = new URLSearchParams();
        for (const id of ids) params.append('id', id);
        params.set('startAt', String(at));
        params.set('maxResults', String(maxResults));
        return `${ctx.baseUrl()}/rest/api/3/resolution/search?${params.toString()}`;
      });
    },
  );

  app.get('/rest/api/3/priority', async (request) => {
    ctx.auth.require(request);
    return PRIORITIES.map((p) => ({
      self: `${ctx.baseUrl()}/rest/api/3/priority/${p.id}`,
      ...p,
      statusColor: '#999999',
      description: p.name,
      iconUrl: `${ctx.baseUrl()}/images/icons/priorities/${p.name.toLowerCase()}.svg`,
    }));
  });

  const projectBean = (project: SiteProject, full: boolean) => {
    const base = ctx.baseUrl();
    const bean: Record<string, unknown> = { ...projectJson(project, base), style: 'classic', isPrivate: false };
    if (!full) return bean;
    const lead = ctx.users.byId(project.leadAccountId);
    return {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      ...bean,
      description: project.description,
      lead: lead ? userDetails(lead, base) : undefined,
      assigneeType: 'UNASSIGNED',
      issueTypes: project.issueTypes.map((t) => issueTypeJson(t, base)),
      properties: {},
    };
  };

  /** A project the user may browse, by id or key; a 404 otherwise (Jira does not tell the two apart). */
  const browsable = (user: SiteUser, ref: string) => {
    const project = findProject(ref);
    if (!project || !canBrowse(user, project))
      throw new JiraHttpError(404, [`No project could be found with key '${ref}'.`]);
    return project;
  };

  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/rest/api/3/project/search',
    async (request) => {
      const user = ctx.auth.require(request);
      const query = request.query;
      const one = (name: string) => (Array.isArray(query[name]) ? query[name][0] : query[name]) as string | undefined;
      const { startAt, maxResults } = pageParams({ startAt: one('startAt'), maxResults: one('maxResults') }, 50, 100);
      const types = listParam(query.typeKey);
      const unknownType = types.find((t) => !PROJECT_TYPES.includes(t));
      if (unknownType)
        throw badRequest(`The project type '${unknownType}' is not valid (business, service_desk, software).`);
      const keys = listParam(query.keys).map((k) => k.toUpperCase());
      const ids = listParam(query.id);
      if (keys.length > 50 || ids.length > 50) throw badRequest('Up to 50 project keys or ids can be given.');
      const text = one('query')?.toLowerCase();
      const order = one('orderBy') ?? 'key';
      const orderField = order.replace(/^[+-]/, '');
      if (!ORDERS.includes(orderField)) throw badRequest(`The sandbox orders projects by key or name, not '${order}'.`);
      const matching = PROJECTS.filter(
        (p) =>
          canBrowse(user, p) &&
          (types.length === 0 || types.includes(p.projectTypeKey)) &&
          (keys.length === 0 || keys.includes(p.key)) &&
          (ids.length === 0 || ids.includes(p.id)) &&
          (!text || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text)),
      ).sort((a, b) => {
        const by = orderField === 'name' ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key);
        return order.startsWith('-') ? -by : by;
      });
      const values = matching.slice(startAt, startAt + maxResults).map((p) => projectBean(p, false));
      return pageBean(values, matching.length, startAt, maxResults, (at) => {
        const params = new URLSearchParams();
        for (const [name, value] of Object.entries(query))
          if (name !== 'startAt' && value !== undefined)
            for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
        params.set('startAt', String(at));
        params.set('maxResults', String(maxResults));
        return `${ctx.baseUrl()}/rest/api/3/project/search?${params.toString()}`;
      });
    },
  );

  app.get<{ Params: { projectIdOrKey: string } }>('/rest/api/3/project/:projectIdOrKey', async (request) => {
    const user = ctx.auth.require(request);
    return projectBean(browsable(user, request.params.projectIdOrKey), true);
  });

  app.get<{ Params: { projectIdOrKey: string } }>('/rest/api/3/project/:projectIdOrKey/statuses', async (request) => {
    const user = ctx.auth.require(request);
    const project = browsable(user, request.params.projectIdOrKey);
    const base = ctx.baseUrl();
    return project.issueTypes.map((t) => ({
      self: `${base}/rest/api/3/issuetype/${t.id}`,
      id: t.id,
      name: t.name,
      subtask: t.subtask,
      statuses: project.statuses.map((s) => statusJson(s, base)),
    }));
  });

  app.get('/rest/api/3/serverInfo', async () => ({
    baseUrl: ctx.baseUrl(),
    deploymentType: 'Cloud',
    serverTitle: 'Support Rules sandbox',
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    serverTime: new Date().toISOString().replace('Z', '+0000'),
  }));
}
