/**
 * The composed sandbox over HTTP: the runtime's control calls, the pages, the bridge host's invoke, and the
 * app's real handlers reached through product events.
 */
import { ISSUE_PANEL } from '../../../src/shared/contracts';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sandbox: TestSandbox;
beforeAll(async () => (sandbox = await startTestSandbox()));
afterAll(async () => sandbox?.close());

const AGENT = 'agent1@sandbox.test';

it('serves the control surface: health, clock read and moved forward only, settle', async () => {
  expect((await fetch(`${sandbox.url}/_sandbox/health`)).status).toBe(200);
  const before = Date.parse(((await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string }).now);
  const after = Date.parse(await sandbox.advance('PT72H'));
  expect(after - before).toBeGreaterThanOrEqual(72 * 3_600_000);
  expect(after - before).toBeLessThan(72 * 3_600_000 + 60_000);
  const back = await fetch(`${sandbox.url}/_sandbox/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: new Date(before).toISOString() }),
  });
  expect(back.status).toBe(400);
  await sandbox.settle();
});

it('hands a REST write to the app’s triggers as a product event, visible in the app events', async () => {
  const created = await sandbox.asUser('claire@acme.test').post<{ issueKey: string }>('/rest/servicedeskapi/request', {
    serviceDeskId: '1',
    requestTypeId: '1',
    requestFieldValues: { summary: 'Runtime e2e', description: 'created over HTTP' },
  });
  expect(created.status).toBe(201);
  await sandbox.settle();
  const { events } = (await (await fetch(`${sandbox.url}/_sandbox/app-events`)).json()) as {
    events: Array<{ kind: string; target: string; state: string; payload: { payload: { issue: { key: string } } } }>;
  };
  const mine = events.filter((e) => e.kind === 'product' && e.payload.payload.issue.key === created.body.issueKey);
  expect(mine.map((e) => [e.target, e.state])).toEqual([['avi:jira:created:issue', 'done']]);
});

it('renders the queue, the agent view and the portal view as the chosen account', async () => {
  const queue = await (await fetch(sandbox.url + '/')).text();
  expect(queue).toContain('href="/browse/SUP-1"');
  const agentView = await (await fetch(`${sandbox.url}/browse/SUP-1`)).text();
  expect(agentView).toMatch(/<iframe class="forge"[^>]*src="\/static\/issue-panel\/index.html\?theme=light"/);
  const users = await sandbox.users();
  const customer = users.find((u) => u.role === 'customer')!;
  const portal = await (
    await fetch(`${sandbox.url}/portal/SUP-1`, { headers: { cookie: `sandbox_user=${customer.accountId}` } })
  ).text();
  expect(portal).toMatch(/SUP-1|<p class="notice"/);
});

it('serves Custom UI with the bridge script injected before the app bundle', async () => {
  const index = await (await fetch(`${sandbox.url}/static/issue-panel/index.html`)).text();
  expect(index.indexOf('/_sandbox/bridge/frame.js')).toBeGreaterThan(-1);
  expect(index.indexOf('/_sandbox/bridge/frame.js')).toBeLessThan(index.indexOf('/assets/'));
  expect((await fetch(`${sandbox.url}/static/issue-panel/../../package.json`)).status).toBe(404);
});

it('invokes a module’s resolver for the chosen account through POST /_sandbox/invoke', async () => {
  const reply = await fetch(`${sandbox.url}/_sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey: 'nope', functionKey: 'x', payload: {} }),
  });
  expect(reply.status).toBe(404);
  const ok = await fetch(`${sandbox.url}/_sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      moduleKey: 'sla-panel',
      issueKey: 'SUP-1',
      functionKey: ISSUE_PANEL.getView,
      payload: { lang: 'en' },
    }),
  });
  const answer = await ok.json();
  expect([ok.status, answer]).toEqual([200, { result: expect.anything() }]);
});

it('plays a comment through the agent’s form: it lands in the issue, as the chosen account', async () => {
  const form = new URLSearchParams({
    key: 'SUP-1',
    body: 'Posted from the page',
    visibility: 'internal',
    back: '/browse/SUP-1',
  });
  const reply = await fetch(`${sandbox.url}/_sandbox/ui/comment`, { method: 'POST', body: form, redirect: 'manual' });
  expect(reply.status).toBe(303);
  expect(reply.headers.get('location')).toBe('/browse/SUP-1');
  const comments = await sandbox
    .asUser(AGENT)
    .get<{ comments: Array<{ author: { emailAddress?: string; displayName: string }; jsdPublic?: boolean }> }>(
      '/rest/api/3/issue/SUP-1/comment',
    );
  const last = comments.body.comments[comments.body.comments.length - 1]!;
  expect(last.author.displayName).toBe('Alice Agent');
  expect(last.jsdPublic).toBe(false);
});
