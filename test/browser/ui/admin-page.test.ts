/**
 * The admin page in headless Chromium against the sandbox: an invalid calendar is refused with the schema's
 * message under the field, and nothing is saved; a valid one is saved.
 */
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

async function mondayInForce(): Promise<string> {
  const result = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', { lang: 'en' });
  if (!result.ok) throw new Error(result.message);
  return result.data.config.calendars.businessHours.weeklyHours.monday.map((r) => `${r.start}-${r.end}`).join(',');
}

it('rejects an invalid calendar with the message in place, then saves a valid one', async () => {
  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  await admin.getByTestId('setup-check').waitFor({ timeout: 20_000 });
  expect(await mondayInForce()).toBe('09:00-18:00');

  await admin.getByTestId('hours-monday-0-start').fill('18:00');
  await admin.getByTestId('hours-monday-0-end').fill('09:00');
  await admin.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus_Mons');
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('error-hours-monday-0').innerText()).resolves.toContain('ends before it starts');
  await expect(admin.getByTestId('error-bh-timeZone').innerText()).resolves.toContain('"Mars/Olympus_Mons" is not a time zone');
  await expect(admin.getByTestId('notice-error').innerText()).resolves.toContain('Nothing was saved');
  expect(await mondayInForce()).toBe('09:00-18:00');

  await admin.getByTestId('hours-monday-0-start').fill('08:30');
  await admin.getByTestId('hours-monday-0-end').fill('17:30');
  await admin.getByLabel('Time zone', { exact: true }).fill('Europe/Brussels');
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  await expect(admin.getByTestId('error-hours-monday-0').count()).resolves.toBe(0);
  expect(await mondayInForce()).toBe('08:30-17:30');
  await page.context().close();
});
