// The site's three projects (SUP and IT, service projects with their own workflows; DEV, a software project),
// as Jira's REST API v3 lists them and creates issues in them; every 2xx body is checked against Atlassian's
// OpenAPI spec (test/support/openapi.ts, ../shared/reference/jira-platform-openapi.v3.json).
import { validateResponse } from '../../support/openapi';
import { startTestSite, type Answer, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const CLAIRE = 'claire@acme.test'; // Acme Industries
const ADMIN = 'admin@sandbox.test';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function expectValid(method: string, path: string, answer: Answer, status: number): void {
  expect({ status: answer.status, body: answer.status === status ? 'ok' : answer.body }).toEqual({
    status,
    body: 'ok',
  });
  expect(validateResponse(method, path, status, answer.body)).toEqual([]);
}

async function get(email: string, path: string) {
  const answer = await t.as(email).get(path);
  expectValid('GET', path, answer, 200);
  return answer.body;
}

const keys = (page: { values: Array<{ key: string }> }) => page.values.map((p) => p.key);

describe('GET /rest/api/3/project/search', () => {
  // Spec: GET /rest/api/3/project/search: PageBeanProject; `typeKey` ("business, service_desk, software",
  // comma-separated), `keys`, `id`, `query` (key or name, case-insensitive), startAt/maxResults (max 100).
  it('lists every project with its projectTypeKey, filtered by type', async () => {
    const all = await get(ADMIN, '/rest/api/3/project/search');
    expect(all).toMatchObject({ startAt: 0, maxResults: 50, total: 3, isLast: true });
    expect(all.values.map((p: { key: string; projectTypeKey: string }) => [p.key, p.projectTypeKey])).toEqual([
      ['DEV', 'software'],
      ['IT', 'service_desk'],
      ['SUP', 'service_desk'],
    ]);
    expect(keys(await get(ADMIN, '/rest/api/3/project/search?typeKey=service_desk'))).toEqual(['IT', 'SUP']);
    expect(keys(await get(ADMIN, '/rest/api/3/project/search?typeKey=software'))).toEqual(['DEV']);
    expect(keys(await get(ADMIN, '/rest/api/3/project/search?typeKey=software,service_desk'))).toEqual([
      'DEV',
      'IT',
      'SUP',
    ]);
    expect(keys(await get(ADMIN, '/rest/api/3/project/search?keys=SUP&keys=DEV'))).toEqual(['DEV', 'SUP']);
    expect(keys(await get(ADMIN, '/rest/api/3/project/search?query=help'))).toEqual(['IT']);
    expect(keys(await get(ADMIN, '/rest/api/3/project/search?orderBy=-name'))).toEqual(['SUP', 'DEV', 'IT']);
    expect((await t.as(ADMIN).get('/rest/api/3/project/search?typeKey=kanban')).status).toBe(400);
  });

  it('pages as the spec says: nextPage while not the last page, maxResults capped at 100', async () => {
    const first = await get(ADMIN, '/rest/api/3/project/search?maxResults=2');
    expect(first).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(keys(first)).toEqual(['DEV', 'IT']);
    const next = new URL(first.nextPage);
    expect(next.searchParams.get('startAt')).toBe('2');
    const second = await get(ADMIN, `${next.pathname}${next.search}`);
    expect(second).toMatchObject({ startAt: 2, total: 3, isLast: true });
    expect(second.nextPage).toBeUndefined();
    expect(keys(second)).toEqual(['SUP']);
    expect((await get(ADMIN, '/rest/api/3/project/search?maxResults=500')).maxResults).toBe(100);
  });

  it('shows a portal customer only the service projects (JSM grants them Browse Projects there, not in software)', async () => {
    expect(keys(await get(CLAIRE, '/rest/api/3/project/search'))).toEqual(['IT', 'SUP']);
    expect((await t.as(CLAIRE).get('/rest/api/3/project/DEV')).status).toBe(404);
  });
});

describe('GET /rest/api/3/project/{projectIdOrKey}', () => {
  it('describes a project by key or id, with its type, lead and issue types', async () => {
    const dev = await get(AGENT, '/rest/api/3/project/DEV');
    expect(dev).toMatchObject({
      id: '10020',
      key: 'DEV',
      projectTypeKey: 'software',
      lead: { accountId: 'sandbox-agent-1' },
      issueTypes: [{ name: 'Task' }, { name: 'Bug' }, { name: 'Story' }],
    });
    expect((await get(AGENT, '/rest/api/3/project/10010')).key).toBe('IT');
  });

  it('answers 404 for an unknown project; the key is case-sensitive, as the spec says', async () => {
    expect((await t.as(AGENT).get('/rest/api/3/project/NOPE')).status).toBe(404);
    expect((await t.as(AGENT).get('/rest/api/3/project/sup')).status).toBe(404);
  });

  it("lists a project's statuses by issue type: each project has its own workflow", async () => {
    const names = async (key: string) =>
      (await get(AGENT, `/rest/api/3/project/${key}/statuses`))[0].statuses.map((s: { name: string }) => s.name);
    expect(await names('SUP')).toEqual([
      'Soumise',
      'En cours',
      'En attente du client',
      "En attente d'un tiers",
      'Opération planifiée',
      'Résolu',
      'Fermée',
    ]);
    expect(await names('IT')).toEqual([
      'Waiting for support',
      'In Progress',
      'Waiting for customer',
      'Pending',
      'Resolved',
      'Closed',
    ]);
    expect(await names('DEV')).toEqual(['To Do', 'In Progress', 'Done', 'Closed']);
  });
});

describe('POST /rest/api/3/issue in any project', () => {
  const task = (over: Record<string, unknown> = {}) => ({
    fields: {
      project: { key: 'DEV' },
      issuetype: { name: 'Task' },
      summary: 'Rotate the signing keys',
      description: adf('Before the end of the month.'),
      ...over,
    },
  });

  it('creates a software issue in its workflow’s first status, and Forge’s event carries the project and its type', async () => {
    const created = await t.as(AGENT).post('/rest/api/3/issue', task());
    expectValid('POST', '/rest/api/3/issue', created, 201);
    expect(created.body.key).toBe('DEV-4');
    const issue = await get(AGENT, '/rest/api/3/issue/DEV-4?fields=status,issuetype,project,customfield_10010');
    expect(issue.fields).toMatchObject({
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      issuetype: { name: 'Task' },
      project: { key: 'DEV', projectTypeKey: 'software' },
      customfield_10010: null, // no request type outside a service project
    });
    // Forge's Jira events reference (https://developer.atlassian.com/platform/forge/events-reference/jira/):
    // avi:jira:created:issue carries the issue's id, key and fields summary, issuetype, creator, created,
    // project ({self, id, key, name, projectTypeKey, simplified, avatarUrls}), reporter, assignee, updated,
    // status; users as {accountId}.
    expect(t.events).toHaveLength(1);
    const payload = t.events[0]!.payload as { issue: { key: string; fields: Record<string, unknown> } };
    expect(payload.issue.key).toBe('DEV-4');
    expect(Object.keys(payload.issue.fields).sort()).toEqual(
      ['assignee', 'created', 'creator', 'issuetype', 'project', 'reporter', 'status', 'summary', 'updated'].sort(),
    );
    expect(payload.issue.fields.project).toEqual({
      self: expect.stringMatching(/\/rest\/api\/3\/project\/10020$/),
      id: '10020',
      key: 'DEV',
      name: 'Platform Engineering',
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: expect.objectContaining({ '48x48': expect.any(String) }),
    });
    expect(payload.issue.fields.reporter).toEqual({ accountId: 'sandbox-agent-1' });
  });

  it("creates a request in the second service project, in JSM's own first status, with the reporter's organization", async () => {
    const created = await t.as(AGENT).post('/rest/api/3/issue', {
      fields: {
        project: { id: '10010' },
        issuetype: { id: '10005' },
        summary: 'Wi-Fi down in the meeting rooms',
        reporter: { accountId: 'sandbox-customer-acme-1' },
      },
    });
    expectValid('POST', '/rest/api/3/issue', created, 201);
    expect(created.body.key).toBe('IT-4');
    const issue = await get(AGENT, '/rest/api/3/issue/IT-4?fields=status,issuetype,customfield_10002');
    expect(issue.fields).toMatchObject({
      status: { id: '10102', name: 'Waiting for support' },
      issuetype: { name: 'Incident' },
      customfield_10002: [{ name: 'Acme Industries' }],
    });
    expect((t.events[0]!.payload as { issue: { fields: { project: unknown } } }).issue.fields.project).toMatchObject({
      key: 'IT',
      projectTypeKey: 'service_desk',
    });
    // The customer sees it in IT's portal, not DEV's issues.
    expect((await t.as(CLAIRE).get('/rest/api/3/issue/IT-4')).status).toBe(200);
    expect((await t.as(CLAIRE).get('/rest/api/3/issue/DEV-1')).status).toBe(404);
  });

  it('sets issue properties given with the creation (IssueUpdateDetails.properties)', async () => {
    const created = await t
      .as(AGENT)
      .post('/rest/api/3/issue', { ...task(), properties: [{ key: 'origin', value: { from: 'script' } }] });
    expect(created.status).toBe(201);
    expect((await t.as(AGENT).get(`/rest/api/3/issue/${created.body.key}/properties/origin`)).body).toEqual({
      key: 'origin',
      value: { from: 'script' },
    });
  });

  // Spec, createIssue: 400 "if the request is missing required fields, contains invalid field values, contains
  // fields that cannot be set for the issue type ..." with an ErrorCollection; the issue type is required.
  it.each([
    ['no issue type', task({ issuetype: undefined }), { issuetype: 'Specify an issue type' }],
    [
      "an issue type of another project's scheme",
      task({ issuetype: { name: 'Service request' } }),
      { issuetype: 'Specify a valid issue type' },
    ],
    ['an unknown project', task({ project: { key: 'NOPE' } }), { project: 'Specify a valid project ID or key' }],
    ['no summary', task({ summary: '  ' }), { summary: 'You must specify a summary of the issue.' }],
    ['a summary of 256 characters', task({ summary: 'x'.repeat(256) }), { summary: expect.stringMatching(/255/) }],
    [
      'a description that is not ADF',
      task({ description: 'plain text' }),
      { description: expect.stringMatching(/Atlassian Document/) },
    ],
    ['an unknown reporter', task({ reporter: { accountId: 'nobody' } }), { reporter: expect.any(String) }],
    ['a field not on the screen', task({ duedate: '2027-01-01' }), { duedate: expect.stringMatching(/cannot be set/) }],
  ])('refuses %s with a 400 naming the field', async (_what, body, errors) => {
    const answer = await t.as(AGENT).post('/rest/api/3/issue', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errorMessages: [], errors });
    expect(t.events).toEqual([]);
  });

  it('reports every problem of a request in one answer', async () => {
    const answer = await t.as(AGENT).post('/rest/api/3/issue', { fields: { summary: '' } });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors).sort()).toEqual(['issuetype', 'project', 'summary']);
  });

  it("refuses a customer (no Create Issues permission through Jira's API) and a body that is not an object", async () => {
    expect((await t.as(CLAIRE).post('/rest/api/3/issue', task())).status).toBe(403);
    expect((await t.as(AGENT).post('/rest/api/3/issue', ['x'])).status).toBe(400);
  });
});

describe('workflows per project', () => {
  it("offers an agent the project's own statuses, and moves the issue there", async () => {
    const transitions = await get(AGENT, '/rest/api/3/issue/DEV-1/transitions');
    expect(transitions.transitions.map((x: { name: string }) => x.name)).toEqual(['In Progress', 'Done', 'Closed']);
    const done = transitions.transitions.find((x: { name: string }) => x.name === 'Done');
    expect(
      (await t.as(AGENT).post('/rest/api/3/issue/DEV-1/transitions', { transition: { id: done.id } })).status,
    ).toBe(204);
    const issue = await get(AGENT, '/rest/api/3/issue/DEV-1?fields=status,resolution');
    expect(issue.fields).toMatchObject({ status: { name: 'Done' }, resolution: { name: 'Done' } });
  });

  it("lets a customer reopen their resolved request in IT through JSM's customer transition, into IT's In Progress", async () => {
    const offered = (await t.as(CLAIRE).get('/rest/servicedeskapi/request/IT-3/transition')).body;
    expect(offered.values).toEqual([{ id: '901', name: 'Reopen' }]);
    expect((await t.as(CLAIRE).post('/rest/servicedeskapi/request/IT-3/transition', { id: '901' })).status).toBe(204);
    expect((await get(AGENT, '/rest/api/3/issue/IT-3?fields=status')).fields.status).toMatchObject({
      id: '3',
      name: 'In Progress',
    });
  });

  it('finds issues by project and by a status name several projects share', async () => {
    const search = async (jql: string) =>
      (await t.as(AGENT).post('/rest/api/3/search/jql', { jql, fields: ['key'] })).body.issues.map(
        (i: { key: string }) => i.key,
      );
    expect(await search('project = DEV ORDER BY key ASC')).toEqual(['DEV-1', 'DEV-2', 'DEV-3']);
    expect(await search('project in (IT, "Platform Engineering") AND status = "In Progress" ORDER BY key ASC')).toEqual(
      ['DEV-2', 'IT-2'],
    );
    expect(await search('project = SUP AND status = "En cours" ORDER BY key ASC')).toEqual([
      'SUP-3',
      'SUP-10',
      'SUP-11',
    ]);
    expect((await t.as(AGENT).post('/rest/api/3/search/jql', { jql: 'project = NOPE' })).status).toBe(400);
  });

  it('keeps a JSM request away from the JSM API when the issue is not in a service project', async () => {
    expect((await t.as(AGENT).get('/rest/servicedeskapi/request/DEV-1')).status).toBe(404);
  });
});
