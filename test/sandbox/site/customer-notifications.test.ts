/**
 * JSM's own customer notifications, as a new service project ships them, in the outbox with `source: "jsm"`
 * (sandbox/site/customer-notifications.ts).
 * Sources:
 * - Atlassian, "What notifications do my customers and team receive?"
 *   (https://support.atlassian.com/jira-service-desk-cloud/docs/what-notifications-do-my-customers-and-service-desk-team-receive/):
 *   the reporter, request participants and customers who posted a public comment get customer notifications;
 *   "people will get notifications of other people's activity on the request. They won't get notifications for
 *   their own activity"; organization members' notifications are off until they opt in.
 * - JSM's default customer notifications (Project settings → Notifications → Customer notifications), as
 *   Atlassian describes them: "Request created" (customers create requests in the portal or send an email to the
 *   email channel: a confirmation), "Public comment added", "Request resolved" (the resolution field is set),
 *   "Request reopened" (the resolution field is cleared), "Participant added" (the new participants),
 *   "Customer-visible status changed"; each switched per project; the actions of one step are batched into one
 *   email.
 * Where the sources are silent, the stricter choice, said beside the assertion.
 */
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const CLAIRE = 'sandbox-customer-acme-1';
const MARC = 'sandbox-customer-acme-2';
const HIRO = 'sandbox-customer-globex-2';
const control = () => t.as(undefined);
const jsmEmails = () => t.site.outbox().filter((e) => e.source === 'jsm');
const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function portalRequest(summary: string, project?: string): Promise<string> {
  const answer = await control().post('/_sandbox/portal/request', { summary, reporter: CLAIRE, project });
  expect(answer.status).toBe(201);
  return (answer.body as { issueKey: string }).issueKey;
}

async function moveTo(email: string, key: string, statusName: string, resolution?: string): Promise<void> {
  const { body } = await t.as(email).get(`/rest/api/3/issue/${key}/transitions`);
  const transition = (body as { transitions: { id: string; to: { name: string } }[] }).transitions.find(
    (tr) => tr.to.name === statusName,
  )!;
  const answer = await t.as(email).post(`/rest/api/3/issue/${key}/transitions`, {
    transition: { id: transition.id },
    ...(resolution ? { fields: { resolution: { name: resolution } } } : {}),
  });
  expect(answer.status).toBe(204);
}

async function comment(email: string, key: string, text: string, internal = false): Promise<void> {
  const answer = await t.as(email).post(`/rest/api/3/issue/${key}/comment`, {
    body: adf(text),
    properties: [{ key: 'sd.public.comment', value: { internal } }],
  });
  expect(answer.status).toBe(201);
}

describe("JSM's customer notifications, as a new service project has them", () => {
  it('confirms a request raised in the portal or by email to its reporter, not one an agent creates in Jira', async () => {
    // "Request created": customers create requests in the portal or send an email to the email channel.
    const portal = await portalRequest('Black screen');
    expect(jsmEmails()).toEqual([
      expect.objectContaining({
        issueKey: portal,
        to: [CLAIRE],
        source: 'jsm',
        textBody: expect.stringContaining('received'),
      }),
    ]);
    const email = await control().post('/_sandbox/email', { from: 'hiro@globex.test', subject: 'VPN', body: 'Down' });
    const emailKey = (email.body as { issueKey: string }).issueKey;
    expect(jsmEmails().filter((e) => e.issueKey === emailKey)).toEqual([expect.objectContaining({ to: [HIRO] })]);

    // Silent on a request an agent raises in Jira or through the API: no confirmation (the stricter reading of
    // "customers create requests in the portal or send an email").
    const created = await t.as(AGENT).post('/rest/api/3/issue', {
      fields: {
        project: { key: 'SUP' },
        issuetype: { id: '10004' },
        summary: 'Raised by an agent',
        reporter: { accountId: CLAIRE },
      },
    });
    expect(created.status).toBe(201);
    expect(jsmEmails().filter((e) => e.issueKey === (created.body as { key: string }).key)).toEqual([]);
  });

  it('emails a public comment to the people involved but its author, never an internal or restricted one', async () => {
    const key = await portalRequest('Printer');
    const added = await t.as(AGENT).post(`/rest/servicedeskapi/request/${key}/participant`, { accountIds: [MARC] });
    expect(added.status).toBe(200);
    const before = jsmEmails().length;
    await comment(AGENT, key, 'Internal: check the toner', true);
    const restricted = await t.as(AGENT).post(`/rest/api/3/issue/${key}/comment`, {
      body: adf('Team only: the toner again'),
      visibility: { type: 'role', value: 'Service Desk Team' },
    });
    expect(restricted.status).toBe(201);
    expect(jsmEmails()).toHaveLength(before);

    await comment(AGENT, key, 'We are on it.');
    const [reply] = jsmEmails().slice(before);
    expect(reply).toMatchObject({ to: [CLAIRE, MARC], textBody: expect.stringContaining('We are on it.') });
    expect(reply!.textBody).not.toContain('toner');
    // "They won't get notifications for their own activity": Claire's comment goes to Marc alone.
    await comment('claire@acme.test', key, 'Thanks');
    expect(jsmEmails().slice(before + 1)).toEqual([expect.objectContaining({ to: [MARC] })]);
  });

  it('counts a customer who posted a public comment among the people involved', async () => {
    // "Are a customer (not an agent or admin) and they post a public comment on a request": Marc (same
    // organization as Claire) comments without being a participant, then hears of the agent's answer.
    const key = await portalRequest('Shared printer');
    await comment('marc@acme.test', key, 'Same here.');
    const before = jsmEmails().length;
    await comment(AGENT, key, 'Fixed for both of you.');
    expect(jsmEmails().slice(before)).toEqual([expect.objectContaining({ to: [CLAIRE, MARC] })]);
  });

  it('batches the notifications of one step: a move that sets the resolution with a comment is one email', async () => {
    const key = await portalRequest('Slow');
    const before = jsmEmails().length;
    await moveTo(AGENT, key, 'En cours');
    const [moved] = jsmEmails().slice(before);
    expect(moved!.textBody).toContain('changed to En cours');
    expect(moved!.textBody).not.toContain('resolved');

    const { body } = await t.as(AGENT).get(`/rest/api/3/issue/${key}/transitions`);
    const resolve = (body as { transitions: { id: string; to: { name: string } }[] }).transitions.find(
      (tr) => tr.to.name === 'Résolu',
    )!;
    const answer = await t.as(AGENT).post(`/rest/api/3/issue/${key}/transitions`, {
      transition: { id: resolve.id },
      fields: { resolution: { name: 'Done' } },
      update: { comment: [{ add: { body: adf('Cache cleared.') } }] },
    });
    expect(answer.status).toBe(204);
    const sent = jsmEmails().slice(before + 1);
    // "Each customer action notification rule is evaluated separately for all actions performed in the same
    // step ... then batched into a single email".
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual([CLAIRE]);
    expect(sent[0]!.textBody).toContain('changed to Résolu');
    expect(sent[0]!.textBody).toContain('has been resolved (Done)');
    expect(sent[0]!.textBody).toContain('Cache cleared.');
  });

  it('tells the people involved when a customer reopens a request (the resolution cleared), but not the customer', async () => {
    const key = await portalRequest('Again');
    await t.as(AGENT).post(`/rest/servicedeskapi/request/${key}/participant`, { accountIds: [MARC] });
    await moveTo(AGENT, key, 'Résolu', 'Done');
    const before = jsmEmails().length;
    const { body } = await t.as('claire@acme.test').get(`/rest/api/3/issue/${key}/transitions`);
    const [reopen] = (body as { transitions: { id: string }[] }).transitions;
    expect(
      (await t.as('claire@acme.test').post(`/rest/api/3/issue/${key}/transitions`, { transition: reopen })).status,
    ).toBe(204);
    const sent = jsmEmails().slice(before);
    expect(sent).toEqual([expect.objectContaining({ to: [MARC], textBody: expect.stringContaining('reopened') })]);
  });

  it('tells new participants they were added, once', async () => {
    const key = await portalRequest('Access');
    const before = jsmEmails().length;
    await t.as(AGENT).post(`/rest/servicedeskapi/request/${key}/participant`, { accountIds: [MARC, MARC] });
    await t.as(AGENT).post(`/rest/servicedeskapi/request/${key}/participant`, { accountIds: [MARC] });
    expect(jsmEmails().slice(before)).toEqual([
      expect.objectContaining({ to: [MARC], textBody: expect.stringContaining('added you') }),
    ]);
  });

  it('sends nothing for a Jira Software project', async () => {
    // Customer notifications belong to service projects only (a request type in a service project).
    const created = await t.as(AGENT).post('/rest/api/3/issue', {
      fields: {
        project: { key: 'DEV' },
        issuetype: { name: 'Task' },
        summary: 'Keys',
        reporter: { accountId: CLAIRE },
      },
    });
    expect(created.status).toBe(201);
    await comment(AGENT, (created.body as { key: string }).key, 'Started.');
    expect(jsmEmails()).toEqual([]);
  });

  it("tells the app's emails from JSM's in the outbox", async () => {
    const key = await portalRequest('Source');
    const notify = await t
      .asApp()
      .post(`/rest/api/3/issue/${key}/notify`, { subject: 'From the app', textBody: 'Hello', to: { reporter: true } });
    expect(notify.status).toBe(204);
    const outbox = (await control().get('/_sandbox/outbox')).body as { source: string; subject: string }[];
    expect(outbox.filter((e) => e.subject === 'From the app').map((e) => e.source)).toEqual(['app']);
    expect(outbox.filter((e) => e.source === 'jsm')).toHaveLength(1);
    // A person's call of the same notify API (POST /rest/api/3/issue/{issueIdOrKey}/notify) is Jira's email, not the app's.
    const byAgent = await t
      .as(AGENT)
      .post(`/rest/api/3/issue/${key}/notify`, { subject: 'From Alice', textBody: 'Hi', to: { reporter: true } });
    expect(byAgent.status).toBe(204);
    const after = (await control().get('/_sandbox/outbox')).body as { source: string; subject: string }[];
    expect(after.filter((e) => e.subject === 'From Alice').map((e) => e.source)).toEqual(['jira']);
  });
});

describe('the settings, per service project', () => {
  it('has every notification on, and turns one off in one project only', async () => {
    const sup = await control().get('/_sandbox/projects/SUP/customer-notifications');
    expect(sup).toMatchObject({
      status: 200,
      body: {
        requestCreated: true,
        publicCommentAdded: true,
        customerVisibleStatusChanged: true,
        requestResolved: true,
        requestReopened: true,
        participantAdded: true,
      },
    });
    const changed = await control().put('/_sandbox/projects/SUP/customer-notifications', {
      publicCommentAdded: false,
    });
    expect(changed).toMatchObject({ status: 200, body: { publicCommentAdded: false, requestCreated: true } });
    expect((await control().get('/_sandbox/projects/IT/customer-notifications')).body).toMatchObject({
      publicCommentAdded: true,
    });

    const key = await portalRequest('Quiet comments');
    const it = await portalRequest('Loud comments', 'IT');
    const before = jsmEmails().length;
    await comment(AGENT, key, 'No email for this one.');
    await comment(AGENT, it, 'An email for this one.');
    expect(
      jsmEmails()
        .slice(before)
        .map((e) => e.issueKey),
    ).toEqual([it]);
  });

  it('takes its defaults from the site options (the sandbox started with them off)', async () => {
    await t.close();
    t = await startTestSite({ customerNotifications: { requestCreated: false } });
    await portalRequest('Nobody confirms');
    expect(jsmEmails()).toEqual([]);
    expect((await control().get('/_sandbox/projects/SUP/customer-notifications')).body).toMatchObject({
      requestCreated: false,
      publicCommentAdded: true,
    });
  });

  it('refuses what is not a notification, a value that is not true or false, and a project that is not JSM', async () => {
    const put = (key: string, body: unknown) => control().put(`/_sandbox/projects/${key}/customer-notifications`, body);
    expect((await put('SUP', { approvalRequired: false })).status).toBe(400);
    expect((await put('SUP', { requestCreated: 'no' })).status).toBe(400);
    expect((await put('SUP', [])).status).toBe(400);
    expect((await put('DEV', { requestCreated: false })).status).toBe(404);
    expect((await control().get('/_sandbox/projects/NOPE/customer-notifications')).status).toBe(404);
    expect((await control().get('/_sandbox/projects/SUP/customer-notifications')).body).toMatchObject({
      requestCreated: true,
    });
  });
});
