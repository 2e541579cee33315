// The site's Jira REST v3 API over real HTTP, as a Jira client calls it; every 2xx body is checked against
// Atlassian's OpenAPI spec (test/support/openapi.ts).
import { validateResponse } from '../../support/openapi';
import { startTestSite, type Answer, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const CLAIRE = 'claire@acme.test'; // Acme Industries
const MARC = 'marc@acme.test'; // Acme Industries
const GWEN = 'gwen@globex.test'; // Globex Cloud
const ADMIN = 'admin@sandbox.test';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Expects a status and a body valid for the spec's schema of that operation and status. */
function expectValid(method: string, path: string, answer: Answer, status: number): void {
  expect({ status: answer.status, body: answer.status === status ? 'ok' : answer.body }).toEqual({
    status,
    body: 'ok',
  });
  expect(validateResponse(method, path, status, answer.body)).toEqual([]);
}

async function get(email: string, path: string, status = 200) {
  const answer = await t.as(email).get(path);
  expectValid('GET', path, answer, status);
  return answer.body;
}

describe('authentication', () => {
  it('answers 401 without credentials or with an unknown account', async () => {
    // Source: reference/jira-platform-openapi.v3.json, each operation's 401 ("the authentication credentials are incorrect").
    expect((await t.as(undefined).get('/rest/api/3/myself')).status).toBe(401);
    const unknown = await t.as('nobody@nowhere.test').get('/rest/api/3/issue/SUP-1');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errorMessages[0]).toMatch(/not authenticated/);
  });

  it('authenticates the runtime as the app account, of type app', async () => {
    const me = await t.asApp().get('/rest/api/3/myself');
    expectValid('GET', '/rest/api/3/myself', me, 200);
    expect(me.body).toMatchObject({ accountId: t.site.appAccountId, accountType: 'app' });
  });

  it('rejects an internal header with a wrong secret', async () => {
    const header = t.site.internalAuthHeader(t.site.appAccountId).authorization!.replace(/ \w+ /, ' wrong ');
    const response = await fetch(`${t.url}/rest/api/3/myself`, { headers: { authorization: header } });
    expect(response.status).toBe(401);
  });
});

describe('users, groups and permissions', () => {
  it('describes the caller with locale and groups', async () => {
    const me = await get(AGENT, '/rest/api/3/myself');
    expect(me).toMatchObject({
      accountId: 'sandbox-agent-1',
      displayName: 'Alice Agent',
      accountType: 'atlassian',
      locale: 'fr_FR',
      groups: { items: [{ name: 'support-team' }] },
    });
    expect((await get(AGENT, '/rest/api/3/user?accountId=sandbox-customer-globex-1')).locale).toBe('en_US');
  });

  it('lists the support team', async () => {
    const page = await get(AGENT, '/rest/api/3/group/member?groupname=support-team');
    expect(page.values.map((u: { accountId: string }) => u.accountId)).toEqual([
      'sandbox-agent-1',
      'sandbox-agent-2',
      'sandbox-team-lead',
    ]);
    expect((await t.as(AGENT).get('/rest/api/3/group/member?groupname=nope')).status).toBe(404);
  });

  it('lists the agents as the assignable users', async () => {
    const users = await get(AGENT, '/rest/api/3/user/assignable/search?issueKey=SUP-1');
    expect(users.map((u: { accountId: string }) => u.accountId)).toEqual([
      'sandbox-agent-1',
      'sandbox-agent-2',
      'sandbox-team-lead',
      'sandbox-offer-manager',
    ]);
  });

  it('finds people by the start of a name or email, accents and case aside, never the app', async () => {
    const names = (users: { displayName: string }[]) => users.map((u) => u.displayName);
    expect(names(await get(ADMIN, `/rest/api/3/user/search?query=${encodeURIComponent('lea')}`))).toEqual(['Léa Lead']);
    expect(names(await get(ADMIN, '/rest/api/3/user/search?query=agent'))).toEqual(['Alice Agent', 'Bruno Agent']);
    expect(names(await get(ADMIN, '/rest/api/3/user/search?query=offers%40'))).toEqual(['Olivier Offre']);
    expect(await get(ADMIN, '/rest/api/3/user/search?query=support%20rules')).toEqual([]);
    expect((await t.as(ADMIN).get('/rest/api/3/user/search')).status).toBe(400);
  });

  it('picks groups whose name contains the query', async () => {
    const found = await get(ADMIN, '/rest/api/3/groups/picker?query=SUPP');
    expect(found).toMatchObject({ total: 1, groups: [{ name: 'support-team' }] });
    expect((await get(ADMIN, '/rest/api/3/groups/picker?query=nope')).groups).toEqual([]);
  });

  it('grants ADMINISTER to admins only, and BROWSE on an issue to those who may see it', async () => {
    // Source: reference/jira-platform-openapi.v3.json getMyPermissions 400 ("`permissions` is empty, contains an invalid key …"; `havePermission` per key).
    const path = '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS&issueKey=SUP-1';
    expect((await get(ADMIN, path)).permissions.ADMINISTER.havePermission).toBe(true);
    expect((await get(AGENT, path)).permissions).toMatchObject({
      ADMINISTER: { havePermission: false },
      BROWSE_PROJECTS: { havePermission: true },
    });
    expect((await get(MARC, path)).permissions.BROWSE_PROJECTS.havePermission).toBe(true); // same organization as Claire
    expect((await get(GWEN, path)).permissions.BROWSE_PROJECTS.havePermission).toBe(false);
    expect((await t.as(AGENT).get('/rest/api/3/mypermissions')).status).toBe(400);
  });

  it("lists statuses (every project's, once each), resolutions and priorities", async () => {
    expect((await get(ADMIN, '/rest/api/3/status')).map((s: { name: string }) => s.name)).toEqual([
      'Soumise',
      'En cours',
      'En attente du client',
      "En attente d'un tiers",
      'Opération planifiée',
      'Résolu',
      'Fermée',
      'Waiting for support',
      'In Progress',
      'Waiting for customer',
      'Pending',
      'Resolved',
      'Closed',
      'To Do',
      'Done',
    ]);
    expect((await get(ADMIN, '/rest/api/3/resolution')).map((r: { name: string }) => r.name)).toEqual([
      'Done',
      'Consulting',
    ]);
    expect((await get(ADMIN, '/rest/api/3/priority')).map((p: { name: string }) => p.name)).toEqual([
      'Highest',
      'High',
      'Medium',
      'Low',
      'Lowest',
    ]);
  });

  it('pages resolutions as GET /rest/api/3/resolution/search does', async () => {
    // Source: reference/jira-platform-openapi.v3.json searchResolutions (PageBeanResolutionJsonBean: startAt,
    // maxResults, total, isLast, nextPage when another page follows; `id` filters, invalid ids ignored); each page
    // validated against the spec.
    const first = await get(ADMIN, '/rest/api/3/resolution/search?startAt=0&maxResults=1');
    expect(first).toMatchObject({ startAt: 0, maxResults: 1, total: 2, isLast: false, values: [{ name: 'Done' }] });
    expect(first.nextPage).toContain('startAt=1');
    const next = await get(ADMIN, new URL(first.nextPage).pathname + new URL(first.nextPage).search);
    expect(next).toMatchObject({ startAt: 1, isLast: true, values: [{ id: '10001', name: 'Consulting' }] });
    expect(next.nextPage).toBeUndefined();
    const byId = await get(ADMIN, '/rest/api/3/resolution/search?id=10001&id=999');
    expect(byId.values.map((r: { name: string }) => r.name)).toEqual(['Consulting']);
    expect((await t.as(ADMIN).get('/rest/api/3/resolution/search?maxResults=x')).status).toBe(400);
  });
});

describe('issues', () => {
  it('returns an issue as Jira does, with its changelog on expand', async () => {
    // Source: reference/jira-platform-openapi.v3.json getIssue (`expand=changelog`: PageOfChangelogs on the issue); the body validated against it.
    const issue = await get(AGENT, '/rest/api/3/issue/SUP-10?expand=changelog');
    expect(issue).toMatchObject({ key: 'SUP-10', id: expect.stringMatching(/^\d+$/) });
    expect(issue.fields).toMatchObject({
      summary: 'Automation rule runs twice',
      status: { name: 'En cours', statusCategory: { key: 'indeterminate' } },
      resolution: null,
      reporter: { accountId: 'sandbox-customer-globex-2', accountType: 'customer' },
      customfield_10002: [{ id: '2', name: 'Globex Cloud' }],
      project: { key: 'SUP' },
    });
    expect(issue.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    // created → in progress → resolved (Done) → reopened by the customer.
    const moves = issue.changelog.histories.map(
      (h: { author: { accountId: string }; items: { field: string; toString: string | null }[] }) => [
        h.author.accountId,
        h.items.map((i) => `${i.field}:${i.toString}`).join(','),
      ],
    );
    expect(moves).toEqual([
      ['sandbox-agent-2', 'status:En cours'],
      ['sandbox-agent-2', 'status:Résolu,resolution:Done'],
      ['sandbox-customer-globex-2', 'status:En cours,resolution:null'],
    ]);
    expect(issue.changelog.total).toBe(3);
  });

  it('lists the transitions the caller may take on expand=transitions, as GET …/transitions does', async () => {
    // Source: reference/jira-platform-openapi.v3.json getIssue (`expand`: "`transitions` Returns all possible
    // transitions for the issue"; IssueBean.transitions, IssueTransition[]); the body validated against it.
    const issue = await get(AGENT, '/rest/api/3/issue/SUP-10?fields=status&expand=transitions');
    const own = await get(AGENT, '/rest/api/3/issue/SUP-10/transitions');
    expect(issue.fields).toEqual({ status: expect.objectContaining({ name: 'En cours' }) });
    expect(issue.transitions).toEqual(own.transitions);
    expect(issue.transitions.length).toBeGreaterThan(0);
    expect((await get(AGENT, '/rest/api/3/issue/SUP-10?fields=status')).transitions).toBeUndefined();
  });

  it("names the fields and their types on expand=names,schema (how the app finds JSM's Organizations field)", async () => {
    // Source: reference/jira-platform-openapi.v3.json getIssue (`expand`: names, schema; IssueBean.names, IssueBean.schema).
    const issue = await get(AGENT, '/rest/api/3/issue/SUP-1?expand=changelog,names,schema');
    expect(issue.names).toMatchObject({
      status: 'Status',
      customfield_10002: 'Organizations',
      customfield_10003: 'Request participants',
    });
    expect(issue.schema.customfield_10002).toEqual({
      type: 'array',
      items: 'sd-customerorganization',
      custom: 'com.atlassian.servicedesk:sd-customer-organizations',
      customId: 10002,
    });
    const plain = await get(AGENT, '/rest/api/3/issue/SUP-1');
    expect(plain.names).toBeUndefined();
  });

  it('holds the request participants in the Request participants field of the issue read, as JSM lists them', async () => {
    // Source: reference/jira-platform-openapi.v3.json getIssue (`fields`: all navigable fields by default; `expand`:
    // schema), where JSM's Request participants is a custom field of type
    // com.atlassian.servicedesk:sd-request-participants, a list of users. The spec does not list JSM's fields: the
    // sandbox keeps this one equal to GET
    // /rest/servicedeskapi/request/{key}/participant. The app reads it to know the participants without that call,
    // and calls JSM when a read lacks the field (src/entry/shared/request-audience.ts).
    const participantsField = async () => {
      const issue = await get(AGENT, '/rest/api/3/issue/SUP-1?expand=names,schema');
      const id = Object.keys(issue.schema).find(
        (f) => issue.schema[f].custom === 'com.atlassian.servicedesk:sd-request-participants',
      )!;
      return issue.fields[id] as { accountId: string }[] | null;
    };
    const listed = async () =>
      (
        (await t.as(AGENT).get('/rest/servicedeskapi/request/SUP-1/participant')).body as {
          values: { accountId: string }[];
        }
      ).values.map((p) => p.accountId);
    expect(await listed()).toEqual([]);
    // Empty: [] here; a site may answer null (the app reads both as nobody: participantIdsOf).
    expect((await participantsField()) ?? []).toEqual([]);
    const gwen = 'sandbox-customer-globex-1'; // Gwen Parker, Globex Cloud: not of SUP-1's organization
    expect(
      (await t.as(AGENT).post('/rest/servicedeskapi/request/SUP-1/participant', { accountIds: [gwen] })).status,
    ).toBe(200);
    expect((await participantsField())!.map((u) => u.accountId)).toEqual(await listed());
    expect(await listed()).toEqual([gwen]);
  });

  it("lets agents create a request through Jira's API (channel jira), not customers", async () => {
    // Source: reference/jira-platform-openapi.v3.json createIssue (Create issues project permission; portal-only customers have none).
    const body = {
      fields: {
        project: { key: 'SUP' },
        issuetype: { id: '10004' },
        summary: 'Appel client',
        description: adf('Par téléphone'),
        reporter: { accountId: 'sandbox-customer-acme-2' },
        priority: { name: 'High' },
      },
    };
    const created = await t.as(AGENT).post('/rest/api/3/issue', body);
    expectValid('POST', '/rest/api/3/issue', created, 201);
    expect(created.body.key).toBe('SUP-13');
    const issue = await get(AGENT, '/rest/api/3/issue/SUP-13?fields=reporter,creator,priority,customfield_10002');
    expect(issue.fields).toMatchObject({
      reporter: { accountId: 'sandbox-customer-acme-2' },
      creator: { accountId: 'sandbox-agent-1' },
      priority: { name: 'High' },
      customfield_10002: [{ name: 'Acme Industries' }],
    });
    const channel = await t
      .as(AGENT)
      .post('/rest/api/3/search/jql', { jql: 'key = SUP-13 AND request-channel-type = jira' });
    expect(channel.body.issues).toHaveLength(1);
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:created:issue']);
    expect((await t.as(CLAIRE).post('/rest/api/3/issue', body)).status).toBe(403);
    expect(
      (await t.as(AGENT).post('/rest/api/3/issue', { fields: { ...body.fields, project: { key: 'NOPE' } } })).status,
    ).toBe(400);
  });

  it('returns only the fields asked for', async () => {
    // Source: reference/jira-platform-openapi.v3.json getIssue (`fields`: "a list of fields to return for the issue").
    const issue = await get(AGENT, '/rest/api/3/issue/SUP-1?fields=summary,status');
    expect(Object.keys(issue.fields).sort()).toEqual(['status', 'summary']);
    const without = await get(AGENT, '/rest/api/3/issue/SUP-1?fields=*all,-comment,-description');
    expect(without.fields.comment).toBeUndefined();
    expect(without.fields.summary).toBeDefined();
  });

  it('hides requests from customers outside their organization, with a 404 as Jira does', async () => {
    // Source: reference/jira-platform-openapi.v3.json getIssue 404 ("the issue is not found or the user does not have permission to view it"); involved customers: https://confluence.atlassian.com/jirakb/a-request-can-t-be-viewed-from-the-customer-portal-in-jsm-1157182061.html
    expect((await t.as(GWEN).get('/rest/api/3/issue/SUP-1')).status).toBe(404);
    await get(MARC, '/rest/api/3/issue/SUP-1');
    expect((await t.as(AGENT).get('/rest/api/3/issue/SUP-999')).status).toBe(404);
  });

  it('pages the changelog', async () => {
    // Source: reference/jira-platform-openapi.v3.json getChangeLogs (PageBeanChangelog: startAt, maxResults, total, isLast).
    const first = await get(AGENT, '/rest/api/3/issue/SUP-10/changelog?startAt=0&maxResults=2');
    expect(first).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(first.values).toHaveLength(2);
    const second = await get(AGENT, '/rest/api/3/issue/SUP-10/changelog?startAt=2&maxResults=2');
    expect(second).toMatchObject({ total: 3, isLast: true });
    expect(second.values[0].items[0]).toMatchObject({
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: '10006',
      fromString: 'Résolu',
      to: '10002',
    });
  });

  it('edits fields as an agent, recording the change and firing avi:jira:updated:issue', async () => {
    // Source: spec editIssue (204); Forge's avi:jira:updated:issue carries the changelog (https://developer.atlassian.com/platform/forge/events-reference/jira/).
    const answer = await t.as(AGENT).put('/rest/api/3/issue/SUP-1', {
      fields: { priority: { name: 'High' }, assignee: { accountId: 'sandbox-agent-1' } },
    });
    expect(answer.status).toBe(204);
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue']);
    expect(t.events[0]!.payload.changelog).toMatchObject({
      items: [
        { field: 'priority', from: '3', fromString: 'Medium', to: '2', toString: 'High' },
        { field: 'assignee', from: null, to: 'sandbox-agent-1', toString: 'Alice Agent' },
      ],
    });
    expect((await t.as(CLAIRE).put('/rest/api/3/issue/SUP-1', { fields: { summary: 'x' } })).status).toBe(403);
    expect(
      (await t.as(AGENT).put('/rest/api/3/issue/SUP-1', { fields: { duedate: '2027-01-01' } })).body.errors.duedate,
    ).toMatch(/cannot be set/);
  });
});

describe('comments', () => {
  it('adds a public comment and an internal note (sd.public.comment), with jsdPublic', async () => {
    // Source: reference/jira-platform-openapi.v3.json addComment, Comment.jsdPublic ("Whether the comment is visible in Jira Service Desk"), Comment.properties.
    const path = '/rest/api/3/issue/SUP-1/comment';
    const pub = await t.as(AGENT).post(path, { body: adf('Nous regardons.') });
    expectValid('POST', path, pub, 201);
    expect(pub.body).toMatchObject({
      jsdPublic: true,
      author: { accountId: 'sandbox-agent-1' },
      body: adf('Nous regardons.'),
    });
    const note = await t.as(AGENT).post(path, {
      body: adf('Voir le ticket interne.'),
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    expectValid('POST', path, note, 201);
    expect(note.body.jsdPublic).toBe(false);

    const asAgent = await get(AGENT, path);
    expect(asAgent.comments.map((c: { jsdPublic: boolean }) => c.jsdPublic)).toEqual([true, false]);
    const asCustomer = await get(CLAIRE, path);
    expect(asCustomer.comments.map((c: { id: string }) => c.id)).toEqual([pub.body.id]);
    const property = await get(AGENT, `/rest/api/3/comment/${note.body.id}/properties/sd.public.comment`);
    expect(property).toEqual({ key: 'sd.public.comment', value: { internal: true } });
    expect((await t.as(CLAIRE).get(`/rest/api/3/comment/${note.body.id}/properties/sd.public.comment`)).status).toBe(
      404,
    );
  });

  it('fires avi:jira:commented:issue with the actor and the comment, after the write', async () => {
    // Source: Forge Jira events (https://developer.atlassian.com/platform/forge/events-reference/jira/): avi:jira:commented:issue.
    const answer = await t.as(CLAIRE).post('/rest/api/3/issue/SUP-1/comment', { body: adf('Merci') });
    expect(answer.status).toBe(201);
    expect(t.events).toHaveLength(1);
    const event = t.events[0]!;
    expect(event).toMatchObject({ eventType: 'avi:jira:commented:issue', actorAccountId: 'sandbox-customer-acme-1' });
    expect(event.payload).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      atlassianId: 'sandbox-customer-acme-1',
      associatedUsers: [{ accountId: 'sandbox-customer-acme-1' }],
      issue: {
        key: 'SUP-1',
        fields: { reporter: { accountId: 'sandbox-customer-acme-1' }, status: { name: 'Soumise' } },
      },
      comment: { id: answer.body.id, jsdPublic: true, author: { accountId: 'sandbox-customer-acme-1' } },
    });
    // The listener could read the comment back: the event came after the commit.
    expect((await t.as(AGENT).get(`/rest/api/3/issue/SUP-1/comment/${answer.body.id}`)).status).toBe(200);
  });

  it("refuses internal notes from customers, comments on others' requests, and non-ADF bodies", async () => {
    // Source: reference/jira-platform-openapi.v3.json addComment (body in Atlassian Document Format; 400 "the request is invalid", 404 "the issue is not found or the user does not have permission to view it"); JSM https://developer.atlassian.com/cloud/jira/service-desk/rest/ (customers add public comments only).
    const note = await t.as(CLAIRE).post('/rest/api/3/issue/SUP-1/comment', {
      body: adf('x'),
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    expect(note.status).toBe(403);
    expect((await t.as(GWEN).post('/rest/api/3/issue/SUP-1/comment', { body: adf('x') })).status).toBe(404);
    expect((await t.as(AGENT).post('/rest/api/3/issue/SUP-1/comment', { body: 'plain text' })).status).toBe(400);
    expect(t.events).toEqual([]);
  });

  it('orders and pages comments', async () => {
    // Source: reference/jira-platform-openapi.v3.json getComments (PageOfComments: startAt, maxResults, total).
    for (const text of ['one', 'two', 'three'])
      await t.as(AGENT).post('/rest/api/3/issue/SUP-1/comment', { body: adf(text) });
    const page = await get(AGENT, '/rest/api/3/issue/SUP-1/comment?orderBy=-created&maxResults=2');
    expect(page).toMatchObject({ startAt: 0, maxResults: 2, total: 3 });
    expect(page.comments.map((c: { body: unknown }) => c.body)).toEqual([adf('three'), adf('two')]);
  });
});

describe('transitions', () => {
  it('offers agents every other status, with ids and targets', async () => {
    // Source: reference/jira-platform-openapi.v3.json getTransitions (Transitions: id, name, to).
    const answer = await get(AGENT, '/rest/api/3/issue/SUP-1/transitions');
    expect(answer.transitions.map((tr: { id: string; to: { name: string } }) => `${tr.id}:${tr.to.name}`)).toEqual([
      '21:En cours',
      '31:En attente du client',
      "41:En attente d'un tiers",
      '51:Opération planifiée',
      '61:Résolu',
      '71:Fermée',
    ]);
  });

  it('closes with a resolution and a comment: updated, then commented; reopening clears the resolution', async () => {
    // Source: reference/jira-platform-openapi.v3.json doTransition (`fields.resolution`, `update.comment`); Forge Jira events for the order of the events.
    const close = await t.as(AGENT).post('/rest/api/3/issue/SUP-3/transitions', {
      transition: { id: '71' },
      fields: { resolution: { name: 'Consulting' } },
      update: { comment: [{ add: { body: adf('Besoin de conseil : voir notre offre.') } }] },
    });
    expect(close.status).toBe(204);
    const closed = await get(AGENT, '/rest/api/3/issue/SUP-3?fields=status,resolution,resolutiondate');
    expect(closed.fields).toMatchObject({
      status: { name: 'Fermée' },
      resolution: { name: 'Consulting' },
      resolutiondate: expect.any(String),
    });
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:commented:issue']);
    expect(t.events[0]!.payload.changelog).toMatchObject({
      id: expect.any(String),
      items: [
        { field: 'status', from: '10002', fromString: 'En cours', to: '10007', toString: 'Fermée' },
        { field: 'resolution', from: null, to: '10001', toString: 'Consulting' },
      ],
    });

    // The customer sees only the reopen, and takes it.
    const offered = await get(MARC, '/rest/api/3/issue/SUP-3/transitions');
    expect(offered.transitions.map((tr: { id: string; to: { name: string } }) => `${tr.id}:${tr.to.name}`)).toEqual([
      '901:En cours',
    ]);
    expect((await t.as(MARC).post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '901' } })).status).toBe(
      204,
    );
    const reopened = await get(AGENT, '/rest/api/3/issue/SUP-3?fields=status,resolution,resolutiondate');
    expect(reopened.fields).toMatchObject({ status: { name: 'En cours' }, resolution: null, resolutiondate: null });
    expect(t.events[2]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      actorAccountId: 'sandbox-customer-acme-2',
    });
  });

  it('sets Done when an agent resolves without naming a resolution', async () => {
    await t.as(AGENT).post('/rest/api/3/issue/SUP-1/transitions', { transition: { id: '61' } });
    expect((await get(AGENT, '/rest/api/3/issue/SUP-1?fields=resolution')).fields.resolution.name).toBe('Done');
  });

  it('refuses what JSM refuses', async () => {
    // Source: reference/jira-platform-openapi.v3.json doTransition 400 ("no transition is specified", "a field that isn't included on the transition screen").
    const post = (email: string, body: unknown) => t.as(email).post('/rest/api/3/issue/SUP-1/transitions', body);
    expect((await post(CLAIRE, { transition: { id: '21' } })).status).toBe(403);
    expect((await post(AGENT, { transition: { id: '11' } })).status).toBe(400); // already Soumise
    expect(
      (await post(AGENT, { transition: { id: '21' }, fields: { resolution: { name: 'Done' } } })).body.errors
        .resolution,
    ).toMatch(/cannot be set/);
    expect((await post(AGENT, { transition: { id: '71' }, fields: { resolution: { name: 'Nope' } } })).status).toBe(
      400,
    );
    expect((await post(AGENT, {})).status).toBe(400);
    expect(t.events).toEqual([]);
  });
});

describe('issue properties', () => {
  const path = '/rest/api/3/issue/SUP-1/properties/supportRulesState';

  it('creates (201), replaces (200), reads, lists and deletes, without firing any event', async () => {
    // Source: reference/jira-platform-openapi.v3.json setIssueProperty (200 updated, 201 created), getIssuePropertyKeys, deleteIssueProperty (204).
    expect((await t.asApp().put(path, { waiting: 'yes', nextDueAt: 5 })).status).toBe(201);
    expect((await t.asApp().put(path, { waiting: 'no', nextDueAt: 9 })).status).toBe(200);
    const read = await t.asApp().get(path);
    expectValid('GET', path, read, 200);
    expect(read.body).toEqual({ key: 'supportRulesState', value: { waiting: 'no', nextDueAt: 9 } });
    const keys = await t.asApp().get('/rest/api/3/issue/SUP-1/properties');
    expectValid('GET', '/rest/api/3/issue/SUP-1/properties', keys, 200);
    expect(keys.body.keys.map((k: { key: string }) => k.key)).toEqual(['supportRulesState']);
    expect((await t.asApp().delete(path)).status).toBe(204);
    expect((await t.asApp().get(path)).status).toBe(404);
    expect(t.events).toEqual([]);
  });

  it('refuses customers and oversized values', async () => {
    // Source: reference/jira-platform-openapi.v3.json setIssueProperty ("The maximum length is 32768 characters"; Edit issues permission).
    expect((await t.as(CLAIRE).put(path, { a: 1 })).status).toBe(403);
    expect((await t.asApp().put(path, { big: 'x'.repeat(33_000) })).status).toBe(400);
  });
});

describe('JQL search', () => {
  const search = async (email: string, body: Record<string, unknown>, status = 200) => {
    const answer = await t.as(email).post('/rest/api/3/search/jql', body);
    expectValid('POST', '/rest/api/3/search/jql', answer, status);
    return answer.body;
  };

  it('finds by status, orders by created, and returns ids only by default', async () => {
    const page = await search(AGENT, { jql: 'project = SUP AND status = "En cours" ORDER BY created ASC' });
    expect(page.isLast).toBe(true);
    // Spec, fields: "The default is `id`" ... "By default, this resource returns IDs only": no key, no self.
    expect(page.issues).toEqual([{ id: '10010' }, { id: '10003' }, { id: '10011' }]);
    const keys = await search(AGENT, {
      jql: 'project = SUP AND status = "En cours" ORDER BY created ASC',
      fields: ['key', 'status'],
    });
    expect(keys.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-10', 'SUP-3', 'SUP-11']);
    expect(keys.issues[0].fields).toEqual({ status: expect.objectContaining({ name: 'En cours' }) });
  });

  it('pages with an opaque nextPageToken until isLast', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await search(AGENT, {
        jql: 'project = SUP ORDER BY key ASC',
        maxResults: 5,
        fields: ['key'],
        ...(token ? { nextPageToken: token } : {}),
      });
      seen.push(...page.issues.map((i: { key: string }) => i.key));
      token = page.nextPageToken;
      pages++;
      expect(page.isLast).toBe(token === undefined);
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `SUP-${i + 1}`));
    const foreign = await t
      .as(AGENT)
      .post('/rest/api/3/search/jql', { jql: 'project = SUP', nextPageToken: token ?? 'eyJvIjo1LCJoIjoieCJ9' });
    expect(foreign.status).toBe(400);
  });

  it('compares issue properties and tells the request channel', async () => {
    await t.asApp().put('/rest/api/3/issue/SUP-4/properties/supportRulesState', { waiting: 'yes', nextDueAt: 100 });
    await t.asApp().put('/rest/api/3/issue/SUP-5/properties/supportRulesState', { waiting: 'yes', nextDueAt: 300 });
    const due = await search(AGENT, {
      jql: "issue.property[supportRulesState].waiting = 'yes' AND issue.property[supportRulesState].nextDueAt <= 200",
      fields: ['key'],
    });
    expect(due.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-4']);
    const email = await search(AGENT, { jql: 'request-channel-type = email ORDER BY key ASC', fields: ['key'] });
    expect(email.issues.map((i: { key: string }) => i.key)).toEqual(['IT-2', 'SUP-2', 'SUP-8']);
    const portal = await search(AGENT, { jql: 'key = SUP-1 AND request-channel-type = portal', fields: [] });
    expect(portal.issues).toHaveLength(1);
  });

  it('finds requests without a property value (IS EMPTY) and compares JSON booleans', async () => {
    const unclocked = {
      jql: 'status in (10003) AND issue.property[supportRulesState].waiting IS EMPTY',
      fields: ['key'],
    };
    expect((await search(AGENT, unclocked)).issues.map((i: { key: string }) => i.key)).toEqual(['SUP-4']);
    await t.asApp().put('/rest/api/3/issue/SUP-4/properties/supportRulesState', { waiting: 'yes', escalated: true });
    expect((await search(AGENT, unclocked)).issues).toEqual([]);
    const escalated = await search(AGENT, {
      jql: 'issue.property[supportRulesState].escalated = true',
      fields: ['key'],
    });
    expect(escalated.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-4']);
    expect(
      (await search(AGENT, { jql: 'issue.property[supportRulesState].escalated != true', fields: ['key'] })).issues,
    ).toEqual([]);
  });

  it('returns properties and the changelog when asked', async () => {
    await t.asApp().put('/rest/api/3/issue/SUP-4/properties/supportRulesState', { waiting: 'yes' });
    const page = await search(AGENT, {
      jql: 'key = SUP-4',
      fields: ['status'],
      expand: 'changelog',
      properties: ['supportRulesState'],
    });
    expect(page.issues[0].properties).toEqual({ supportRulesState: { waiting: 'yes' } });
    expect(page.issues[0].changelog.histories).toHaveLength(2);
  });

  it('shows customers only what they may see', async () => {
    const gwen = await search(GWEN, { jql: 'project = SUP ORDER BY key ASC', fields: ['key'] });
    expect(gwen.issues.map((i: { key: string }) => i.key)).toEqual([
      'SUP-2',
      'SUP-5',
      'SUP-6',
      'SUP-9',
      'SUP-10',
      'SUP-12',
    ]);
  });

  it('answers 400 with the reason for what it does not understand', async () => {
    // Source: reference/jira-platform-openapi.v3.json searchAndReconsileIssuesUsingJql 400 ("the search request is invalid"), ErrorCollection.errorMessages.
    const answer = await t.as(AGENT).post('/rest/api/3/search/jql', { jql: 'project = SUP AND text ~ "vpn"' });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages).toEqual([
      "The operator '~' (text search) is not supported by the sandbox's JQL.",
    ]);
    const field = await t.as(AGENT).post('/rest/api/3/search/jql', { jql: 'labels = urgent' });
    expect(field.body).toEqual({
      errorMessages: [expect.stringContaining("Field 'labels' does not exist or is not supported")],
      errors: {},
    });
  });

  it('accepts a maxResults above the cap (the cap itself is checked on 6,000 requests in scale.test.ts)', async () => {
    const many = await search(AGENT, { jql: 'project = SUP', maxResults: 10_000 });
    expect(many.issues).toHaveLength(12);
  });

  it('also answers GET', async () => {
    const answer = await t
      .as(AGENT)
      .get('/rest/api/3/search/jql?jql=' + encodeURIComponent('key in (SUP-1, SUP-2)') + '&fields=key');
    expectValid('GET', '/rest/api/3/search/jql', answer, 200);
    expect(answer.body.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-1', 'SUP-2']);
  });
});

describe('notify', () => {
  it('sends into the outbox, to the reporter and a group, never to the sender', async () => {
    // Source: reference/jira-platform-openapi.v3.json notify (NotificationRecipients: reporter, users, groups; 204 "the email is queued for sending").
    const answer = await t.asApp().post('/rest/api/3/issue/SUP-4/notify', {
      subject: '[SUP-4] En attente',
      textBody: 'Nous attendons votre réponse.',
      to: { reporter: true, users: [{ accountId: 'sandbox-offer-manager' }], groups: [{ name: 'support-team' }] },
    });
    expect(answer.status).toBe(204);
    expect(t.site.outbox()).toEqual([
      expect.objectContaining({
        issueKey: 'SUP-4',
        subject: '[SUP-4] En attente',
        textBody: 'Nous attendons votre réponse.',
        to: [
          'sandbox-customer-acme-1',
          'sandbox-offer-manager',
          'sandbox-agent-1',
          'sandbox-agent-2',
          'sandbox-team-lead',
        ],
      }),
    ]);
    expect(
      (await t.as(CLAIRE).post('/rest/api/3/issue/SUP-4/notify', { textBody: 'x', to: { reporter: true } })).status,
    ).toBe(403);
  });

  it('refuses an invalid recipient: the assignee of an unassigned issue, the caller named as a user', async () => {
    // Spec, notify 400: "the recipient is the same as the calling user"; "the recipient is invalid. For example,
    // the recipient is set to the assignee, but the issue is unassigned".
    const unassigned = await t.as(AGENT).get('/rest/api/3/issue/SUP-1?fields=assignee');
    expect(unassigned.body.fields.assignee).toBeNull();
    const notify = (email: string, to: unknown) =>
      t.as(email).post('/rest/api/3/issue/SUP-1/notify', { subject: 'S', textBody: 'T', to });
    expect((await notify(AGENT, { assignee: true })).status).toBe(400);
    expect((await notify(AGENT, { users: [{ accountId: 'sandbox-agent-1' }] })).status).toBe(400);
    expect(t.site.outbox()).toEqual([]);
    // A group the caller belongs to reaches its other members.
    expect((await notify(AGENT, { groups: [{ name: 'support-team' }] })).status).toBe(204);
    expect(t.site.outbox().map((e) => e.to)).toEqual([['sandbox-agent-2', 'sandbox-team-lead']]);
  });
});
