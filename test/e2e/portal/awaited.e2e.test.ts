/**
 * The portal's "what we need from you" on the sandbox: the team's last public comment written by a person, as
 * the request waits for its customer and the hourly sweep sends its reminders. The app's own reminder comments
 * (public, authored by the app's account) and the team's internal notes are never what the customer is asked.
 */
import type { PortalView, ResolverResult } from '../../../src/shared/contracts';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';

const QUESTION = 'Pouvez-vous nous envoyer les journaux du serveur ?';

let sandbox: TestSandbox;
let agent: SandboxUser;
let claire: SandboxUser; // the customer, fr_FR

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await sandbox.user('agent1@sandbox.test');
  claire = await sandbox.user('claire@acme.test');
});
afterAll(() => sandbox?.close());

async function portalView(key: string): Promise<PortalView> {
  const answer = await sandbox.invoke<{ result: ResolverResult<PortalView> }>(claire.accountId, {
    moduleKey: 'portal-request-panel',
    functionKey: 'getPortalView',
    issueKey: key,
  });
  if (!answer.result.ok) throw new Error(JSON.stringify(answer.result));
  return answer.result.data;
}

async function appComments(key: string): Promise<string[]> {
  const page = await sandbox
    .asUser(agent.emailAddress)
    .ok<{ comments: { author: { accountType: string }; body: unknown }[] }>('GET', `/rest/api/3/issue/${key}/comment`);
  return page.comments.filter((c) => c.author.accountType === 'app').map((c) => JSON.stringify(c.body));
}

it("shows the team's last public comment by a person, after one and after two reminders", async () => {
  const key = await sandbox.portalRequest(claire, 'Export fails');
  await sandbox.settle();
  await sandbox.moveTo(agent, key, 'En cours');
  await sandbox.comment(agent, key, 'Nous regardons.');
  await sandbox.comment(agent, key, QUESTION);
  await sandbox.comment(agent, key, 'Note interne : attendre les journaux.', true);
  await sandbox.moveTo(agent, key, 'En attente du client');
  await sandbox.settle();
  expect((await portalView(key)).awaited).toBe(QUESTION);

  await sandbox.advance('P3DT1H'); // the first reminder, a public comment by the app
  expect(await appComments(key)).toEqual([expect.stringContaining('relance n°\u00a01')]);
  expect(await appComments(key)).toEqual([expect.stringContaining(QUESTION)]);
  const afterOne = await portalView(key);
  expect(afterOne.awaited).toBe(QUESTION);
  expect(afterOne.status.canonical).toBe('waiting_for_customer');

  await sandbox.advance('P3D'); // the second reminder
  expect(await appComments(key)).toHaveLength(2);
  expect((await appComments(key))[1]).toContain('relance n°\u00a02');
  // The second reminder quotes the team's question too, not the first reminder.
  expect((await appComments(key))[1]).toContain(QUESTION);
  expect((await appComments(key))[1]).not.toContain('relance n°\u00a01');
  expect((await portalView(key)).awaited).toBe(QUESTION);
});

it('shows nothing awaited once the request no longer waits for its customer', async () => {
  const key = await sandbox.portalRequest(claire, 'Answered');
  await sandbox.settle();
  await sandbox.comment(agent, key, QUESTION);
  await sandbox.moveTo(agent, key, 'En attente du client');
  await sandbox.settle();
  expect((await portalView(key)).awaited).toBe(QUESTION);
  await sandbox.comment(claire, key, 'Voici les journaux.');
  await sandbox.settle(); // the customer's answer moves it back to in_progress
  const view = await portalView(key);
  expect(view.status.canonical).toBe('in_progress');
  expect(view.awaited).toBeNull();
});
