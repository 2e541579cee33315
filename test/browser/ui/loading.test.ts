/**
 * While a screen loads and when the bridge fails, in headless Chromium: each app's page holds its skeleton from
 * the first paint (no jump from a one-line spinner to the screen's height), its first words are in the viewer's
 * language, and a call that never reaches the app's resolver is told in that language too (the bridge's own
 * English words kept aside).
 */
import type { Route } from 'playwright-core';
import { appFrame, Session, USERS } from './support/sandbox-session';

let session: Session;
let key = '';
beforeAll(async () => {
  session = await Session.start();
  key = await session.createRequest(USERS.customer, 'Loading');
}, 120_000);
afterAll(async () => session?.close());

it.each(['issue-panel', 'portal', 'admin-page'])(
  "serves %s's page with its skeleton and no words before any script runs",
  async (resource) => {
    const page = await fetch(`${session.url}/static/${resource}/index.html`);
    const html = await page.text();
    expect(html).toContain(`class="sr-skeleton" data-shape="${resource}"`);
    // No "Loading…" in a language the viewer may not read: the language is known only once the context answers.
    expect(html).not.toMatch(/Loading|Chargement/);
  },
);

it.each([
  { width: 360, theme: 'light' as const },
  { width: 700, theme: 'dark' as const },
])(
  "holds the agent's panel height in French while its view loads, then tells a bridge failure in French ($width px, $theme)",
  async ({ width, theme }) => {
    const page = await session.open(USERS.agent, `/browse/${key}`, { width, theme });
    // The resolver calls are held, then fail as a dropped connection does (fetch rejects in the host page).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_sandbox/invoke', async (route: Route) => {
      await held;
      await route.abort('connectionreset');
    });
    await page.reload();
    const frame = appFrame(page, 'issue-panel');
    const skeleton = frame.getByTestId('skeleton');
    await skeleton.waitFor({ timeout: 20_000 });
    await expect(skeleton.getAttribute('data-shape')).resolves.toBe('issue-panel');
    await expect(frame.getByRole('status').innerText()).resolves.toBe('Chargement…');
    const box = await page.locator('iframe.forge[src*="/static/issue-panel/"]').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(112);

    release();
    const failure = frame.getByTestId('failure');
    await failure.waitFor({ timeout: 20_000 });
    await expect(failure.getAttribute('lang')).resolves.toBe('fr');
    await expect(failure.locator('p').first().innerText()).resolves.toBe(
      "L'application n'a pas pu être jointe. Vérifiez votre connexion, puis réessayez.",
    );
    // The bridge's own words, in English, marked so (a screen reader reads them in English).
    await expect(frame.getByTestId('failure-detail').getAttribute('lang')).resolves.toBe('en');
    await expect(failure.getByRole('button', { name: 'Réessayer' }).count()).resolves.toBe(1);
    await page.context().close();
  },
);
