/**
 * The pages render a Forge module as Jira does: only where its display conditions hold ("Display conditions",
 * https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/: the agent's SLA has
 * `projectType: service_desk`), and only for users Forge runs it for ("Access to Forge apps for unlicensed users":
 * the portal modules list `customer`, the issue context and the admin page list nobody).
 */
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
}, 60_000);
afterAll(async () => sandbox?.close());

async function page(path: string, email: string): Promise<string> {
  const users = await sandbox.users();
  const who = users.find((u) => u.emailAddress === email)!;
  const response = await fetch(sandbox.url + path, { headers: { cookie: `sandbox_user=${who.accountId}` } });
  return response.text();
}

it("shows the agent's SLA in the context area of a service project's request, not on a Software issue", async () => {
  const request = await page('/browse/SUP-1', 'agent1@sandbox.test');
  expect(request).toContain('data-module="sla-panel"');
  expect(request).toContain('src="/static/issue-panel/index.html');
  const software = await page('/browse/DEV-1', 'agent1@sandbox.test');
  expect(software).toContain('DEV-1');
  expect(software).not.toContain('data-module="sla-panel"');
  expect(software).not.toContain('/static/issue-panel/');
});

it('shows the portal modules to a portal-only customer, and the admin page only to licensed users', async () => {
  const portal = await page('/portal/SUP-1', 'claire@acme.test');
  expect(portal).toContain('/static/portal/index.html');
  expect(await page('/admin', 'claire@acme.test')).not.toContain('/static/admin-page/');
  expect(await page('/admin', 'admin@sandbox.test')).toContain('/static/admin-page/');
});
