/**
 * The agent panel's actions in headless Chromium against the sandbox: recording the third party awaited posts
 * the public comment in the customer's language, stores the details and pauses the SLA; a scheduled operation
 * stops it; closing as Consulting closes the request with that resolution.
 */
import type { Page } from 'playwright-core';
import { appFrame, Session, USERS } from './support/sandbox-session';

/**
 * The flag Jira shows for a change made (the bridge's showFlag, auto-dismissed), in the host page:
 * https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/showFlag/
 */
const doneFlag = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'C’est fait\u00a0: la demande montre le changement.' });

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

interface Issue {
  fields: {
    status: { name: string };
    resolution: { name: string } | null;
    comment: { comments: { jsdPublic?: boolean; body: unknown; author?: { accountId: string } }[] };
  };
}

async function openPanel(key: string) {
  const page = await session.open(USERS.agent, `/browse/${key}`);
  const panel = appFrame(page, 'issue-panel');
  await panel.getByTestId('sla-state').waitFor({ timeout: 20_000 });
  return { page, panel };
}

it('records the third party, tells the customer and pauses the SLA', async () => {
  const key = await session.createRequest(USERS.customer, 'Third party');
  const { page, panel } = await openPanel(key);
  await panel.getByTestId('action-third-party').click();
  await panel.getByLabel('Tiers').selectOption('atlassian');
  await panel.getByLabel('Leur référence (facultatif)').fill('PS-4242');
  await panel.getByTestId('submit-third-party').click();
  await doneFlag(page).waitFor();
  await expect(panel.getByTestId('sla-state').getAttribute('data-state')).resolves.toBe('paused');
  await expect(panel.getByTestId('details').innerText()).resolves.toContain('PS-4242');

  const issue = await session.rest<Issue>(
    USERS.agent,
    'GET',
    `/rest/api/3/issue/${key}?fields=status,resolution,comment`,
  );
  expect(issue.fields.status.name).toBe("En attente d'un tiers");
  const comment = issue.fields.comment.comments.at(-1)!;
  expect(comment.author?.accountId).toBe(USERS.agent.accountId);
  expect(comment.jsdPublic).not.toBe(false);
  expect(JSON.stringify(comment.body)).toContain("en attente d'une action de Atlassian");
  const details = await session.rest<{ value: unknown }>(
    USERS.agent,
    'GET',
    `/rest/api/3/issue/${key}/properties/supportRulesDetails`,
  );
  expect(details.value).toEqual({ thirdParty: { kind: 'atlassian', reference: 'PS-4242' } });
  // Once the request leaves the wait, the panel no longer shows the third party as if it were still awaited.
  await session.moveTo(key, 'in_progress');
  await page.reload();
  await panel.getByTestId('sla-state').waitFor({ timeout: 20_000 });
  await expect(panel.getByTestId('details').count()).resolves.toBe(0);
  await page.context().close();
});

it('records a scheduled operation, which stops the SLA', async () => {
  const key = await session.createRequest(USERS.customer, 'Upgrade');
  const { page, panel } = await openPanel(key);
  await panel.getByTestId('action-scheduled').click();
  await panel.locator('#op-at').fill('2027-01-12T07:30');
  await panel.getByLabel('Qui la réalise').fill('Bruno, équipe Ops');
  await panel.getByTestId('submit-scheduled').click();
  await doneFlag(page).waitFor();
  await expect(panel.getByTestId('sla-state').getAttribute('data-state')).resolves.toBe('stopped');
  const details = await session.rest<{ value: { scheduledOperation: { at: string; who: string } } }>(
    USERS.agent,
    'GET',
    `/rest/api/3/issue/${key}/properties/supportRulesDetails`,
  );
  // 07:30 in the agent's zone (Europe/Paris, winter) is 06:30 UTC.
  expect(details.value.scheduledOperation).toEqual({ at: '2027-01-12T06:30:00.000Z', who: 'Bruno, équipe Ops' });
  await page.context().close();
});

it('closes a request as Consulting after confirmation', async () => {
  const key = await session.createRequest(USERS.customer, 'Advice on our HR workflow');
  const { page, panel } = await openPanel(key);
  await panel.getByTestId('action-consulting').click();
  await panel.getByTestId('confirm-consulting').click();
  await doneFlag(page).waitFor();
  const issue = await session.rest<Issue>(
    USERS.agent,
    'GET',
    `/rest/api/3/issue/${key}?fields=status,resolution,comment`,
  );
  expect(issue.fields.status.name).toBe('Fermée');
  expect(issue.fields.resolution?.name).toBe('Consulting');
  expect(JSON.stringify(issue.fields.comment.comments.map((c) => c.body))).toContain('besoin de conseil');
  await page.context().close();
});

it('answers an escalation made meanwhile by the customer as information, saying when, not as an error', async () => {
  const key = await session.createRequest(USERS.customer, 'Escalated twice');
  const { page, panel } = await openPanel(key);
  await panel.getByTestId('action-escalate').click();
  await panel.getByLabel('Motif').fill('Le client attend depuis trop longtemps.');
  // The customer escalates from the portal while the agent is typing.
  const first = await session.invoke<{ ok: boolean }>(
    USERS.customer,
    'portal-escalate',
    'escalateRequest',
    { lang: 'fr', reason: 'Toujours rien.' },
    key,
  );
  expect(first.ok).toBe(true);
  await panel.getByTestId('submit-escalation').click();
  const failure = panel.getByTestId('failure');
  await failure.waitFor();
  await expect(failure.getAttribute('data-code')).resolves.toBe('already_escalated');
  await expect(failure.innerText()).resolves.toContain('Cette demande a déjà été escaladée le');
  await expect(failure.locator('[role="alert"]').count()).resolves.toBe(0);
  await page.context().close();
});

it('names its buttons after what they do, plans operations ahead only, and offers no escalation once closed', async () => {
  const key = await session.createRequest(USERS.customer, 'Verbs and dates');
  const { page, panel } = await openPanel(key);
  await expect(panel.getByRole('toolbar').getByRole('button').allInnerTexts()).resolves.toEqual([
    'Escalader',
    'Attendre un tiers',
    'Planifier une opération',
    'Fermer en Consulting',
  ]);
  // The date picker starts at the server's now, in the agent's zone; the server refuses a date that has passed.
  await panel.getByTestId('action-scheduled').click();
  const now = await session.now();
  const min = await panel.locator('#op-at').getAttribute('min');
  expect(Date.parse(`${min}:00+01:00`)).toBeLessThanOrEqual(now);
  expect(Date.parse(`${min}:00+01:00`)).toBeGreaterThan(now - 60 * 60_000);
  const past = await session.invoke<{ ok: boolean; code?: string; message?: string }>(
    USERS.agent,
    'sla-panel',
    'recordScheduledOperation',
    { at: new Date(now - 60_000).toISOString(), who: 'Ops' },
    key,
  );
  expect(past).toMatchObject({ ok: false, message: expect.stringContaining('Cette date est passée') });

  // The flag of the action goes away by itself; no "Done." stays behind.
  await panel.getByTestId('action-consulting').click();
  await panel.getByTestId('confirm-consulting').click();
  await doneFlag(page).waitFor();
  await doneFlag(page).waitFor({ state: 'detached', timeout: 15_000 });
  // Closed: nothing left to escalate.
  await panel.locator('[data-testid="sla-state"][data-state="stopped"]').waitFor();
  await expect(panel.getByTestId('action-escalate').count()).resolves.toBe(0);
  await page.context().close();
});

describe.each([
  {
    lang: 'fr',
    user: USERS.agent,
    theme: 'light',
    width: 360,
    past: 'Cette date est passée\u00a0: une opération se planifie à une date et une heure à venir.',
    who: 'Indiquez qui réalise l’opération.',
  },
  {
    lang: 'en',
    user: USERS.admin,
    theme: 'dark',
    width: 700,
    past: 'This date has passed: an operation is planned for a date and time still to come.',
    who: 'Say who carries out the operation.',
  },
] as const)('a scheduled operation refused ($lang, $theme, $width px)', ({ user, theme, width, past, who }) => {
  it("says under the field, in the agent's language, that the date has passed, focuses it, and records nothing", async () => {
    const key = await session.createRequest(USERS.customer, `Planned in the past ${theme}`);
    const page = await session.open(user, `/browse/${key}`, { theme });
    const panel = appFrame(page, 'issue-panel');
    await panel.getByTestId('sla-state').waitFor({ timeout: 20_000 });
    await page.locator('iframe.forge[src*="/static/issue-panel/"]').evaluate((el, w) => {
      (el as HTMLElement).style.width = `${w}px`;
    }, width);
    await panel.getByTestId('action-scheduled').click();
    // Typed by hand (the picker greys out past dates, typing does not): yesterday, in the agent's zone.
    const yesterday = new Date((await session.now()) - 24 * 3_600_000).toISOString().slice(0, 16);
    await panel.locator('#op-at').fill(yesterday);
    await panel.locator('#op-who').fill('Ops');
    await panel.getByTestId('submit-scheduled').click();
    // The app's message, not the browser's bubble (in the browser's language): under the field, which takes the focus.
    await expect(panel.getByTestId('error-op-at').innerText()).resolves.toBe(past);
    await expect(panel.locator('#op-at').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(panel.locator('#op-at').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(panel.getByTestId('failure').count()).resolves.toBe(0);
    // No one named: said under that field.
    await panel.locator('#op-at').fill(new Date((await session.now()) + 48 * 3_600_000).toISOString().slice(0, 16));
    await panel.locator('#op-who').fill('');
    await panel.getByTestId('submit-scheduled').click();
    await expect(panel.getByTestId('error-op-who').innerText()).resolves.toBe(who);
    await expect(panel.getByTestId('error-op-at').count()).resolves.toBe(0);
    // Nothing recorded: the request has not moved.
    await session.control('POST', '/_sandbox/settle');
    const issue = await session.rest<Issue>(USERS.agent, 'GET', `/rest/api/3/issue/${key}?fields=status`);
    expect(issue.fields.status.name).toBe('Soumise');
    await page.context().close();
  });
});

it("links a third party's reference that is a web address, and a long one does not overflow a 360 px panel", async () => {
  const key = await session.createRequest(USERS.customer, 'Vendor ticket');
  const reference = `https://support.example-vendor.test/servicedesk/customer/portal/42/${'VENDOR-'.repeat(12)}4242`;
  const recorded = await session.invoke<{ ok: boolean }>(
    USERS.agent,
    'sla-panel',
    'recordThirdParty',
    { kind: 'addon_vendor', name: 'Example Vendor', reference },
    key,
  );
  expect(recorded.ok).toBe(true);
  await session.control('POST', '/_sandbox/settle');
  const { page, panel } = await openPanel(key);
  const link = panel.getByTestId('third-party-link');
  await expect(link.getAttribute('href')).resolves.toBe(reference);
  await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
  await page.locator('iframe.forge[src*="/static/issue-panel/"]').evaluate((el) => {
    (el as HTMLElement).style.width = '360px';
  });
  const inner = page.frames().find((f) => f.url().includes('/static/issue-panel/'))!;
  await inner.waitForFunction(() => document.documentElement.clientWidth === 360);
  await expect(
    inner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).resolves.toBeLessThanOrEqual(0);
  await page.context().close();
});
