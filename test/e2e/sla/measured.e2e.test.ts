/**
 * Stopped SLAs stay as measured, on the sandbox: Acme (business hours) moves to 24/7. A request answered within its
 * goal in business hours keeps its measure (met, in business hours) on the agents' panel and in its record; a
 * running one follows the new contract at once; the admin's recompute then measures the stopped one again and
 * reports how many records changed. Before the save, the what-if says how many requests of the last 90 days would
 * change outcome, met <-> breached, and names some.
 */
import { DateTime } from 'luxon';
import { businessHours } from '../../../src/domain/calendar';
import { defaultConfig, type Config } from '../../../src/domain/config';
import type { ConfigView, IssuePanelView, ResolverResult, SlaJobsView } from '../../../src/shared/contracts';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';

const ZONE = 'Europe/Paris';
const H = 3_600_000;

/** The next Friday whose afternoon and following Monday morning are business hours in Paris. */
function nextWorkingFriday(fromMs: number): DateTime {
  const calendar = businessHours(defaultConfig().calendars.businessHours);
  let friday = DateTime.fromMillis(fromMs + 86_400_000, { zone: ZONE }).startOf('day');
  for (;;) {
    friday = friday.plus({ days: (5 - friday.weekday + 7) % 7 || 7 });
    const monday = friday.plus({ days: 3 });
    const ok =
      calendar.workingMsBetween(friday.set({ hour: 16 }).toMillis(), friday.set({ hour: 18 }).toMillis()) === 2 * H &&
      calendar.workingMsBetween(monday.set({ hour: 9 }).toMillis(), monday.set({ hour: 12 }).toMillis()) === 3 * H;
    if (ok) return friday;
  }
}

let sandbox: TestSandbox;
let admin: SandboxUser;
let agent: SandboxUser;
let stopped: string; // answered on Monday at 10:30: 3 h 30 of business hours, 66 h 30 around the clock
let running: string; // not answered: 3 h 45 of business hours at 10:45, 66 h 45 around the clock
let saved: Config;

/** A resolver function called as the screens call it (through the sandbox's bridge); its answer. */
const call = async <T>(
  accountId: string,
  moduleKey: string,
  functionKey: string,
  payload: unknown,
  issueKey: string | null,
): Promise<ResolverResult<T>> =>
  (await sandbox.invoke<{ result: ResolverResult<T> }>(accountId, { moduleKey, functionKey, payload, issueKey }))
    .result;
const panel = async (key: string) => {
  const view = await call<IssuePanelView>(agent.accountId, 'sla-panel', 'getIssuePanelView', {}, key);
  if (!view.ok) throw new Error(view.message);
  return view.data;
};
const admin_ = <T>(functionKey: string, payload: unknown = {}) =>
  call<T>(admin.accountId, 'config-page', functionKey, payload, null);
const record = async (key: string) =>
  (
    await sandbox
      .asUser(agent.emailAddress)
      .ok<{ value: Record<string, unknown> }>('GET', `/rest/api/3/issue/${key}/properties/supportRulesSla`)
  ).value;
const moveClockTo = async (at: DateTime) => {
  const now = Date.parse((await sandbox.asUser().ok<{ now: string }>('GET', '/_sandbox/clock')).now);
  if (at.toMillis() > now) await sandbox.advance(`PT${((at.toMillis() - now) / 1000).toFixed(3)}S`);
  await sandbox.settle();
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = await sandbox.user('admin@sandbox.test');
  agent = await sandbox.user('agent1@sandbox.test');
  const claire = await sandbox.user('claire@acme.test');
  const now = Date.parse((await sandbox.asUser().ok<{ now: string }>('GET', '/_sandbox/clock')).now);
  const friday = nextWorkingFriday(now).set({ hour: 16 });
  const monday = friday.plus({ days: 3 }).startOf('day');
  await moveClockTo(friday);
  stopped = await sandbox.portalRequest(claire, 'Answered within the goal');
  running = await sandbox.portalRequest(claire, 'Not answered yet');
  await sandbox.settle();
  await moveClockTo(monday.set({ hour: 10, minute: 30 }));
  await sandbox.moveTo(agent, stopped, 'En attente du client');
  await moveClockTo(monday.set({ hour: 10, minute: 45 }));
  const config = await admin_<ConfigView>('getConfig');
  if (!config.ok) throw new Error(config.message);
  saved = config.data.config;
}, 240_000);

afterAll(async () => sandbox?.close());

const acmeAllDay = () => ({
  ...saved,
  coverage: { ...saved.coverage, byOrganization: { ...saved.coverage.byOrganization, 'Acme Industries': '24x7' } },
});

describe('Acme moves to 24/7', () => {
  it('before saving, the what-if counts the requests whose outcome would change, with examples', async () => {
    const started = await admin_('startSlaWhatIf', { config: acmeAllDay() });
    expect(started).toMatchObject({ ok: true });
    await sandbox.settle();
    const jobs = await admin_<SlaJobsView>('getSlaJobs');
    if (!jobs.ok) throw new Error(jobs.message);
    const whatIf = jobs.data.whatIf!;
    expect(whatIf.status).toBe('done');
    expect(whatIf.whatIf!.changes.met_to_breached).toBeGreaterThanOrEqual(1);
    expect(whatIf.whatIf!.changes.now_breached).toBeGreaterThanOrEqual(1);
    const examples = whatIf.whatIf!.examples.map((e) => [e.issueKey, e.change]);
    expect(examples).toEqual(expect.arrayContaining([[stopped, 'met_to_breached']]));
    // Nothing was saved or written: the stopped request is still met in business hours.
    expect(await record(stopped)).toMatchObject({ state: 'stopped', breached: 'no', coverage: 'business_hours' });
  });

  it('leaves the stopped SLA as it was measured, and changes the running one', async () => {
    const before = await panel(stopped);
    expect(before.sla).toMatchObject({ state: 'stopped', breached: false, source: 'record' });
    // The sandbox clock runs on in real time: the request was created a few milliseconds after 16:00.
    expect(Math.abs(before.sla!.elapsedMs - 3.5 * H)).toBeLessThan(60_000);
    const result = await admin_<Config>('saveConfig', { config: acmeAllDay() });
    expect(result.ok).toBe(true);
    await sandbox.settle();

    const after = await panel(stopped);
    expect(after.sla).toMatchObject({
      state: 'stopped',
      breached: false,
      elapsedMs: before.sla!.elapsedMs,
      risk: 'met',
    });
    expect(after.calendar.coverage).toBe('business_hours');
    expect(await record(stopped)).toMatchObject({ breached: 'no', coverage: 'business_hours' });

    const live = await panel(running);
    expect(live.sla).toMatchObject({ state: 'running', breached: true, risk: 'breached', source: 'live' });
    expect(live.calendar.coverage).toBe('24x7');
    // The settings changed how SLAs are measured: the running records were measured again.
    expect(await record(running)).toMatchObject({ state: 'running', breached: 'yes', coverage: '24x7' });
    const jobs = await admin_<SlaJobsView>('getSlaJobs');
    expect(jobs.ok && jobs.data.refresh).toMatchObject({ status: 'done' });
  });

  it('the recompute measures the stopped one again and reports how many changed', async () => {
    const refused = await admin_('startSlaRecompute', { jql: 'key in (' });
    expect(refused).toMatchObject({ ok: false, status: 400 });
    const started = await admin_('startSlaRecompute', { jql: `key in (${stopped}, ${running})` });
    expect(started).toMatchObject({ ok: true });
    await sandbox.settle();
    const jobs = await admin_<SlaJobsView>('getSlaJobs');
    if (!jobs.ok) throw new Error(jobs.message);
    expect(jobs.data.recompute).toMatchObject({
      status: 'done',
      total: 2,
      done: 2,
      changed: 1,
      unchanged: 1,
      failed: 0,
      changedExamples: [stopped],
    });
    expect(await record(stopped)).toMatchObject({ state: 'stopped', breached: 'yes', coverage: '24x7' });
    const recomputed = (await panel(stopped)).sla!;
    expect(recomputed).toMatchObject({ state: 'stopped', breached: true, risk: 'breached' });
    expect(Math.abs(recomputed.elapsedMs - 66.5 * H)).toBeLessThan(60_000);
  });

  it('only a Jira admin may start them', async () => {
    const asAgent = await call(agent.accountId, 'config-page', 'startSlaRecompute', { jql: 'project = SUP' }, null);
    expect(asAgent).toMatchObject({ ok: false, status: 403 });
  });
});
