/**
 * A hostile escalation reason (markup and scripts) is text everywhere it is shown: in the agent's panel, in the
 * issue view's internal note and in the customer's portal. No script of it runs in Chromium.
 */
import { appFrame, Session, untilLoaded, USERS } from './support/sandbox-session';

const HOSTILE = `<img src=x onerror="window.top.pwned='img'"><script>window.top.pwned='script'</script><b>bold?</b> & "quotes"`;
type Pwned = { pwned?: string };

let session: Session;
let key: string;
beforeAll(async () => {
  session = await Session.start();
  key = await session.createRequest(USERS.customer, 'Hostile reason');
  const answer = await session.invoke<{ ok: boolean }>(
    USERS.customer,
    'portal-escalate',
    'escalateRequest',
    { lang: 'en', reason: HOSTILE },
    key,
  );
  expect(answer.ok).toBe(true);
  await session.control('POST', '/_sandbox/settle');
}, 120_000);
afterAll(async () => session?.close());

it('shows the reason as text in the agent panel and the internal note, and runs none of it', async () => {
  const page = await session.open(USERS.agent, `/browse/${key}`);
  const escalation = appFrame(page, 'issue-panel').getByTestId('escalation');
  await escalation.waitFor({ timeout: 20_000 });
  await expect(escalation.innerText()).resolves.toContain(HOSTILE);
  await expect(escalation.locator('img, script, b').count()).resolves.toBe(0);
  // The internal note the escalation wrote, in the issue view's comments.
  await expect(page.locator('body').innerText()).resolves.toContain(HOSTILE);
  await untilLoaded(page);
  await expect(page.locator('img[src="x"], script:has-text("pwned")').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as Pwned).pwned)).resolves.toBeUndefined();
  await page.context().close();
});

it('shows the customer that the request is escalated without running the reason', async () => {
  const page = await session.open(USERS.customer, `/portal/${key}`);
  const portal = appFrame(page, 'portal');
  await portal.getByTestId('portal-escalated').waitFor({ timeout: 20_000 });
  await untilLoaded(page);
  await expect(portal.locator('img[src="x"], script:has-text("pwned")').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as Pwned).pwned)).resolves.toBeUndefined();
  await page.context().close();
});
