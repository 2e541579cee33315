/**
 * GET/POST /rest/api/3/issue/{key}/transitions: agents move a request to any other status (a resolution can be
 * set on entering resolved or closed); customers see and take only the reopen of a resolved or closed request.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { badRequest } from '../errors';
import type { AdfNode } from '../format';
import { statusJson } from '../issue-json';
import type { IssueRecord } from '../issue-store';
import type { SiteOperations } from '../operations';
import type { SiteUser } from '../users';
import { checkComment, isInternal } from './comments';

interface TransitionBody {
  transition?: { id?: unknown };
  fields?: { resolution?: { id?: unknown; name?: unknown } };
  update?: { comment?: Array<{ add?: { body?: unknown; properties?: unknown; visibility?: unknown } }> };
}

/**
 * The transitions `user` may take on `issue`, as Jira lists them (the spec's IssueTransition): what GET
 * …/transitions answers, and what `expand=transitions` adds to an issue (GET issue, search).
 * @example transitionsJson(ctx, ops, agent, issue)[0] //=> { id: '11', name: 'En cours', to: {...}, ... }
 */
export function transitionsJson(
  ctx: SiteContext,
  ops: SiteOperations,
  user: SiteUser,
  issue: IssueRecord,
): Record<string, unknown>[] {
  return ops.availableTransitions(user, issue).map((t) => ({
    id: t.id,
    name: t.name,
    to: statusJson(t.to, ctx.baseUrl()),
    hasScreen: false,
    isGlobal: true,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  }));
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
      transitions: transitionsJson(ctx, ops, user, issue),
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
