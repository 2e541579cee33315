// JSM's REST API over HTTP, each body checked against the JSM shapes of jsm-schemas.ts (the platform OpenAPI
// spec does not cover /rest/servicedeskapi).
import {
  CommentDto,
  CustomerRequestDto,
  CustomerTransitionDto,
  OrganizationDto,
  Paged,
  ServiceDeskDto,
  UserDto,
} from './jsm-schemas';
import { startTestSite, type TestSite } from './harness';

let t: TestSite;
beforeEach(async () => {
  t = await startTestSite();
});
afterEach(async () => t.close());

const AGENT = 'agent1@sandbox.test';
const CLAIRE = 'claire@acme.test';
const MARC = 'marc@acme.test';
const GWEN = 'gwen@globex.test';
const channelOf = async (key: string) => {
  for (const channel of ['portal', 'email', 'jira', 'api']) {
    const page = await t
      .as(AGENT)
      .post('/rest/api/3/search/jql', { jql: `key = ${key} AND request-channel-type = ${channel}` });
    if (page.body.issues.length) return channel;
  }
  return undefined;
};

describe('customer requests', () => {
  it('creates a request from the portal as the customer: channel portal, Soumise, created event', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ POST /rest/servicedeskapi/request (CustomerRequestDTO); Forge's avi:jira:created:issue.
    const answer = await t.as(CLAIRE).post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '1',
      requestFieldValues: { summary: 'VPN en panne', description: 'Depuis 9h.' },
    });
    expect(answer.status).toBe(201);
    const request = CustomerRequestDto.parse(answer.body);
    expect(request).toMatchObject({
      issueKey: 'SUP-13',
      reporter: { accountId: 'sandbox-customer-acme-1' },
      currentStatus: { status: 'Soumise', statusCategory: 'NEW' },
    });
    expect(request._links.web).toBe(`${t.url}/portal/SUP-13`);
    expect(await channelOf('SUP-13')).toBe('portal');
    expect(t.events).toEqual([
      expect.objectContaining({ eventType: 'avi:jira:created:issue', actorAccountId: 'sandbox-customer-acme-1' }),
    ]);
    expect(t.events[0]!.payload).toMatchObject({
      issue: { key: 'SUP-13', fields: { summary: 'VPN en panne', reporter: { accountId: 'sandbox-customer-acme-1' } } },
      atlassianId: 'sandbox-customer-acme-1',
    });
    const issue = await t.as(AGENT).get('/rest/api/3/issue/SUP-13');
    expect(issue.body.fields.customfield_10002).toEqual([expect.objectContaining({ name: 'Acme Industries' })]);
  });

  it('lets an agent raise a request on behalf of a customer (channel jira), but not a customer for another', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ POST /rest/servicedeskapi/request (`raiseOnBehalfOf`: agents only).
    const byAgent = await t.as(AGENT).post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '1',
      raiseOnBehalfOf: 'gwen@globex.test',
      requestFieldValues: { summary: 'Called us' },
    });
    expect(CustomerRequestDto.parse(byAgent.body).reporter.accountId).toBe('sandbox-customer-globex-1');
    expect(await channelOf(byAgent.body.issueKey)).toBe('jira');
    const created = await t.as(AGENT).get(`/rest/api/3/issue/${byAgent.body.issueKey}?fields=creator,reporter`);
    expect(created.body.fields).toMatchObject({
      creator: { accountId: 'sandbox-agent-1' },
      reporter: { accountId: 'sandbox-customer-globex-1' },
    });
    const byCustomer = await t.as(CLAIRE).post('/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '1',
      raiseOnBehalfOf: 'sandbox-customer-globex-1',
      requestFieldValues: { summary: 'x' },
    });
    expect(byCustomer.status).toBe(403);
    expect(
      (
        await t.as(CLAIRE).post('/rest/servicedeskapi/request', {
          serviceDeskId: '9',
          requestTypeId: '1',
          requestFieldValues: { summary: 'x' },
        })
      ).status,
    ).toBe(400);
  });

  it('reads a request and lists those the caller may see', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ GET /rest/servicedeskapi/request (the requests the user is involved in), GET …/request/{issueIdOrKey}.
    CustomerRequestDto.parse((await t.as(MARC).get('/rest/servicedeskapi/request/SUP-1')).body);
    expect((await t.as(GWEN).get('/rest/servicedeskapi/request/SUP-1')).status).toBe(404);
    const mine = Paged(CustomerRequestDto).parse((await t.as(GWEN).get('/rest/servicedeskapi/request?limit=4')).body);
    expect(mine).toMatchObject({ size: 4, isLastPage: false });
    // Newest first, across both service projects (IT-2 is Gwen's request in IT Help).
    expect(mine.values.map((r) => r.issueKey)).toEqual(['SUP-2', 'SUP-12', 'IT-2', 'SUP-5']);
  });

  it('lists participants', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ GET/POST /rest/servicedeskapi/request/{issueIdOrKey}/participant (PagedDTOUserDTO).
    expect(
      (
        await t
          .as(AGENT)
          .post('/rest/servicedeskapi/request/SUP-1/participant', { accountIds: ['sandbox-customer-acme-2'] })
      ).status,
    ).toBe(200);
    const page = Paged(UserDto).parse((await t.as(CLAIRE).get('/rest/servicedeskapi/request/SUP-1/participant')).body);
    expect(page.values.map((u) => u.accountId)).toEqual(['sandbox-customer-acme-2']);
    const issue = await t.as(AGENT).get('/rest/api/3/issue/SUP-1?fields=customfield_10003');
    expect(issue.body.fields.customfield_10003).toEqual([
      expect.objectContaining({ accountId: 'sandbox-customer-acme-2' }),
    ]);
  });
});

describe('request comments', () => {
  it('adds public comments for customers and internal ones for agents, and hides internal ones from customers', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ POST /rest/servicedeskapi/request/{issueIdOrKey}/comment (`public`; customers: public only).
    const pub = await t
      .as(CLAIRE)
      .post('/rest/servicedeskapi/request/SUP-1/comment', { body: 'Toujours en panne.', public: true });
    expect(pub.status).toBe(201);
    expect(CommentDto.parse(pub.body)).toMatchObject({
      body: 'Toujours en panne.',
      public: true,
      author: { accountId: 'sandbox-customer-acme-1' },
    });
    const internal = await t
      .as(AGENT)
      .post('/rest/servicedeskapi/request/SUP-1/comment', { body: 'Escalade N2.', public: false });
    expect(CommentDto.parse(internal.body).public).toBe(false);
    expect(
      (await t.as(CLAIRE).post('/rest/servicedeskapi/request/SUP-1/comment', { body: 'x', public: false })).status,
    ).toBe(403);

    const forAgent = Paged(CommentDto).parse(
      (await t.as(AGENT).get('/rest/servicedeskapi/request/SUP-1/comment')).body,
    );
    expect(forAgent.values.map((c) => c.public)).toEqual([true, false]);
    const publicOnly = Paged(CommentDto).parse(
      (await t.as(AGENT).get('/rest/servicedeskapi/request/SUP-1/comment?internal=false')).body,
    );
    expect(publicOnly.values.map((c) => c.body)).toEqual(['Toujours en panne.']);
    const forCustomer = Paged(CommentDto).parse(
      (await t.as(CLAIRE).get('/rest/servicedeskapi/request/SUP-1/comment')).body,
    );
    expect(forCustomer.values.map((c) => c.body)).toEqual(['Toujours en panne.']);
    expect(t.events.map((e) => [e.eventType, (e.payload.comment as { jsdPublic: boolean }).jsdPublic])).toEqual([
      ['avi:jira:commented:issue', true],
      ['avi:jira:commented:issue', false],
    ]);
  });
});

describe('customer transitions', () => {
  it('offers the reopen of a resolved request only, and takes it with a comment', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ GET/POST /rest/servicedeskapi/request/{issueIdOrKey}/transition (customer transitions).
    const none = Paged(CustomerTransitionDto).parse(
      (await t.as(CLAIRE).get('/rest/servicedeskapi/request/SUP-1/transition')).body,
    );
    expect(none.values).toEqual([]);
    const offered = Paged(CustomerTransitionDto).parse(
      (await t.as(MARC).get('/rest/servicedeskapi/request/SUP-7/transition')).body,
    );
    expect(offered.values).toEqual([{ id: '901', name: 'Rouvrir' }]);
    const reopen = await t.as(MARC).post('/rest/servicedeskapi/request/SUP-7/transition', {
      id: '901',
      additionalComment: { body: 'Le problème revient.' },
    });
    expect(reopen.status).toBe(204);
    const after = CustomerRequestDto.parse((await t.as(MARC).get('/rest/servicedeskapi/request/SUP-7')).body);
    expect(after.currentStatus).toMatchObject({ status: 'En cours', statusCategory: 'INDETERMINATE' });
    expect(t.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:commented:issue']);
    const items: object[] = [
      { field: 'status', fromString: 'Résolu', toString: 'En cours' },
      { field: 'resolution', fromString: 'Done', to: null },
    ];
    expect(t.events[0]!.payload.changelog).toMatchObject({ items });
    expect((await t.as(CLAIRE).post('/rest/servicedeskapi/request/SUP-1/transition', { id: '21' })).status).toBe(400);
  });
});

describe('service desks and organizations', () => {
  it('lists the service desks and the organizations (a customer sees only theirs)', async () => {
    // Source: https://developer.atlassian.com/cloud/jira/service-desk/rest/ GET /rest/servicedeskapi/servicedesk, GET /rest/servicedeskapi/organization.
    const desks = Paged(ServiceDeskDto).parse((await t.as(AGENT).get('/rest/servicedeskapi/servicedesk')).body);
    expect(desks.values).toEqual([
      expect.objectContaining({ id: '1', projectKey: 'SUP' }),
      expect.objectContaining({ id: '2', projectKey: 'IT' }),
    ]);
    const all = Paged(OrganizationDto).parse((await t.as(AGENT).get('/rest/servicedeskapi/organization')).body);
    expect(all.values.map((o) => o.name)).toEqual(['Acme Industries', 'Globex Cloud']);
    const gwen = Paged(OrganizationDto).parse((await t.as(GWEN).get('/rest/servicedeskapi/organization')).body);
    expect(gwen.values.map((o) => o.name)).toEqual(['Globex Cloud']);
  });
});
