/**
 * The admin page's settings that name something of the site, in headless Chromium against the sandbox: priorities,
 * JSM organizations and resolutions are picked from the site's own lists (GET /rest/api/3/priority,
 * GET /rest/servicedeskapi/organization, GET /rest/api/3/resolution/search); a new row takes a value of the site,
 * never a made-up name; a stored value the site lacks shows marked, and saving refuses it under its row (focused),
 * saving nothing. In English (light, 700 px) and in French (dark, 360 px).
 */
import type { FrameLocator } from 'playwright-core';
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

async function inForce(): Promise<ConfigView['config']> {
  const result = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!result.ok) throw new Error(result.message);
  return result.data.config;
}

/** Writes a configuration as stored, bypassing the save's checks (a value the site has since lost). */
async function store(change: (config: ConfigView['config']) => void): Promise<void> {
  const config = await inForce();
  change(config);
  session.sandbox.runtime.kvs.handle('/api/v1/set', { key: 'config', value: config });
}

const optionTexts = (admin: FrameLocator, selector: string) =>
  admin.locator(selector).evaluate((el) => Array.from((el as HTMLSelectElement).options, (o) => o.text));

it('offers the site priorities, organizations and resolutions, a new row taking one the site has', async () => {
  const page = await session.open(USERS.admin, '/admin', { width: 700 });
  const admin = appFrame(page, 'admin-page');
  await admin.getByTestId('section-goals').waitFor({ timeout: 20_000 });

  // The demo configuration gives Globex Cloud 24/7: its row's name is picked among the site's organizations.
  const orgKey = admin.locator('#org-0-key');
  await admin.locator('#org-0-key[data-site-list]').waitFor();
  await expect(orgKey.inputValue()).resolves.toBe('Globex Cloud');
  await expect(optionTexts(admin, '#org-0-key')).resolves.toEqual(['Acme Industries', 'Globex Cloud']);
  await admin.getByTestId('add-org').click();
  await expect(admin.locator('#org-1-key').inputValue()).resolves.toBe('Acme Industries');
  // Every organization has its row: nothing more to add, and a row cannot take another's name.
  await expect(admin.getByTestId('add-org').isDisabled()).resolves.toBe(true);
  await expect(optionTexts(admin, '#org-1-key')).resolves.toEqual(['Acme Industries']);

  await admin.getByTestId('add-priority').click();
  await expect(admin.locator('#priority-0-key').inputValue()).resolves.toBe('Highest');
  await expect(optionTexts(admin, '#priority-0-key')).resolves.toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
  await admin.locator('#priority-0-key').selectOption('High');
  await admin.locator('#priority-0-value').fill('90');
  await expect(admin.getByTestId('rows-priority').innerText()).resolves.not.toContain('?1');

  await expect(optionTexts(admin, '#autoclose-resolution')).resolves.toEqual(['Done', 'Consulting']);
  await expect(optionTexts(admin, '#consultingResolution')).resolves.toEqual(['Done', 'Consulting']);

  // Acme's new row moves it to 24/7: the page asks first (test/browser/ui/admin-calendar-coverage.test.ts).
  await admin.getByTestId('save').click();
  await admin.getByTestId('coverage-confirm').click();
  await admin.getByTestId('notice-success').waitFor();
  const saved = await inForce();
  expect(saved.responseGoals.byPriority).toEqual({ High: 90 });
  expect(saved.coverage.byOrganization).toEqual({ 'Globex Cloud': '24x7', 'Acme Industries': '24x7' });
  await page.context().close();
}, 90_000);

it('refuses a stored priority the site lacks under its row, saving nothing until it is removed', async () => {
  await store((c) => {
    c.responseGoals.byPriority = { Blocker: 30 };
    c.coverage.byOrganization = { 'Globex Cloud': '24x7' };
  });
  const page = await session.open(USERS.admin, '/admin', { width: 700 });
  const admin = appFrame(page, 'admin-page');
  await admin.locator('#priority-0-key[data-site-list]').waitFor({ timeout: 20_000 });
  await expect(admin.locator('#priority-0-key option:checked').innerText()).resolves.toBe('Blocker (not on this site)');

  await admin.getByTestId('save').click();
  const row = admin.locator('[data-row-key="Blocker"]');
  await expect(row.getByRole('alert').innerText()).resolves.toBe(
    '"Blocker" is not a priority of this site: the setting could never apply. Pick one from the list.',
  );
  await expect(admin.getByTestId('notice-error').innerText()).resolves.toContain('Nothing was saved');
  await expect(admin.locator('#priority-0-key').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  expect((await inForce()).responseGoals.byPriority).toEqual({ Blocker: 30 });

  await row.getByRole('button', { name: 'Remove' }).click();
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  expect((await inForce()).responseGoals.byPriority).toEqual({});
  await page.context().close();
}, 90_000);

it('speaks French at 360 px in the dark theme: pickers and the refusal in French', async () => {
  await store((c) => {
    c.languages = { default: 'fr', available: ['fr'] };
    c.coverage.byOrganization = { Initech: '24x7' };
  });
  const page = await session.open(USERS.admin, '/admin', { width: 360, theme: 'dark' });
  const admin = appFrame(page, 'admin-page');
  await admin.locator('#org-0-key[data-site-list]').waitFor({ timeout: 20_000 });
  await expect(admin.locator('#org-0-key option:checked').innerText()).resolves.toBe('Initech (absente de ce site)');
  await admin.getByTestId('add-priority').click();
  await expect(admin.locator('#priority-0-key').getAttribute('aria-label')).resolves.toBe('Priorité');

  await admin.getByTestId('save').click();
  await expect(admin.locator('[data-row-key="Initech"]').getByRole('alert').innerText()).resolves.toBe(
    "«\u00a0Initech\u00a0» n'est pas une organisation JSM de ce site\u00a0: ce réglage ne pourrait jamais s'appliquer. Choisissez-en une dans la liste.",
  );
  // Nothing overflows the narrow frame.
  const overflow = await admin.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect((await inForce()).coverage.byOrganization).toEqual({ Initech: '24x7' });
  await page.context().close();
}, 90_000);
