/**
 * What one view of the customer's portal panel costs in REST calls (the sandbox's GET /_sandbox/stats,
 * `perResolverCall`), seen by each person the portal shows the request to, while the request waits for its customer:
 * at most 2 for its reporter and its participants (the request's read, with its Request participants field, and its
 * newest comments), 3 for a colleague of the reporter's organization (their organizations are read too), also when
 * the waiting clock was never stored and is rebuilt from the history already read (who else is refused:
 * test/security/resolvers.test.ts).
 *
 * Sources: "Rate limiting" (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/: every call costs
 * points of the app's hourly quota); the issue read's fields (the spec's getIssue: `fields` default, all navigable
 * fields, with `expand=names,schema`), where JSM's Request participants field is a custom field of type
 * `com.atlassian.servicedesk:sd-request-participants` (its id differs between sites: found by its type).
 */
import type { PortalView, ResolverResult } from '../../../src/shared/contracts';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';

let site: TestSandbox;
let agent: SandboxUser;
let claire: SandboxUser;
let marc: SandboxUser;
let gwen: SandboxUser;
let key = '';

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  site = await startTestSandbox({ searchLagMs: 0 });
  agent = await site.user('agent1@sandbox.test');
  claire = await site.user('claire@acme.test');
  marc = await site.user('marc@acme.test');
  gwen = await site.user('gwen@globex.test');
  // Claire's request, shared with Acme (her organization); Gwen, of Globex, added as a participant.
  key = await site.portalRequest(claire, 'Export incomplet');
  await site.settle();
  const added = await site.call(agent.emailAddress, 'POST', `/rest/servicedeskapi/request/${key}/participant`, {
    accountIds: [gwen.accountId],
  });
  expect(added.status).toBe(200);
  await site.moveTo(agent, key, 'En cours');
  await site.comment(agent, key, 'Pouvez-vous nous envoyer le fichier ?');
  await site.moveTo(agent, key, 'En attente du client');
  await site.settle();
});
afterAll(async () => {
  await site?.close();
  jest.restoreAllMocks();
});

/** The portal panel as `user`, and the REST calls the view made. */
async function portalView(user: SandboxUser): Promise<{ result: ResolverResult<PortalView>; calls: number }> {
  const before = await site.ok<{ perResolverCall: { restCalls: number } }>(null, 'GET', '/_sandbox/stats');
  const { result } = await site.invoke<{ result: ResolverResult<PortalView> }>(user.accountId, {
    moduleKey: 'portal-request-panel',
    functionKey: 'getPortalView',
    issueKey: key,
  });
  const after = await site.ok<{ perResolverCall: { restCalls: number } }>(null, 'GET', '/_sandbox/stats');
  return { result, calls: after.perResolverCall.restCalls - before.perResolverCall.restCalls };
}

function expectWaitingView(result: ResolverResult<PortalView>): void {
  expect(result).toMatchObject({ ok: true, data: { issueKey: key, status: { canonical: 'waiting_for_customer' } } });
  if (!result.ok) return;
  expect(result.data.awaited).toBe('Pouvez-vous nous envoyer le fichier ?');
  expect(result.data.closesAt).toEqual(expect.any(String));
}

it.each([
  ['its reporter', 2, () => claire],
  ['a participant from another organization', 2, () => gwen],
  ['a colleague of the reporter’s organization', 3, () => marc],
])('shows the waiting request to %s in at most %d calls', async (_who, most, user) => {
  const { result, calls } = await portalView(user());
  expectWaitingView(result);
  expect(calls).toBeLessThanOrEqual(most);
});

it('rebuilds a waiting clock never stored from the history already read: the same dates, no more calls', async () => {
  const stored = (await portalView(claire)).result;
  // As for a request that waited before the app was installed: no supportRulesState property.
  const removed = await site.call(
    agent.emailAddress,
    'DELETE',
    `/rest/api/3/issue/${key}/properties/supportRulesState`,
  );
  expect(removed.status).toBe(204);
  const { result, calls } = await portalView(claire);
  expectWaitingView(result);
  expect(result.ok && stored.ok && result.data.closesAt).toBe(stored.ok && stored.data.closesAt);
  expect(calls).toBeLessThanOrEqual(2);
});
