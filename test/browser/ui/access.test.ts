/**
 * Who may call what, in the browser: Forge runs the admin page and the agent's panel only for licensed users
 * (their modules have no unlicensedAccess: "Access to Forge apps for unlicensed users"), so a portal-only customer
 * is refused before any resolver runs, and the admin page is not even shown to them; an agent reads the panel.
 * The resolvers' own checks (admins only, agents only) are the security matrix's (test/security/resolvers.test.ts).
 */
import type { ResolverResult } from '../../../src/shared/contracts';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

it.each(['getConfig', 'saveConfig', 'setupCheck', 'exportConfig', 'importConfig'])(
  'answers 403 to a customer calling %s',
  async (functionKey) => {
    const call = session.invoke<ResolverResult<unknown>>(USERS.customer, 'config-page', functionKey, {
      lang: 'en',
      config: {},
      json: '{}',
    });
    await expect(call).rejects.toThrow(/answered 403: .*Forge does not run module config-page for customer users/);
  },
);

it('does not show the admin page to a customer, and shows it to an admin', async () => {
  const page = await session.open(USERS.customer, '/admin');
  await expect(page.locator('iframe.forge').count()).resolves.toBe(0);
  await page.context().close();
  const admin = await session.open(USERS.admin, '/admin');
  await appFrame(admin, 'admin-page').locator('body').waitFor({ timeout: 20_000 });
  await admin.context().close();
});

it('refuses the panel actions to a customer and lets an agent read the panel', async () => {
  const key = await session.createRequest(USERS.customer, 'Access');
  await expect(session.invoke(USERS.customer, 'sla-panel', 'closeAsConsulting', { lang: 'en' }, key)).rejects.toThrow(
    /answered 403: .*Forge does not run module sla-panel for customer users/,
  );
  await expect(
    session.invoke(USERS.agent, 'sla-panel', 'getIssuePanelView', { lang: 'en' }, key),
  ).resolves.toMatchObject({ ok: true });
});
