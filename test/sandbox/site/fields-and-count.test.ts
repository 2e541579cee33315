// GET /rest/api/3/field (how an app finds JSM's Organizations field by its type) and
// POST /rest/api/3/search/approximate-count (how many issues a JQL finds, for a progress figure); every answer
// checked against Atlassian's OpenAPI spec (test/support/openapi.ts).
import { validateResponse } from '../../support/openapi';
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeAll(async () => {
  t = await startTestSite();
});
afterAll(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const CLAIRE = 'claire@acme.test';

describe('GET /rest/api/3/field', () => {
  it("lists the fields with JSM's Organizations field typed as JSM declares it", async () => {
    const answer = await t.as(AGENT).get('/rest/api/3/field');
    expect(answer.status).toBe(200);
    expect(validateResponse('GET', '/rest/api/3/field', 200, answer.body)).toEqual([]);
    const orgs = answer.body.find(
      (f: { schema?: { custom?: string } }) =>
        f.schema?.custom === 'com.atlassian.servicedesk:sd-customer-organizations',
    );
    expect(orgs).toMatchObject({ id: 'customfield_10002', name: 'Organizations', custom: true });
  });
});

describe('POST /rest/api/3/search/approximate-count', () => {
  const count = async (email: string, body: unknown, status = 200) => {
    const answer = await t.as(email).post('/rest/api/3/search/approximate-count', body);
    expect(answer.status).toBe(status);
    if (status === 200)
      expect(validateResponse('POST', '/rest/api/3/search/approximate-count', 200, answer.body)).toEqual([]);
    return answer.body;
  };

  it('counts what the search finds, for what the caller may see', async () => {
    const all = await t.as(AGENT).post('/rest/api/3/search/jql', { jql: 'project = SUP', maxResults: 5000 });
    expect((await count(AGENT, { jql: 'project = SUP' })).count).toBe(all.body.issues.length);
    const mine = await t.as(CLAIRE).post('/rest/api/3/search/jql', { jql: 'project = SUP', maxResults: 5000 });
    expect((await count(CLAIRE, { jql: 'project = SUP' })).count).toBe(mine.body.issues.length);
    expect(mine.body.issues.length).toBeLessThan(all.body.issues.length);
  });

  it('refuses a body without a jql string, an unknown field (JQLCountRequestBean has no other) and bad JQL', async () => {
    await count(AGENT, {}, 400);
    await count(AGENT, { jql: 'project = SUP', maxResults: 3 }, 400);
    await count(AGENT, { jql: 'project = = SUP' }, 400);
  });
});
