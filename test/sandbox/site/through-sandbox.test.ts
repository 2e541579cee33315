// The site inside the whole sandbox (startSandbox: the Forge runtime running the app's real handlers): the
// responses a Jira client gets still match the OpenAPI spec, and every REST call the app itself made while
// reacting was understood by the site (no 400 from an unsupported JQL or body, no 5xx).
import { validateResponse } from '../../support/openapi';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
}, 60_000);
afterAll(async () => sandbox?.close());

const AGENT = 'agent1@sandbox.test';
const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

interface AppCall {
  as: string;
  method: string;
  path: string;
  status: number;
}

async function appCalls(): Promise<AppCall[]> {
  const answer = await sandbox.asUser().get<{ calls: AppCall[] }>('/_sandbox/app-events?limit=500');
  return answer.body.calls;
}

describe('the site within the sandbox', () => {
  it("answers a request's life with spec-valid bodies, and understands every call the app makes", async () => {
    const created = await sandbox.asUser().post<{ issueKey: string }>('/_sandbox/portal/request', {
      summary: 'Sauvegardes en échec',
      description: 'Depuis lundi.',
      reporter: 'sandbox-customer-acme-1',
    });
    const key = created.body.issueKey;
    await sandbox.settle();

    const agent = sandbox.asUser(AGENT);
    const comment = await agent.post(`/rest/api/3/issue/${key}/comment`, { body: adf('Nous regardons.') });
    expect(comment.status).toBe(201);
    expect(validateResponse('POST', `/rest/api/3/issue/${key}/comment`, 201, comment.body)).toEqual([]);
    expect((await agent.post(`/rest/api/3/issue/${key}/transitions`, { transition: { id: '21' } })).status).toBe(204);
    expect(
      (
        await agent.post(`/rest/api/3/issue/${key}/transitions`, {
          transition: { id: '71' },
          fields: { resolution: { name: 'Done' } },
        })
      ).status,
    ).toBe(204);
    await sandbox.settle();
    await sandbox.advance('PT2H');

    for (const path of [
      `/rest/api/3/issue/${key}?expand=changelog,names,schema`,
      `/rest/api/3/issue/${key}/comment`,
      `/rest/api/3/issue/${key}/changelog`,
      `/rest/api/3/issue/${key}/transitions`,
    ]) {
      const answer = await agent.get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      expect({ path, problems: validateResponse('GET', path, 200, answer.body) }).toEqual({ path, problems: [] });
    }

    const calls = await appCalls();
    expect(calls.length).toBeGreaterThan(0);
    const misunderstood = calls.filter((c) => c.status === 400 || c.status === 405 || c.status >= 500);
    expect(misunderstood).toEqual([]);
  }, 120_000);
});
