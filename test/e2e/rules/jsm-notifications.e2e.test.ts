/**
 * Who emails the customer, the app or JSM, over HTTP against the sandbox with JSM's own customer notifications
 * (outbox `source: "jsm"`; Atlassian, "What notifications do my customers and team receive?" and the project's
 * Customer notifications settings, modelled in sandbox/site/customer-notifications.ts). For each JSM notification
 * that an email of the rules doubles, the two ways an admin avoids two emails: the app sends it and JSM's is
 * disabled, or the app leaves it to JSM (`leaveToJsm`) and JSM's stays on. Either way the customer receives exactly
 * one email for the event: never two, never none. JSM's other notifications are off in each case, so that the
 * count is that of the event under test.
 */
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { startTestSandbox, type OutboxEmail, type SandboxUser, type TestSandbox } from '../../support/sandbox';

type JsmNotification = 'requestCreated' | 'publicCommentAdded' | 'customerVisibleStatusChanged' | 'requestResolved';
const ALL_OFF = {
  requestCreated: false,
  publicCommentAdded: false,
  customerVisibleStatusChanged: false,
  requestResolved: false,
  requestReopened: false,
  participantAdded: false,
};

let site: TestSandbox;
let claire: SandboxUser;
let agent: SandboxUser;
let admin: SandboxUser;
beforeAll(async () => {
  site = await startTestSandbox();
  claire = await site.user('claire@acme.test');
  agent = await site.user('agent1@sandbox.test');
  admin = await site.user('admin@sandbox.test');
}, 60_000);
afterAll(async () => site?.close());

/** The app's `leaveToJsm` and SUP's JSM customer notifications: `jsm` on in both or in neither. */
async function setUp(jsm: JsmNotification, leftToJsm: boolean): Promise<void> {
  await site.ok(null, 'PUT', '/_sandbox/projects/SUP/customer-notifications', { ...ALL_OFF, [jsm]: leftToJsm });
  const invoke = <T>(functionKey: string, payload: unknown = {}) =>
    site.invoke<{ result: ResolverResult<T> }>(admin.accountId, {
      moduleKey: 'config-page',
      functionKey,
      payload,
      issueKey: null,
    });
  const current = (await invoke<ConfigView>('getConfig')).result;
  if (!current.ok) throw new Error(current.message);
  const leaveToJsm = { ...current.data.config.leaveToJsm, [jsm]: leftToJsm };
  const saved = (await invoke('saveConfig', { config: { ...current.data.config, leaveToJsm } })).result;
  if (!saved.ok) throw new Error(saved.message);
}

/** The emails Claire received about `key` after the first `since` of them, by who sent them. */
async function toClaire(key: string, since = 0): Promise<OutboxEmail['source'][]> {
  const mails = (await site.outbox(key)).filter((m) => m.to.includes(claire.accountId));
  return mails.slice(since).map((m) => m.source);
}

async function emailRequest(summary: string): Promise<string> {
  const key = await site.email(claire, summary, 'Bonjour, le VPN ne répond plus.');
  await site.settle();
  return key;
}

describe.each([
  ['the app sends it, JSM does not', false, 'app'],
  ['the app leaves it to JSM', true, 'jsm'],
] as const)('%s', (_title, leftToJsm, sender) => {
  it('"Request created": a request received by email gets one confirmation', async () => {
    await setUp('requestCreated', leftToJsm);
    const key = await emailRequest(`Created, ${sender}`);
    expect(await toClaire(key)).toEqual([sender]);
  });

  it('"Public comment added": an agent\'s public comment reaches the customer once', async () => {
    const key = await emailRequest(`Commented, ${sender}`);
    await setUp('publicCommentAdded', leftToJsm);
    const before = (await toClaire(key)).length;
    await site.comment(agent, key, 'Pouvez-vous redémarrer le client VPN ?');
    await site.settle();
    expect(await toClaire(key, before)).toEqual([sender]);
  });

  it('"Customer-visible status changed": a move to In progress is announced once', async () => {
    const key = await emailRequest(`Moved, ${sender}`);
    await setUp('customerVisibleStatusChanged', leftToJsm);
    const before = (await toClaire(key)).length;
    await site.moveTo(agent, key, 'En cours');
    await site.settle();
    expect(await toClaire(key, before)).toEqual([sender]);
  });

  it('"Request resolved": the close with its resolution is announced once', async () => {
    const key = await emailRequest(`Closed, ${sender}`);
    await setUp('requestResolved', leftToJsm);
    const before = (await toClaire(key)).length;
    await site.moveTo(agent, key, 'Fermée', 'Done');
    await site.settle();
    expect(await toClaire(key, before)).toEqual([sender]);
  });
});

describe('with JSM left to send', () => {
  it('"Request created": a request an agent raises for a customer still gets the app\'s email, as JSM sends none', async () => {
    await setUp('requestCreated', true);
    const created = await site.ok<{ issueKey: string }>(agent.emailAddress, 'POST', '/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '1',
      requestFieldValues: { summary: 'Raised by phone' },
      raiseOnBehalfOf: claire.accountId,
    });
    await site.settle();
    expect(await toClaire(created.issueKey)).toEqual(['app']);
  });

  it('"Customer-visible status changed": the close is JSM\'s too, even with "Request resolved" the app\'s', async () => {
    const key = await emailRequest('Closed, status changes to JSM');
    await setUp('customerVisibleStatusChanged', true);
    const before = (await toClaire(key)).length;
    await site.moveTo(agent, key, 'Fermée', 'Done');
    await site.settle();
    expect(await toClaire(key, before)).toEqual(['jsm']);
  });

  it('"Public comment added": a reminder is posted as a public comment, which JSM emails; the app sends nothing', async () => {
    const key = await emailRequest('Reminded by JSM');
    await setUp('publicCommentAdded', true);
    await site.moveTo(agent, key, 'En attente du client');
    await site.settle();
    const before = (await toClaire(key)).length;
    await site.advance('P3DT1H');
    await site.settle();
    const mails = (await site.outbox(key)).filter((m) => m.to.includes(claire.accountId)).slice(before);
    expect(mails.map((m) => m.source)).toEqual(['jsm']);
    expect(mails[0]!.textBody).toContain('attend votre réponse');
  }, 60_000);
});
