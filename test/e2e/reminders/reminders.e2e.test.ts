/**
 * Waiting-for-customer reminders and auto-close on the sandbox, moving its clock: the hourly scheduled trigger
 * runs at every hour the clock passes, the queue consumer acts, and the site's outbox and comments show the result.
 */
import { Duration } from 'luxon';
import { sweepReminders } from '../../../src/entry/scheduled';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';

// A move of 13 days runs the five-minute SLA sweep 3,744 times on the way.
jest.setTimeout(180_000);

const WAITING = 'En attente du client';
const IN_PROGRESS = 'En cours';

let site: TestSandbox;
let agent: SandboxUser;
let claire: SandboxUser; // customer, fr_FR

beforeAll(async () => {
  // As on a real site: /search/jql answers ids unless asked for more, and its index lags a minute behind writes
  // (startTestSandbox's default).
  site = await startTestSandbox();
  agent = await site.user('agent1@sandbox.test');
  claire = await site.user('claire@acme.test');
});

afterAll(() => site?.close());

/** Moves the sandbox clock (ISO duration), running every hourly sweep that falls due on the way. */
async function advance(duration: string): Promise<void> {
  await site.runtime.moveClockTo(Date.now() + Duration.fromISO(duration).toMillis());
  await site.settle();
}

/** A request by Claire, moved to waiting_for_customer by the agent with a question. */
async function waitingRequest(summary: string): Promise<string> {
  const key = await site.portalRequest(claire, summary);
  await site.settle();
  await site.moveTo(agent, key, IN_PROGRESS);
  await site.comment(agent, key, 'Pouvez-vous nous envoyer les journaux ?');
  await site.moveTo(agent, key, WAITING);
  await site.settle();
  return key;
}

async function appComments(key: string): Promise<string[]> {
  const page = await site.ok<{ comments: { author: { accountType: string }; body: unknown }[] }>(
    agent.emailAddress,
    'GET',
    `/rest/api/3/issue/${key}/comment`,
  );
  return page.comments.filter((c) => c.author.accountType === 'app').map((c) => JSON.stringify(c.body));
}

async function mailSubjects(key: string): Promise<string[]> {
  return (await site.outbox(key, 'app')).map((m) => m.subject);
}

const reminders = (subjects: string[]) => subjects.filter((s) => s.includes('] Relance'));
const closures = (subjects: string[]) => subjects.filter((s) => s.includes('] Fermée sans réponse'));

describe('a request left waiting for its customer', () => {
  it('gets reminders at 3 and 6 days and closes at 12, each exactly once', async () => {
    const key = await waitingRequest('Reminders at 3, 6, close at 12');
    await advance('PT71H');
    expect(reminders(await mailSubjects(key))).toHaveLength(0);
    await advance('PT2H');
    expect(reminders(await mailSubjects(key))).toHaveLength(1);
    expect(await appComments(key)).toEqual([expect.stringContaining('relance n°\u00a01')]);
    await advance('P3D');
    expect(reminders(await mailSubjects(key))).toHaveLength(2);
    await advance('P6D');
    const subjects = await mailSubjects(key);
    expect(reminders(subjects)).toHaveLength(2);
    expect(closures(subjects)).toHaveLength(1);
    expect(await site.status(key)).toBe('Fermée');
    await advance('P3D');
    expect(await appComments(key)).toHaveLength(3);
    expect(closures(await mailSubjects(key))).toHaveLength(1);
    // Both kinds of email link the request in the portal, as JSM gives it; the closing one does not invite a
    // reply by email, which would not reopen it (reopenOnCustomerComment is off by default).
    const portal = (
      await site.ok<{ _links: { web: string } }>(agent.emailAddress, 'GET', `/rest/servicedeskapi/request/${key}`)
    )._links.web;
    const mails = await site.outbox(key, 'app');
    expect(mails.find((m) => m.subject.includes('] Relance'))!.textBody).toContain(
      `ou suivez votre demande sur le portail\u00a0: ${portal}`,
    );
    const closing = mails.find((m) => m.subject.includes('] Fermée sans réponse'))!.textBody;
    expect(closing).toContain(`rouvrez-la depuis le portail (${portal})`);
    expect(closing).not.toContain('répondez');
  });

  it.each([
    ['public comment', false],
    ['internal note', true],
  ])(
    'restarts its count on an agent %s at day 5, while the app’s own reminder never does',
    async (_label, internal) => {
      const key = await waitingRequest(`Agent ${internal ? 'note' : 'comment'} at day 5`);
      await advance('P5D'); // reminder 1 at day 3
      expect(reminders(await mailSubjects(key))).toHaveLength(1);
      await site.comment(agent, key, 'Nous regardons de notre côté.', internal);
      await site.settle();
      await advance('P2D'); // day 7: the old count would have sent reminder 2 at day 6
      expect(reminders(await mailSubjects(key))).toHaveLength(1);
      await advance('P1DT2H'); // day 8: 3 days after the note
      expect(reminders(await mailSubjects(key))).toHaveLength(2);
      expect(await appComments(key)).toHaveLength(2);
    },
  );

  it('goes back to in_progress when the customer comments, and reminds no more', async () => {
    const key = await waitingRequest('Customer answers');
    await advance('P1D');
    await site.comment(claire, key, 'Voici les journaux.');
    await site.settle();
    expect(await site.status(key)).toBe(IN_PROGRESS);
    await advance('P13D');
    expect(reminders(await mailSubjects(key))).toHaveLength(0);
    expect(await site.status(key)).toBe(IN_PROGRESS);
  });

  it('starts a fresh count when it leaves waiting_for_customer and comes back', async () => {
    const key = await waitingRequest('Leaves and comes back');
    await advance('P4D'); // reminder 1
    await site.moveTo(agent, key, IN_PROGRESS);
    await site.settle();
    await advance('P1D');
    await site.moveTo(agent, key, WAITING);
    await site.settle();
    await advance('P2D'); // 2 days into the new wait: nothing yet
    expect(reminders(await mailSubjects(key))).toHaveLength(1);
    await advance('P1DT2H'); // 3 days into the new wait: its first reminder
    expect(reminders(await mailSubjects(key))).toHaveLength(2);
    expect((await appComments(key)).at(-1)).toContain('relance n°\u00a01');
  });

  it('is back in_progress with the team notified when the customer reopens it after the auto-close', async () => {
    const key = await waitingRequest('Reopened after auto-close');
    await advance('P13D');
    expect(await site.status(key)).toBe('Fermée');
    const { values } = await site.ok<{ values: { id: string; name: string }[] }>(
      claire.emailAddress,
      'GET',
      `/rest/servicedeskapi/request/${key}/transition`,
    );
    const reopen = values.find((t) => /rouvrir|reopen/i.test(t.name))!;
    await site.ok(claire.emailAddress, 'POST', `/rest/servicedeskapi/request/${key}/transition`, { id: reopen.id });
    await site.settle();
    expect(await site.status(key)).toBe(IN_PROGRESS);
    const teamMails = (await site.outbox(key, 'app')).filter((m) => m.subject.includes('Rouverte par le client'));
    expect(teamMails.length).toBeGreaterThan(0);
    await advance('P13D');
    expect(closures(await mailSubjects(key))).toHaveLength(1);
  });

  it('acts once when two sweeps run over each other', async () => {
    const key = await waitingRequest('Overlapping sweeps');
    // Its clock says reminder 1 fell due an hour ago, and no scheduled sweep ran since: two sweeps start at once.
    const now = Date.now();
    const clock = {
      waiting: 'yes',
      waitingSince: now - 73 * 3_600_000,
      lastActivityAt: now - 73 * 3_600_000,
      nextDueAt: now - 3_600_000,
      stage: 0,
    };
    await site.ok(agent.emailAddress, 'PUT', `/rest/api/3/issue/${key}/properties/supportRulesState`, clock);
    // Jira's search index shows the clock a minute later (the lag); a scheduled sweep on the way changes nothing below.
    await advance('PT61S');
    await Promise.all([sweepReminders(), sweepReminders()]);
    await site.settle();
    expect(reminders(await mailSubjects(key))).toHaveLength(1);
    expect(await appComments(key)).toHaveLength(1);
  });
});

describe('with the rule "a customer comment resumes the request" switched off', () => {
  type Answer = {
    ok: boolean;
    data?: { config: Record<string, unknown> & { rules: Record<string, boolean> } };
    message?: string;
  };
  let admin: SandboxUser;
  let saved: Record<string, unknown>;
  const call = async (functionKey: string, payload: unknown) =>
    (
      await site.invoke<{ result: Answer }>(admin.accountId, {
        moduleKey: 'config-page',
        functionKey,
        payload,
        issueKey: null,
      })
    ).result;

  beforeAll(async () => {
    admin = (await site.users()).find((u) => u.role === 'admin')!;
    const current = await call('getConfig', { lang: 'en' });
    saved = current.data!.config;
    const off = await call('saveConfig', {
      lang: 'en',
      config: { ...saved, rules: { ...current.data!.config.rules, resumeOnCustomerComment: false } },
    });
    expect(off.ok).toBe(true);
  });
  afterAll(async () => {
    expect((await call('saveConfig', { lang: 'en', config: saved })).ok).toBe(true);
  });

  it('leaves the request waiting when the customer comments, and restarts its count from that comment', async () => {
    const key = await waitingRequest('Customer answers, rule off');
    await advance('P2D');
    await site.comment(claire, key, 'Je cherche encore les journaux.');
    await site.settle();
    expect(await site.status(key)).toBe(WAITING);
    await advance('P2D'); // day 4: the old count would have sent reminder 1 at day 3
    expect(reminders(await mailSubjects(key))).toHaveLength(0);
    await advance('P1DT2H'); // 3 days after the customer's comment
    expect(reminders(await mailSubjects(key))).toHaveLength(1);
    expect(await site.status(key)).toBe(WAITING);
  });
});
