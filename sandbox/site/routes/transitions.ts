/**
 * GET/POST /rest/api/3/issue/{key}/transitions: agents move a request to any other status (a resolution can be
 * set on entering resolved or closed); customers see and take only the reopen of a resolved or closed request.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { badRequest } from '../errors';
import { isAdfDocument, type AdfNode } from '../format';
import { statusJson } from '../issue-json';
import type { SiteOperations } from '../operations';
import { isInternal } from './comments';

interface TransitionBody {
  transition?: { id?: unknown };
  fields?: { resolution?: { id?: unknown; name?: unknown } };
  update?: { comment?: Array<{ add?: { body?: unknown; properties?: Array<{ key?: unknown; value?: unknown }> } }> };
}

/**
 * Mounts the transition routes.
 * @example transitionRoutes(app, ctx, ops)
 */
export function transitionRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  app.get<{ Params: { issueIdOrKey: string } }>('/rest/api/3/issue/:issueIdOrKey/transitions', async (request) => {
    const user = ctx.auth.require(request);
    const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
    return {
      expand: 'transitions',
      transitions: ops.availableTransitions(user, issue).map((t) => ({
        id: t.id,
        name: t.name,
        to: statusJson(t.to, ctx.baseUrl()),
        hasScreen: false,
        isGlobal: true,
        isInitial: false,
        isAvailable: true,
        isConditional: false,
        isLooped: false,
      })),
    };
  });

  app.post<{ Params: { issueIdOrKey: string }; Body: TransitionBody }>(
    '/rest/api/3/issue/:issueIdOrKey/transitions',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const id = request.body?.transition?.id;
      if (id === undefined || id === null || id === '')
        throw badRequest('Missing transition id: the body needs {"transition": {"id": "..."}}.');
      const added = request.body.update?.comment?.[0]?.add;
      let comment: { body: AdfNode; internal: boolean } | undefined;
      if (added) {
        if (!isAdfDocument(added.body))
          throw badRequest('', {
            comment: 'Comment body is not valid: REST v3 takes an Atlassian Document Format document.',
          });
        comment = { body: added.body, internal: isInternal(added.properties) };
      }
      ops.transition(user, issue, { transitionId: String(id), resolution: request.body.fields?.resolution, comment });
      return reply.status(204).send();
    },
  );
}
