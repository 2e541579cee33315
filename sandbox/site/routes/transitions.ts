/**
 * GET/POST /rest/api/3/issue/{key}/transitions: agents move a request to any other status (a resolution can be
 * set on entering resolved or closed); customers see and take only the reopen of a resolved or closed request.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { badRequest } from '../errors';
import type { AdfNode } from '../format';
import { statusJson } from '../issue-json';
import type { SiteOperations } from '../operations';
import { checkComment, isInternal } from './comments';

interface TransitionBody {
  transition?: { id?: unknown };
  fields?: { resolution?: { id?: unknown; name?: unknown } };
  update?: { comment?: Array<{ add?: { body?: unknown; properties?: unknown; visibility?: unknown } }> };
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
      let comment: { body: AdfNode; internal: boolean; visibility?: unknown } | undefined;
      if (added) {
        const { body, properties } = checkComment(added);
        comment = { body, internal: isInternal(properties), visibility: added.visibility };
      }
      ops.transition(user, issue, { transitionId: String(id), resolution: request.body.fields?.resolution, comment });
      return reply.status(204).send();
    },
  );
}
