/**
 * What people read in the app's emails, over HTTP on the sandbox: a comment's rich content (a pasted link, a
 * linked text and its target, a mention, a smart link, images), an image-only comment, the comment a customer
 * leaves with a reopen (JSM's customer transition with `additionalComment`), a customer's email reply to a
 * closed request, the closing email's wording and the site's own name of the reopen transition, and French
 * typography. JSM's own notifications (source 'jsm') are left aside: these are the app's.
 * ADF shapes: developer.atlassian.com/cloud/jira/platform/apis/document/structure/ and its node pages (text with
 * a link mark, mention, inlineCard, mediaSingle/media). The customer transition and its additionalComment:
 * JSM REST `POST /rest/servicedeskapi/request/{issueIdOrKey}/transition` (CustomerTransitionExecutionDTO).
 */
import { startTestSandbox, type OutboxEmail, type SandboxUser, type TestSandbox } from '../../support/sandbox';

const NBSP = '\u00a0';

let sandbox: TestSandbox;
let agent: SandboxUser; // fr_FR
let claire: SandboxUser; // customer, fr_FR
let gwen: SandboxUser; // customer, en_US

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await sandbox.user('agent1@sandbox.test');
  claire = await sandbox.user('claire@acme.test');
  gwen = await sandbox.user('gwen@globex.test');
});
afterAll(() => sandbox?.close());

const text = (t: string, href?: string) =>
  href ? { type: 'text', text: t, marks: [{ type: 'link', attrs: { href } }] } : { type: 'text', text: t };
const image = (alt: string) => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [{ type: 'media', attrs: { id: `media-${alt}`, type: 'file', collection: 'jira-10000', alt } }],
});

async function agentComment(key: string, content: unknown[]): Promise<void> {
  await sandbox.asUser(agent.emailAddress).ok('POST', `/rest/api/3/issue/${key}/comment`, {
    body: { type: 'doc', version: 1, content },
  });
  await sandbox.settle();
}

async function newEmails(key: string, before: number): Promise<OutboxEmail[]> {
  return (await sandbox.outbox(key)).filter((e) => e.source !== 'jsm').slice(before);
}

async function appEmailCount(key: string): Promise<number> {
  return (await sandbox.outbox(key)).filter((e) => e.source !== 'jsm').length;
}

it("mails a rich comment as people read it: the link, the linked text's target, the mention, the smart link, the image", async () => {
  const key = await sandbox.portalRequest(gwen, 'Dashboard empty');
  await sandbox.settle();
  const before = await appEmailCount(key);
  await agentComment(key, [
    {
      type: 'paragraph',
      content: [text('See the knowledge-base article: '), text('https://kb.example/42', 'https://kb.example/42')],
    },
    {
      type: 'paragraph',
      content: [
        text('Also read '),
        text('the upgrade guide', 'https://docs.example/upgrade'),
        text(', then '),
        { type: 'mention', attrs: { id: agent.accountId, text: '@Bruno Agent', accessLevel: '' } },
        text(' will check '),
        { type: 'inlineCard', attrs: { url: 'https://status.example/incident/9' } },
        text('.'),
      ],
    },
    image('dashboard.png'),
  ]);
  const [email, ...others] = await newEmails(key, before);
  expect(others).toEqual([]);
  expect(email!.to).toEqual([gwen.accountId]);
  expect(email!.textBody).toContain('> See the knowledge-base article: https://kb.example/42');
  expect(email!.textBody).toContain(
    '> Also read the upgrade guide (https://docs.example/upgrade), then @Bruno Agent will check https://status.example/incident/9.',
  );
  expect(email!.textBody).toContain('> [Image: dashboard.png]');
  expect(email!.textBody).toContain('The comment holds images or attachments: see them on the request in the portal:');
});

it('mails an image-only comment as the image it is, never as an empty quote', async () => {
  const key = await sandbox.portalRequest(claire, 'Erreur au démarrage');
  await sandbox.settle();
  const before = await appEmailCount(key);
  await agentComment(key, [image('capture-erreur.png')]);
  const [email] = await newEmails(key, before);
  expect(email!.subject).toBe(`[${key}] Nouveau commentaire${NBSP}: Erreur au démarrage`);
  expect(email!.textBody).toContain(`> [Image${NBSP}: capture-erreur.png]`);
  expect(email!.textBody).not.toMatch(/^>\s*$/m);
  expect(email!.textBody).toContain('retrouvez-les sur la demande dans le portail');
});

it("closes without citing a comment there is none of, naming the site's own reopen transition in English too", async () => {
  const key = await sandbox.portalRequest(gwen, 'Licence question');
  await sandbox.settle();
  const before = await appEmailCount(key);
  await sandbox.moveTo(agent, key, 'Fermée', 'Done');
  await sandbox.settle();
  const [email] = await newEmails(key, before);
  expect(email!.subject).toBe(`[${key}] New status "Closed": Licence question`);
  expect(email!.textBody).not.toContain('latest comment');
  expect(email!.textBody).toContain('We consider your request answered (resolution "Done")');
  // The customer transition's name on this site (GET /rest/servicedeskapi/request/{key}/transition).
  const offered = await sandbox
    .asUser(gwen.emailAddress)
    .ok<{ values: { name: string }[] }>('GET', `/rest/servicedeskapi/request/${key}/transition`);
  expect(offered.values.map((t) => t.name)).toEqual(['Rouvrir']);
  expect(email!.textBody).toContain('To reopen it, use the "Rouvrir" action in the portal:');
  expect(email!.textBody).not.toContain('"Reopen"');

  const answered = await sandbox.portalRequest(gwen, 'Second question');
  await sandbox.settle();
  await sandbox.comment(agent, answered, 'Here is how to do it.');
  await sandbox.settle();
  const count = await appEmailCount(answered);
  await sandbox.moveTo(agent, answered, 'Fermée', 'Done');
  await sandbox.settle();
  const [closing] = await newEmails(answered, count);
  expect(closing!.textBody).toContain('the latest comment on the request has the details');
});

it("quotes the customer's reopen comment in the team's email", async () => {
  const key = await sandbox.portalRequest(claire, 'Synchronisation bloquée');
  await sandbox.settle();
  await sandbox.moveTo(agent, key, 'Fermée', 'Done');
  await sandbox.settle();
  const before = (await sandbox.outbox(key)).length;
  await sandbox.asUser(claire.emailAddress).ok('POST', `/rest/servicedeskapi/request/${key}/transition`, {
    id: '901',
    additionalComment: { body: 'Le problème est revenu ce matin, même message.' },
  });
  await sandbox.settle();
  expect(await sandbox.status(key)).toBe('En cours');
  const team = (await sandbox.outbox(key)).slice(before).filter((e) => e.subject.includes('Rouverte par le client'));
  expect(team).toHaveLength(1);
  expect(team[0]!.to).toContain(agent.accountId);
  expect(team[0]!.to).not.toContain(claire.accountId);
  expect(team[0]!.textBody).toContain(`Son commentaire${NBSP}:\n\n> Le problème est revenu ce matin, même message.`);
});

it('passes a customer email reply to a closed request on to the team, quoted, and leaves the request closed', async () => {
  const key = await sandbox.portalRequest(gwen, 'VPN drops');
  await sandbox.settle();
  await sandbox.moveTo(agent, key, 'Fermée', 'Done');
  await sandbox.settle();
  const before = (await sandbox.outbox(key)).length;
  await sandbox.email(gwen, `Re: [${key}] New status "Closed": VPN drops`, 'Thanks, but it drops again every hour.');
  await sandbox.settle();
  expect(await sandbox.status(key)).toBe('Fermée');
  const team = (await sandbox.outbox(key)).slice(before).filter((e) => e.source !== 'jsm');
  expect(team).toHaveLength(1);
  expect(team[0]!.to).toContain(agent.accountId);
  expect(team[0]!.to).not.toContain(gwen.accountId);
  expect(team[0]!.subject).toBe(`[${key}] Commentaire du client sur une demande fermée${NBSP}: VPN drops`);
  expect(team[0]!.textBody).toContain('> Thanks, but it drops again every hour.');
  expect(team[0]!.textBody).toContain(`La demande reste à l'état «${NBSP}Fermée${NBSP}»`);
  // Delivered once, though the comment also reaches every other trigger.
  await sandbox.settle();
  expect((await sandbox.outbox(key)).slice(before).filter((e) => e.source !== 'jsm')).toHaveLength(1);
});
