/**
 * The life of requests on the sandbox, over HTTP: what the creator, the support team, the team lead and the
 * offer manager receive (the site's outbox) as requests are created, moved, commented, reopened and escalated.
 */
import { setRetryPolicy, type RetryPolicy } from '../../../src/jira/client';
import { STATUS_NAMES } from '../../../src/domain/workflow';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';

interface Running {
  site: TestSandbox;
  /** Calls a Custom UI resolver as the given person, as the portal and the issue panel do through @forge/bridge. */
  invoke: (
    moduleKey: string,
    functionKey: string,
    accountId: string,
    payload: unknown,
    issueKey: string | null,
  ) => Promise<Answer>;
  close: () => Promise<void>;
}

type Answer =
  { ok: true; data: Record<string, unknown> } | { ok: false; status: number; code: string; message: string };

async function start(
  opts: {
    duplicateEvents?: number;
    faults?: number;
    seed?: number;
    faultHangMs?: number;
    timeoutsAfterWrite?: boolean;
    eventDelayMs?: number;
  } = {},
): Promise<Running> {
  const sandbox = await startTestSandbox(opts);
  return {
    site: sandbox,
    invoke: async (moduleKey, functionKey, accountId, payload, issueKey) =>
      (await sandbox.invoke<{ result: Answer }>(accountId, { moduleKey, functionKey, payload, issueKey })).result,
    close: () => sandbox.close(),
  };
}

let running: Running;
let site: TestSandbox;
let agent: SandboxUser;
let claire: SandboxUser; // customer, fr_FR, organization Acme
let marc: SandboxUser; // customer of the same organization, neither reporter nor participant
let gwen: SandboxUser; // customer, en_US
let lead: SandboxUser;
let manager: SandboxUser;

beforeAll(async () => {
  running = await start();
  site = running.site;
  const users = await site.users();
  const byEmail = (email: string) => users.find((u) => u.emailAddress === email)!;
  agent = byEmail('agent1@sandbox.test');
  claire = byEmail('claire@acme.test');
  marc = byEmail('marc@acme.test');
  gwen = byEmail('gwen@globex.test');
  lead = users.find((u) => u.role === 'team-lead')!;
  manager = users.find((u) => u.role === 'offer-manager')!;
});

afterAll(async () => {
  await running?.close();
});

describe('creation', () => {
  it('notifies a request created by email, in the creator language', async () => {
    const key = await site.email(gwen, 'Jira is very slow', 'Since this morning.');
    await site.settle();
    const mails = await site.outbox(key, 'app');
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [[gwen.accountId], `[${key}] Request received: Jira is very slow`],
    ]);
    expect(mails[0]!.textBody).toContain('simply reply to this email');
  });

  it('does not notify a request created from the portal', async () => {
    const key = await site.portalRequest(claire, 'Portal request');
    await site.settle();
    expect(await site.outbox(key, 'app')).toEqual([]);
  });

  it('notifies a request an agent created for a customer', async () => {
    const created = await site.ok<{ issueKey: string }>(agent.emailAddress, 'POST', '/rest/servicedeskapi/request', {
      serviceDeskId: '1',
      requestTypeId: '1',
      requestFieldValues: { summary: 'Raised by phone' },
      raiseOnBehalfOf: claire.accountId,
    });
    await site.settle();
    const mails = await site.outbox(created.issueKey, 'app');
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [[claire.accountId], `[${created.issueKey}] Demande reçue\u00a0: Raised by phone`],
    ]);
  });
});

describe('the life of a request', () => {
  let key: string;
  beforeAll(async () => {
    key = await site.portalRequest(claire, 'Confluence upgrade');
    await site.settle();
  });

  it.each([
    ['En cours', 'Notre équipe a pris en compte votre demande'],
    ['En attente du client', "Nous avons besoin d'informations de votre part"],
    ["En attente d'un tiers", "Nous attendons l'intervention"],
    ['Opération planifiée', 'Une opération longue ou planifiée est nécessaire'],
    // No comment of the team on this request: the closing email cites none.
    ['Fermée', 'Nous considérons votre demande comme traitée'],
  ])('tells the creator when it moves to %s', async (status, nextStep) => {
    const before = (await site.outbox(key, 'app')).length;
    await site.moveTo(agent, key, status, status === 'Fermée' ? 'Done' : undefined);
    await site.settle();
    const mails = (await site.outbox(key, 'app')).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([claire.accountId]);
    expect(mails[0]!.subject).toBe(`[${key}] Nouvel état «\u00a0${status}\u00a0»\u00a0: Confluence upgrade`);
    expect(mails[0]!.textBody).toContain(nextStep);
    expect(mails[0]!.textBody).toContain(`/portal/${key}`);
  });

  it('a customer reopening puts it back in progress and tells the support team, not the customer', async () => {
    const before = (await site.outbox(key, 'app')).length;
    const { values } = await site.ok<{ values: { id: string; name: string }[] }>(
      claire.emailAddress,
      'GET',
      `/rest/servicedeskapi/request/${key}/transition`,
    );
    expect(values.length).toBeGreaterThan(0);
    await site.ok(claire.emailAddress, 'POST', `/rest/servicedeskapi/request/${key}/transition`, { id: values[0]!.id });
    await site.settle();
    expect(await site.status(key)).toBe('En cours');
    const mails = (await site.outbox(key, 'app')).slice(before);
    const recipients = mails.flatMap((m) => m.to);
    expect(recipients).toContain(agent.accountId);
    expect(recipients).not.toContain(claire.accountId);
    expect(mails.every((m) => m.subject === `[${key}] Rouverte par le client\u00a0: Confluence upgrade`)).toBe(true);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('forwards an agent public comment to the creator, and keeps an internal note internal', async () => {
    const before = (await site.outbox(key, 'app')).length;
    await site.comment(agent, key, 'Please send us the logs.');
    await site.comment(agent, key, 'Customer seems confused', true);
    await site.settle();
    const mails = (await site.outbox(key, 'app')).slice(before);
    expect(mails.map((m) => m.to)).toEqual([[claire.accountId]]);
    expect(mails[0]!.textBody).toContain('> Please send us the logs.');
    expect(mails[0]!.textBody).not.toContain('confused');
  });

  it('moves a request waiting for the customer back in progress when the customer answers by email', async () => {
    await site.moveTo(agent, key, 'En attente du client');
    await site.settle();
    await site.email(claire, `RE: [${key}] Nouvel état`, 'Here are the logs.');
    await site.settle();
    expect(await site.status(key)).toBe('En cours');
  });
});

describe('what the agent panel recorded', () => {
  it('names the third party in the status email', async () => {
    const key = await site.portalRequest(gwen, 'Marketplace app broken');
    const answer = await running.invoke(
      'sla-panel',
      'recordThirdParty',
      agent.accountId,
      { kind: 'addon_vendor', name: 'Tempo', reference: 'TMP-42', lang: 'en' },
      key,
    );
    expect(answer.ok).toBe(true);
    await site.settle();
    const status = (await site.outbox(key, 'app')).filter((m) => m.subject.startsWith(`[${key}] New status`));
    expect(status).toHaveLength(1);
    expect(status[0]!.textBody).toContain('We are waiting for the add-on vendor Tempo (reference TMP-42) to act.');
  });
});

describe('consulting', () => {
  it('records a closure with the Consulting resolution and tells the customer', async () => {
    const key = await site.portalRequest(claire, 'Help us design our workflows');
    await site.moveTo(agent, key, 'Fermée', 'Consulting');
    await site.settle();
    const mails = await site.outbox(key, 'app');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain('besoin de consulting');
    const property = await site.ok<{ value: { resolution: string; by: string } }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/properties/supportRulesConsulting`,
    );
    expect(property.value).toMatchObject({ resolution: 'Consulting', by: agent.accountId });
    const comments = await site.ok<{ comments: { jsdPublic: boolean }[] }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/comment`,
    );
    expect(comments.comments.map((c) => c.jsdPublic)).toEqual([false]);
  });
});

describe('escalation', () => {
  const fromPortal = (who: SandboxUser, key: string, reason: string) =>
    running.invoke('portal-escalate', 'escalateRequest', who.accountId, { reason, lang: 'fr' }, key);
  let key: string;

  beforeAll(async () => {
    const admin = (await site.users()).find((u) => u.role === 'admin')!;
    const saved = await running.invoke(
      'config-page',
      'saveConfig',
      admin.accountId,
      {
        lang: 'en',
        config: { escalation: { teamLeadAccountId: lead.accountId, offerManagerAccountId: manager.accountId } },
      },
      null,
    );
    expect(saved.ok).toBe(true);
    key = await site.portalRequest(claire, 'Too slow');
    await site.settle();
  });

  it('notifies the team lead and the offer manager once, and records who, when and why', async () => {
    const answer = await fromPortal(claire, key, 'Pas de réponse depuis trois jours');
    expect(answer).toMatchObject({
      ok: true,
      data: { by: claire.accountId, byName: claire.displayName, reason: 'Pas de réponse depuis trois jours' },
    });
    await site.settle();
    const mails = await site.outbox(key, 'app');
    expect(mails.map((m) => m.to).sort()).toEqual([[lead.accountId], [manager.accountId]].sort());
    expect(
      mails.every(
        (m) =>
          m.subject === `[${key}] Demande escaladée\u00a0: Too slow` &&
          m.textBody.includes('> Pas de réponse depuis trois jours'),
      ),
    ).toBe(true);
    const property = await site.ok<{ value: { by: string; at: string } }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/properties/supportRulesEscalation`,
    );
    expect(property.value.by).toBe(claire.accountId);
    const comments = await site.ok<{ comments: { jsdPublic: boolean; body: unknown }[] }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/comment`,
    );
    expect(comments.comments.map((c) => c.jsdPublic)).toEqual([false]);
  });

  it('answers a repeat "already escalated on …" and sends nothing again', async () => {
    const before = (await site.outbox(key, 'app')).length;
    const answer = await fromPortal(claire, key, 'Encore');
    expect(answer).toMatchObject({ ok: false, status: 409, code: 'already_escalated' });
    expect(!answer.ok && answer.message).toMatch(/^Cette demande a déjà été escaladée le .* par Claire Dupont/);
    await site.settle();
    expect(await site.outbox(key, 'app')).toHaveLength(before);
  });

  it('lets a member of an organization the request is shared with escalate, and refuses anyone else (403)', async () => {
    // DESIGN.md: whoever the portal shows the request to may escalate it (reporter, participants, their organization).
    const other = await site.portalRequest(claire, 'Shared with Acme');
    expect((await site.call(gwen.emailAddress, 'GET', `/rest/servicedeskapi/request/${other}`)).status).not.toBe(200);
    // The portal shows Gwen nothing of it, so no escalate action either (the app's own refusal of a stranger, 403, is
    // the security matrix's: test/security/resolvers.test.ts).
    await expect(fromPortal(gwen, other, 'I want it too')).rejects.toThrow(/answered 404/);
    await site.settle();
    expect(await site.outbox(other, 'app')).toEqual([]);
    // Marc sees the request (it is shared with his organization, Acme): he may escalate it.
    expect((await site.call(marc.emailAddress, 'GET', `/rest/servicedeskapi/request/${other}`)).status).toBe(200);
    expect(await fromPortal(marc, other, 'We need it too')).toMatchObject({ ok: true, data: { by: marc.accountId } });
  });

  it('refuses to escalate a resolved or closed request, to the customer and the agent, until it is reopened', async () => {
    // The support page: escalation speeds up a request while it is handled; a finished one is reopened first.
    const escalationMails = async (issueKey: string) =>
      (await site.outbox(issueKey, 'app')).filter((m) => /Demande escaladée|Escalated/.test(m.subject));
    for (const [status, resolution] of [
      [STATUS_NAMES.resolved.fr, 'Done'],
      [STATUS_NAMES.closed.fr, 'Done'],
    ] as const) {
      const finished = await site.portalRequest(claire, `Finished (${status})`);
      await site.settle();
      await site.moveTo(agent, finished, status, resolution);
      await site.settle();
      const answer = await fromPortal(claire, finished, 'Toujours en panne');
      expect(answer).toMatchObject({ ok: false, status: 409, code: 'request_done' });
      expect(!answer.ok && answer.message).toMatch(/^Cette demande est résolue ou fermée\u00a0: .* rouvrez la demande/);
      const byAgent = await running.invoke(
        'sla-panel',
        'escalateRequest',
        agent.accountId,
        { reason: 'Needs an expert', lang: 'en' },
        finished,
      );
      expect(byAgent).toMatchObject({ ok: false, status: 409, code: 'request_done' });
      await site.settle();
      expect(await escalationMails(finished)).toEqual([]);
      expect(
        (await site.call(agent.emailAddress, 'GET', `/rest/api/3/issue/${finished}/properties/supportRulesEscalation`))
          .status,
      ).toBe(404);
      const comments = await site.ok<{ comments: unknown[] }>(
        agent.emailAddress,
        'GET',
        `/rest/api/3/issue/${finished}/comment`,
      );
      expect(comments.comments).toEqual([]);

      // Reopened by the customer (JSM's customer transition, as the portal offers it), it may be escalated again.
      const { values } = await site.ok<{ values: { id: string }[] }>(
        claire.emailAddress,
        'GET',
        `/rest/servicedeskapi/request/${finished}/transition`,
      );
      await site.ok(claire.emailAddress, 'POST', `/rest/servicedeskapi/request/${finished}/transition`, {
        id: values[0]!.id,
      });
      await site.settle();
      expect(await fromPortal(claire, finished, 'Le problème est revenu')).toMatchObject({
        ok: true,
        data: { by: claire.accountId },
      });
      await site.settle();
      expect((await escalationMails(finished)).map((m) => m.to).sort()).toEqual(
        [[lead.accountId], [manager.accountId]].sort(),
      );
    }
  });

  it('lets an agent escalate from the issue panel', async () => {
    const other = await site.portalRequest(gwen, 'Agent escalation');
    const answer = await running.invoke(
      'sla-panel',
      'escalateRequest',
      agent.accountId,
      { reason: 'Needs an expert', lang: 'fr' },
      other,
    );
    expect(answer).toMatchObject({ ok: true, data: { by: agent.accountId } });
  });
});

describe('exactly once', () => {
  let twice: Running;
  beforeAll(async () => {
    twice = await start({ duplicateEvents: 1 });
  });
  afterAll(async () => {
    await twice?.close();
  });

  it('sends one email for an event delivered twice', async () => {
    const users = await twice.site.users();
    const customer = users.find((u) => u.emailAddress === 'gwen@globex.test')!;
    const support = users.find((u) => u.emailAddress === 'agent1@sandbox.test')!;
    const key = await twice.site.email(customer, 'Twice', 'Hello');
    await twice.site.settle();
    await twice.site.comment(support, key, 'On it.');
    await twice.site.moveTo(support, key, 'En cours');
    await twice.site.settle();
    const mails = await twice.site.outbox(key, 'app');
    expect(mails.map((m) => m.subject)).toEqual([
      `[${key}] Request received: Twice`,
      `[${key}] New comment: Twice`,
      `[${key}] New status "In progress": Twice`,
    ]);
  });
});

describe('events handled late', () => {
  // Forge delivers product events asynchronously ("Jira events",
  // https://developer.atlassian.com/platform/forge/events-reference/jira/: the app subscribes and is called after the
  // change); the page gives no bound on the delay, so the sandbox holds each event two minutes here (the stricter
  // reading): later changes land before the app sees the comment. The comment event's issue carries the status it
  // was made in.
  let late: Running;
  beforeAll(async () => {
    late = await start({ eventDelayMs: 120_000 });
  });
  afterAll(async () => {
    await late?.close();
  });

  it("a customer's comment written before the team asked for information leaves the request waiting", async () => {
    const users = await late.site.users();
    const customer = users.find((u) => u.emailAddress === 'gwen@globex.test')!;
    const support = users.find((u) => u.emailAddress === 'agent1@sandbox.test')!;
    const key = await late.site.email(customer, 'Late', 'Hello');
    await late.site.moveTo(support, key, 'En cours');
    await late.site.comment(customer, key, 'Any news?');
    await late.site.moveTo(support, key, 'En attente du client');
    await late.site.advance('PT5M');
    await late.site.settle();
    expect(await late.site.status(key)).toBe('En attente du client');
    // Control: the customer's answer written while it waits does move it back.
    await late.site.comment(customer, key, 'Here are the logs.');
    await late.site.advance('PT5M');
    await late.site.settle();
    expect(await late.site.status(key)).toBe('En cours');
  });

  it('a customer comment written while waiting, handled after the team closed the request, leaves it closed', async () => {
    const users = await late.site.users();
    const customer = users.find((u) => u.emailAddress === 'gwen@globex.test')!;
    const support = users.find((u) => u.emailAddress === 'agent1@sandbox.test')!;
    const key = await late.site.email(customer, 'Late close', 'Hello');
    await late.site.moveTo(support, key, 'En attente du client');
    await late.site.comment(customer, key, 'Thanks, all good now.');
    await late.site.moveTo(support, key, 'Fermée', 'Done');
    await late.site.advance('PT5M');
    await late.site.settle();
    expect(await late.site.status(key)).toBe('Fermée');
  });
});

describe('when Jira fails', () => {
  let flaky: Running;
  let previous: RetryPolicy;
  beforeAll(async () => {
    // The app runs in this process: its client waits at most 20 ms between attempts, so the test stays fast.
    previous = setRetryPolicy({ baseDelayMs: 5, maxDelayMs: 20 });
    // A write that times out has committed, its answer lost (`timeoutsAfterWrite`): the app cannot tell a
    // time-out before a POST from one after it, and never sends an email twice, so an email whose POST timed out
    // before the write would be kept as an unconfirmed dead letter instead (at most once, by design).
    flaky = await start({ faults: 0.5, seed: 11, faultHangMs: 20, timeoutsAfterWrite: true });
  });
  afterAll(async () => {
    await flaky?.close();
    setRetryPolicy(previous);
  });

  it('sends every email exactly once when half the app calls fail (429, 500, timeouts), re-queueing what outlives the retries', async () => {
    const users = await flaky.site.users();
    const customer = users.find((u) => u.emailAddress === 'gwen@globex.test')!;
    const support = users.find((u) => u.emailAddress === 'agent1@sandbox.test')!;
    const key = await flaky.site.email(customer, 'Flaky', 'Hello');
    await flaky.site.settle();
    await flaky.site.comment(support, key, 'Looking.');
    await flaky.site.settle();
    for (const status of ['En cours', 'En attente du client', 'Fermée']) {
      await flaky.site.moveTo(support, key, status, status === 'Fermée' ? 'Done' : undefined);
      await flaky.site.settle();
    }
    // Re-queued work waits (30 s, then longer): let the sandbox clock reach it.
    for (let i = 0; i < 4; i++) await flaky.site.advance('PT20M');
    // Work re-queued after a failure arrives later than what followed it: the order may change, the count not.
    const subjects = (await flaky.site.outbox(key, 'app')).map((m) => m.subject).sort();
    expect(subjects).toEqual(
      [
        `[${key}] Request received: Flaky`,
        `[${key}] New comment: Flaky`,
        `[${key}] New status "In progress": Flaky`,
        `[${key}] New status "Waiting for customer": Flaky`,
        `[${key}] New status "Closed": Flaky`,
      ].sort(),
    );
    const { events, calls } = await flaky.site.ok<{
      events: { kind: string; payload: { body?: { kind?: string } } }[];
      calls: { fault?: string }[];
    }>(null, 'GET', '/_sandbox/app-events?limit=1000');
    const requeued = events.filter(
      (e) => e.kind === 'queue' && ['actions', 'event'].includes(e.payload.body?.kind ?? ''),
    );
    expect(requeued.length).toBeGreaterThan(0);
    expect(calls.some((c) => c.fault !== undefined)).toBe(true);
  });
});
