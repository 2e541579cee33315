/**
 * The portal's escalate action on a finished request, in headless Chromium against the sandbox. JSM shows a
 * `jiraServiceManagement:portalRequestViewAction` on every request it is declared for, whatever its status
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-service-management-portal-request-view-action/:
 * none of the module's properties conditions it on the request's status), so the dialog itself must say that a resolved or
 * closed request can no longer be escalated and how to go on: reopen it with the portal's reopen action, named as
 * the site names it in either language (the customer transition JSM offers on the request's page, "Rouvrir" on the
 * sandbox's site: GET /rest/servicedeskapi/request/{issueIdOrKey}/transition,
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/: the CustomerTransitionDTO name),
 * then escalate it. No form, one Close button, the notice
 * takes the focus; in French and English, light and dark, 360 px and 700 px, with no critical or serious axe-core
 * violation (axe's impact levels: https://github.com/dequelabs/axe-core/blob/develop/doc/issue_impact.md).
 */
import type { Frame, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { appFrame, Session, USERS, type User } from './support/sandbox-session';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

const opener = (page: Page) => page.locator('[data-open-dialog="action-portal-escalate"]');
/** The escalate dialog's frame, once its screen has rendered `ready`. */
async function dialogFrame(page: Page, ready: string): Promise<Frame> {
  await appFrame(page, 'portal', '#action-portal-escalate').locator(ready).waitFor({ timeout: 20_000 });
  const frame = await (await page.locator('#action-portal-escalate iframe.forge').elementHandle())!.contentFrame();
  if (!frame) throw new Error('No escalate dialog frame');
  return frame;
}

const TEXTS = {
  fr: {
    user: USERS.customer,
    finished: 'Cette demande est résolue ou fermée\u00a0: elle ne peut plus être escaladée.',
    next: "Si le problème est revenu, rouvrez d'abord la demande avec l'action «\u00a0Rouvrir\u00a0», sur la page de cette demande, puis escaladez-la.",
    close: 'Fermer',
  },
  en: {
    user: USERS.otherCustomer,
    finished: 'This request is resolved or closed: it can no longer be escalated.',
    next: 'If the problem is back, first reopen the request with the "Rouvrir" action on this request\'s page, then escalate it.',
    close: 'Close',
  },
} as const;

const LOOKS = [
  { lang: 'fr', status: 'closed', theme: 'light', width: 360 },
  { lang: 'fr', status: 'resolved', theme: 'dark', width: 700 },
  { lang: 'en', status: 'resolved', theme: 'dark', width: 360 },
  { lang: 'en', status: 'closed', theme: 'light', width: 700 },
] as const;

async function finishedRequest(user: User, status: 'resolved' | 'closed', summary: string): Promise<string> {
  const key = await session.createRequest(user, summary);
  await session.moveTo(key, status);
  return key;
}

describe.each(LOOKS)('on a $status request ($lang, $theme, $width px)', ({ lang, status, theme, width }) => {
  it('says it can no longer be escalated and how to go on, with one Close button, the notice focused, no serious axe violation', async () => {
    const t = TEXTS[lang];
    const key = await finishedRequest(t.user, status, `Finished ${lang} ${theme} ${width}`);
    const page = await session.open(t.user, `/portal/${key}`, { theme, width });
    await opener(page).click();
    const frame = await dialogFrame(page, '[data-testid="escalate-finished"]');
    const dialog = appFrame(page, 'portal', '#action-portal-escalate');
    await expect(dialog.locator('main').getAttribute('lang')).resolves.toBe(lang);
    await expect(dialog.getByTestId('escalate-finished').locator('p').allInnerTexts()).resolves.toEqual([
      t.finished,
      t.next,
    ]);
    // No form, no reason field, no escalate button: one button, Close.
    await expect(dialog.locator('form, textarea, input').count()).resolves.toBe(0);
    await expect(dialog.getByRole('button').allInnerTexts()).resolves.toEqual([t.close]);
    // The notice takes the focus, as the answer of an escalation does: a screen reader reads it first.
    await expect(dialog.getByTestId('escalate-finished').evaluate((el) => el === document.activeElement)).resolves.toBe(
      true,
    );
    await expect(seriousViolations(frame)).resolves.toEqual([]);
    // Close closes the host's dialog, which gives the focus back to the action that opened it.
    await dialog.getByRole('button', { name: t.close }).click();
    await page.waitForFunction(() => !(document.getElementById('action-portal-escalate') as HTMLDialogElement).open);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-open-dialog') ?? null)).resolves.toBe(
      'action-portal-escalate',
    );
    // Nothing was escalated, nobody was written to.
    await session.control('POST', '/_sandbox/settle');
    const outbox = await session.control<{ issueKey: string | null; to: string[] }[]>('GET', '/_sandbox/outbox');
    expect(outbox.filter((m) => m.issueKey === key && m.to.includes(USERS.lead.accountId))).toEqual([]);
    await expect(session.invoke(t.user, 'portal-request-panel', 'getPortalView', {}, key)).resolves.toMatchObject({
      ok: true,
      data: { escalation: null },
    });
    await page.context().close();
  });
});

it('lets the customer escalate again once they reopened the request with the portal’s reopen action', async () => {
  const key = await finishedRequest(USERS.customer, 'resolved', 'Back again');
  const page = await session.open(USERS.customer, `/portal/${key}`, { width: 700 });
  await opener(page).click();
  await dialogFrame(page, '[data-testid="escalate-finished"]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !(document.getElementById('action-portal-escalate') as HTMLDialogElement).open);
  // The portal's own reopen action, the one the dialog named: the customer transition JSM offers on a resolved request.
  const reopen = page.locator('form[action="/_sandbox/ui/customer-transition"] button');
  await expect(reopen.allInnerTexts()).resolves.toEqual(['Rouvrir']);
  await Promise.all([page.waitForLoadState('load'), reopen.first().click()]);
  await session.control('POST', '/_sandbox/settle');
  await page.reload();
  await opener(page).click();
  const dialog = appFrame(page, 'portal', '#action-portal-escalate');
  await dialog.getByTestId('escalate-form').waitFor({ timeout: 20_000 });
  await dialog.getByLabel('Motif').fill('Le problème est revenu depuis ce matin.');
  await dialog.getByTestId('submit-escalation').click();
  await expect(dialog.getByTestId('escalation-done').innerText()).resolves.toContain('escaladée');
  await page.context().close();
});

it('answers a request closed while the dialog was open: nothing escalated, the reason why and how to go on', async () => {
  const key = await session.createRequest(USERS.otherCustomer, 'Closed meanwhile');
  const page = await session.open(USERS.otherCustomer, `/portal/${key}`, { theme: 'dark', width: 360 });
  await opener(page).click();
  const dialog = appFrame(page, 'portal', '#action-portal-escalate');
  await dialog.getByTestId('escalate-form').waitFor({ timeout: 20_000 });
  await session.moveTo(key, 'closed');
  await dialog.getByLabel('Reason').fill('Still broken.');
  await dialog.getByTestId('submit-escalation').click();
  const failure = dialog.getByTestId('failure');
  await expect(failure.getAttribute('data-code')).resolves.toBe('request_done');
  await expect(failure.innerText()).resolves.toContain('This request is resolved or closed');
  await expect(failure.innerText()).resolves.toContain('reopen the request with the "Rouvrir" action in the portal');
  await expect(dialog.getByTestId('escalation-done').count()).resolves.toBe(0);
  const view = await session.invoke<{ ok: boolean; data: { escalation: unknown } }>(
    USERS.otherCustomer,
    'portal-request-panel',
    'getPortalView',
    {},
    key,
  );
  expect(view).toMatchObject({ ok: true, data: { escalation: null } });
  await page.context().close();
});
