/**
 * When Jira holds the app back for its hourly points quota, in headless Chromium: the agent's panel and the
 * customer's portal panel say so as a warning (not an error: neither the app nor the viewer is at fault), in the
 * viewer's language, with the minutes left until the quota renews, and a Retry button that shows the request once
 * Jira lets the app through again. No critical or serious axe-core violation, light and dark, 360 and 700 px.
 *
 * The limit is the sandbox's, as "Rate limiting" documents it
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/: past the quota "all requests are denied until
 * the next hourly reset", 429 with `RateLimit-Reason: jira-quota-global-based` and `Retry-After`), set at 120
 * points an hour so that the test spends it by opening the panel; the quota is whole again at the top of the hour.
 */
import type { Page } from 'playwright-core';
import type { IssuePanelView, ResolverResult } from '../../../src/shared/contracts';
import { seriousViolations } from './support/axe';
import { LOOKS } from './support/looks';
import { appFrame, Session, USERS, type User } from './support/sandbox-session';

const HOUR = 3_600_000;

let session: Session;
let key = '';
/** The minutes Jira's Retry-After leaves until the quota renews, as the panel rounds them (up). */
let minutes = 0;

beforeAll(async () => {
  // The app's own log lines (work put off until the quota renews) are not this test's subject.
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  session = await Session.start({ rateLimits: { hourlyPoints: 120 } });
  // Just past a UTC hour: the quota, then the request and the refusals, all fall in the same hour.
  const now = await session.now();
  await session.moveClock({ advance: `PT${Math.ceil((HOUR - (now % HOUR)) / 1000) + 1}S` });
  // Raised by an English-speaking customer; the agent reads French.
  key = await session.createRequest(USERS.otherCustomer, 'Quota spent');
  // The agent's panel views spend what is left of the hour's points until Jira refuses one.
  let refused: ResolverResult<IssuePanelView> | undefined;
  for (let view = 0; view < 200 && !refused; view++) {
    const result = await session.invoke<ResolverResult<IssuePanelView>>(
      USERS.agent,
      'sla-panel',
      'getIssuePanelView',
      {},
      key,
    );
    if (!result.ok) refused = result;
  }
  expect(refused).toMatchObject({ status: 429, code: 'rate_limited' });
  minutes = Math.ceil((HOUR - ((await session.now()) % HOUR)) / 60_000);
}, 180_000);

afterAll(async () => {
  await session?.close();
  jest.restoreAllMocks();
});

const SCREENS = [
  {
    screen: "agent's issue panel",
    user: USERS.agent,
    path: () => `/browse/${key}`,
    resource: 'issue-panel' as const,
    lang: 'fr',
    says: () =>
      `Jira retient les appels de l'application sur ce site jusqu'au renouvellement de son quota horaire\u00a0: réessayez dans ${minutes} minutes environ.`,
    retry: 'Réessayer',
  },
  {
    screen: "customer's portal panel",
    user: USERS.otherCustomer,
    path: () => `/portal/${key}`,
    resource: 'portal' as const,
    lang: 'en',
    says: () =>
      `Jira is holding back the app's calls on this site until its hourly allowance renews: try again in about ${minutes} minutes.`,
    retry: 'Try again',
  },
];

/** The screen's frame at a look's width, once it shows the refusal. */
async function refusal(
  user: User,
  path: string,
  resource: 'issue-panel' | 'portal',
  look: { theme: 'light' | 'dark'; width: number },
): Promise<Page> {
  const page = await session.open(user, path, { theme: look.theme });
  await page.locator(`iframe.forge[src*="/static/${resource}/"]`).evaluate((el, w) => {
    (el as HTMLElement).style.width = `${w}px`;
  }, look.width);
  await appFrame(page, resource).getByTestId('failure').waitFor({ timeout: 20_000 });
  return page;
}

describe.each(SCREENS)('the $screen while the quota is spent', ({ user, path, resource, lang, says, retry }) => {
  it.each(LOOKS)('says Jira holds the app back, for how long, as a warning ($theme, $width px)', async (look) => {
    const page = await refusal(user, path(), resource, look);
    const frame = appFrame(page, resource);
    const failure = frame.getByTestId('failure');
    await expect(failure.getAttribute('data-status')).resolves.toBe('429');
    await expect(failure.getAttribute('data-code')).resolves.toBe('rate_limited');
    await expect(failure.getAttribute('lang')).resolves.toBe(lang);
    await expect(failure.locator('p').first().innerText()).resolves.toBe(says());
    // A warning: the warning colour, and no alert role (an error's).
    const section = failure.locator('section.sr-message');
    await expect(section.evaluate((el) => (el as HTMLElement).style.background)).resolves.toBe(
      'var(--ds-background-warning)',
    );
    await expect(section.getAttribute('role')).resolves.toBeNull();
    await expect(failure.getByRole('button', { name: retry }).count()).resolves.toBe(1);
    const inner = page.frames().find((f) => f.url().includes(`/static/${resource}/`))!;
    await inner.waitForFunction((w) => document.documentElement.clientWidth === w, look.width);
    const overflow = await inner.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(seriousViolations(inner)).resolves.toEqual([]);
    await page.context().close();
  });
});

it("shows the request once the quota renews, from the refusal's Retry button", async () => {
  const page = await refusal(USERS.agent, `/browse/${key}`, 'issue-panel', LOOKS[0]);
  const frame = appFrame(page, 'issue-panel');
  // Past the top of the hour Jira answers the app again.
  await session.moveClock({ advance: `PT${minutes}M` });
  await frame.getByRole('button', { name: 'Réessayer' }).click();
  await frame.getByTestId('issue-panel').waitFor({ timeout: 20_000 });
  await expect(frame.getByTestId('failure').count()).resolves.toBe(0);
  await expect(frame.getByTestId('sla-state').count()).resolves.toBe(1);
  await page.context().close();
});
