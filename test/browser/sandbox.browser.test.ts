/**
 * The sandbox in headless Chromium: the queue, the agent's issue view with the app's issue panel (Custom UI
 * through the @forge/bridge host), and the portal view of a demo request as its customer, in light and dark.
 */
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let sandbox: TestSandbox;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

afterEach(() => expect(pageErrors).toEqual([]));

/** The frame of the first Custom UI iframe matching `selector`, once its app has rendered some text. */
async function renderedFrame(selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).first().elementHandle())!.contentFrame();
  await frame!.waitForFunction(() => (document.getElementById('root')?.innerText.trim().length ?? 0) > 0, undefined, {
    timeout: 15_000,
  });
  return frame!;
}

it('opens the queue and lists the demo requests', async () => {
  await page.goto(sandbox.url + '/');
  await expect(page.locator('table tbody tr').count()).resolves.toBeGreaterThanOrEqual(10);
  await expect(page.locator('a[href="/browse/SUP-1"]').first().isVisible()).resolves.toBe(true);
});

it('opens a request as an agent: its fields, comments, forms, and the app’s issue panel answering through its resolver', async () => {
  const invoked = page.waitForResponse((r) => r.url().endsWith('/_sandbox/invoke'));
  await page.goto(`${sandbox.url}/browse/SUP-1`);
  const answer = await invoked;
  expect(answer.status()).toBe(200);
  expect(JSON.parse(answer.request().postData()!)).toMatchObject({ moduleKey: 'sla-panel', issueKey: 'SUP-1' });
  await expect(page.locator('h1').textContent()).resolves.toMatch(/^SUP-1: /);
  await expect(
    page.locator('form[action="/_sandbox/ui/transition"] select[name="transition"] option').count(),
  ).resolves.toBeGreaterThan(0);
  // The panel has rendered something from its resolver (not an empty root, not a bridge error).
  const panel = await renderedFrame('iframe.forge');
  expect(await panel.locator('#root').innerText()).not.toMatch(
    /Unable to establish a connection with the Custom UI bridge|does not support the bridge call|failed/i,
  );
  await expect(panel.locator('html').getAttribute('data-color-mode')).resolves.toBe('light');
});

it('opens the same request as its customer in the portal, with the portal panel, in dark mode', async () => {
  const issue = await sandbox
    .asUser('agent1@sandbox.test')
    .get<{ fields: { reporter: { accountId: string } } }>('/rest/api/3/issue/SUP-1');
  const reporter = issue.body.fields.reporter.accountId;
  await page.context().addCookies([{ name: 'sandbox_user', value: reporter, url: sandbox.url }]);
  const invoked = page.waitForResponse((r) => r.url().endsWith('/_sandbox/invoke'));
  await page.goto(`${sandbox.url}/portal/SUP-1?theme=dark`);
  expect((await invoked).status()).toBe(200);
  await expect(page.locator('[data-field="status"]').textContent()).resolves.toMatch(/\S/);
  const frames = page.locator('iframe.forge[src]');
  await expect(frames.count()).resolves.toBeGreaterThanOrEqual(1);
  const panel = await renderedFrame('iframe.forge[src]');
  await expect(panel.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
  expect(await panel.locator('#root').innerText()).not.toMatch(
    /Unable to establish a connection with the Custom UI bridge|does not support the bridge call/,
  );
  // The escalate action opens in a dialog, as JSM opens a request view action.
  await page.locator('button[data-open-dialog]').first().click();
  await expect(page.locator('dialog[open] iframe.forge').count()).resolves.toBe(1);
});
