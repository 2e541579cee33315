/**
 * The customer's portal in headless Chromium against the sandbox: the panel says where the request stands in
 * their words; the escalate dialog shows the rules' guidance and the configured numbers, takes a reason, and
 * the team lead's email lands in the outbox; the dialog behaves as an Atlaskit modal (the first field focused,
 * Escape and its own close button close it, the focus goes back to the action, the escalation is announced in a
 * live region) for a French and an English customer, light and dark, at 360 and 700 px.
 *
 * The modal behaviour checked is the WAI-ARIA Authoring Practices' modal dialog pattern, which Atlaskit's modal
 * follows (https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/): the focus moves into the dialog when it opens
 * and returns to the element that opened it when it closes; Escape closes it.
 */
import type { Page } from 'playwright-core';
import { appFrame, nextMondayMorning, Session, USERS } from './support/sandbox-session';
import { inEveryLook } from './support/looks';

let session: Session;
beforeAll(async () => {
  session = await Session.start();
}, 120_000);
afterAll(async () => session?.close());

it('shows the status and the response SLA in the customer’s words', async () => {
  const key = await session.createRequest(USERS.customer, 'Portal panel');
  await session.moveTo(key, 'waiting_for_third_party');
  const page = await session.open(USERS.customer, `/portal/${key}`);
  const panel = appFrame(page, 'portal', 'section.card');
  await panel.getByTestId('portal-status').waitFor({ timeout: 20_000 });
  await expect(panel.getByTestId('portal-status').innerText()).resolves.toBe("En attente d'un tiers");
  await expect(panel.getByTestId('portal-sla').getAttribute('data-state')).resolves.toBe('paused');
  await expect(panel.getByTestId('portal-sla').innerText()).resolves.toContain('nous attendons un tiers');
  await page.context().close();
});

it('speaks English to a customer whose Jira locale is English', async () => {
  const key = await session.createRequest(USERS.otherCustomer, 'English please');
  const page = await session.open(USERS.otherCustomer, `/portal/${key}`);
  const panel = appFrame(page, 'portal', 'section.card');
  await panel.getByTestId('portal-sla').waitFor({ timeout: 20_000 });
  await expect(panel.getByTestId('portal-status').innerText()).resolves.toBe('Submitted');
  await expect(panel.getByTestId('portal-sla').innerText()).resolves.toMatch(
    /^We will answer by .* \(within 4 h 00 min of your contract's hours\)\.$/,
  );
  await page.context().close();
});

it('lets the customer escalate with a reason, and notifies the team lead by email', async () => {
  const key = await session.createRequest(USERS.customer, 'Please escalate me');
  const page = await session.open(USERS.customer, `/portal/${key}`);
  await page.locator('[data-open-dialog="action-portal-escalate"]').click();
  const dialog = appFrame(page, 'portal', '#action-portal-escalate');
  await dialog.getByTestId('escalate-form').waitFor({ timeout: 20_000 });
  // The rules' guidance, with the configured phone numbers.
  await expect(dialog.getByTestId('guidance-when').locator('li').count()).resolves.toBe(2);
  await expect(dialog.getByTestId('guidance-urgent').innerText()).resolves.toContain('+33 1 23 45 67 89');
  await expect(dialog.getByTestId('submit-escalation').isDisabled()).resolves.toBe(true);
  await dialog.getByLabel('Motif').fill('Aucune réponse depuis deux jours alors que tout a été fourni.');
  await dialog.getByTestId('submit-escalation').click();
  await expect(dialog.getByTestId('escalation-done').innerText()).resolves.toContain('escaladée');
  await session.control('POST', '/_sandbox/settle');
  const outbox = await session.control<
    { issueKey: string | null; to: string[]; subject: string; textBody: string; source: string }[]
  >('GET', '/_sandbox/outbox');
  const toLead = outbox.filter((m) => m.source === 'app' && m.issueKey === key && m.to.includes(USERS.lead.accountId));
  expect(toLead).toHaveLength(1);
  expect(toLead[0]!.textBody).toContain('Aucune réponse depuis deux jours');
  await page.context().close();
});

// The clock moves hours ahead, and every five-minute SLA sweep runs on the way: a longer time limit.
it('says when the first answer is at risk (75 % of the goal used) and that the team was alerted', async () => {
  await session.moveClock({ to: nextMondayMorning(await session.now()) });
  const key = await session.createRequest(USERS.customer, 'At risk');
  await session.moveClock({ advance: 'PT3H5M' });
  const page = await session.open(USERS.customer, `/portal/${key}`);
  const panel = appFrame(page, 'portal', 'section.card');
  await panel.getByTestId('portal-sla').waitFor({ timeout: 20_000 });
  await expect(panel.getByTestId('portal-sla').getAttribute('data-at-risk')).resolves.toBe('true');
  await expect(panel.getByTestId('portal-sla').innerText()).resolves.toMatch(
    /^Nous vous répondrons au plus tard le .+\. Le délai de notre première réponse arrive bientôt à son terme\. L'équipe a été alertée\.$/,
  );
  await page.context().close();
}, 180_000);

// The clock moves hours ahead, and every five-minute SLA sweep runs on the way: a longer time limit.
it('tells the customer plainly when the answer is late, pointing to escalation until it is used', async () => {
  const key = await session.createRequest(USERS.customer, 'Late answer');
  await session.moveClock({ advance: 'P3D' });
  const read = async (): Promise<string> => {
    const page = await session.open(USERS.customer, `/portal/${key}`);
    const panel = appFrame(page, 'portal', 'section.card');
    await panel.getByTestId('portal-sla').waitFor({ timeout: 20_000 });
    const text = await panel.getByTestId('portal-sla').innerText();
    await page.context().close();
    return text;
  };
  // The SLA alerts (rule slaAlerts) told the team at the breach; the panel also offers the escalation.
  await expect(read()).resolves.toBe(
    "Notre réponse est en retard (promise sous 4\u00a0h 00\u00a0min). Si cela vous bloque, vous pouvez escalader la demande. L'équipe a été alertée.",
  );
  const outbox = await session.control<{ issueKey: string | null; subject: string }[]>('GET', '/_sandbox/outbox');
  expect(outbox.filter((m) => m.issueKey === key && m.subject.includes('Délai de réponse dépassé'))).not.toHaveLength(
    0,
  );
  const answer = await session.invoke<{ ok: boolean }>(
    USERS.customer,
    'portal-escalate',
    'escalateRequest',
    { lang: 'fr', reason: 'Toujours rien.' },
    key,
  );
  expect(answer.ok).toBe(true);
  await expect(read()).resolves.toBe(
    "Notre réponse est en retard (promise sous 4\u00a0h 00\u00a0min). L'équipe a été alertée.",
  );
}, 180_000);

/** The customers by language (their Jira locale), and the looks each is seen in. */
const LANGS = [
  { lang: 'fr', customer: USERS.customer },
  { lang: 'en', customer: USERS.otherCustomer },
] as const;
const LOOKS = [
  { theme: 'dark', width: 360 },
  { theme: 'light', width: 700 },
  { theme: 'light', width: 360 },
  { theme: 'dark', width: 700 },
] as const;
const CASES = inEveryLook(LANGS, LOOKS);

/** What the dialog says in each language (French texts carry a non-breaking space before a colon). */
const MODAL_TEXT = {
  fr: {
    title: 'Escalader cette demande',
    phones: ['Support (heures ouvrées)', 'Astreinte 24/7'],
    otherLanguage: 'business hours',
    reason: 'Motif',
    close: 'Fermer',
    typed: 'Aucune réponse depuis deux jours alors que tout a été fourni.',
    announced:
      "Votre demande est escaladée\u00a0: le responsable de l'équipe support et le responsable de votre contrat de support ont été prévenus.",
    panel: /^Vous avez escaladé cette demande le .*\u00a0: les responsables du support ont été prévenus\.$/,
  },
  en: {
    title: 'Escalate this request',
    phones: ['Support (business hours)', 'On call 24/7'],
    otherLanguage: 'heures ouvrées',
    reason: 'Reason',
    close: 'Close',
    typed: 'Nothing for two days although everything was provided.',
    announced:
      'Your request is escalated: the head of the support team and the manager in charge of your support contract have been notified.',
    panel: /^You escalated this request on .*: the support managers were notified\.$/,
  },
} as const;

describe('the escalate dialog, as an Atlaskit modal', () => {
  /** The host's dialog around the action's frame, open or not, and which element of the host page has the focus. */
  const hostState = (page: Page) =>
    page.evaluate(() => ({
      open: (document.getElementById('action-portal-escalate') as HTMLDialogElement).open,
      focused: document.activeElement?.getAttribute('data-open-dialog') ?? document.activeElement?.tagName,
    }));
  const opener = (page: Page) => page.locator('[data-open-dialog="action-portal-escalate"]');
  const closed = (page: Page) =>
    page.waitForFunction(() => !(document.getElementById('action-portal-escalate') as HTMLDialogElement).open);

  it.each(CASES)(
    'closes on Escape and on its close button, giving the focus back to the action; the reason takes the focus ($lang, $theme, $width px)',
    async ({ lang, customer, theme, width }) => {
      const text = MODAL_TEXT[lang];
      const key = await session.createRequest(customer, `Modal behaviour ${lang} ${theme} ${width}`);
      const page = await session.open(customer, `/portal/${key}`, { theme, width });
      await opener(page).click();
      const dialog = appFrame(page, 'portal', '#action-portal-escalate');
      await dialog.getByTestId('escalate-form').waitFor({ timeout: 20_000 });
      await expect(dialog.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(text.title);
      // The viewer's words throughout: the phone numbers' labels in their language, no internal role names.
      const urgent = await dialog.getByTestId('guidance-urgent').innerText();
      for (const label of text.phones) expect(urgent).toContain(label);
      expect(urgent).not.toContain(text.otherLanguage);
      await expect(dialog.locator('main').innerText()).resolves.not.toMatch(/offer manager|Cloud\/Support|team lead/i);
      // Each number stays whole on one line (at 360 px it used to break after "+33 1").
      const numbers = await dialog
        .locator('a[href^="tel:"]')
        .evaluateAll((links) => links.map((a) => ({ lines: a.getClientRects().length, text: a.textContent })));
      expect(numbers.length).toBe(2);
      expect(numbers.filter((n) => n.lines !== 1)).toEqual([]);
      // Atlaskit's modal focuses its first field; here, the reason.
      await expect(dialog.getByLabel(text.reason).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await closed(page);
      await expect(hostState(page)).resolves.toEqual({ open: false, focused: 'action-portal-escalate' });

      await opener(page).click();
      await dialog.getByRole('button', { name: text.close, exact: true }).click();
      await closed(page);
      await expect(hostState(page)).resolves.toEqual({ open: false, focused: 'action-portal-escalate' });
      // Nothing was escalated by closing it.
      await expect(
        session.invoke<{ ok: boolean; data: { escalation: unknown } }>(
          customer,
          'portal-request-panel',
          'getPortalView',
          {},
          key,
        ),
      ).resolves.toMatchObject({ ok: true, data: { escalation: null } });
      await page.context().close();
    },
  );

  it.each(CASES)(
    'announces the escalation, moves the focus to it, gives the focus back to the action once closed, and updates the request panel without a reload ($lang, $theme, $width px)',
    async ({ lang, customer, theme, width }) => {
      const text = MODAL_TEXT[lang];
      const key = await session.createRequest(customer, `Escalate and see it ${lang} ${theme} ${width}`);
      const page = await session.open(customer, `/portal/${key}`, { theme, width });
      // The request panel's frame (the dialog's frame sits in the same card).
      const panel = page.frameLocator('iframe.forge[data-context*="portal-request-panel"]');
      await panel.getByTestId('portal-sla').waitFor({ timeout: 20_000 });
      await expect(panel.getByTestId('portal-escalated').count()).resolves.toBe(0);
      await opener(page).click();
      const dialog = appFrame(page, 'portal', '#action-portal-escalate');
      await dialog.getByLabel(text.reason).fill(text.typed);
      await dialog.getByTestId('submit-escalation').click();
      await dialog.getByTestId('escalation-done').waitFor({ timeout: 20_000 });
      // A live region says it (a screen reader reads it), and the answer takes the focus.
      await expect(dialog.getByTestId('escalate-announcement').textContent()).resolves.toBe(text.announced);
      await expect(dialog.getByTestId('escalate-announcement').getAttribute('role')).resolves.toBe('status');
      await expect(dialog.getByTestId('escalation-done').evaluate((el) => el === document.activeElement)).resolves.toBe(
        true,
      );
      // The panel behind heard it (the app's own event) and shows the escalation, worded for its viewer.
      await expect(panel.getByTestId('portal-escalated').innerText({ timeout: 10_000 })).resolves.toMatch(text.panel);
      await dialog.getByTestId('done-escalation').click();
      await closed(page);
      // The action it came from has the focus again (the action stays, now saying the request is escalated).
      await expect(hostState(page)).resolves.toEqual({ open: false, focused: 'action-portal-escalate' });
      await page.context().close();
    },
  );
});

it("words an agent's escalation for the customer, and says what counts as the response once the team has answered", async () => {
  const key = await session.createRequest(USERS.customer, 'Agent escalates');
  const escalated = await session.invoke<{ ok: boolean }>(
    USERS.agent,
    'sla-panel',
    'escalateRequest',
    { reason: 'Le client attend depuis trop longtemps.' },
    key,
  );
  expect(escalated.ok).toBe(true);
  await session.sandbox.comment({ emailAddress: USERS.agent.email }, key, 'Nous regardons vos journaux.');
  await session.control('POST', '/_sandbox/settle');
  const page = await session.open(USERS.customer, `/portal/${key}`, { width: 700 });
  const panel = appFrame(page, 'portal', 'section.card');
  await panel.getByTestId('portal-escalated').waitFor({ timeout: 20_000 });
  // Not "You escalated": the customer did not.
  await expect(panel.getByTestId('portal-escalated').innerText()).resolves.toMatch(
    /^L'équipe support a escaladé cette demande le .* pour accélérer son traitement\.$/,
  );
  // The SLA still runs (a comment is not the response the rules count): the panel says what is.
  await expect(panel.getByTestId('portal-sla').getAttribute('data-state')).resolves.toBe('running');
  await expect(panel.getByTestId('portal-sla').innerText()).resolves.toMatch(
    /^Notre équipe vous a répondu dans les commentaires\. La première réponse sur laquelle nous nous engageons est le passage de la demande à l'étape suivante .*, au plus tard le .*\.$/,
  );
  await page.context().close();
});
