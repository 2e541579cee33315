/**
 * The admin page's choice of projects, in headless Chromium against the sandbox: the rules apply to every JSM
 * project by default; the list offered is the site's JSM projects as Jira gives them
 * (`GET /rest/api/3/project/search?typeKey=service_desk`: SUP and IT, never the Software project DEV); a ticked
 * project is saved in `projects.keys` and shown ticked again; a stored key that is not a JSM project stays listed,
 * marked, until the admin unticks it; "every JSM project" empties the list. In English, and in French when the
 * app offers French only (the admin page speaks the language the configuration gives the reader).
 */
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

async function keysInForce(): Promise<string[]> {
  const result = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!result.ok) throw new Error(result.message);
  return result.data.config.projects.keys;
}

it('applies the rules to every JSM project by default, and to the ticked ones once chosen', async () => {
  expect(await keysInForce()).toEqual([]);
  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  const section = admin.getByTestId('section-projects');
  await section.waitFor({ timeout: 20_000 });
  await expect(admin.getByTestId('projects-all').isChecked()).resolves.toBe(true);
  await expect(section.innerText()).resolves.toContain('Every JSM project of the site (2 today, and any new one)');

  await admin.getByTestId('projects-chosen').check();
  const list = admin.getByTestId('projects-list');
  await list.locator('[data-project]').first().waitFor();
  await expect(
    list.locator('[data-project]').evaluateAll((els) => els.map((e) => e.getAttribute('data-project'))),
  ).resolves.toEqual(['IT', 'SUP']); // by name: "IT Help", "Support"
  await expect(list.innerText()).resolves.toContain('Tick at least one project');
  await admin.getByTestId('project-IT').check();
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  expect(await keysInForce()).toEqual(['IT']);
  await page.context().close();

  const again = await session.open(USERS.admin, '/admin');
  const reopened = appFrame(again, 'admin-page');
  await reopened.getByTestId('project-IT').waitFor({ timeout: 20_000 });
  await expect(reopened.getByTestId('projects-chosen').isChecked()).resolves.toBe(true);
  await expect(reopened.getByTestId('project-IT').isChecked()).resolves.toBe(true);
  await expect(reopened.getByTestId('project-SUP').isChecked()).resolves.toBe(false);
  await reopened.getByTestId('projects-all').check();
  await expect(reopened.getByTestId('projects-list').count()).resolves.toBe(0);
  await reopened.getByTestId('save').click();
  await reopened.getByTestId('notice-success').waitFor();
  expect(await keysInForce()).toEqual([]);
  await again.context().close();
}, 90_000);

it('keeps a stored key that is not a JSM project listed and marked, until the admin unticks it', async () => {
  const view = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!view.ok) throw new Error(view.message);
  const saved = await session.invoke<ResolverResult<unknown>>(USERS.admin, 'config-page', 'saveConfig', {
    config: { ...view.data.config, projects: { keys: ['SUP', 'DEV'] } },
  });
  expect(saved.ok).toBe(true);

  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  const dev = admin.locator('[data-project="DEV"]');
  await dev.waitFor({ timeout: 20_000 });
  await expect(dev.innerText()).resolves.toContain('not a JSM project of this site');
  await expect(admin.getByTestId('project-DEV').isChecked()).resolves.toBe(true);
  await admin.getByTestId('project-DEV').uncheck();
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  expect(await keysInForce()).toEqual(['SUP']);
  await page.context().close();
}, 90_000);

it('speaks French to an admin when the app offers French only (its language policy)', async () => {
  const view = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!view.ok) throw new Error(view.message);
  const saved = await session.invoke<ResolverResult<unknown>>(USERS.admin, 'config-page', 'saveConfig', {
    config: { ...view.data.config, projects: { keys: [] }, languages: { default: 'fr', available: ['fr'] } },
  });
  expect(saved.ok).toBe(true);

  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  const section = admin.getByTestId('section-projects');
  await section.waitFor({ timeout: 20_000 });
  await expect(section.innerText()).resolves.toContain('Projets');
  await expect(section.innerText()).resolves.toContain(
    "Tous les projets JSM du site (2 aujourd'hui, et tout nouveau projet)",
  );
  await expect(admin.getByTestId('projects-all').isChecked()).resolves.toBe(true);
  await admin.getByTestId('projects-chosen').check();
  const list = admin.getByTestId('projects-list');
  await list.locator('[data-project]').first().waitFor();
  await expect(list.innerText()).resolves.toMatch(/Cochez au moins un projet/);
  await admin.getByTestId('project-SUP').check();
  await expect(list.innerText()).resolves.toContain("Projets auxquels les règles s'appliquent");
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  expect(await keysInForce()).toEqual(['SUP']);
  await page.context().close();
}, 90_000);
