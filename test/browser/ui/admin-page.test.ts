/**
 * The admin page in headless Chromium against the sandbox: an invalid calendar is refused with the schema's
 * message under the field, and nothing is saved; a valid one is saved. The escalation contacts show by name and
 * are picked by typing part of one.
 */
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { appFrame, Session, untilValue, USERS } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

async function mondayInForce(): Promise<string> {
  const result = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {
    lang: 'en',
  });
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
  await expect(admin.getByTestId('error-bh-timeZone').innerText()).resolves.toContain(
    '"Mars/Olympus_Mons" is not a time zone',
  );
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

it('shows the escalation contacts by name and lets the admin pick another by typing part of a name', async () => {
  const contacts = async () => {
    const result = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {
      lang: 'en',
    });
    if (!result.ok) throw new Error(result.message);
    return result.data.config.escalation;
  };
  expect((await contacts()).teamLeadAccountId).toBe(USERS.lead.accountId);
  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  const lead = admin.getByRole('combobox', { name: 'Support team lead' });
  await lead.waitFor({ timeout: 20_000 });
  // The stored account id, shown by its owner's name.
  await untilValue(lead, 'Léa Lead');
  await expect(admin.getByTestId('team-lead-chosen').innerText()).resolves.toBe(USERS.lead.accountId);

  await lead.fill('bru');
  const option = admin.getByRole('option', { name: /Bruno Agent/ });
  await option.waitFor({ timeout: 10_000 });
  // Bruno's profile hides his email address: Jira does not give it, the picker shows his name alone.
  await expect(option.innerText()).resolves.not.toContain('agent2@sandbox.test');
  await lead.press('Enter');
  await expect(admin.getByTestId('team-lead-chosen').innerText()).resolves.toBe('sandbox-agent-2');
  await untilValue(lead, 'Bruno Agent');

  const group = admin.getByRole('combobox', { name: /Support team group/ });
  await group.fill('zzz');
  await admin.getByText('Nothing matches').waitFor({ timeout: 10_000 });
  await group.press('Escape');
  expect(await group.inputValue()).toBe('support-team');

  await admin.getByTestId('save').click();
  await admin.getByTestId('notice-success').waitFor();
  expect(await contacts()).toMatchObject({ teamLeadAccountId: 'sandbox-agent-2', supportTeamGroup: 'support-team' });
  await page.context().close();
});

it('lists the problems of an imported file with their paths, keeping the settings in force in the form', async () => {
  const page = await session.open(USERS.admin, '/admin');
  const admin = appFrame(page, 'admin-page');
  await admin.getByTestId('setup-check').waitFor({ timeout: 20_000 });
  const before = await mondayInForce();
  const timeZone = await admin.getByLabel('Time zone', { exact: true }).inputValue();
  const upload = (json: string) =>
    admin
      .getByTestId('import-file')
      .setInputFiles({ name: 'support-rules-config.json', mimeType: 'application/json', buffer: Buffer.from(json) });

  await upload(
    JSON.stringify({
      calendars: {
        businessHours: { timeZone: 'Mars/Olympus_Mons', weeklyHours: { monday: [{ start: '18:00', end: '09:00' }] } },
      },
    }),
  );
  await expect(admin.getByTestId('notice-error').innerText()).resolves.toContain(
    'The file was not imported: 2 problem(s)',
  );
  const listed = admin.getByTestId('listed-errors');
  await expect(listed.innerText()).resolves.toContain('Problems in the imported file');
  await expect(listed.locator('li').allInnerTexts()).resolves.toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^calendars\.businessHours\.timeZone: "Mars\/Olympus_Mons" is not a time zone/),
      expect.stringMatching(/^calendars\.businessHours\.weeklyHours\.monday\.0: .*ends before it starts/),
    ]),
  );
  // The form still shows what is in force, with no error under its fields: the file's values are not there.
  await expect(admin.getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe(timeZone);
  await expect(admin.getByTestId('error-bh-timeZone').count()).resolves.toBe(0);
  expect(await mondayInForce()).toBe(before);

  // A file that is not a configuration at all: its one problem concerns the whole, and is listed too.
  await upload('[1, 2]');
  await admin.getByTestId('notice-error').filter({ hasText: '1 problem(s)' }).waitFor({ timeout: 10_000 });
  const whole = await listed.locator('li').allInnerTexts();
  expect(whole).toHaveLength(1);
  expect(whole).toEqual(['A configuration is a JSON object of settings.']); // no path: it is about the file as a whole
  expect(await mondayInForce()).toBe(before);
  await page.context().close();
});

it.each([
  { width: 360, theme: 'dark' as const },
  { width: 700, theme: 'light' as const },
])(
  'flags unsaved changes beside a Save at the top, and a refused save leads to the first field in error ($width px, $theme)',
  async ({ width, theme }) => {
    const page = await session.open(USERS.admin, '/admin', { width, theme });
    const admin = appFrame(page, 'admin-page');
    await admin.getByTestId('setup-check').waitFor({ timeout: 20_000 });
    // Save sits at the top of the page, above the setup check and every section (it used to be some 3,500 px down).
    const save = (await admin.getByTestId('save').boundingBox())!;
    const check = (await admin.getByTestId('setup-check').boundingBox())!;
    expect(save.y).toBeLessThan(check.y);
    await expect(admin.getByTestId('unsaved').count()).resolves.toBe(0);

    const zone = admin.getByLabel('Time zone', { exact: true });
    const before = await zone.inputValue();
    // The zone is picked from the IANA list the browser knows, or typed.
    await expect(admin.locator('#bh-timeZone-suggestions option[value="Europe/Paris"]').count()).resolves.toBe(1);
    await zone.fill('Europe/Pari');
    await expect(admin.getByTestId('unsaved').innerText()).resolves.toBe('Unsaved changes');
    await zone.fill(before);
    // Back to what is stored: nothing to save.
    await expect(admin.getByTestId('unsaved').count()).resolves.toBe(0);

    // Two mistakes, the later one in the page first typed: the focus goes to the first in the page's order.
    await admin.getByLabel('Time zone of the 24/7 calendar').fill('Nowhere/Else');
    await zone.fill('Mars/Olympus_Mons');
    await admin.getByTestId('save').click();
    await admin.getByTestId('error-bh-timeZone').waitFor({ timeout: 10_000 });
    await expect(zone.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(admin.getByTestId('unsaved').count()).resolves.toBe(1);
    await page.context().close();
  },
);

describe.each([
  { width: 360, theme: 'dark' as const },
  { width: 700, theme: 'light' as const },
])('a Save never far from what the admin edits ($width px, $theme)', ({ width, theme }) => {
  // In Jira the app's frame grows to its content and the host page scrolls (the sandbox's pages do the same), so no
  // bar inside the frame stays in view: every section ends with the page's Save.
  it('ends every section with Save, flags unsaved changes there, saves from there and says so; the coverage question opens beside it', async () => {
    const page = await session.open(USERS.admin, '/admin', { width, theme, height: 800 });
    const admin = appFrame(page, 'admin-page');
    await admin.getByTestId('setup-check').waitFor({ timeout: 20_000 });
    const sections = await admin.locator('[data-section]').evaluateAll((els) =>
      els.map((el) => ({
        name: el.getAttribute('data-section'),
        lastIsSave: el.lastElementChild?.querySelector('[data-testid^="save-"]')?.textContent === 'Save',
      })),
    );
    expect(sections.length).toBeGreaterThanOrEqual(10);
    expect(sections.filter((s) => !s.lastIsSave)).toEqual([]);

    // A rule switched near the end of the page: the Save under its section is within one screen, not thousands
    // of pixels up at the top.
    const rule = admin.getByTestId('rule-reopenOnCustomerComment--input');
    const was = await rule.isChecked();
    await rule.setChecked(!was, { force: true });
    const ruleBox = (await admin.getByTestId('rule-reopenOnCustomerComment').boundingBox())!;
    const saveBox = (await admin.getByTestId('save-rules').boundingBox())!;
    expect(saveBox.y).toBeGreaterThan(ruleBox.y);
    expect(saveBox.y - ruleBox.y).toBeLessThan(800);
    await expect(admin.getByTestId('unsaved-rules').innerText()).resolves.toBe('Unsaved changes');
    await admin.getByTestId('save-rules').click();
    await expect(admin.getByTestId('notice-rules-success').innerText()).resolves.toBe('Configuration saved.');
    await expect(admin.getByTestId('unsaved-rules').count()).resolves.toBe(0);
    const view = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
    if (!view.ok) throw new Error(view.message);
    expect(view.data.config.rules.reopenOnCustomerComment).toBe(!was);

    // Moving an organization between 24/7 and business hours asks first, in a dialog shown where the admin is.
    const coverage = admin.locator('[data-section="coverage"]');
    const globex = coverage.locator('select').nth(2);
    const before = await globex.inputValue();
    await globex.selectOption(before === '24x7' ? 'business_hours' : '24x7');
    await admin.getByTestId('save-coverage').click();
    const dialog = admin.getByTestId('coverage-change');
    await dialog.waitFor({ timeout: 10_000 });
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await admin.getByTestId('coverage-cancel').click();
    await globex.selectOption(before);
    await expect(admin.getByTestId('unsaved-coverage').count()).resolves.toBe(0);
    await rule.setChecked(was, { force: true });
    await admin.getByTestId('save-rules').click();
    await admin.getByTestId('notice-rules-success').waitFor();
    await page.context().close();
  });
});
