/**
 * POST /rest/api/3/issue/{key}/notify: Jira's email to an issue's people, delivered into the sandbox's outbox.
 * Recipients: the reporter, the assignee, listed users and group members; the sender never receives it.
 */
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { badRequest, forbidden } from '../errors';
import type { SiteOperations } from '../operations';
import { sendEmail } from '../outbox';
import { isAgent } from '../permissions';
import { APP_ACCOUNT_ID } from '../users';

interface NotifyBody {
  subject?: unknown;
  textBody?: unknown;
  htmlBody?: unknown;
  to?: {
    reporter?: boolean;
    assignee?: boolean;
    watchers?: boolean;
    voters?: boolean;
    users?: Array<{ accountId?: string }>;
    groups?: Array<{ name?: string }>;
  };
}

/**
 * Mounts POST /rest/api/3/issue/{key}/notify.
 * @example notifyRoutes(app, ctx, ops)
 */
export function notifyRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  app.post<{ Params: { issueIdOrKey: string }; Body: NotifyBody }>(
    '/rest/api/3/issue/:issueIdOrKey/notify',
    async (request, reply) => {
      const user = ctx.auth.require(request);
      const issue = ops.visibleIssue(user, request.params.issueIdOrKey);
      if (!isAgent(user)) throw forbidden('You do not have permission to notify users about this issue.');
      const body = request.body ?? {};
      if (typeof body.textBody !== 'string' && typeof body.htmlBody !== 'string')
        throw badRequest('The notification needs a textBody or an htmlBody.');
      const to = body.to ?? {};
      const recipients = new Set<string>();
      if (to.reporter) recipients.add(issue.reporterId);
      // Spec, 400 "the recipient is invalid. For example, the recipient is set to the assignee, but the issue is
      // unassigned", and "the recipient is the same as the calling user" (a user named in `users`).
      if (to.assignee) {
        if (!issue.assigneeId) throw badRequest('', { to: 'The issue has no assignee to notify.' });
        recipients.add(issue.assigneeId);
      }
      for (const u of to.users ?? []) {
        if (!u.accountId || !ctx.users.byId(u.accountId))
          throw badRequest('', { to: `User '${String(u.accountId)}' does not exist.` });
        if (u.accountId === user.accountId) throw badRequest('', { to: 'You cannot notify yourself.' });
        recipients.add(u.accountId);
      }
      for (const g of to.groups ?? []) {
        const members = ctx.users.groupMembers(String(g.name));
        if (members.length === 0) throw badRequest('', { to: `Group '${String(g.name)}' does not exist.` });
        members.forEach((m) => recipients.add(m.accountId));
      }
      recipients.delete(user.accountId);
      if (recipients.size > 0) {
        sendEmail(ctx.db, {
          issueKey: issue.key,
          subject: typeof body.subject === 'string' && body.subject ? body.subject : `[${issue.key}] ${issue.summary}`,
          textBody: typeof body.textBody === 'string' ? body.textBody : String(body.htmlBody),
          htmlBody: typeof body.htmlBody === 'string' ? body.htmlBody : null,
          to: [...recipients],
          senderId: user.accountId,
          at: Date.now(),
          source: user.accountId === APP_ACCOUNT_ID ? 'app' : 'jira',
        });
      }
      return reply.status(204).send();
    },
  );
}
