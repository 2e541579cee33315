// The eventually consistent search index (startSandbox's `searchLagMs`), on the sandbox clock:
// https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile : "The API doesn't provide
// read-after-write consistency by default. That is, after a write operation is performed, subsequent search
// operations using the API without the reconcileIssues parameter may return stale or outdated data ... for some
// time"; "use the reconcileIssues parameter ... to get consistent results" for those issues (up to 50).
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

const LAG = '10 minutes';
let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await startTestSandbox({ searchLagMs: 10 * 60_000 });
});
afterEach(async () => sandbox.close());

const AGENT = 'agent1@sandbox.test';
const agent = () => sandbox.asUser(AGENT);
const keys = async (jql: string, reconcileIssues?: number[]) => {
  const answer = await agent().post<{ issues: Array<{ key: string }> }>('/rest/api/3/search/jql', {
    jql,
    fields: ['key'],
    ...(reconcileIssues ? { reconcileIssues } : {}),
  });
  expect(answer.status).toBe(200);
  return answer.body.issues.map((i) => i.key);
};

it(`finds a new issue and a status change only ${LAG} after the write; the issue reads are current at once`, async () => {
  const created = await agent().post<{ id: string; key: string }>('/rest/api/3/issue', {
    fields: { project: { key: 'DEV' }, issuetype: { name: 'Bug' }, summary: 'Flaky build' },
  });
  expect(created.status).toBe(201);
  const moved = await agent().post('/rest/api/3/issue/SUP-1/transitions', { transition: { id: '21' } }); // En cours
  expect(moved.status).toBe(204);
  await sandbox.settle();

  expect(await keys('project = DEV ORDER BY key ASC')).toEqual(['DEV-1', 'DEV-2', 'DEV-3']);
  expect(await keys('key = SUP-1 AND status = "Soumise"')).toEqual(['SUP-1']); // stale
  expect(await keys('key = SUP-1 AND status = "En cours"')).toEqual([]);
  // GET issue is not a search: it reads the issue as it is.
  expect(
    (await agent().get<{ fields: { status: { name: string } } }>('/rest/api/3/issue/SUP-1?fields=status')).body.fields
      .status.name,
  ).toBe('En cours');

  await sandbox.advance('PT9M');
  expect(await keys('project = DEV ORDER BY key ASC')).toEqual(['DEV-1', 'DEV-2', 'DEV-3']);
  await sandbox.advance('PT1M');
  expect(await keys('project = DEV ORDER BY key ASC')).toEqual(['DEV-1', 'DEV-2', 'DEV-3', created.body.key]);
  expect(await keys('key = SUP-1 AND status = "En cours"')).toEqual(['SUP-1']);
});

it('reconciles the issues named in reconcileIssues: a new match is found, a stale one is dropped', async () => {
  // SUP-3 leaves "En cours"; SUP-1 enters it.
  expect((await agent().post('/rest/api/3/issue/SUP-3/transitions', { transition: { id: '31' } })).status).toBe(204);
  expect((await agent().post('/rest/api/3/issue/SUP-1/transitions', { transition: { id: '21' } })).status).toBe(204);
  const jql = 'project = SUP AND status = "En cours" ORDER BY key ASC';
  expect(await keys(jql)).toEqual(['SUP-3', 'SUP-10', 'SUP-11']);
  expect(await keys(jql, [10001, 10003])).toEqual(['SUP-1', 'SUP-10', 'SUP-11']);
  // Only the named issues are reconciled.
  expect(await keys(jql, [10003])).toEqual(['SUP-10', 'SUP-11']);
});

it('indexes issue property writes with the same lag (the sweep’s JQL reads properties)', async () => {
  expect(
    (await agent().put('/rest/api/3/issue/SUP-2/properties/supportRulesState', { waiting: 'yes', nextDueAt: 5 }))
      .status,
  ).toBe(201);
  const jql = 'issue.property[supportRulesState].waiting = "yes" AND issue.property[supportRulesState].nextDueAt <= 10';
  expect(await keys(jql)).toEqual([]);
  expect(await keys(jql, [10002])).toEqual(['SUP-2']);
  await sandbox.advance('PT10M');
  expect(await keys(jql)).toEqual(['SUP-2']);
});
