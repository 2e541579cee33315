// A request whose history is longer than the page Jira expands (the 100 most recent histories): the panels'
// SLA must still come from the whole changelog, read page by page, or an early stop would be missed.
import { statusOf, transitionInto } from '../../../sandbox/site/catalog';
import { uiContext, type ShownIssue } from '../../../sandbox/pages/ui-context';
import { ISSUE_PANEL, PORTAL, type IssuePanelView, type PortalView } from '../../../src/shared/contracts';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

const AGENT = 'agent1@sandbox.test';
let sandbox: TestSandbox;

/** A REST or control call as `email` (undefined: anonymous), failing on anything but 2xx. */
const call = <T>(method: string, path: string, email: string | undefined, body?: unknown): Promise<T> =>
  sandbox.ok<T>(email ?? null, method, path, body);

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(() => sandbox?.close());

it('computes the SLA of a request with 123 histories from all of them, in the agent panel and the portal', async () => {
  const users = await call<Array<{ accountId: string; emailAddress: string }>>('GET', '/_sandbox/users', undefined);
  const agent = users.find((u) => u.emailAddress === AGENT)!;
  const reporter = users.find((u) => u.emailAddress === 'claire@acme.test')!;
  const { issueKey } = await call<{ issueKey: string }>('POST', '/_sandbox/portal/request', undefined, {
    summary: 'A long history',
    description: 'Many moves between the team and a third party.',
    reporter: reporter.accountId,
  });
  const move = (canonical: Parameters<typeof statusOf>[0]) =>
    call('POST', `/rest/api/3/issue/${issueKey}/transitions`, AGENT, {
      transition: { id: transitionInto(statusOf(canonical)).id },
    });

  await call('POST', '/_sandbox/clock', undefined, { advance: 'PT2H' });
  await move('in_progress');
  await move('waiting_for_customer'); // the response SLA stops here, for good
  const stoppedAt = (await call<{ now: string }>('GET', '/_sandbox/clock', undefined)).now;
  await call('POST', '/_sandbox/clock', undefined, { advance: 'PT1H' });
  for (let i = 0; i < 60; i++) {
    await move('in_progress');
    await move('waiting_for_third_party');
  }
  await move('in_progress');
  await sandbox.runtime.settle();

  const expanded = await call<{ changelog: { total: number; histories: unknown[] } }>(
    'GET',
    `/rest/api/3/issue/${issueKey}?expand=changelog`,
    AGENT,
  );
  expect(expanded.changelog.histories).toHaveLength(100);
  expect(expanded.changelog.total).toBeGreaterThanOrEqual(123);

  const issue = await call<{
    id: string;
    fields: { issuetype: { id: string; name: string }; project: { id: string; key: string } };
  }>('GET', `/rest/api/3/issue/${issueKey}?fields=issuetype,project`, AGENT);
  const shown: ShownIssue = {
    id: issue.id,
    key: issueKey,
    typeId: issue.fields.issuetype.id,
    typeName: issue.fields.issuetype.name,
    projectId: issue.fields.project.id,
    projectKey: issue.fields.project.key,
    projectType: 'service_desk',
  };
  const invoke = async <T>(moduleKey: string, functionKey: string, accountId: string): Promise<T> => {
    const context = uiContext(
      sandbox.runtime.uiModule(moduleKey),
      { accountId, locale: 'en_US', timeZone: 'Europe/Paris' },
      shown,
      'light',
      sandbox.url,
    );
    const answer = (await sandbox.runtime.invokeResolver({
      moduleKey,
      functionKey,
      payload: { lang: 'en' },
      context,
      accountId,
    })) as { ok: boolean; data: T };
    expect(answer.ok).toBe(true);
    return answer.data;
  };

  const panel = await invoke<IssuePanelView>('sla-panel', ISSUE_PANEL.getView, agent.accountId);
  expect(panel.status.canonical).toBe('in_progress');
  expect(panel.sla).toMatchObject({ state: 'stopped', stopStatus: 'waiting_for_customer' });
  // The sandbox's clock runs between the two reads; the hour skipped after the stop tells them apart.
  expect(Math.abs(Date.parse(panel.sla!.stoppedAt!) - Date.parse(stoppedAt))).toBeLessThan(60_000);
  expect(panel.sla!.timeline.length).toBeGreaterThan(0);

  const portal = await invoke<PortalView>('portal-request-panel', PORTAL.getView, reporter.accountId);
  expect(portal.sla?.state).toBe('stopped');
});
