/**
 * The customer's portal in headless Chromium against the sandbox: the panel says where the request stands in
 * their words; the escalate dialog shows the rules' guidance and the configured numbers, takes a reason, and
 * the team lead's email lands in the outbox.
 */
import { appFrame, Session, USERS } from './support/sandbox-session';

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
  // No alert is sent on a breach, so the panel promises none: it offers the escalation the rules describe.
  await expect(read()).resolves.toBe(
    'Notre réponse est en retard (promise sous 4\u00a0h 00\u00a0min). Si cela vous bloque, vous pouvez escalader la demande.',
  );
  const answer = await session.invoke<{ ok: boolean }>(
    USERS.customer,
    'portal-escalate',
    'escalateRequest',
    { lang: 'fr', reason: 'Toujours rien.' },
    key,
  );
  expect(answer.ok).toBe(true);
  await expect(read()).resolves.toBe('Notre réponse est en retard (promise sous 4\u00a0h 00\u00a0min).');
});
