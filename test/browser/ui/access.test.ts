/**
 * The resolvers check on the server who calls them: a customer gets 403 from the configuration resolvers
 * (in the browser and when calling them directly), and may not read another customer's request.
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
    const result = await session.invoke<ResolverResult<unknown>>(USERS.customer, 'config-page', functionKey, {
      lang: 'en',
      config: {},
      json: '{}',
    });
    expect(result).toMatchObject({ ok: false, status: 403, code: 'admins_only' });
  },
);

it('shows the refusal on the admin page opened by a customer', async () => {
  const page = await session.open(USERS.customer, '/admin');
  const failure = appFrame(page, 'admin-page').getByTestId('failure');
  await failure.waitFor({ timeout: 20_000 });
  await expect(failure.getAttribute('data-status')).resolves.toBe('403');
  await page.context().close();
});

it('refuses the panel actions to a customer and lets an agent read the panel', async () => {
  const key = await session.createRequest(USERS.customer, 'Access');
  await expect(
    session.invoke(USERS.customer, 'sla-panel', 'closeAsConsulting', { lang: 'en' }, key),
  ).resolves.toMatchObject({ ok: false, status: 403 });
  await expect(
    session.invoke(USERS.agent, 'sla-panel', 'getIssuePanelView', { lang: 'en' }, key),
  ).resolves.toMatchObject({ ok: true });
});
