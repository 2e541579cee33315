/**
 * The response SLA's alerts on the sandbox, moving its clock: the five-minute SLA sweep, the queue consumer and the
 * site's outbox. A 4-hour business-hours goal (Acme, Europe/Paris 09:00-18:00) created on a Friday at 16:00 warns
 * its assignee on Monday at 10:00 (75 %) and tells the team lead of the breach at 11:00, nothing over the week-end;
 * a pause in "waiting for a third party" postpones both by the pause's working time; each alert goes out once, also
 * when the sandbox delivers events twice and fails a fifth of the app's calls.
 */
import { DateTime } from 'luxon';
import { businessHours } from '../../../src/domain/calendar';
import { defaultConfig } from '../../../src/domain/config';
import { setRetryPolicy, type RetryPolicy } from '../../../src/jira/client';
import { startTestSandbox, type OutboxEmail, type TestSandbox } from '../../support/sandbox';

const ZONE = 'Europe/Paris';
const H = 3_600_000;
const THIRD_PARTY = "En attente d'un tiers";
const IN_PROGRESS = 'En cours';
const WARNING = 'Réponse attendue bientôt';
const BREACH = 'Délai de réponse dépassé';

/** The next Friday (after tomorrow) whose afternoon and following Monday morning are business hours in Paris. */
function nextWorkingFriday(fromMs: number): DateTime {
  const calendar = businessHours(defaultConfig().calendars.businessHours);
  let friday = DateTime.fromMillis(fromMs + 86_400_000, { zone: ZONE }).startOf('day');
  for (;;) {
    friday = friday.plus({ days: (5 - friday.weekday + 7) % 7 || 7 });
    const monday = friday.plus({ days: 3 });
    const fridayHours = calendar.workingMsBetween(
      friday.set({ hour: 16 }).toMillis(),
      friday.set({ hour: 18 }).toMillis(),
    );
    const mondayHours = calendar.workingMsBetween(
      monday.set({ hour: 9 }).toMillis(),
      monday.set({ hour: 13 }).toMillis(),
    );
    if (fridayHours === 2 * H && mondayHours === 4 * H) return friday;
  }
}

interface Scenario {
  sandbox: TestSandbox;
  friday: DateTime;
  monday: DateTime;
  plain: string;
  paused: string;
  /** A third request, left unassigned: its alerts go to the support group (the lead is one of its members). */
  unassigned: string;
  users: Record<'agent' | 'lead' | 'claire', { accountId: string; emailAddress: string }>;
}

async function moveClockTo(sandbox: TestSandbox, at: DateTime): Promise<void> {
  const now = Date.parse((await sandbox.asUser().get<{ now: string }>('/_sandbox/clock')).body.now);
  const ms = at.toMillis() - now;
  if (ms > 0) await sandbox.advance(`PT${(ms / 1000).toFixed(3)}S`);
  await sandbox.settle();
}

async function ok<T>(reply: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Two requests of Claire (Acme: business hours) created on Friday at 16:00, assigned to Alice. */
async function play(options: Parameters<typeof startTestSandbox>[0]): Promise<Scenario> {
  const sandbox = await startTestSandbox(options);
  const all = await sandbox.users();
  const user = (email: string) => all.find((u) => u.emailAddress === email)!;
  const users = {
    agent: user('agent1@sandbox.test'),
    lead: user('lead@sandbox.test'),
    claire: user('claire@acme.test'),
  };
  const now = Date.parse((await sandbox.asUser().get<{ now: string }>('/_sandbox/clock')).body.now);
  const friday = nextWorkingFriday(now).set({ hour: 16 });
  const monday = friday.plus({ days: 3 }).startOf('day');
  await moveClockTo(sandbox, friday);
  const create = async (summary: string, assign = true) => {
    const { issueKey } = await ok(
      sandbox.asUser().post<{ issueKey: string }>('/_sandbox/portal/request', {
        summary,
        description: 'The VPN is down for the whole office.',
        reporter: users.claire.accountId,
      }),
    );
    if (assign)
      await ok(
        sandbox
          .asUser(users.agent.emailAddress)
          .put(`/rest/api/3/issue/${issueKey}`, { fields: { assignee: { accountId: users.agent.accountId } } }),
      );
    return issueKey;
  };
  const plain = await create('VPN down (no pause)');
  const unassigned = await create('VPN down (nobody on it)', false);
  const paused = await create('VPN down (waits for Atlassian)');
  await sandbox.settle();
  // The paused one waits for a third party from Friday 16:30 to Monday 09:30: two hours of business time.
  await moveClockTo(sandbox, friday.set({ minute: 30 }));
  await moveTo(sandbox, users.agent.emailAddress, paused, THIRD_PARTY);
  await moveClockTo(sandbox, monday.set({ hour: 9, minute: 30 }));
  await moveTo(sandbox, users.agent.emailAddress, paused, IN_PROGRESS);
  await moveClockTo(sandbox, monday.set({ hour: 13, minute: 30 }));
  await sandbox.settle();
  return { sandbox, friday, monday, plain, paused, unassigned, users };
}

async function moveTo(sandbox: TestSandbox, agent: string, issueKey: string, statusName: string): Promise<void> {
  const { transitions } = await ok(
    sandbox
      .asUser(agent)
      .get<{ transitions: { id: string; to: { name: string } }[] }>(`/rest/api/3/issue/${issueKey}/transitions`),
  );
  const transition = transitions.find((t) => t.to.name === statusName)!;
  await ok(
    sandbox.asUser(agent).post(`/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: transition.id } }),
  );
  await sandbox.settle();
}

const alertsOf = (outbox: OutboxEmail[], issueKey: string) =>
  outbox.filter((m) => m.issueKey === issueKey && (m.subject.includes(WARNING) || m.subject.includes(BREACH)));
const paris = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe.each([
  ['on a clean sandbox', {}],
  [
    'with duplicated events and a fifth of the calls failing',
    // A write that times out has committed, its answer lost (`timeoutsAfterWrite`), as on a real network: the app
    // never resends an email whose answer it did not get, so each alert still reaches its recipient exactly once.
    { faults: 0.2, duplicateEvents: 0.3, seed: 11, faultHangMs: 20, timeoutsAfterWrite: true },
  ],
])('SLA alerts %s', (_name, options) => {
  let s: Scenario;
  let previous: RetryPolicy;
  beforeAll(async () => {
    // The app's Jira client waits at most 20 ms between its own retries, so the faulty run stays fast.
    previous = setRetryPolicy({ baseDelayMs: 5, maxDelayMs: 20 });
    s = await play(options);
  }, 240_000);
  afterAll(async () => {
    await s?.sandbox.close();
    setRetryPolicy(previous);
  });

  it('warns the assignee on Monday at 10:00 and tells the team lead of the breach at 11:00, nothing over the week-end', async () => {
    const alerts = alertsOf(await s.sandbox.outbox(), s.plain);
    const slack = Object.keys(options).length === 0 ? 60_000 : 10 * 60_000;
    const warning = alerts.filter((m) => m.subject.includes(WARNING));
    const breach = alerts.filter((m) => m.subject.includes(BREACH));
    expect(warning.map((m) => m.to)).toEqual([[s.users.agent.accountId]]);
    expect(breach.map((m) => m.to).sort()).toEqual([[s.users.agent.accountId], [s.users.lead.accountId]].sort());
    const at10 = s.monday.set({ hour: 10 }).toMillis();
    const at11 = s.monday.set({ hour: 11 }).toMillis();
    expect(paris(warning[0]!.at).toMillis()).toBeGreaterThanOrEqual(at10);
    expect(paris(warning[0]!.at).toMillis()).toBeLessThan(at10 + slack);
    for (const m of breach) {
      expect(paris(m.at).toMillis()).toBeGreaterThanOrEqual(at11);
      expect(paris(m.at).toMillis()).toBeLessThan(at11 + slack);
    }
    expect(warning[0]!.textBody).toContain(
      'a consommé 75\u00a0% de son délai de première réponse (4\u00a0h en heures ouvrées)',
    );
    expect(warning[0]!.textBody).toContain(`le délai sera dépassé le ${s.monday.day} `);
    expect(warning[0]!.textBody).toContain('à 11:00 (Europe/Paris)');
  });

  it("tells the team lead of an unassigned request's breach once, though they are in the support group warned", async () => {
    const alerts = alertsOf(await s.sandbox.outbox(), s.unassigned);
    const warning = alerts.filter((m) => m.subject.includes(WARNING));
    const breach = alerts.filter((m) => m.subject.includes(BREACH));
    // The group (agents and the lead, sandbox/README.md) is warned; the breach reaches each of them once.
    expect(warning).toHaveLength(1);
    expect(warning[0]!.to).toContain(s.users.lead.accountId);
    const leadBreaches = breach.filter((m) => m.to.includes(s.users.lead.accountId));
    expect(leadBreaches).toHaveLength(1);
    expect(leadBreaches[0]!.to).toContain(s.users.agent.accountId);
  });

  it('postpones both by the working time of a pause in waiting for a third party', async () => {
    const alerts = alertsOf(await s.sandbox.outbox(), s.paused);
    const slack = Object.keys(options).length === 0 ? 60_000 : 10 * 60_000;
    const warning = alerts.filter((m) => m.subject.includes(WARNING));
    const breach = alerts.filter((m) => m.subject.includes(BREACH));
    expect(warning).toHaveLength(1);
    expect(breach).toHaveLength(2);
    const at12 = s.monday.set({ hour: 12 }).toMillis();
    expect(paris(warning[0]!.at).toMillis()).toBeGreaterThanOrEqual(at12);
    expect(paris(warning[0]!.at).toMillis()).toBeLessThan(at12 + slack);
    const at13 = s.monday.set({ hour: 13 }).toMillis();
    for (const m of breach) expect(paris(m.at).toMillis()).toBeGreaterThanOrEqual(at13);
  });

  it('sends each alert once, and nothing before Monday', async () => {
    const outbox = await s.sandbox.outbox();
    for (const key of [s.plain, s.paused]) {
      const alerts = alertsOf(outbox, key);
      expect(alerts).toHaveLength(3);
      const seen = alerts.map((m) => `${m.subject}|${m.to.join(',')}`);
      expect(new Set(seen).size).toBe(seen.length);
      for (const m of alerts) expect(paris(m.at).toMillis()).toBeGreaterThan(s.monday.set({ hour: 9 }).toMillis());
    }
  });

  it('ran on the sandbox it says (faults injected and events duplicated, or none)', async () => {
    const { body } = await s.sandbox.asUser().get<{
      events: { kind: string; payload: unknown }[];
      calls: { fault?: string }[];
    }>('/_sandbox/app-events?limit=1000');
    const product = body.events.filter((e) => e.kind === 'product').map((e) => JSON.stringify(e.payload));
    const faulty = Object.keys(options).length > 0;
    expect(body.calls.some((c) => c.fault !== undefined)).toBe(faulty);
    expect(new Set(product).size < product.length).toBe(faulty);
  });

  it('keeps the record searchable: breached, and nothing left for the sweep', async () => {
    const agent = s.sandbox.asUser(s.users.agent.emailAddress);
    const { body } = await agent.post<{ issues: { key: string; properties?: { supportRulesSla?: unknown } }[] }>(
      '/rest/api/3/search/jql',
      {
        jql: `issue.property[supportRulesSla].breached = "yes" AND key in (${s.plain}, ${s.paused})`,
        fields: ['key'],
        properties: ['supportRulesSla'],
      },
    );
    expect(body.issues.map((i) => i.key).sort()).toEqual([s.plain, s.paused].sort());
    for (const issue of body.issues)
      expect(issue.properties?.supportRulesSla).toMatchObject({
        state: 'running',
        risk: 'breached',
        nextCheckAt: null,
      });
  });
});
