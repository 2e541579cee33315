/**
 * The admin page's switches that leave a JSM customer notification to JSM, in headless Chromium against the
 * sandbox: off by default (the app sends its emails, and the setup check says to disable JSM's doubles); one
 * switched on is saved in `leaveToJsm`, and the setup check then says to keep that JSM notification on instead.
 */
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

it('leaves "Public comment added" to JSM, and the setup check reminds to keep it on', async () => {
  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  const section = admin.getByTestId('section-leave-to-jsm');
  await section.waitFor({ timeout: 20_000 });
  await expect(section.innerText()).resolves.toContain('Leave "Public comment added" to JSM');
  const reminders = admin.getByTestId('setup-reminders');
  await reminders.waitFor();
  await expect(reminders.locator('li[data-code="jsm_notification_kept"]').count()).resolves.toBe(0);

  const toggle = admin.getByTestId('leave-publicCommentAdded--input');
  await expect(toggle.isChecked()).resolves.toBe(false);
  await toggle.check({ force: true });
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  const view = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!view.ok) throw new Error(view.message);
  expect(view.data.config.leaveToJsm).toEqual({
    requestCreated: false,
    publicCommentAdded: true,
    customerVisibleStatusChanged: false,
    requestResolved: false,
  });

  await admin.getByRole('button', { name: 'Check again' }).click();
  const kept = reminders.locator('li[data-code="jsm_notification_kept"]');
  await kept.first().waitFor();
  await expect(kept.innerText()).resolves.toContain('keep "Public comment added" on');
  await page.context().close();
}, 90_000);
