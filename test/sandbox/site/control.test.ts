// The site's part of the control surface (DESIGN.md section 3), over HTTP.
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const control = () => t.as(undefined);

describe('control surface', () => {
  it('answers health 200 when ready, 503 while the runtime holds it', async () => {
    // Source: DESIGN.md section 3 (GET /_sandbox/health), the sandbox's own control contract.
    expect((await control().get('/_sandbox/health')).status).toBe(200);
    t.site.setReady(false);
    expect((await control().get('/_sandbox/health')).status).toBe(503);
  });

  it('lists the seeded accounts with their roles and organizations, not the app', async () => {
    // Source: DESIGN.md section 3 (GET /_sandbox/users).
    const users = (await control().get('/_sandbox/users')).body as Array<{
      role: string;
      organization: string | null;
      emailAddress: string;
    }>;
    expect(users).toEqual(t.site.users());
    expect(users[0]).toEqual({
      accountId: 'sandbox-agent-1',
      emailAddress: 'agent1@sandbox.test',
      displayName: 'Alice Agent',
      role: 'agent',
      organization: null,
    });
    expect(users.map((u) => u.role).sort()).toEqual([
      'admin',
      'agent',
      'agent',
      'customer',
      'customer',
      'customer',
      'customer',
      'offer-manager',
      'team-lead',
    ]);
    expect(new Set(users.filter((u) => u.role === 'customer').map((u) => u.organization))).toEqual(
      new Set(['Acme Industries', 'Globex Cloud']),
    );
  });

  it('creates a portal request for a reporter', async () => {
    // Source: DESIGN.md section 3 (POST /_sandbox/portal/request): a request as JSM's portal raises it (channel portal).
    const answer = await control().post('/_sandbox/portal/request', {
      summary: 'Écran noir',
      description: 'Depuis ce matin',
      reporter: 'sandbox-customer-globex-1',
    });
    expect(answer).toMatchObject({ status: 201, body: { issueKey: 'SUP-13' } });
    const found = await t
      .as('agent1@sandbox.test')
      .post('/rest/api/3/search/jql', { jql: 'request-channel-type = portal AND key = SUP-13' });
    expect(found.body.issues).toHaveLength(1);
    expect(t.events).toEqual([
      expect.objectContaining({ eventType: 'avi:jira:created:issue', actorAccountId: 'sandbox-customer-globex-1' }),
    ]);
    expect((await control().post('/_sandbox/portal/request', { summary: 'x', reporter: 'nobody' })).status).toBe(400);
  });

  it('turns an email into a request, and a reply naming the key into a public comment by the sender', async () => {
    // Source: JSM's email channel (https://confluence.atlassian.com/jirakb/incoming-email-should-be-a-new-issue-instead-of-a-comment-in-jsm-cloud-1155485862.html): an email whose subject holds the key of a request its sender is involved in comments on it; otherwise it raises a request.
    const created = await control().post('/_sandbox/email', {
      from: 'gwen@globex.test',
      subject: 'Backups failing',
      body: 'Since Monday.',
    });
    expect(created).toMatchObject({ status: 201, body: { issueKey: 'SUP-13' } });
    const reply = await control().post('/_sandbox/email', {
      from: 'gwen@globex.test',
      subject: 'RE: [SUP-13] Backups failing',
      body: 'Here is the log.',
    });
    expect(reply.body).toEqual({ issueKey: 'SUP-13' });
    const comments = await t.as('agent1@sandbox.test').get('/rest/api/3/issue/SUP-13/comment');
    expect(comments.body.comments).toEqual([
      expect.objectContaining({
        jsdPublic: true,
        author: expect.objectContaining({ accountId: 'sandbox-customer-globex-1' }),
      }),
    ]);
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:created:issue', 'avi:jira:commented:issue']);
    const channel = await t
      .as('agent1@sandbox.test')
      .post('/rest/api/3/search/jql', { jql: 'request-channel-type = email AND key = SUP-13' });
    expect(channel.body.issues).toHaveLength(1);
  });

  it('does not let an email comment on a request the sender cannot see: it opens a new one', async () => {
    // Source: the same KB page: "Does the Subject of this email contain an Issue Key? If it does, is this particular
    // sender involved in that issue?" — if not, the email raises a new request.
    const answer = await control().post('/_sandbox/email', {
      from: 'gwen@globex.test',
      subject: 'RE: SUP-1',
      body: 'hello',
    });
    expect(answer.body.issueKey).toBe('SUP-13');
  });

  it('creates a customer for an unknown sender', async () => {
    const answer = await control().post('/_sandbox/email', {
      from: 'new.person@example.test',
      subject: 'Hello',
      body: 'Hi',
    });
    expect(answer.status).toBe(201);
    const me = await t.as('new.person@example.test').get('/rest/api/3/myself');
    expect(me.body).toMatchObject({ accountType: 'customer', emailAddress: 'new.person@example.test' });
  });

  it('lists the outbox in the control shape', async () => {
    // Source: DESIGN.md section 3 (GET /_sandbox/outbox: id, at, issueKey, subject, textBody, to, source).
    await t.asApp().post('/rest/api/3/issue/SUP-1/notify', { subject: 'S', textBody: 'T', to: { reporter: true } });
    const outbox = (await control().get('/_sandbox/outbox')).body;
    expect(outbox).toEqual([
      {
        id: expect.any(Number),
        at: expect.stringMatching(/Z$/),
        issueKey: 'SUP-1',
        subject: 'S',
        textBody: 'T',
        to: ['sandbox-customer-acme-1'],
        source: 'app',
      },
    ]);
  });

  it('reseeds on resetAndSeed', async () => {
    await control().post('/_sandbox/portal/request', { summary: 'extra', reporter: 'sandbox-customer-acme-1' });
    t.site.resetAndSeed();
    const all = await t
      .as('agent1@sandbox.test')
      .post('/rest/api/3/search/jql', { jql: 'project = SUP', maxResults: 100 });
    expect(all.body.issues).toHaveLength(12);
  });
});
