/**
 * The admin page's calendar and coverage, in headless Chromium against the sandbox: the public holidays' country
 * and region are picked from date-holidays' lists named in the admin's language (a new country clears the region);
 * closed days use the browser's date picker, yearly ones a month and a day; a new row starts empty and the schema
 * asks for its date. Switching an organization between 24/7 and business hours first asks for confirmation, saying
 * how many open requests are measured again and how many stopped ones keep their measure (counted against the
 * requests' own organizations and SLA records); Cancel saves nothing. English (light, 700 px) and French (dark,
 * 360 px); axe-core finds no critical or serious violation with the dialog open.
 */
import type { FrameLocator, Page } from 'playwright-core';
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { seriousViolations } from './support/axe';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
  // Two Globex requests: one stays open, the other stops its SLA (waiting for the customer); the SLA sweep gives
  // the demo requests their records, and the search index follows.
  await session.createRequest(USERS.otherCustomer, 'Coverage: still open');
  const stopped = await session.createRequest(USERS.otherCustomer, 'Coverage: stopped');
  await session.moveTo(stopped, 'waiting_for_customer');
  await session.moveClock({ advance: 'PT12M' });
  await session.control('POST', '/_sandbox/settle');
}, 120_000);
afterAll(async () => session?.close());

async function inForce(): Promise<ConfigView['config']> {
  const result = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!result.ok) throw new Error(result.message);
  return result.data.config;
}

async function setLanguages(languages: ConfigView['config']['languages']): Promise<void> {
  const saved = await session.invoke<ResolverResult<unknown>>(USERS.admin, 'config-page', 'saveConfig', {
    config: { ...(await inForce()), languages },
  });
  expect(saved.ok).toBe(true);
}

const selected = (admin: FrameLocator, selector: string) => admin.locator(`${selector} option:checked`).innerText();
const optionTexts = (admin: FrameLocator, selector: string) =>
  admin.locator(selector).evaluate((el) => Array.from((el as HTMLSelectElement).options, (o) => o.text));

/** Globex's requests by their SLA record's state, read from the requests themselves (Organizations field, record). */
async function globexRecords(): Promise<{ open: number; stopped: number }> {
  const page = await session.rest<{
    issues: {
      fields: { customfield_10002?: { name: string }[] };
      properties?: { supportRulesSla?: { state: string; coverage: string } };
    }[];
  }>(USERS.agent, 'POST', '/rest/api/3/search/jql', {
    jql: 'project in (SUP, IT) ORDER BY key ASC',
    fields: ['customfield_10002'],
    properties: ['supportRulesSla'],
    maxResults: 100,
  });
  const records = page.issues
    .filter((i) => (i.fields.customfield_10002 ?? []).some((o) => o.name === 'Globex Cloud'))
    .map((i) => i.properties?.supportRulesSla)
    .filter((r) => r !== undefined && r.coverage === '24x7');
  return {
    open: records.filter((r) => r!.state === 'running' || r!.state === 'paused').length,
    stopped: records.filter((r) => r!.state === 'stopped').length,
  };
}

async function axeSerious(page: Page): Promise<string[]> {
  return seriousViolations(page.frames().find((f) => f.url().includes('/static/admin-page/'))!);
}

it('picks the holidays country and region from date-holidays, and closed days with date pickers', async () => {
  const page = await session.open(USERS.admin, '/admin', { width: 700 });
  const admin = appFrame(page, 'admin-page');
  await admin.locator('#holidays-country option[value="DE"]').waitFor({ state: 'attached', timeout: 20_000 });
  await expect(selected(admin, '#holidays-country')).resolves.toBe('France (FR)');
  await expect(selected(admin, '#holidays-region')).resolves.toBe('The whole country');
  await admin.locator('#holidays-region option[value="67"]').waitFor({ state: 'attached' });
  await admin.locator('#holidays-region').selectOption('67');
  await expect(selected(admin, '#holidays-region')).resolves.toContain('Bas-Rhin (67)');

  // Another country: its own regions, the region cleared.
  await admin.locator('#holidays-country').selectOption('DE');
  await expect(selected(admin, '#holidays-country')).resolves.toBe('Germany (DE)');
  await admin.locator('#holidays-region option[value="BY"]').waitFor({ state: 'attached' });
  await expect(selected(admin, '#holidays-region')).resolves.toBe('The whole country');
  await expect(optionTexts(admin, '#holidays-region')).resolves.toContain('Bayern (BY)');
  await admin.locator('#holidays-region').selectOption('BY');

  await admin.getByTestId('add-fixed-date').click();
  await expect(admin.getByTestId('fixed-date-0').getAttribute('type')).resolves.toBe('date');
  await expect(admin.getByTestId('fixed-date-0').inputValue()).resolves.toBe('');
  await admin.getByTestId('add-yearly-date').click();
  await admin.getByTestId('yearly-month-0').selectOption('12');
  // A new row left without its date is refused, saying so, and nothing is saved.
  await admin.getByTestId('save').click();
  await expect(admin.getByTestId('error-fixed-date-0').innerText()).resolves.toBe(
    'Choose the date, or remove this row.',
  );
  await expect(admin.getByTestId('error-yearly-date-0').innerText()).resolves.toBe(
    'Choose the date, or remove this row.',
  );
  expect((await inForce()).calendars.businessHours.holidays.country).toBe('FR');

  await admin.getByTestId('fixed-date-0').fill('2026-12-24');
  await admin.getByTestId('yearly-day-0').selectOption('26');
  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  expect((await inForce()).calendars.businessHours.holidays).toEqual({
    country: 'DE',
    region: 'BY',
    fixedDates: ['2026-12-24'],
    yearlyDates: ['12-26'],
  });
  await page.context().close();
}, 90_000);

it('asks before switching an organization from 24/7, with the requests it moves; Cancel saves nothing', async () => {
  const expected = await globexRecords();
  expect(expected.open).toBeGreaterThan(0);
  expect(expected.stopped).toBeGreaterThan(0);
  const page = await session.open(USERS.admin, '/admin', { width: 700 });
  const admin = appFrame(page, 'admin-page');
  await admin.locator('#org-0-key[data-site-list]').waitFor({ timeout: 20_000 });
  await expect(admin.locator('#org-0-key').inputValue()).resolves.toBe('Globex Cloud');
  await admin.locator('#org-0-value').selectOption('business_hours');
  await admin.getByTestId('save').click();

  const dialog = admin.getByTestId('coverage-change');
  await dialog.waitFor();
  await expect(dialog.getByRole('heading').innerText()).resolves.toBe('Change the coverage of existing requests?');
  await expect(dialog.getByTestId('coverage-change-item').innerText()).resolves.toContain(
    'Globex Cloud: 24/7 → Business hours',
  );
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  await expect(dialog.getByTestId('coverage-open').innerText()).resolves.toBe(
    `${plural(expected.open, 'open request', 'open requests')} (SLA running or paused): measured again in the new calendar when you save.`,
  );
  await expect(dialog.getByTestId('coverage-stopped').innerText()).resolves.toContain(
    `${plural(expected.stopped, 'request', 'requests')} whose SLA has stopped:`,
  );
  // The modal takes the focus on its first button (Cancel: nothing happens by accident).
  await expect(admin.getByTestId('coverage-cancel').evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  expect(await axeSerious(page)).toEqual([]);

  // Escape cancels, as in any modal: the draft stays, unsaved.
  await page.keyboard.press('Escape');
  await expect(dialog.count()).resolves.toBe(0);
  await expect(admin.getByTestId('unsaved').count()).resolves.toBe(1);
  expect((await inForce()).coverage.byOrganization).toEqual({ 'Globex Cloud': '24x7' });

  await admin.getByTestId('save').click();
  await admin.getByTestId('coverage-confirm').click();
  await admin.getByTestId('notice-success').waitFor();
  expect((await inForce()).coverage.byOrganization).toEqual({ 'Globex Cloud': 'business_hours' });
  await page.context().close();
}, 90_000);

it('speaks French at 360 px in the dark theme: places, months and the confirmation', async () => {
  await setLanguages({ default: 'fr', available: ['fr'] });
  const page = await session.open(USERS.admin, '/admin', { width: 360, theme: 'dark' });
  const admin = appFrame(page, 'admin-page');
  await admin.locator('#holidays-country option[value="FR"]').waitFor({ state: 'attached', timeout: 20_000 });
  await expect(selected(admin, '#holidays-country')).resolves.toBe('Allemagne (DE)');
  await expect(admin.getByTestId('yearly-month-0').locator('option:checked').innerText()).resolves.toBe('décembre');

  // Globex back to 24/7: the dialog in French, within the narrow frame.
  await admin.locator('#org-0-value').selectOption('24x7');
  await admin.getByTestId('save').click();
  const dialog = admin.getByTestId('coverage-change');
  await dialog.waitFor();
  await expect(dialog.getByRole('heading').innerText()).resolves.toBe(
    'Changer la couverture des demandes existantes\u00a0?',
  );
  // French typography: non-breaking spaces before the colon and inside "24 h/24" (compared as spaces).
  const item = (await dialog.getByTestId('coverage-change-item').innerText()).replace(/\s/g, ' ');
  expect(item).toContain('Globex Cloud : Heures ouvrées → 24 h/24, 7 j/7');
  await expect(dialog.getByTestId('coverage-open').innerText()).resolves.toMatch(/^\d+\sdemandes?\souvertes?/);
  const box = await dialog.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  expect(await axeSerious(page)).toEqual([]);
  await admin.getByTestId('coverage-cancel').click();
  await expect(dialog.count()).resolves.toBe(0);
  expect((await inForce()).coverage.byOrganization).toEqual({ 'Globex Cloud': 'business_hours' });
  await page.context().close();
}, 90_000);
