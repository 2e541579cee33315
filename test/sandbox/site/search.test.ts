// POST and GET /rest/api/3/search/jql as Atlassian's OpenAPI spec describes them (operations
// searchAndReconsileIssuesUsingJql[Post], SearchAndReconcileRequestBean, SearchAndReconcileResults); every answer is
// validated against the spec (test/support/openapi.ts).
import { validateResponse } from '../../support/openapi';
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeAll(async () => {
  t = await startTestSite();
});
afterAll(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const GWEN = 'gwen@globex.test';
const SUP_IN_PROGRESS = 'project = SUP AND status = "En cours" ORDER BY created ASC';

async function post(body: unknown, email = AGENT, status = 200) {
  const answer = await t.as(email).post('/rest/api/3/search/jql', body);
  expect({ status: answer.status, body: answer.status === status ? 'ok' : answer.body }).toEqual({
    status,
    body: 'ok',
  });
  if (status === 200) expect(validateResponse('POST', '/rest/api/3/search/jql', 200, answer.body)).toEqual([]);
  return answer.body;
}

async function get(query: string, status = 200) {
  const path = `/rest/api/3/search/jql?${query}`;
  const answer = await t.as(AGENT).get(path);
  expect(answer.status).toBe(status);
  if (status === 200) expect(validateResponse('GET', path, 200, answer.body)).toEqual([]);
  return answer.body;
}

describe('fields', () => {
  // Spec, fields: "`id` Returns only issue IDs ... The default is `id`. ... Note: By default, this resource
  // returns IDs only. This differs from GET issue where the default is all fields."
  it('returns issue ids only by default, with an empty list, and with `id`: no key, no self, no fields', async () => {
    // In creation order: SUP-10, SUP-3, SUP-11.
    const expected = [{ id: '10010' }, { id: '10003' }, { id: '10011' }];
    for (const body of [
      { jql: SUP_IN_PROGRESS },
      { jql: SUP_IN_PROGRESS, fields: [] },
      { jql: SUP_IN_PROGRESS, fields: ['id'] },
    ]) {
      const page = await post(body);
      expect(page.issues).toEqual(expected);
    }
    expect((await get(`jql=${encodeURIComponent(SUP_IN_PROGRESS)}`)).issues[0]).toEqual({ id: '10010' });
  });

  it('brings the key (and self) when `key` is asked for, and only the fields asked for', async () => {
    const page = await post({ jql: SUP_IN_PROGRESS, fields: ['key'] });
    expect(page.issues[0]).toMatchObject({
      id: '10010',
      key: 'SUP-10',
      self: expect.stringMatching(/\/issue\/10010$/),
    });
    expect(page.issues[0].fields).toEqual({});
    const two = await post({ jql: SUP_IN_PROGRESS, fields: ['summary', 'status'] });
    expect(Object.keys(two.issues[0].fields).sort()).toEqual(['status', 'summary']);
    // GET takes the list repeated or comma-separated.
    const viaGet = await get(`jql=${encodeURIComponent(SUP_IN_PROGRESS)}&fields=summary&fields=status,key`);
    expect(Object.keys(viaGet.issues[0].fields).sort()).toEqual(['status', 'summary']);
  });

  it('reads `*all`, `*navigable` and exclusions (`-description`: every navigable field but the description)', async () => {
    const all = (await post({ jql: 'key = SUP-1', fields: ['*all'] })).issues[0].fields;
    expect(all.comment).toBeDefined();
    const navigable = (await post({ jql: 'key = SUP-1', fields: ['*navigable'] })).issues[0].fields;
    expect(navigable.comment).toBeUndefined();
    expect(navigable.description).toBeDefined();
    const without = (await post({ jql: 'key = SUP-1', fields: ['-description'] })).issues[0].fields;
    expect(without.description).toBeUndefined();
    expect(without.summary).toBe('Le tableau de bord Jira ne charge plus');
    const allButComment = (await post({ jql: 'key = SUP-1', fields: ['*all', '-comment'] })).issues[0].fields;
    expect(allButComment.comment).toBeUndefined();
  });

  it('refuses fields that are not a list of strings in a POST body', async () => {
    await post({ jql: SUP_IN_PROGRESS, fields: 'summary' }, AGENT, 400);
    await post({ jql: SUP_IN_PROGRESS, fields: [1] }, AGENT, 400);
  });
});

describe('properties and expand', () => {
  beforeAll(async () => {
    expect((await t.as(AGENT).put('/rest/api/3/issue/SUP-3/properties/one', { n: 1 })).status).toBe(201);
  });

  // Spec, properties: "A list of up to 5 issue properties to include in the results."
  it('includes up to 5 issue properties, also on an ids-only page; 6 is a 400', async () => {
    const page = await post({ jql: 'key = SUP-3', properties: ['one', 'missing'] });
    expect(page.issues).toEqual([{ id: '10003', properties: { one: { n: 1 } } }]);
    await post({ jql: 'key = SUP-3', properties: ['a', 'b', 'c', 'd', 'e', 'f'] }, AGENT, 400);
  });

  // Spec, expand: "`names` Returns the display name of each field. `schema` Returns the schema describing a
  // field type. `transitions` ... `changelog` ..."; SearchAndReconcileResults has `names` and `schema`.
  it('expands names and schema on the results, changelog and transitions on each issue', async () => {
    const page = await post({ jql: 'key = SUP-10', fields: ['status'], expand: 'names,schema,changelog,transitions' });
    expect(page.names).toEqual({ status: 'Status' });
    expect(page.schema).toEqual({ status: { type: 'status', system: 'status' } });
    expect(page.issues[0].changelog.total).toBe(3);
    expect(page.issues[0].transitions.map((x: { name: string }) => x.name)).toContain('Fermée');
    // expand is a comma-delimited string in the POST body, as the spec says.
    await post({ jql: 'key = SUP-10', expand: ['names'] }, AGENT, 400);
  });

  it('checks the boolean parameters and reconcileIssues (at most 50 ids)', async () => {
    await post({ jql: 'key = SUP-1', fieldsByKeys: true, failFast: false });
    await post({ jql: 'key = SUP-1', fieldsByKeys: 'yes' }, AGENT, 400);
    await post({ jql: 'key = SUP-1', reconcileIssues: ['x'] }, AGENT, 400);
    await post({ jql: 'key = SUP-1', reconcileIssues: Array.from({ length: 51 }, (_, i) => 10001 + i) }, AGENT, 400);
    await post({ jql: 'key = SUP-1', reconcileIssues: [10001] });
  });
});

describe('created and updated', () => {
  // JQL dates: "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd", or a period such as "-5d".
  it('compares dates and periods from now', async () => {
    const keys = async (jql: string) =>
      (await post({ jql: `project = SUP AND ${jql} ORDER BY key ASC`, fields: ['key'] })).issues.map(
        (i: { key: string }) => i.key,
      );
    // SUP-8 was created 20 days ago, SUP-9 15 days ago, SUP-2 30 minutes ago.
    expect(await keys('created <= -14d')).toEqual(['SUP-8', 'SUP-9']);
    expect(await keys('created >= -1h')).toEqual(['SUP-2']);
    expect(await keys('created < "2000-01-01"')).toEqual([]);
    expect(await keys('created > "2000/01/01 10:00"')).toHaveLength(12);
    expect(await keys('updated >= -1d')).toEqual(expect.arrayContaining(['SUP-1', 'SUP-2', 'SUP-12']));
    await post({ jql: 'created > "yesterday-ish"' }, AGENT, 400);
  });

  it('finds the requests shared with an organization, by name or id; IS EMPTY those shared with none', async () => {
    // Source: JSM's JQL `Organizations = "organization name"`, "Search for all requests shared with an organization"
    // (https://confluence.atlassian.com/servicedeskcloud/blog/2016/09/group-customers-in-organizations); the
    // requests' own Organizations field (customfield_10002) says which those are. An unknown organization is a 400,
    // as for any value Jira does not know (stricter than matching nothing: the source is silent).
    const all = await post({ jql: 'project in (SUP, IT, DEV) ORDER BY key ASC', fields: ['key', 'customfield_10002'] });
    const sharedWith = (name: string | null) =>
      all.issues
        .filter((i: { fields: { customfield_10002?: { name: string }[] } }) => {
          const orgs = i.fields.customfield_10002 ?? [];
          return name === null ? orgs.length === 0 : orgs.some((o) => o.name === name);
        })
        .map((i: { key: string }) => i.key);
    const keys = async (jql: string) =>
      (await post({ jql: `project in (SUP, IT, DEV) AND ${jql} ORDER BY key ASC`, fields: ['key'] })).issues.map(
        (i: { key: string }) => i.key,
      );
    expect(sharedWith('Globex Cloud').length).toBeGreaterThan(0);
    expect(sharedWith(null).length).toBeGreaterThan(0);
    expect(await keys('organizations = "Globex Cloud"')).toEqual(sharedWith('Globex Cloud'));
    expect(await keys('Organizations in (2)')).toEqual(sharedWith('Globex Cloud'));
    // != never matches an empty value, as for every field.
    expect(await keys('organizations != "Globex Cloud"')).toEqual(sharedWith('Acme Industries'));
    expect(await keys('organizations IS EMPTY')).toEqual(sharedWith(null));
    await post({ jql: 'organizations = "Initech"' }, AGENT, 400);
  });
});

describe('paging and limits', () => {
  it('pages with nextPageToken, absent on the last page, and refuses a token made for another query', async () => {
    const first = await post({ jql: 'project = SUP ORDER BY key ASC', maxResults: 5, fields: ['key'] });
    expect(first).toMatchObject({ isLast: false, nextPageToken: expect.any(String) });
    const second = await post({
      jql: 'project = SUP ORDER BY key ASC',
      maxResults: 5,
      fields: ['key'],
      nextPageToken: first.nextPageToken,
    });
    expect(second.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-6', 'SUP-7', 'SUP-8', 'SUP-9', 'SUP-10']);
    await post({ jql: 'project = IT', nextPageToken: first.nextPageToken }, AGENT, 400);
    await post({ jql: 'project = SUP', maxResults: -1 }, AGENT, 400);
  });

  it('shows a customer only the requests they may see (theirs and their organization’s, never DEV)', async () => {
    const page = await post({ jql: 'project in (SUP, IT, DEV) ORDER BY key ASC', fields: ['key'] }, GWEN);
    expect(page.issues.map((i: { key: string }) => i.key)).toEqual([
      'IT-2',
      'SUP-2',
      'SUP-5',
      'SUP-6',
      'SUP-9',
      'SUP-10',
      'SUP-12',
    ]);
  });

  it('refuses a query without a restriction, and a missing jql', async () => {
    await post({ jql: 'ORDER BY key' }, AGENT, 400);
    await post({}, AGENT, 400);
    await post('project = SUP', AGENT, 400);
  });
});
