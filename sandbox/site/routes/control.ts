/**
 * The site's part of the sandbox control surface (DESIGN.md section 3): health, seeded users, the outbox, the two
 * ways a request arrives without a REST client (the portal and the support email address), and each service
 * project's customer notification settings (JSM has no REST API for them: its admins switch them in the project
 * settings, Notifications → Customer notifications).
 */
import type { FastifyInstance } from 'fastify';
import { PROJECTS, findProject } from '../catalog';
import type { SiteContext } from '../context';
import { CUSTOMER_NOTIFICATIONS, type CustomerNotificationSettings } from '../customer-notifications';
import { JiraHttpError, badRequest } from '../errors';
import { textToAdf } from '../format';
import type { SiteOperations } from '../operations';
import { listOutbox } from '../outbox';
import { canView } from '../permissions';
import { sandboxUser, type SandboxUser } from '../users';

export interface Readiness {
  ready: boolean;
}

/** The seeded people (not the app), as GET /_sandbox/users lists them. */
export function listSandboxUsers(ctx: SiteContext): SandboxUser[] {
  return ctx.users
    .all()
    .flatMap((u) => (u.role === 'app' || u.role === 'anonymous' ? [] : [sandboxUser({ ...u, role: u.role })]));
}

/** A request key of a service project in an email's subject (the support address answers for every desk). */
const KEY_IN_SUBJECT = new RegExp(
  `\\b((?:${PROJECTS.filter((p) => p.serviceDesk)
    .map((p) => p.key)
    .join('|')})-\\d+)\\b`,
  'i',
);

/**
 * Mounts the site's control routes (/_sandbox/health, users, outbox, portal/request, email,
 * projects/{key}/customer-notifications).
 * @example controlRoutes(app, ctx, ops, { ready: true })
 */
export function controlRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations, readiness: Readiness): void {
  app.get('/_sandbox/health', async (_request, reply) =>
    reply.status(readiness.ready ? 200 : 503).send({ status: readiness.ready ? 'ok' : 'starting' }),
  );

  app.get('/_sandbox/users', async () => listSandboxUsers(ctx));

  // DESIGN.md's shape and who sent it (`source`: app, jsm or jira); the HTML body stays available to the pages
  // through site.outbox().
  app.get('/_sandbox/outbox', async () =>
    listOutbox(ctx.db).map(({ id, at, issueKey, subject, textBody, to, source }) => ({
      id,
      at,
      issueKey,
      subject,
      textBody,
      to,
      source,
    })),
  );

  const serviceProject = (key: string) => {
    const project = PROJECTS.find((p) => p.key === key && p.serviceDesk);
    if (!project) throw new JiraHttpError(404, [`No service project with the key '${key}'.`]);
    return project;
  };
  app.get<{ Params: { key: string } }>('/_sandbox/projects/:key/customer-notifications', async (request) =>
    ctx.customerNotifications.settings(serviceProject(request.params.key).key),
  );
  app.put<{ Params: { key: string }; Body: unknown }>(
    '/_sandbox/projects/:key/customer-notifications',
    async (request) => {
      const project = serviceProject(request.params.key);
      const body = request.body;
      const known = CUSTOMER_NOTIFICATIONS.join(', ');
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw badRequest('', { body: `an object of notifications (${known}), each true or false` });
      const changes: Partial<CustomerNotificationSettings> = {};
      for (const [kind, value] of Object.entries(body)) {
        if (!(CUSTOMER_NOTIFICATIONS as readonly string[]).includes(kind))
          throw badRequest('', { [kind]: `not one of the customer notifications: ${known}` });
        if (typeof value !== 'boolean') throw badRequest('', { [kind]: 'true or false' });
        changes[kind as keyof CustomerNotificationSettings] = value;
      }
      ctx.customerNotifications.update(project.key, changes);
      return ctx.customerNotifications.settings(project.key);
    },
  );

  app.post<{ Body: { summary?: unknown; description?: unknown; reporter?: unknown; project?: unknown } }>(
    '/_sandbox/portal/request',
    async (request, reply) => {
      const { summary, description, reporter, project: projectKey } = request.body ?? {};
      const project = projectKey === undefined ? findProject('SUP') : findProject(String(projectKey));
      if (!project?.serviceDesk)
        throw badRequest('', { project: `'${String(projectKey)}' is not the key of a service project's portal` });
      if (typeof summary !== 'string' || !summary.trim()) throw badRequest('', { summary: 'summary is required' });
      const user = typeof reporter === 'string' ? (ctx.users.byId(reporter) ?? ctx.users.byEmail(reporter)) : undefined;
      if (!user || user.role === 'app') throw badRequest('', { reporter: `unknown account '${String(reporter)}'` });
      const issue = ops.createRequest(user, {
        summary,
        description: typeof description === 'string' && description.trim() ? textToAdf(description) : null,
        reporter: user,
        channel: 'portal',
        project,
      });
      return reply.status(201).send({ issueKey: issue.key });
    },
  );

  app.post<{ Body: { from?: unknown; subject?: unknown; body?: unknown } }>(
    '/_sandbox/email',
    async (request, reply) => {
      const { from, subject, body } = request.body ?? {};
      if (typeof from !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(from))
        throw badRequest('', { from: 'from must be an email address' });
      if (typeof subject !== 'string' || !subject.trim()) throw badRequest('', { subject: 'subject is required' });
      const text = typeof body === 'string' ? body : '';
      const sender = ctx.users.byEmail(from) ?? ctx.users.createCustomer(from);
      if (sender.role === 'app') throw new JiraHttpError(400, ['The app does not send email to the support address.']);
      const key = KEY_IN_SUBJECT.exec(subject)?.[1];
      const existing = key ? ctx.issues.find(key) : undefined;
      if (existing && canView(sender, existing)) {
        if (!text.trim()) throw badRequest('', { body: 'an email reply needs a body' });
        ops.comment(sender, existing, textToAdf(text), false);
        return reply.status(201).send({ issueKey: existing.key });
      }
      const issue = ops.createRequest(sender, {
        summary: subject.trim(),
        description: text.trim() ? textToAdf(text) : null,
        reporter: sender,
        channel: 'email',
      });
      return reply.status(201).send({ issueKey: issue.key });
    },
  );
}
