/**
 * The site's configuration as Jira lists it: GET /rest/api/3/status, /resolution, /priority, /project/{key},
 * /serverInfo (the admin page's setup check reads statuses and resolutions).
 */
import type { FastifyInstance } from 'fastify';
import { PRIORITIES, PROJECT, RESOLUTIONS, STATUSES } from '../catalog';
import type { SiteContext } from '../context';
import { JiraHttpError } from '../errors';
import { statusJson } from '../issue-json';

/**
 * Mounts the status, resolution, priority, project and server info routes.
 * @example metadataRoutes(app, ctx)
 */
export function metadataRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get('/rest/api/3/status', async (request) => {
    ctx.auth.require(request);
    return STATUSES.map((s) => ({
      ...statusJson(s, ctx.baseUrl()),
      scope: { type: 'PROJECT', project: { id: PROJECT.id } },
    }));
  });

  app.get('/rest/api/3/resolution', async (request) => {
    ctx.auth.require(request);
    return RESOLUTIONS.map((r) => ({ self: `${ctx.baseUrl()}/rest/api/3/resolution/${r.id}`, ...r }));
  });

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

  app.get<{ Params: { projectIdOrKey: string } }>('/rest/api/3/project/:projectIdOrKey', async (request) => {
    ctx.auth.require(request);
    const ref = request.params.projectIdOrKey.toUpperCase();
    if (ref !== PROJECT.key && ref !== PROJECT.id)
      throw new JiraHttpError(404, ["No project could be found with key '" + request.params.projectIdOrKey + "'."]);
    return {
      self: `${ctx.baseUrl()}/rest/api/3/project/${PROJECT.id}`,
      ...PROJECT,
      style: 'classic',
      simplified: false,
      isPrivate: false,
    };
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
