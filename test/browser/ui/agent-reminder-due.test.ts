/**
 * The agent's panel on a request waiting for its customer, in headless Chromium, in French (agent1, fr_FR) and
 * English (the admin, en_US), light and dark, at 360 and 700 px: once a reminder's time (then the automatic
 * closing's) has passed and the hourly sweep has not yet run, the panel says it is due and goes out within the hour,
 * never a date in the past; once the sweep has sent it, the next one is a date ahead again. Each look fits the
 * panel's width and has no critical or serious axe-core violation. The customer's portal likewise says a closing
 * that is due happens within the hour, where it names the day before.
 *
 * Source for the sweep's pace: the manifest's `reminder-sweep` scheduled trigger runs every hour (`interval: hour`,
 * Forge "Scheduled trigger" module, https://developer.atlassian.com/platform/forge/manifest-reference/modules/scheduled-trigger/).
 * The sandbox fires it on its own clock, one interval after its start and every hour after that
 * (sandbox/runtime/scheduler.ts): the test sets the request's count to start a few minutes after a run, so a due
 * instant falls a few minutes after one and the next run is most of an hour away.
 */
import type { Page } from 'playwright-core';
import type { IssuePanelView, ResolverResult } from '../../../src/shared/contracts';
import { formatInstant } from '../../../static/common/src/format';
import { seriousViolations } from './support/axe';
import { appFrame, nextMondayMorning, Session, USERS, type User } from './support/sandbox-session';
import { inEveryLook } from './support/looks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LANGS = [
  { lang: 'fr', user: USERS.agent },
  { lang: 'en', user: USERS.admin },
] as const;
const CASES = inEveryLook(LANGS);

const TEXT = {
  fr: {
    next: 'Prochaine relance',
    reminderDue: 'Relance due',
    reminderWhen: "envoyée dans l'heure",
    closeDue: 'Fermeture automatique due',
    closeWhen: "la demande sera fermée dans l'heure",
  },
  en: {
    next: 'Next reminder',
    reminderDue: 'Reminder due',
    reminderWhen: 'goes out within the hour',
    closeDue: 'Automatic closing due',
    closeWhen: 'the request closes within the hour',
  },
} as const;

let session: Session;
/** The sandbox clock when the session started: the hourly sweep runs an exact number of hours after it. */
let sweepPhase = 0;
let key = '';
/** The schedule as the panel's resolver gave it when the request began to wait. */
let schedule: { reminder1: number; reminder2: number; close: number };

/** Five minutes after the first hourly sweep at or after `ms`. */
function justAfterSweep(ms: number): number {
  return sweepPhase + Math.ceil((ms - sweepPhase) / HOUR) * HOUR + 5 * MINUTE;
}

async function panelView(): Promise<IssuePanelView> {
  const view = await session.invoke<ResolverResult<IssuePanelView>>(
    USERS.agent,
    'sla-panel',
    'getIssuePanelView',
    {},
    key,
  );
  if (!view.ok) throw new Error(view.message);
  return view.data;
}

/** The app's public comments on the request: one per reminder sent, one for the close. */
async function appComments(): Promise<number> {
  const { comments } = await session.rest<{ comments: { author?: { accountType?: string } }[] }>(
    USERS.agent,
    'GET',
    `/rest/api/3/issue/${key}/comment`,
  );
  return comments.filter((c) => c.author?.accountType === 'app').length;
}

beforeAll(async () => {
  session = await Session.start();
  sweepPhase = await session.now();
  await session.moveClock({ to: new Date(justAfterSweep(Date.parse(nextMondayMorning(sweepPhase)))).toISOString() });
  key = await session.createRequest(USERS.customer, 'Waiting for the customer');
  await session.moveTo(key, 'in_progress');
  await session.moveTo(key, 'waiting_for_customer');
  const waiting = (await panelView()).waiting;
  if (!waiting?.nextReminderAt || !waiting.autoCloseAt) throw new Error('no waiting schedule');
  const reminder1 = Date.parse(waiting.nextReminderAt);
  schedule = { reminder1, reminder2: 0, close: Date.parse(waiting.autoCloseAt) };
  // Days in the desk's time zone: a daylight-saving change moves the instant by a whole hour, never off the phase.
  expect((reminder1 - sweepPhase) % HOUR).toBeGreaterThan(4 * MINUTE);
  expect((reminder1 - sweepPhase) % HOUR).toBeLessThan(10 * MINUTE);
}, 180_000);

afterAll(async () => session?.close());

/** The panel of the request as `user`, in a look, its frame at the panel's width. */
async function panel(user: User, look: { theme: 'light' | 'dark'; width: number }) {
  const page = await session.open(user, `/browse/${key}`, { theme: look.theme });
  const frame = appFrame(page, 'issue-panel');
  await frame.getByTestId('waiting').waitFor({ timeout: 20_000 });
  await page.locator('iframe.forge[src*="/static/issue-panel/"]').evaluate((el, w) => {
    (el as HTMLElement).style.width = `${w}px`;
  }, look.width);
  const inner = page.frames().find((f) => f.url().includes('/static/issue-panel/'))!;
  await inner.waitForFunction((w) => document.documentElement.clientWidth === w, look.width);
  const overflow = await inner.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(seriousViolations(inner)).resolves.toEqual([]);
  return { page, frame };
}

/** A figure of the waiting section: its label, its text, and whether it reads as due. */
async function figure(page: Page, testId: 'next-reminder' | 'auto-close') {
  const dd = appFrame(page, 'issue-panel').getByTestId(testId);
  return {
    label: (await dd.locator('xpath=preceding-sibling::dt[1]').innerText()).trim(),
    text: (await dd.innerText()).trim(),
    due: await dd.getAttribute('data-due'),
  };
}

/** What the customer's portal panel says of the closing, seen by the reporter (a French customer). */
async function portalClosing(look: { theme: 'light' | 'dark'; width: number }) {
  const page = await session.open(USERS.customer, `/portal/${key}`, look);
  const closing = appFrame(page, 'portal', 'section.card').getByTestId('portal-closes-at');
  await closing.waitFor({ timeout: 20_000 });
  const read = { text: (await closing.innerText()).trim(), due: await closing.getAttribute('data-due') };
  await page.context().close();
  return read;
}

describe('a reminder whose time has come, before the hourly sweep', () => {
  beforeAll(async () => {
    // Ten minutes past the reminder's instant; the sweep's next run is some fifty minutes away.
    await session.moveClock({ to: new Date(schedule.reminder1 + 10 * MINUTE).toISOString() });
    expect(await appComments()).toBe(0);
  }, 180_000);

  it.each(CASES)(
    'reads as due and going out within the hour, not as a past date ($lang, $theme, $width px)',
    async ({ lang, user, theme, width }) => {
      const { page } = await panel(user, { theme, width });
      await expect(figure(page, 'next-reminder')).resolves.toEqual({
        label: TEXT[lang].reminderDue,
        text: TEXT[lang].reminderWhen,
        due: 'true',
      });
      // The close is still days ahead: a date, in the viewer's words.
      const close = await figure(page, 'auto-close');
      expect(close.due).toBe('false');
      expect(close.text).not.toBe(TEXT[lang].closeWhen);
      await page.context().close();
    },
  );

  it('leaves the portal naming the closing day', async () => {
    const closing = await portalClosing({ theme: 'light', width: 360 });
    expect(closing.due).toBe('false');
    expect(closing.text).toMatch(/^Sans réponse de votre part, la demande sera fermée le .+\. /);
  }, 60_000);

  it('is sent by the next sweep, after which the next reminder is a date ahead again', async () => {
    await session.moveClock({ advance: 'PT1H' });
    expect(await appComments()).toBe(1);
    const waiting = (await panelView()).waiting!;
    expect(waiting.reminderDue).toBe(false);
    schedule.reminder2 = Date.parse(waiting.nextReminderAt!);
    expect(schedule.reminder2).toBeGreaterThan(await session.now());
    const page = (await panel(USERS.agent, { theme: 'light', width: 360 })).page;
    const next = await figure(page, 'next-reminder');
    expect(next).toEqual({
      label: TEXT.fr.next,
      text: formatInstant(waiting.nextReminderAt!, 'fr-FR', 'Europe/Paris'),
      due: 'false',
    });
    await page.context().close();
  }, 120_000);
});

// The clock moves nine days ahead through every hourly sweep: a longer time limit.
describe('an automatic closing whose day has come, before the hourly sweep', () => {
  beforeAll(async () => {
    await session.moveClock({ to: new Date(schedule.close + 10 * MINUTE).toISOString() });
    // The sweeps on the way sent the second reminder; the close waits for the next run.
    expect(await appComments()).toBe(2);
    await expect(panelView()).resolves.toMatchObject({ status: { canonical: 'waiting_for_customer' } });
  }, 300_000);

  it.each(CASES)(
    'reads as due within the hour, with no reminder announced before it ($lang, $theme, $width px)',
    async ({ lang, user, theme, width }) => {
      const { page, frame } = await panel(user, { theme, width });
      await expect(figure(page, 'auto-close')).resolves.toEqual({
        label: TEXT[lang].closeDue,
        text: TEXT[lang].closeWhen,
        due: 'true',
      });
      await expect(frame.getByTestId('next-reminder').count()).resolves.toBe(0);
      await page.context().close();
    },
  );

  it.each([
    { theme: 'light', width: 360 },
    { theme: 'dark', width: 700 },
  ] as const)('tells the customer on the portal that it closes within the hour ($theme, $width px)', async (look) => {
    await expect(portalClosing(look)).resolves.toEqual({
      text: "Sans réponse de votre part, la demande sera fermée dans l'heure. Vous pourrez toujours la rouvrir ensuite.",
      due: 'true',
    });
  });
});
