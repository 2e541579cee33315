/**
 * The agent panel's actions in headless Chromium against the sandbox: recording the third party awaited posts
 * the public comment in the customer's language, stores the details and pauses the SLA; a scheduled operation
 * stops it; closing as Consulting closes the request with that resolution.
 */
import { appFrame, Session, USERS } from './support/sandbox-session';

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
  await panel.getByTestId('action-done').waitFor();
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
  await panel.getByTestId('action-done').waitFor();
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
  await panel.getByTestId('action-done').waitFor();
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
