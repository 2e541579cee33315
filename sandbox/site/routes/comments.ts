/**
 * Comments in REST v3: GET/POST /rest/api/3/issue/{key}/comment, GET .../comment/{id}, and JSM's
 * `sd.public.comment` comment property (GET/PUT /rest/api/3/comment/{id}/properties/sd.public.comment)
 * that makes a comment an internal note. Customers never see internal notes.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { JiraHttpError, badRequest, forbidden } from '../errors';
import { isAdfDocument, isEmptyAdf, type AdfNode } from '../format';
import { IssueRenderer } from '../issue-json';
import type { SiteOperations } from '../operations';
import { canView, isAgent } from '../permissions';
import { listParam, pageParams } from './params';

const PUBLIC_PROPERTY = 'sd.public.comment';

interface CommentBody {
  body?: unknown;
  properties?: unknown;
  visibility?: unknown;
}

/**
 * A comment's body and properties, checked as Jira checks them (ErrorCollection 400s): the body an ADF document
 * with something in it ("Comment body can not be empty!"), the properties a list of {key, value}.
 * @example checkComment({ body: textToAdf('Hi') }) //=> { body, properties: [] }
 */
export function checkComment(input: { body?: unknown; properties?: unknown }): {
  body: AdfNode;
  properties: Array<{ key: string; value: unknown }>;
} {
  const { body, properties } = input;
  if (!isAdfDocument(body))
    throw badRequest('', {
      comment: 'Comment body is not valid: REST v3 takes an Atlassian Document Format document.',
    });
  if (isEmptyAdf(body)) throw badRequest('', { comment: 'Comment body can not be empty!' });
  if (properties === undefined) return { body, properties: [] };
  const valid =
    Array.isArray(properties) &&
    properties.every(
      (p) =>
        p !== null &&
        typeof p === 'object' &&
        typeof (p as { key?: unknown }).key === 'string' &&
        (p as { key: string }).key.length > 0 &&
        (p as { key: string }).key.length <= 255 &&
        'value' in p,
    );
  if (!valid)
    throw badRequest(
      'The comment properties are malformed: each is {"key": a string of 1 to 255 characters, "value": any JSON}.',
    );
  return { body, properties: properties as Array<{ key: string; value: unknown }> };
}

/**
 * Whether a comment's properties make it an internal note (`sd.public.comment` = {internal: true}).
 * @example isInternal([{ key: 'sd.public.comment', value: { internal: true } }]) //=> true
 */
export function isInternal(properties: Array<{ key?: unknown; value?: unknown }> | undefined): boolean {
  const property = (properties ?? []).find((p) => p.key === PUBLIC_PROPERTY);
  return (property?.value as { internal?: unknown } | undefined)?.internal === true;
}

/**
 * Mounts the comment routes and the sd.public.comment comment property.
 * @example commentRoutes(app, ctx, ops)
 */
export function commentRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  const renderer = new IssueRenderer(ctx);

  app.get<{ Params: { issueIdOrKey: string }; Querystring: Record<string, string | undefined> }>(
    '/rest/api/3/issue/:issueIdOrKey/comment',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const { startAt, maxResults } = pageParams(request.query, 100, 100);
      let all = ops.visibleComments(user, issue);
      if (request.query.orderBy === '-created') all = [...all].reverse();
      else if (
        request.query.orderBy !== undefined &&
        request.query.orderBy !== 'created' &&
        request.query.orderBy !== '+created'
      ) {
        throw badRequest(`Invalid orderBy '${request.query.orderBy}': use created or -created.`);
      }
      const withProperties = listParam(request.query.expand).includes('properties');
      return {
        startAt,
        maxResults,
        total: all.length,
        comments: all.slice(startAt, startAt + maxResults).map((c) => renderer.comment(c, issue, withProperties)),
      };
    },
  );

  app.post<{ Params: { issueIdOrKey: string }; Body: CommentBody }>(
    '/rest/api/3/issue/:issueIdOrKey/comment',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const { body, properties } = checkComment(request.body ?? {});
      const comment = ops.comment(user, issue, body, isInternal(properties), Date.now(), request.body.visibility);
      return reply.status(201).send(renderer.comment(comment, issue, true));
    },
  );

  app.get<{ Params: { issueIdOrKey: string; id: string } }>(
    '/rest/api/3/issue/:issueIdOrKey/comment/:id',
    async (request) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      const comment = ctx.issues.comment(Number(request.params.id));
      if (!comment || comment.issueId !== issue.id || !ops.canSeeComment(user, comment, issue))
        throw new JiraHttpError(404, ['Can not find a comment for the id: ' + request.params.id + '.']);
      return renderer.comment(comment, issue);
    },
  );

  const visibleComment = (accountUser: ReturnType<typeof ctx.auth.require>, id: string) => {
    const comment = ctx.issues.comment(Number(id));
    const issue = comment && ctx.issues.find(String(comment.issueId));
    if (!comment || !issue || !canView(accountUser, issue) || !ops.canSeeComment(accountUser, comment, issue)) {
      throw new JiraHttpError(404, [`Can not find a comment for the id: ${id}.`]);
    }
    return comment;
  };

  app.get<{ Params: { commentId: string; propertyKey: string } }>(
    '/rest/api/3/comment/:commentId/properties/:propertyKey',
    async (request) => {
      const user = ctx.auth.require(request);
      const comment = visibleComment(user, request.params.commentId);
      if (request.params.propertyKey !== PUBLIC_PROPERTY)
        throw new JiraHttpError(404, [`The property with key '${request.params.propertyKey}' does not exist.`]);
      return { key: PUBLIC_PROPERTY, value: { internal: comment.internal } };
    },
  );

  app.put<{ Params: { commentId: string; propertyKey: string }; Body: unknown }>(
    '/rest/api/3/comment/:commentId/properties/:propertyKey',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const comment = visibleComment(user, request.params.commentId);
      if (!isAgent(user)) throw forbidden('You do not have permission to edit this comment.');
      if (request.params.propertyKey !== PUBLIC_PROPERTY)
        throw badRequest(`The sandbox keeps only the '${PUBLIC_PROPERTY}' comment property.`);
      ctx.issues.setCommentInternal(comment.id, (request.body as { internal?: unknown } | null)?.internal === true);
      return reply.status(200).send();
    },
  );
}
