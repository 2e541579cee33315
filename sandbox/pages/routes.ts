/**
 * The pages a person uses to play a request's life through: the queue (/), the agent's issue view with the
 * app's issue panel (/browse/SUP-1), the customer portal view with the portal panel and the escalate action
 * (/portal/SUP-1), the admin page (/admin) and the mailbox (/mailbox). The account acted as is chosen in the
 * header (cookie `sandbox_user`); forms post to /_sandbox/ui/*, which call the site's REST API as that account.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Duration } from 'luxon';
import { adfToText, type AdfNode } from '../site/format';
import { ModuleAccessError, type ForgeRuntime } from '../runtime/runtime';
import type { UiModule } from '../runtime/manifest';
import { html, Html, page, type Account } from './html';
import { errorText, siteClient, type SiteClient } from './site-client';
import { displayed, uiContext, type ShownIssue, type ShownProject, type Viewer } from './ui-context';

export interface PagesDeps {
  runtime: ForgeRuntime;
  users(): Account[];
  outbox(): Array<{
    id: number | string;
    at: string;
    issueKey: string | null;
    subject: string;
    textBody: string;
    to: string[];
    source: 'app' | 'jsm' | 'jira';
  }>;
  baseUrl(): string;
  /** The app's translations folder (locales/<lang>.json), for module titles. */
  localesDir: string;
}

const COOKIE = 'sandbox_user';
/** Who sent a mailbox email, as the page names it. */
const SENDERS = { app: 'The app', jsm: 'JSM customer notification', jira: 'Jira (a person’s notify)' } as const;
const ISSUE_KEY = /^[A-Z][A-Z0-9]*-\d+$/;

type Fields = Record<string, unknown> & {
  summary?: string;
  description?: AdfNode | null;
  status?: { name?: string };
  priority?: { name?: string } | null;
  reporter?: { displayName?: string } | null;
  resolution?: { name?: string } | null;
  created?: string;
  updated?: string;
  issuetype?: { id?: string; name?: string };
  project?: { id?: string; key?: string; projectTypeKey?: string };
};

/**
 * Mounts the pages, the form handlers and POST /_sandbox/invoke (the bridge host's resolver calls).
 * @example registerPages(app, { runtime, users: site.users, outbox: site.outbox, baseUrl: () => url, localesDir: 'locales' })
 */
export function registerPages(app: FastifyInstance, deps: PagesDeps): void {
  const modules = (type: string) => listModules(deps, type);
  const me = (request: FastifyRequest): Account => {
    const accounts = deps.users();
    const wanted = cookie(request, COOKIE);
    const found =
      accounts.find((a) => a.accountId === wanted) ?? accounts.find((a) => a.role === 'agent') ?? accounts[0];
    if (!found) throw new Error('The site has no accounts: start with --reset');
    return found;
  };
  const client = (account: Account): SiteClient => siteClient(deps.baseUrl(), account.emailAddress);
  const theme = (request: FastifyRequest): 'light' | 'dark' =>
    (request.query as { theme?: string }).theme === 'dark' ? 'dark' : 'light';
  const frame = (request: FastifyRequest, title: string) => ({
    title,
    me: me(request),
    accounts: deps.users(),
    now: Date.now(),
    back: request.url,
    notice: (request.query as { error?: string }).error,
    theme: theme(request),
  });
  const viewer = async (account: Account): Promise<Viewer> => {
    const { body } = await client(account)<{ locale?: string; timeZone?: string }>('GET', '/rest/api/3/myself');
    return {
      accountId: account.accountId,
      accountType: deps.runtime.accountKind(account.accountId),
      locale: body?.locale ?? 'en_US',
      timeZone: body?.timeZone ?? 'Europe/Paris',
    };
  };
  const forgeFrame = async (
    request: FastifyRequest,
    module: UiModule,
    issue: ShownIssue | undefined,
    lazyDialog?: string,
    project?: ShownProject,
  ) => {
    const account = me(request);
    const who = await viewer(account);
    // Jira renders a module only where its display conditions hold, and only for users Forge runs it for.
    if (!displayed(module, issue, project) || !deps.runtime.mayUse(module, who.accountType ?? 'licensed'))
      return html``;
    const context = uiContext(module, who, issue, theme(request), deps.baseUrl(), project);
    const src = `/static/${module.resource}/index.html?theme=${theme(request)}`;
    const title = moduleTitle(deps.localesDir, module, String(context.locale));
    const iframe = html`<iframe class="forge" title="${title}" data-context="${JSON.stringify(context)}" data-issue-key="${issue?.key ?? ''}" data-project-key="${project?.key ?? ''}" ${
      lazyDialog ? html`data-src="${src}"` : html`src="${src}"`
    }></iframe>`;
    if (module.type === 'jira:issueContext')
      return html`<details class="card issue-context" open data-module="${module.key}"><summary><strong>${title}</strong></summary>${iframe}</details>`;
    if (!lazyDialog) return html`<section class="card"><h3>${title}</h3>${iframe}</section>`;
    return html`<button type="button" data-open-dialog="${lazyDialog}">${title}</button>
<dialog id="${lazyDialog}"><form method="dialog"><button aria-label="Close">✕</button></form>${iframe}</dialog>`;
  };

  /** Links to the app's project-level pages of the service projects (agents only: customers have the portal). */
  const appLinks = () => {
    const locale = 'en-US';
    const links = ['SUP', 'IT'].flatMap((key) => [
      ...modules('jiraServiceManagement:queuePage').map(
        (m) =>
          html`<a href="/jira/servicedesk/projects/${key}/queues/apps/${m.key}">${key} · ${moduleTitle(deps.localesDir, m, locale)}</a>`,
      ),
      ...modules('jira:projectPage').map(
        (m) =>
          html`<a href="/jira/servicedesk/projects/${key}/apps/${m.key}">${key} · ${moduleTitle(deps.localesDir, m, locale)}</a>`,
      ),
    ]);
    return links.length
      ? html`<nav class="card" aria-label="Project apps"><p>${links.map((l, i) => (i ? html` · ${l}` : l))}</p></nav>`
      : '';
  };

  app.get('/', async (request, reply) => {
    const account = me(request);
    const jql = 'project = SUP ORDER BY updated DESC';
    const { status, body } = await client(account)<{ issues?: Array<{ key: string; fields: Fields }> }>(
      'POST',
      '/rest/api/3/search/jql',
      {
        jql,
        fields: ['summary', 'status', 'reporter', 'priority', 'updated'],
        maxResults: 100,
      },
    );
    const isCustomer = account.role === 'customer';
    const rows = (body?.issues ?? []).map(
      (
        issue,
      ) => html`<tr><td><a href="${isCustomer ? `/portal/${issue.key}` : `/browse/${issue.key}`}">${issue.key}</a></td><td>${issue.fields.summary}</td>
<td>${issue.fields.status?.name}</td><td>${issue.fields.priority?.name ?? ''}</td><td>${issue.fields.reporter?.displayName ?? ''}</td>
<td class="muted">${shortDate(issue.fields.updated)}</td><td><a href="/browse/${issue.key}">agent view</a> · <a href="/portal/${issue.key}">portal</a></td></tr>`,
    );
    const list =
      status === 200
        ? html`<table><thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Priority</th><th>Reporter</th><th>Updated</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
        : html`<p class="notice">${errorText(body)}</p>`;
    return sendPage(
      reply,
      frame(request, 'Queue'),
      html`<h1>Requests</h1>${isCustomer ? '' : appLinks()}<p class="muted">${jql}</p>${list}
<section class="card"><h2>New request</h2><form method="post" action="/_sandbox/ui/create">
<label>Summary <input name="summary" required size="60"></label><br><label>Description<textarea name="description"></textarea></label>
<button>Create as ${account.displayName}</button></form></section>`,
    );
  });

  app.get<{ Params: { key: string } }>('/browse/:key', async (request, reply) => {
    const key = request.params.key;
    const c = client(me(request));
    const issue = await c<{ id: string; key: string; fields: Fields }>(
      'GET',
      `/rest/api/3/issue/${encodeURIComponent(key)}`,
    );
    if (issue.status !== 200)
      return sendPage(
        reply,
        frame(request, key),
        html`<h1>${key}</h1><p class="notice">${errorText(issue.body)}</p>`,
        issue.status,
      );
    const [comments, transitions] = await Promise.all([
      c<{
        comments?: Array<{
          id: string;
          author?: { displayName?: string };
          body?: AdfNode;
          created?: string;
          jsdPublic?: boolean;
        }>;
      }>('GET', `/rest/api/3/issue/${encodeURIComponent(key)}/comment`),
      c<{ transitions?: Array<{ id: string; name: string; to?: { name?: string } }> }>(
        'GET',
        `/rest/api/3/issue/${encodeURIComponent(key)}/transitions`,
      ),
    ]);
    const f = issue.body.fields;
    const panels = await Promise.all(
      [...modules('jira:issueContext'), ...modules('jira:issuePanel')].map((m) =>
        forgeFrame(request, m, shownIssue(issue.body)),
      ),
    );
    const commentList = (comments.body?.comments ?? []).map(
      (cm) =>
        html`<div class="comment ${cm.jsdPublic === false ? 'internal' : ''}"><strong>${cm.author?.displayName ?? '?'}</strong> <span class="muted">${shortDate(cm.created)}${
          cm.jsdPublic === false ? ' · internal note' : ''
        }</span><div>${adfToText(cm.body)}</div></div>`,
    );
    const options = (transitions.body?.transitions ?? []).map(
      (t) =>
        html`<option value="${t.id}">${t.to?.name && t.to.name !== t.name ? `${t.name} → ${t.to.name}` : t.name}</option>`,
    );
    return sendPage(
      reply,
      frame(request, key),
      html`<h1>${key}: ${f.summary}</h1><div class="cols"><div>
<section class="card"><dl><dt>Status</dt><dd data-field="status">${f.status?.name}</dd><dt>Priority</dt><dd>${f.priority?.name ?? ''}</dd>
<dt>Reporter</dt><dd>${f.reporter?.displayName ?? ''}</dd><dt>Resolution</dt><dd>${f.resolution?.name ?? 'Unresolved'}</dd><dt>Created</dt><dd>${shortDate(f.created)}</dd></dl>
<div class="comment">${adfToText(f.description ?? undefined)}</div></section>
<section class="card"><h2>Transition</h2><form method="post" action="/_sandbox/ui/transition"><input type="hidden" name="key" value="${key}">
<select name="transition">${options}</select> <label>Resolution <select name="resolution"><option value="">(none)</option><option>Done</option><option>Consulting</option></select></label>
<button>Move</button></form></section>
<section class="card"><h2>Comments</h2>${commentList}<form method="post" action="/_sandbox/ui/comment"><input type="hidden" name="key" value="${key}">
<textarea name="body" required></textarea><label><input type="radio" name="visibility" value="public" checked> Reply to customer</label>
<label><input type="radio" name="visibility" value="internal"> Internal note</label> <button>Add</button></form></section>
</div><div>${panels}</div></div>`,
    );
  });

  app.get<{ Params: { key: string } }>('/portal/:key', async (request, reply) => {
    const key = request.params.key;
    const c = client(me(request));
    const req = await c<{
      issueId: string;
      issueKey: string;
      requestTypeId: string;
      currentStatus?: { status?: string };
      requestFieldValues?: Array<{ fieldId: string; value?: unknown }>;
      reporter?: { displayName?: string };
    }>('GET', `/rest/servicedeskapi/request/${encodeURIComponent(key)}`);
    if (req.status !== 200)
      return sendPage(
        reply,
        frame(request, key),
        html`<h1>${key}</h1><p class="notice">${errorText(req.body)}</p>`,
        req.status,
      );
    const [comments, transitions] = await Promise.all([
      c<{
        values?: Array<{
          id: string;
          body?: string;
          public?: boolean;
          author?: { displayName?: string };
          created?: { friendly?: string; iso8601?: string };
        }>;
      }>('GET', `/rest/servicedeskapi/request/${encodeURIComponent(key)}/comment`),
      c<{ values?: Array<{ id: string; name: string }> }>(
        'GET',
        `/rest/servicedeskapi/request/${encodeURIComponent(key)}/transition`,
      ),
    ]);
    const summary = req.body.requestFieldValues?.find((v) => v.fieldId === 'summary')?.value;
    const shown: ShownIssue = {
      id: req.body.issueId,
      key: req.body.issueKey,
      typeId: req.body.requestTypeId,
      typeName: '',
      projectId: '',
      projectKey: key.split('-')[0]!,
      projectType: 'service_desk',
    };
    const panels = await Promise.all(
      modules('jiraServiceManagement:portalRequestDetailPanel').map((m) => forgeFrame(request, m, shown)),
    );
    const actions = await Promise.all(
      modules('jiraServiceManagement:portalRequestViewAction').map((m) =>
        forgeFrame(request, m, shown, `action-${m.key}`),
      ),
    );
    const commentList = (comments.body?.values ?? []).map(
      (cm) =>
        html`<div class="comment ${cm.public === false ? 'internal' : ''}"><strong>${cm.author?.displayName ?? '?'}</strong> <span class="muted">${cm.created?.friendly ?? cm.created?.iso8601 ?? ''}</span><div>${cm.body ?? ''}</div></div>`,
    );
    const reopen = (transitions.body?.values ?? []).map(
      (t) =>
        html`<form method="post" action="/_sandbox/ui/customer-transition"><input type="hidden" name="key" value="${key}"><input type="hidden" name="transition" value="${t.id}"><button>${t.name}</button></form>`,
    );
    return sendPage(
      reply,
      frame(request, key),
      html`<h1>${String(summary ?? key)}</h1><p>${key} · <strong data-field="status">${req.body.currentStatus?.status ?? ''}</strong> · raised by ${req.body.reporter?.displayName ?? ''}</p>
<div class="cols"><div><section class="card"><h2>Activity</h2>${commentList}
<form method="post" action="/_sandbox/ui/reply"><input type="hidden" name="key" value="${key}"><textarea name="body" required></textarea><button>Reply</button></form></section></div>
<div><section class="card">${actions}${reopen}</section>${panels}</div></div>`,
    );
  });

  app.get('/admin', async (request, reply) => {
    const pages = await Promise.all(modules('jira:adminPage').map((m) => forgeFrame(request, m, undefined)));
    return sendPage(reply, frame(request, 'Admin'), html`<h1>Apps · Support rules</h1>${pages}`);
  });

  // A project's pages: the JSM queues' Apps section (jiraServiceManagement:queuePage, at Jira's
  // /jira/servicedesk/projects/{projectKey}/queues/apps/…) and the project's app pages (jira:projectPage, at
  // /jira/{projectType}/projects/{projectKey}/apps/…). Neither module supports unlicensed access: Jira shows
  // customers no queue and no project page ("Access to Forge apps for unlicensed users"), nor does the sandbox.
  const projectPage = async (request: FastifyRequest, reply: FastifyReply, moduleType: string) => {
    const { key, moduleKey } = request.params as { key: string; moduleKey: string };
    const account = me(request);
    const module = modules(moduleType).find((m) => m.key === moduleKey);
    const found = await client(account)<{ id?: string; key?: string; projectTypeKey?: string; name?: string }>(
      'GET',
      `/rest/api/3/project/${encodeURIComponent(key)}`,
    );
    const refusal =
      account.role === 'customer'
        ? 'Customers see the help center, not the project.'
        : !module
          ? `The app has no ${moduleType} module ${moduleKey}.`
          : found.status !== 200
            ? errorText(found.body)
            : moduleType === 'jiraServiceManagement:queuePage' && found.body.projectTypeKey !== 'service_desk'
              ? `${key} is not a service project: it has no queues.`
              : null;
    const project: ShownProject = { id: String(found.body.id), key, type: found.body.projectTypeKey ?? '' };
    const hidden =
      module && !refusal && !displayed(module, undefined, project)
        ? `${module.key} is not shown in ${key} (its display conditions).`
        : null;
    if (refusal || hidden || !module)
      return sendPage(reply, frame(request, key), html`<h1>${key}</h1><p class="notice">${refusal ?? hidden}</p>`, 404);
    const shown = await forgeFrame(request, module, undefined, undefined, project);
    return sendPage(reply, frame(request, `${key} · ${module.key}`), html`<h1>${found.body.name ?? key}</h1>${shown}`);
  };
  app.get('/jira/servicedesk/projects/:key/queues/apps/:moduleKey', (request, reply) =>
    projectPage(request, reply, 'jiraServiceManagement:queuePage'),
  );
  app.get('/jira/:projectType/projects/:key/apps/:moduleKey', (request, reply) =>
    projectPage(request, reply, 'jira:projectPage'),
  );

  app.get('/mailbox', async (request, reply) => {
    const mails = [...deps.outbox()]
      .reverse()
      .map(
        (m) =>
          html`<article class="card" data-source="${m.source}"><h3>${m.subject}</h3><p class="muted">${SENDERS[m.source]} · ${m.at} · ${m.issueKey ?? ''} · to ${m.to.map((id) => deps.users().find((u) => u.accountId === id)?.displayName ?? id).join(', ')}</p><pre style="white-space:pre-wrap">${m.textBody}</pre></article>`,
      );
    return sendPage(
      reply,
      frame(request, 'Mailbox'),
      html`<h1>Mailbox</h1><p class="muted">Every email the site sent, newest first.</p>${mails.length ? mails : html`<p>No email yet.</p>`}`,
    );
  });

  // Form handlers: each calls the site's REST API as the chosen account, then goes back.
  type Form = Record<string, string | undefined>;
  const act = (path: string, run: (c: SiteClient, form: Form) => Promise<{ status: number; body: unknown } | string>) =>
    app.post<{ Body: Form }>(path, async (request, reply) => {
      const form = request.body ?? {};
      const outcome = await run(client(me(request)), form);
      if (typeof outcome === 'string') return reply.redirect(outcome, 303);
      const back = safeBack(form.back ?? request.headers.referer);
      return reply.redirect(outcome.status < 300 ? back : withError(back, errorText(outcome.body)), 303);
    });
  act('/_sandbox/ui/create', async (c, form) => {
    const created = await c<{ issueKey?: string }>('POST', '/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '1',
      requestFieldValues: { summary: form.summary ?? '', description: form.description ?? '' },
    });
    return created.status < 300 && created.body.issueKey ? `/browse/${created.body.issueKey}` : created;
  });
  act('/_sandbox/ui/comment', (c, form) =>
    c('POST', `/rest/api/3/issue/${issueKey(form.key)}/comment`, {
      body: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: form.body ?? '' }] }],
      },
      properties: [{ key: 'sd.public.comment', value: { internal: form.visibility === 'internal' } }],
    }),
  );
  act('/_sandbox/ui/transition', (c, form) =>
    c('POST', `/rest/api/3/issue/${issueKey(form.key)}/transitions`, {
      transition: { id: form.transition },
      ...(form.resolution ? { fields: { resolution: { name: form.resolution } } } : {}),
    }),
  );
  act('/_sandbox/ui/reply', (c, form) =>
    c('POST', `/rest/servicedeskapi/request/${issueKey(form.key)}/comment`, { body: form.body ?? '', public: true }),
  );
  act('/_sandbox/ui/customer-transition', (c, form) =>
    c('POST', `/rest/servicedeskapi/request/${issueKey(form.key)}/transition`, { id: form.transition }),
  );

  // What the bridge host polls to relay JIRA_ISSUE_CHANGED to the issue view's apps: the issue's `updated`, read
  // as the page's account (Jira's issue view learns of changes from its own channel; this is the sandbox's).
  app.get<{ Querystring: { key?: string } }>('/_sandbox/ui/issue-changed', async (request, reply) => {
    const key = String(request.query.key ?? '');
    if (!ISSUE_KEY.test(key)) return reply.code(400).send({ message: 'key must be an issue key such as SUP-1' });
    const read = await client(me(request))<{ fields?: { updated?: string } }>(
      'GET',
      `/rest/api/3/issue/${key}?fields=updated`,
    );
    if (read.status !== 200) return reply.code(read.status).send({ message: errorText(read.body) });
    return { key, updated: read.body.fields?.updated ?? null };
  });

  app.post<{ Body: Form }>('/_sandbox/ui/user', async (request, reply) => {
    const chosen = deps.users().find((u) => u.accountId === request.body?.accountId);
    if (chosen) reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(chosen.accountId)}; Path=/; SameSite=Lax`);
    const back = safeBack(request.body?.back);
    // A customer lands on the portal view of the request they were looking at.
    const portalBack = chosen?.role === 'customer' ? back.replace(/^\/browse\//, '/portal/') : back;
    return reply.redirect(portalBack, 303);
  });
  app.post<{ Body: Form }>('/_sandbox/ui/clock', async (request, reply) => {
    const back = safeBack(request.body?.back);
    const duration = Duration.fromISO(request.body?.advance ?? '');
    if (!duration.isValid || duration.toMillis() <= 0)
      return reply.redirect(withError(back, 'Not a forward ISO duration'), 303);
    await deps.runtime.moveClockTo(Date.now() + duration.toMillis());
    return reply.redirect(back, 303);
  });

  app.post<{
    Body: {
      moduleKey?: string;
      issueKey?: string | null;
      projectKey?: string | null;
      functionKey?: string;
      payload?: unknown;
      theme?: string;
    };
  }>('/_sandbox/invoke', async (request, reply) => {
    const body = request.body ?? {};
    const account = me(request);
    let module: UiModule;
    try {
      module = deps.runtime.uiModule(String(body.moduleKey));
    } catch (error) {
      return reply.code(404).send({ message: (error as Error).message });
    }
    const c = client(account);
    const issue = body.issueKey ? await shownIssueFor(c, module, issueKey(body.issueKey)) : undefined;
    if (body.issueKey && !issue)
      return reply.code(404).send({ message: `${body.issueKey} is not visible to ${account.displayName}` });
    const project = body.projectKey ? await shownProjectFor(c, String(body.projectKey)) : undefined;
    if (body.projectKey && !project)
      return reply.code(404).send({ message: `${body.projectKey} is not visible to ${account.displayName}` });
    if (!displayed(module, issue, project))
      return reply.code(404).send({ message: `${module.key} is not displayed here (its display conditions)` });
    const context = uiContext(
      module,
      await viewer(account),
      issue,
      body.theme === 'dark' ? 'dark' : 'light',
      deps.baseUrl(),
      project,
    );
    try {
      const result = await deps.runtime.invokeResolver({
        moduleKey: module.key,
        functionKey: String(body.functionKey),
        payload: body.payload ?? {},
        context,
        accountId: account.accountId,
      });
      return { result: result ?? null };
    } catch (error) {
      if (error instanceof ModuleAccessError) return reply.code(403).send({ message: error.message });
      // The user has not allowed the app to act for them: Forge does not fail the call, it asks the user for access
      // (@forge/api's NeedsAuthenticationError, a "hosted code error" the platform handles).
      if ((error as { name?: unknown } | null)?.name === 'NEEDS_AUTHENTICATION_ERR')
        return reply.code(401).send({
          code: 'NEEDS_AUTHENTICATION_ERR',
          message: `${account.displayName} must allow the app to access Atlassian products on their behalf`,
        });
      request.log.error(error);
      return reply
        .code(500)
        .send({ message: `The resolver ${String(body.functionKey)} failed: ${(error as Error).message}` });
    }
  });
}

function listModules(deps: PagesDeps, type: string): UiModule[] {
  return deps.runtime.uiModules().filter((m) => m.type === type);
}

function shownIssue(issue: { id: string; key: string; fields: Fields }): ShownIssue {
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    typeId: f.issuetype?.id ?? '',
    typeName: f.issuetype?.name ?? '',
    projectId: f.project?.id ?? '',
    projectKey: f.project?.key ?? issue.key.split('-')[0]!,
    projectType: f.project?.projectTypeKey ?? '',
  };
}

async function shownIssueFor(c: SiteClient, module: UiModule, key: string): Promise<ShownIssue | undefined> {
  if (module.type.startsWith('jiraServiceManagement:')) {
    const req = await c<{ issueId: string; issueKey: string; requestTypeId: string }>(
      'GET',
      `/rest/servicedeskapi/request/${key}`,
    );
    if (req.status !== 200) return undefined;
    return {
      id: req.body.issueId,
      key: req.body.issueKey,
      typeId: req.body.requestTypeId,
      typeName: '',
      projectId: '',
      projectKey: key.split('-')[0]!,
      projectType: 'service_desk',
    };
  }
  const issue = await c<{ id: string; key: string; fields: Fields }>(
    'GET',
    `/rest/api/3/issue/${key}?fields=issuetype,project`,
  );
  return issue.status === 200 ? shownIssue(issue.body) : undefined;
}

async function shownProjectFor(c: SiteClient, key: string): Promise<ShownProject | undefined> {
  if (!/^[A-Z][A-Z0-9_]*$/.test(key)) return undefined;
  const found = await c<{ id?: string; projectTypeKey?: string }>('GET', `/rest/api/3/project/${key}`);
  return found.status === 200 ? { id: String(found.body.id), key, type: found.body.projectTypeKey ?? '' } : undefined;
}

function moduleTitle(localesDir: string, module: UiModule, locale: string): string {
  if ('text' in module.title) return module.title.text;
  for (const file of [`${locale}.json`, 'en-US.json']) {
    const path = join(localesDir, file);
    if (!existsSync(path)) continue;
    const value = module.title.i18n
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        JSON.parse(readFileSync(path, 'utf8')),
      );
    if (typeof value === 'string') return value;
  }
  return module.key;
}

function issueKey(value: unknown): string {
  const key = String(value ?? '');
  if (!ISSUE_KEY.test(key)) throw Object.assign(new Error(`Not an issue key: ${key}`), { statusCode: 400 });
  return key;
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Only same-site paths are followed back (no open redirect). */
function safeBack(back: string | undefined): string {
  if (!back) return '/';
  const path = back.startsWith('http') ? new URL(back).pathname + new URL(back).search : back;
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

function withError(back: string, message: string): string {
  const url = new URL(back, 'http://sandbox');
  url.searchParams.set('error', message);
  return url.pathname + url.search;
}

function sendPage(reply: FastifyReply, frame: Parameters<typeof page>[0], body: Html, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(page(frame, body));
}

/**
 * A Jira timestamp as the pages show it, in UTC like the header's clock.
 * @example shortDate('2026-11-28T16:19:42.730+0000') //=> '2026-11-28 16:19 UTC'
 */
function shortDate(jira: string | undefined): string {
  if (!jira) return '';
  const ms = Date.parse(jira.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? jira : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
