/**
 * The agent's SLA as its clock really runs, in headless Chromium, in French (agent1, fr_FR) and English (the admin,
 * en_US), light and dark, at 360 and 700 px: a request raised on a Friday afternoon shows its week-end as off-hours
 * on the timeline (the default calendar: Monday–Friday 09:00–18:00 Europe/Paris, DESIGN.md section 5), a 24/7
 * contract has no off-hours, a running SLA nearing its goal takes the warning colour and says "at risk" as JSM
 * colours an SLA nearing its breach, a paused SLA with nothing left never reads "on track", and a running SLA outside
 * working hours shows a pause and says so.
 *
 * Source for the colours and the pause icon: "How teams see SLAs", Jira Service Management documentation
 * (https://confluence.atlassian.com/servicemanagementserver0419/how-teams-see-slas-1087529864.html): the tracker
 * colours an ongoing SLA by the time left; a paused SLA, or one currently outside working hours, shows a pause icon,
 * in the same colours when at risk or breached.
 */
import { DateTime } from 'luxon';
import type { Frame, Page } from 'playwright-core';
import type { ConfigView, ResolverResult } from '../../../src/shared/contracts';
import { appFrame, nextMondayMorning, Session, USERS, type User } from './support/sandbox-session';
import { inEveryLook } from './support/looks';

const HOUR = 3_600_000;
const LANGS = [
  { lang: 'fr', user: USERS.agent },
  { lang: 'en', user: USERS.admin },
] as const;
const CASES = inEveryLook(LANGS);

/**
 * What the panel says, in each language (French texts carry a non-breaking space before h and min after a number,
 * and before a colon: the catalog's typography).
 */
const TEXT = {
  fr: {
    counted: (worked: string) =>
      ` · ${worked} comptées, 63 h 00 min hors heures ouvrées`.replace(/(\d) (h|min)\b/g, '$1\u00a0$2'),
    key: ['délai en cours', 'hors heures ouvrées (le délai ne court pas)'],
    offHours: 'hors heures ouvrées',
    atRisk: 'En risque',
    onTrack: 'Dans les temps',
    stateOffHours: 'Délai en cours, hors heures ouvrées\u00a0: il ne court pas',
  },
  en: {
    counted: (worked: string) => ` · ${worked} counted, 63 h 00 min outside working hours`,
    key: ['clock running', 'outside working hours (the clock stands still)'],
    offHours: 'outside working hours',
    atRisk: 'At risk',
    onTrack: 'On track',
    stateOffHours: 'Running, outside working hours: the clock stands still',
  },
} as const;

let session: Session;
let friday = 0;
const keys = { weekend: '', allDay: '', atRisk: '', spent: '', onTrack: '' };

beforeAll(async () => {
  session = await Session.start();
  // Globex Cloud's contract is 24/7; Acme Industries keeps business hours (the default).
  const view = await session.invoke<ResolverResult<ConfigView>>(USERS.admin, 'config-page', 'getConfig', {});
  if (!view.ok) throw new Error(view.message);
  const config = view.data.config;
  const saved = await session.invoke<ResolverResult<unknown>>(USERS.admin, 'config-page', 'saveConfig', {
    config: { ...config, coverage: { ...config.coverage, byOrganization: { 'Globex Cloud': '24x7' } } },
  });
  expect(saved.ok).toBe(true);

  const monday = Date.parse(nextMondayMorning(await session.now()));
  // Friday 15:00 UTC: 16:00 in Paris (17:00 in summer), two working hours before the week-end.
  friday = monday + 4 * 24 * HOUR + 7 * HOUR;
  await session.moveClock({ to: new Date(friday).toISOString() });
  keys.weekend = await session.createRequest(USERS.customer, 'Raised on a Friday afternoon');
  keys.allDay = await session.createRequest(USERS.otherCustomer, 'A 24/7 contract over the week-end');
  // The Monday after, 08:00 UTC: opening time in Paris.
  const next = monday + 7 * 24 * HOUR;
  await session.moveClock({ to: new Date(next).toISOString() });
  keys.spent = await session.createRequest(USERS.customer, 'Paused with nothing left');
  await session.moveClock({ advance: 'PT1H' });
  keys.atRisk = await session.createRequest(USERS.customer, 'Nearing its goal');
  await session.moveClock({ advance: 'PT2H10M' });
  keys.onTrack = await session.createRequest(USERS.customer, 'Just raised');
  // Four working hours on: the first request is paused with its whole goal used; the second has used three of four.
  await session.moveClock({ advance: 'PT50M' });
  await session.moveTo(keys.spent, 'waiting_for_third_party');
}, 180_000);

afterAll(async () => session?.close());

/** The panel of a request as `user`, in a look, its frame at the panel's width. */
async function panel(user: User, issueKey: string, look: { theme: 'light' | 'dark'; width: number }) {
  const page = await session.open(user, `/browse/${issueKey}`, { theme: look.theme });
  const frame = appFrame(page, 'issue-panel');
  await frame.getByTestId('sla-row').waitFor({ timeout: 20_000 });
  await page.locator('iframe.forge[src*="/static/issue-panel/"]').evaluate((el, w) => {
    (el as HTMLElement).style.width = `${w}px`;
  }, look.width);
  const inner = page.frames().find((f) => f.url().includes('/static/issue-panel/'))!;
  await inner.waitForFunction((w) => document.documentElement.clientWidth === w, look.width);
  return { page, frame, inner };
}

async function openDetails(page: Page): Promise<void> {
  await appFrame(page, 'issue-panel').locator('[data-testid="sla-details"] > summary').click();
}

async function noOverflow(inner: Frame): Promise<void> {
  const overflow = await inner.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The computed colour of an element, and the colour a design token resolves to in the same frame. */
async function colours(inner: Frame, testId: string, token: string): Promise<{ shown: string; token: string }> {
  return inner.evaluate(
    ([id, name]) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${name})`;
      document.body.appendChild(probe);
      const token = getComputedStyle(probe).color;
      probe.remove();
      return { shown: getComputedStyle(document.querySelector(`[data-testid="${id}"]`)!).color, token };
    },
    [testId, token] as const,
  );
}

describe('the timeline over a week-end, in business hours', () => {
  it.each(CASES)(
    'draws the nights and the week-end as off-hours, not as running ($lang, $theme, $width px)',
    async ({ lang, user, theme, width }) => {
      const { page, frame, inner } = await panel(user, keys.weekend, { theme, width });
      await openDetails(page);
      const segments = await frame
        .getByTestId('timeline-segment')
        .evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-kind'), el.getAttribute('data-from'), el.getAttribute('data-to')]),
        );
      // Friday 18:00 to Monday 09:00 in Paris, whatever the season: the clock stood still.
      const fridayClose = DateTime.fromMillis(friday, { zone: 'Europe/Paris' }).set({
        hour: 18,
        minute: 0,
        second: 0,
        millisecond: 0,
      });
      const mondayOpen = fridayClose.plus({ days: 3 }).set({ hour: 9 });
      expect(segments.map((s) => s[0])).toEqual(['running', 'off_hours', 'running']);
      expect(Date.parse(segments[1]![1]!)).toBe(fridayClose.toMillis());
      expect(Date.parse(segments[1]![2]!)).toBe(mondayOpen.toMillis());
      // The period's line says what it counted and how long it stood still (63 hours), in the agent's language.
      const counted = await frame.getByTestId('timeline-counted').innerText();
      const elapsed = Number(await frame.getByTestId('sla-elapsed').getAttribute('data-ms'));
      const minutes = Math.floor(elapsed / 60_000);
      const worked = `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
      expect(counted).toBe(TEXT[lang].counted(worked));
      // The key names the three kinds drawn; the bar's accessible name says it too.
      await expect(frame.locator('[data-testid="timeline-key"] li').allInnerTexts()).resolves.toEqual([
        ...TEXT[lang].key,
      ]);
      await expect(frame.getByRole('img').getAttribute('aria-label')).resolves.toContain(TEXT[lang].offHours);
      await noOverflow(inner);
      await page.context().close();
    },
  );

  it.each(LANGS)('has no off-hours on a 24/7 contract ($lang)', async ({ user }) => {
    const { page, frame } = await panel(user, keys.allDay, { theme: 'light', width: 360 });
    await openDetails(page);
    await expect(frame.getByTestId('sla-calendar').getAttribute('data-coverage')).resolves.toBe('24x7');
    await expect(
      frame.getByTestId('timeline-segment').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))),
    ).resolves.toEqual(['running']);
    await expect(frame.getByTestId('timeline-counted').count()).resolves.toBe(0);
    await expect(frame.locator('[data-key-kind="off_hours"]').count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe('the compact row nearing the goal', () => {
  it.each(CASES)(
    'says at risk in the warning colour, where an SLA on track keeps the usual colour ($lang, $theme, $width px)',
    async ({ lang, user, theme, width }) => {
      const risky = await panel(user, keys.atRisk, { theme, width });
      await expect(risky.frame.getByTestId('sla-verdict').getAttribute('data-verdict')).resolves.toBe('at_risk');
      await expect(risky.frame.getByTestId('sla-verdict').innerText()).resolves.toBe(TEXT[lang].atRisk);
      const warned = await colours(risky.inner, 'sla-row-time', '--ds-text-warning');
      expect(warned.shown).toBe(warned.token);
      await noOverflow(risky.inner);
      await risky.page.context().close();

      const calm = await panel(user, keys.onTrack, { theme, width });
      await expect(calm.frame.getByTestId('sla-verdict').getAttribute('data-verdict')).resolves.toBe('on_track');
      const usual = await colours(calm.inner, 'sla-row-time', '--ds-text-warning');
      expect(usual.shown).not.toBe(usual.token);
      await calm.page.context().close();
    },
  );

  it.each(LANGS)(
    'reads a paused SLA with nothing left at risk or breached, never on track ($lang)',
    async ({ lang, user }) => {
      const { page, frame, inner } = await panel(user, keys.spent, { theme: 'light', width: 360 });
      await expect(frame.getByTestId('sla-state').getAttribute('data-state')).resolves.toBe('paused');
      const verdict = await frame.getByTestId('sla-verdict').getAttribute('data-verdict');
      expect(['at_risk', 'breached']).toContain(verdict);
      await expect(frame.getByTestId('sla-verdict').innerText()).resolves.not.toBe(TEXT[lang].onTrack);
      const shown = await colours(
        inner,
        'sla-row-time',
        verdict === 'at_risk' ? '--ds-text-warning' : '--ds-text-danger',
      );
      expect(shown.shown).toBe(shown.token);
      await page.context().close();
    },
  );
});

describe('outside working hours', () => {
  let evening = '';
  beforeAll(async () => {
    // The same Monday: raised at 16:00 UTC (17:00 in Paris), seen at 17:30 UTC, after closing time.
    await session.moveClock({ advance: 'PT4H' });
    evening = await session.createRequest(USERS.customer, 'Raised late in the afternoon');
    await session.moveClock({ advance: 'PT1H30M' });
  });

  it.each(CASES)(
    'shows a running SLA with a pause, said outside working hours, its last stretch off-hours ($lang, $theme, $width px)',
    async ({ lang, user, theme, width }) => {
      const { page, frame, inner } = await panel(user, evening, { theme, width });
      await expect(frame.getByTestId('sla-state').getAttribute('data-state')).resolves.toBe('running');
      await expect(frame.getByTestId('sla-verdict').getAttribute('data-verdict')).resolves.toBe('on_track');
      await expect(frame.getByTestId('sla-state').getAttribute('data-icon')).resolves.toBe('off_hours');
      await expect(frame.getByTestId('sla-state').textContent()).resolves.toBe(TEXT[lang].stateOffHours);
      await expect(frame.getByTestId('sla-off-hours').innerText()).resolves.toBe(TEXT[lang].offHours);
      await openDetails(page);
      const kinds = await frame
        .getByTestId('timeline-segment')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
      expect(kinds[kinds.length - 1]).toBe('off_hours');
      expect(kinds.slice(0, -1).every((k) => k === 'running')).toBe(true);
      await noOverflow(inner);
      await page.context().close();
    },
  );

  it('shows a request late and outside working hours with a pause in the danger colour', async () => {
    const { page, frame, inner } = await panel(USERS.agent, keys.atRisk, { theme: 'light', width: 360 });
    await expect(frame.getByTestId('sla-verdict').getAttribute('data-verdict')).resolves.toBe('breached');
    await expect(frame.getByTestId('sla-state').getAttribute('data-icon')).resolves.toBe('off_hours');
    const fill = await inner.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--ds-icon-danger)';
      document.body.appendChild(probe);
      const token = getComputedStyle(probe).color;
      probe.remove();
      const svg = document.querySelector('[data-testid="sla-state"] svg') as SVGElement;
      return { token, shown: getComputedStyle(svg).fill };
    });
    expect(fill.shown).toBe(fill.token);
    await page.context().close();
  });
});
