/**
 * Issue properties: GET /rest/api/3/issue/{key}/properties, GET/PUT/DELETE .../properties/{propertyKey}.
 * Writing one needs edit permission (agents, the app) and, as in Jira, fires no issue-updated event.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { JiraHttpError, badRequest, forbidden } from '../errors';
import type { SiteOperations } from '../operations';
import { isAgent } from '../permissions';

/** Jira's limits: keys up to 255 characters, values up to 32,768 bytes of JSON. */
const MAX_KEY = 255;
const MAX_VALUE_BYTES = 32_768;

interface PropertyParams {
  issueIdOrKey: string;
  propertyKey: string;
}

/**
 * Mounts the issue property routes.
 * @example propertyRoutes(app, ctx, ops)
 */
export function propertyRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  const self = (issueId: number, key: string) =>
    `${ctx.baseUrl()}/rest/api/3/issue/${issueId}/properties/${encodeURIComponent(key)}`;

  app.get<{ Params: { issueIdOrKey: string } }>('/rest/api/3/issue/:issueIdOrKey/properties', async (request) => {
    const user = ctx.auth.require(request);
    const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
    return { keys: ctx.issues.propertyKeys(issue.id).map((key) => ({ key, self: self(issue.id, key) })) };
  });

  app.get<{ Params: PropertyParams }>('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', async (request) => {
    const user = ctx.auth.require(request);
    const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
    const value = ctx.issues.property(issue.id, request.params.propertyKey);
    if (value === undefined)
      throw new JiraHttpError(404, [`The property with key '${request.params.propertyKey}' does not exist.`]);
    return { key: request.params.propertyKey, value };
  });

  app.put<{ Params: PropertyParams; Body: unknown }>(
    '/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      if (!isAgent(user)) throw forbidden('You do not have permission to edit this issue.');
      const { propertyKey } = request.params;
      if (propertyKey.length > MAX_KEY)
        throw badRequest(`The property key can't be longer than ${MAX_KEY} characters.`);
      if (request.body === undefined) throw badRequest('The property value must be valid JSON.');
      if (Buffer.byteLength(JSON.stringify(request.body)) > MAX_VALUE_BYTES)
        throw badRequest(`The property value can't be longer than ${MAX_VALUE_BYTES} characters.`);
      const created = ctx.issues.setProperty(issue.id, propertyKey, request.body);
      return reply.status(created ? 201 : 200).send();
    },
  );

  app.delete<{ Params: PropertyParams }>(
    '/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      if (!isAgent(user)) throw forbidden('You do not have permission to edit this issue.');
      if (!ctx.issues.deleteProperty(issue.id, request.params.propertyKey))
        throw new JiraHttpError(404, [`The property with key '${request.params.propertyKey}' does not exist.`]);
      return reply.status(204).send();
    },
  );
}
