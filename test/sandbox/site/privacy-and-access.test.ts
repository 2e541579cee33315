// Who sees what beyond permissions: profile visibility (hidden email addresses) and calls without credentials.
// Every platform answer is checked against Atlassian's OpenAPI spec (test/support/openapi.ts).
import { readFileSync } from 'fs';
import { join } from 'path';
import { anonymousOperations, allowsAnonymous } from '../../../sandbox/site/anonymous';
import { validateResponse } from '../../support/openapi';
import { ErrorResponse, Paged, UserDto } from './jsm-schemas';
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeAll(async () => {
  t = await startTestSite();
});
afterAll(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const BRUNO = 'agent2@sandbox.test'; // hides his email address
const GWEN = 'gwen@globex.test'; // hides her email address
const CLAIRE = 'claire@acme.test';

async function get(email: string | undefined, path: string, status = 200) {
  const answer = await t.as(email).get(path);
  expect({ path, status: answer.status }).toEqual({ path, status });
  if (status === 200 && path.startsWith('/rest/api/'))
    expect(validateResponse('GET', path, 200, answer.body)).toEqual([]);
  return answer.body;
}

describe('profile visibility: hidden email addresses', () => {
  // Spec, User.emailAddress and UserDetails.emailAddress: "Depending on the user's privacy setting, this may be
  // returned as null"; "Profile visibility" (https://developer.atlassian.com/cloud/jira/platform/profile-visibility/):
  // "if the user has chosen to hide fields in their profile, your apps will not be able to retrieve those fields via
  // the API". The sandbox leaves the field out.
  it('leaves the address out of every answer to others, users, issues, comments and JSM alike', async () => {
    expect((await get(AGENT, '/rest/api/3/user?accountId=sandbox-agent-2')).emailAddress).toBeUndefined();
    expect((await get(AGENT, '/rest/api/3/user?accountId=sandbox-agent-1')).emailAddress).toBe(AGENT);
    const issue = await get(AGENT, '/rest/api/3/issue/SUP-5?fields=reporter&expand=changelog');
    expect(issue.fields.reporter).toMatchObject({ accountId: 'sandbox-customer-globex-1', displayName: 'Gwen Parker' });
    expect(issue.fields.reporter.emailAddress).toBeUndefined();
    const members = await get(AGENT, '/rest/api/3/group/member?groupname=support-team');
    expect(members.values.map((u: { emailAddress?: string }) => u.emailAddress ?? null)).toEqual([
      AGENT,
      null,
      'lead@sandbox.test',
    ]);
    const request = await t.as(AGENT).get('/rest/servicedeskapi/request/SUP-5');
    expect(request.status).toBe(200);
    expect(UserDto.parse(request.body.reporter).emailAddress).toBeUndefined();
    // Through the app's own credentials too.
    expect(
      (await t.asApp().get('/rest/api/3/user?accountId=sandbox-customer-globex-1')).body.emailAddress,
    ).toBeUndefined();
  });

  it('shows people their own address', async () => {
    expect((await get(GWEN, '/rest/api/3/myself')).emailAddress).toBe(GWEN);
    expect((await get(BRUNO, '/rest/api/3/user?accountId=sandbox-agent-2')).emailAddress).toBe(BRUNO);
  });

  it('finds nobody by a hidden address, by name still', async () => {
    const found = async (query: string) =>
      (await get(AGENT, `/rest/api/3/user/search?query=${encodeURIComponent(query)}`)).map(
        (u: { accountId: string }) => u.accountId,
      );
    expect(await found('agent2@')).toEqual([]);
    expect(await found('Bruno')).toEqual(['sandbox-agent-2']);
    expect(await found('lead@')).toEqual(['sandbox-team-lead']);
  });

  it('keeps the control surface’s list of accounts whole (tests log in with those addresses)', async () => {
    const users = (await t.as(undefined).get('/_sandbox/users')).body as Array<{ emailAddress: string }>;
    expect(users.map((u) => u.emailAddress)).toEqual(expect.arrayContaining([BRUNO, GWEN]));
  });
});

describe('calls without credentials', () => {
  it('knows from the spec which operations can be accessed anonymously', () => {
    // The committed table is what the spec says ("This operation can be accessed anonymously").
    const spec = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'jira-platform-openapi.v3.json'),
        'utf8',
      ),
    );
    const committed = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'sandbox', 'site', 'anonymous-operations.json'), 'utf8'),
    );
    expect(committed).toEqual(anonymousOperations(spec));
    expect(allowsAnonymous('GET', '/rest/api/3/issue/SUP-1?fields=status')).toBe(true);
    expect(allowsAnonymous('POST', '/rest/api/3/search/jql')).toBe(true);
    expect(allowsAnonymous('GET', '/rest/api/3/myself')).toBe(false);
    expect(allowsAnonymous('POST', '/rest/api/3/issue/SUP-1/notify')).toBe(false);
  });

  it('answers an anonymous caller as one without any permission, and 401 where the operation needs a login', async () => {
    // Issues are hidden (404, as for anyone who may not see them), lists are empty.
    expect((await t.as(undefined).get('/rest/api/3/issue/SUP-1')).status).toBe(404);
    expect((await t.as(undefined).post('/rest/api/3/issue/SUP-1/comment', { body: {} })).status).toBe(404);
    const search = await t.as(undefined).post('/rest/api/3/search/jql', { jql: 'project = SUP' });
    expect({ status: search.status, issues: search.body.issues }).toEqual({ status: 200, issues: [] });
    expect((await get(undefined, '/rest/api/3/project/search')).values).toEqual([]);
    expect(await get(undefined, '/rest/api/3/status')).toEqual([]);
    // "Anonymous calls ... return empty search results."
    expect(await get(undefined, '/rest/api/3/user/search?query=a')).toEqual([]);
    const permissions = await get(
      undefined,
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES&issueKey=SUP-1',
    );
    expect(
      Object.values(permissions.permissions).map((p) => (p as { havePermission: boolean }).havePermission),
    ).toEqual([false, false]);
    for (const path of ['/rest/api/3/myself', '/rest/api/3/user?accountId=sandbox-agent-1', '/rest/api/3/resolution'])
      expect((await t.as(undefined).get(path)).status).toBe(401);
    expect((await t.as(undefined).post('/rest/api/3/issue', { fields: {} })).status).toBe(401);
    // Credentials that name nobody are a 401 even where anonymous calls are answered.
    expect((await t.as('nobody@nowhere.test').get('/rest/api/3/issue/SUP-1')).status).toBe(401);
  });

  it('answers 401 on JSM’s API, in JSM’s error shape', async () => {
    const answer = await t.as(undefined).get('/rest/servicedeskapi/request/SUP-1');
    expect(answer.status).toBe(401);
    ErrorResponse.parse(answer.body);
  });
});

describe('what a portal-only customer may call as themselves', () => {
  // Spec, "Permissions required": GET /rest/api/3/user/search and /user/assignable/search need *Browse users and
  // groups* ("calls by users without the required permission return empty search results"); GET /rest/api/3/user
  // and /group/member need it too (403 "if the calling user does not have the Browse users and groups global
  // permission"); /groups/picker without it: "calls where query is not an exact match to an existing group will
  // return an empty list". Jira grants it with product access, which portal-only customers do not have ("Change
  // access settings for your portal-only customers",
  // https://support.atlassian.com/jira-service-management-cloud/docs/change-global-customer-permissions/: they
  // "send requests and access portals"); no page says it in one sentence, so the stricter reading.
  it('finds nobody and reads no profile or group, but reads themselves and their own requests', async () => {
    expect(await get(CLAIRE, '/rest/api/3/user/search?query=a')).toEqual([]);
    expect(await get(CLAIRE, '/rest/api/3/user/assignable/search?issueKey=SUP-1')).toEqual([]);
    expect((await t.as(CLAIRE).get('/rest/api/3/user?accountId=sandbox-agent-1')).status).toBe(403);
    expect((await t.as(CLAIRE).get('/rest/api/3/group/member?groupname=support-team')).status).toBe(403);
    expect((await get(CLAIRE, '/rest/api/3/groups/picker?query=supp')).groups).toEqual([]);
    expect((await get(CLAIRE, '/rest/api/3/groups/picker?query=support-team')).groups).toEqual([
      expect.objectContaining({ name: 'support-team' }),
    ]);
    expect(await get(CLAIRE, '/rest/api/3/myself')).toMatchObject({ accountType: 'customer' });
    expect((await get(CLAIRE, '/rest/api/3/issue/SUP-1')).key).toBe('SUP-1');
    // A licensed agent holds the permission.
    expect(
      (await get(AGENT, '/rest/api/3/user/search?query=claire')).map((u: { accountId: string }) => u.accountId),
    ).toEqual(['sandbox-customer-acme-1']);
    expect((await get(AGENT, '/rest/api/3/user?accountId=sandbox-customer-acme-1')).displayName).toBeTruthy();
  });
});

describe("JSM's error shape", () => {
  // JSM's REST API answers errors as its ErrorResponse {errorMessage, i18nErrorMessage: {i18nKey, parameters}}
  // (Jira Service Management Cloud REST API reference, developer.atlassian.com/cloud/jira/service-desk/rest/),
  // not as the platform's ErrorCollection {errorMessages, errors}.
  it.each([
    ['an unknown request', 'GET', '/rest/servicedeskapi/request/SUP-999', undefined, 404],
    ['an empty comment', 'POST', '/rest/servicedeskapi/request/SUP-1/comment', { body: '  ', public: true }, 400],
    [
      'an unknown service desk',
      'POST',
      '/rest/servicedeskapi/request',
      { serviceDeskId: '9', requestTypeId: '1' },
      400,
    ],
    ['a transition customers do not have', 'POST', '/rest/servicedeskapi/request/SUP-1/transition', { id: '21' }, 400],
  ])('answers %s', async (_what, method, path, body, status) => {
    const answer = method === 'GET' ? await t.as(CLAIRE).get(path) : await t.as(CLAIRE).post(path, body);
    expect(answer.status).toBe(status);
    expect(ErrorResponse.parse(answer.body).errorMessage).not.toBe('');
  });

  it('keeps paged answers as they were', async () => {
    Paged(UserDto).parse((await t.as(AGENT).get('/rest/servicedeskapi/request/SUP-1/participant')).body);
  });
});
