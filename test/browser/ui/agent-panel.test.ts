/**
 * The agent's SLA panel in headless Chromium against the sandbox: a running, a paused, a met and a breached
 * request each show the right state, verdict and figures (the same as the SLA engine computes from the
 * request's changelog), and the breach instant in the agent's time zone.
 */
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { slaFromIssue } from '../../../src/domain/sla-from-issue';
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { formatInstant, slaFigures } from '../../../static/common/src/format';
import { appFrame, nextMondayMorning, Session, USERS } from './support/sandbox-session';

const HOUR = 3_600_000;
let session: Session;
const keys: Record<'running' | 'paused' | 'met' | 'breached', string> = {
  running: '',
  paused: '',
  met: '',
  breached: '',
};

beforeAll(async () => {
  session = await Session.start();
  // Monday morning, inside business hours: every hour of the clock counts.
  await session.moveClock({ to: nextMondayMorning(await session.now()) });
  for (const name of Object.keys(keys) as (keyof typeof keys)[])
    keys[name] = await session.createRequest(USERS.customer, `SLA ${name}`);
  await session.moveClock({ advance: 'PT1H' });
  await session.moveTo(keys.paused, 'waiting_for_third_party');
  await session.moveTo(keys.met, 'in_progress');
  await session.moveTo(keys.met, 'waiting_for_customer');
  await session.moveClock({ advance: 'PT2H' });
}, 120_000);

afterAll(async () => session?.close());

async function panel(
  issueKey: string,
): Promise<{ page: Page; read: (id: string) => Promise<{ text: string; ms: number; attr: string | null }> }> {
  const page = await session.open(USERS.agent, `/browse/${issueKey}`);
  const frame = appFrame(page, 'issue-panel');
  await frame.getByTestId('sla-state').waitFor({ timeout: 20_000 });
  // The figures sit behind the compact row's expander.
  await frame.locator('[data-testid="sla-details"] > summary').click();
  const read = async (id: string) => {
    const el = frame.getByTestId(id);
    return {
      text: (await el.innerText()).trim(),
      ms: Number(await el.getAttribute('data-ms')),
      attr: (await el.getAttribute('data-state')) ?? (await el.getAttribute('data-verdict')),
    };
  };
  return { page, read };
}

/** What the engine says of the request now, with the configuration in force. */
async function expected(issueKey: string) {
  const config = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {
    lang: 'fr',
  });
  if (!config.ok) throw new Error(config.message);
  const issue = await session.rest<Parameters<typeof slaFromIssue>[0]>(
    USERS.agent,
    'GET',
    `/rest/api/3/issue/${issueKey}?expand=changelog,names,schema`,
  );
  return slaFromIssue(issue, config.data.config, await session.now());
}

it('shows a running request at risk past 75 % of its goal, with its elapsed and remaining business time and the projected breach', async () => {
  const { page, read } = await panel(keys.running);
  const sla = await expected(keys.running);
  expect((await read('sla-state')).attr).toBe('running');
  // The SLA's state is not worded like a status of the workflow ('En cours').
  await expect(appFrame(page, 'issue-panel').getByTestId('sla-state').textContent()).resolves.toBe('Délai en cours');
  // Three hours of a four-hour goal: at risk (sla.atRiskPercent, 75 % by default), since the third hour.
  expect((await read('sla-verdict')).attr).toBe('at_risk');
  expect((await read('sla-verdict')).text).toBe('En risque');
  const warnAt = DateTime.fromISO(sla.startedAt).plus({ hours: 3 }).toUTC().toISO()!;
  expect((await read('sla-warn-at')).text).toBe(
    `En risque depuis le ${formatInstant(warnAt, 'fr-FR', 'Europe/Paris')} (75\u00a0% de l'objectif consommés)`,
  );
  const elapsed = await read('sla-elapsed');
  expect(Math.abs(elapsed.ms - sla.elapsedMs)).toBeLessThan(60_000);
  expect(elapsed.ms).toBeGreaterThanOrEqual(3 * HOUR);
  expect(elapsed.text).toBe(slaFigures(elapsed.ms, 4 * HOUR).elapsed);
  expect((await read('sla-remaining')).text).toBe(slaFigures(elapsed.ms, 4 * HOUR).remaining);
  await expect(
    appFrame(page, 'issue-panel').getByTestId('sla-remaining').locator('xpath=preceding-sibling::dt').textContent(),
  ).resolves.toBe('Restant');
  expect((await read('sla-goal')).text).toBe('4 h 00 min');
  // The agent (fr_FR, Europe/Paris) reads the projected breach in their zone.
  expect((await read('sla-breach-at')).text).toContain(
    `Dépassement prévu le ${formatInstant(sla.breachAt!, 'fr-FR', 'Europe/Paris')}`,
  );
  await expect(appFrame(page, 'issue-panel').getByTestId('timeline-segment').count()).resolves.toBe(
    sla.timeline.length,
  );
  await page.context().close();
});

it('shows a paused request with the clock stopped at one hour and no breach while it waits', async () => {
  const { page, read } = await panel(keys.paused);
  const sla = await expected(keys.paused);
  expect(sla.state).toBe('paused');
  expect((await read('sla-state')).attr).toBe('paused');
  expect((await read('sla-verdict')).attr).toBe('on_track');
  expect((await read('sla-elapsed')).ms).toBe(sla.elapsedMs);
  expect((await read('sla-elapsed')).text).toBe('1 h 00 min');
  expect((await read('sla-remaining')).text).toBe('3 h 00 min');
  expect((await read('sla-breach-at')).text).toBe('Aucun dépassement tant que le délai est en pause');
  const frame = appFrame(page, 'issue-panel');
  await expect(frame.locator('[data-testid=timeline-segment][data-kind=paused]').count()).resolves.toBe(1);
  await expect(frame.locator('[data-testid=timeline] li[data-kind=paused]').innerText()).resolves.toContain(
    "En attente d'un tiers",
  );
  await page.context().close();
});

it('shows a request answered within its goal as stopped and met, as its record measured it', async () => {
  const { page, read } = await panel(keys.met);
  const sla = await expected(keys.met);
  expect((await read('sla-state')).attr).toBe('stopped');
  expect((await read('sla-verdict')).attr).toBe('met');
  expect((await read('sla-verdict')).text).toBe('Respecté');
  await expect(appFrame(page, 'issue-panel').getByTestId('sla-measured').innerText()).resolves.toMatch(
    /^Mesuré le .+\u00a0: un SLA arrêté garde sa mesure quand la configuration change\.$/,
  );
  expect((await read('sla-elapsed')).ms).toBe(sla.elapsedMs);
  expect((await read('sla-elapsed')).text).toBe('1 h 00 min');
  // Stopped: what was left is a margin kept, not time still running out.
  await expect(
    appFrame(page, 'issue-panel').getByTestId('sla-remaining').locator('xpath=preceding-sibling::dt').textContent(),
  ).resolves.toBe('Marge');
  expect((await read('sla-breach-at')).text).toContain(
    `Arrêté (En attente du client) le ${formatInstant(sla.stoppedAt!, 'fr-FR', 'Europe/Paris')}`,
  );
  // It now waits for its customer: the countdown to the next reminder (3 days) and the closing (12 days).
  const frame = appFrame(page, 'issue-panel');
  const after = (days: number) =>
    formatInstant(
      DateTime.fromISO(sla.stoppedAt!, { zone: 'Europe/Paris' }).plus({ days }).toUTC().toISO()!,
      'fr-FR',
      'Europe/Paris',
    );
  await expect(frame.getByTestId('next-reminder').innerText()).resolves.toBe(after(3));
  await expect(frame.getByTestId('auto-close').innerText()).resolves.toBe(after(12));
  await page.context().close();
});

it('shows a request past its goal as breached, by how much, and when it breached', async () => {
  await session.moveClock({ advance: 'PT2H' });
  const { page, read } = await panel(keys.breached);
  const sla = await expected(keys.breached);
  expect(sla.breached).toBe(true);
  expect((await read('sla-state')).attr).toBe('running');
  expect((await read('sla-verdict')).attr).toBe('breached');
  expect((await read('sla-verdict')).text).toBe('Dépassé');
  const elapsed = await read('sla-elapsed');
  expect(Math.abs(elapsed.ms - sla.elapsedMs)).toBeLessThan(60_000);
  expect(elapsed.ms).toBeGreaterThan(4 * HOUR);
  expect((await read('sla-remaining')).text).toBe(slaFigures(elapsed.ms, 4 * HOUR).overdue);
  expect((await read('sla-breach-at')).text).toContain(
    `Dépassé le ${formatInstant(sla.breachAt!, 'fr-FR', 'Europe/Paris')}`,
  );
  await page.context().close();
});

it('follows Jira’s dark theme with the design tokens', async () => {
  const page = await session.open(USERS.agent, `/browse/${keys.running}`, { theme: 'dark' });
  await appFrame(page, 'issue-panel').getByTestId('sla-state').waitFor({ timeout: 20_000 });
  const frame = page.frames().find((f) => f.url().includes('/static/issue-panel/'))!;
  const [mode, background] = await frame.evaluate(() => [
    document.documentElement.getAttribute('data-color-mode'),
    getComputedStyle(document.body).backgroundColor,
  ]);
  expect(mode).toBe('dark');
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(60);
  await page.context().close();
});

it('refreshes when the issue changes elsewhere, without reloading the page (JIRA_ISSUE_CHANGED)', async () => {
  const key = await session.createRequest(USERS.customer, 'SLA refresh');
  const { page, read } = await panel(key);
  expect((await read('sla-state')).attr).toBe('running');
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  // Another agent moves the request to a third party, through the REST API.
  await session.moveTo(key, 'waiting_for_third_party');
  await appFrame(page, 'issue-panel')
    .locator('[data-testid="sla-state"][data-state="paused"]')
    .waitFor({ timeout: 15_000 });
  await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
  await page.context().close();
});

describe('one compact row, as JSM shows an SLA, the details behind an expander', () => {
  let late = '';
  beforeAll(async () => {
    late = await session.createRequest(USERS.customer, 'Compact row, long past its goal');
    // Two working days on: some 14 hours past a 4-hour goal.
    await session.moveClock({ advance: 'P2D' });
  });

  it.each([
    { width: 360, theme: 'light' as const },
    { width: 700, theme: 'dark' as const },
  ])(
    'holds the state, what is left, the goal and the verdict without a figure wrapping ($width px, $theme)',
    async ({ width, theme }) => {
      const page = await session.open(USERS.agent, `/browse/${late}`, { theme });
      const frame = appFrame(page, 'issue-panel');
      await frame.getByTestId('sla-row').waitFor({ timeout: 20_000 });
      // The panel's own width, as Jira's issue view gives it (its right-hand column, or the whole width on a phone).
      await page.locator('iframe.forge[src*="/static/issue-panel/"]').evaluate((el, w) => {
        (el as HTMLElement).style.width = `${w}px`;
      }, width);
      const inner = page.frames().find((f) => f.url().includes('/static/issue-panel/'))!;
      await inner.waitForFunction((w) => document.documentElement.clientWidth === w, width);
      const sla = await expected(late);
      await expect(frame.getByTestId('sla-row').getAttribute('data-verdict')).resolves.toBe('breached');
      await expect(frame.getByTestId('sla-row-time').innerText()).resolves.toBe(
        `${slaFigures(sla.elapsedMs, sla.goalMs).overdue} de retard`.replace(/ (h|min)\b/g, '\u00a0$1'),
      );
      // Each figure stays on one line, and nothing overflows the panel's width.
      const time = await frame.getByTestId('sla-row-time').evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(el).lineHeight) || 20,
      }));
      expect(time.height).toBeLessThan(time.line * 1.5);
      const overflow = await page
        .frames()
        .find((f) => f.url().includes('/static/issue-panel/'))!
        .evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Closed, the SLA takes a row and its expander (it used to take some 500 px).
      const closed = (await frame.getByRole('region', { name: 'SLA de réponse' }).first().boundingBox())!;
      expect(closed.height).toBeLessThan(120);
      await expect(frame.getByTestId('sla-remaining').isVisible()).resolves.toBe(false);
      // Opened, the figures, the breach instant, the calendar and the timeline.
      await frame.getByText('Détails\u00a0: chiffres, calendrier et chronologie').click();
      await expect(frame.getByTestId('sla-remaining').isVisible()).resolves.toBe(true);
      await expect(frame.getByTestId('timeline').isVisible()).resolves.toBe(true);
      await expect(frame.getByTestId('sla-calendar').isVisible()).resolves.toBe(true);
      await page.context().close();
    },
  );
});
