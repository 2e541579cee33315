/**
 * The app's hourly points quota runs out in the middle of a burst: agents' public comments on 4 requests, 10 each,
 * with a quota of 100 points an hour. Jira refuses every call of the app until the top of the next UTC hour; the app
 * stops calling, keeps the events queued, and forwards every comment to its request's creator exactly once after
 * the reset: nothing lost, nothing sent twice, no dead letter. An agent who opens a request meanwhile is told that
 * Jira is limiting the app, and for how many minutes.
 *
 * Limits: the hourly quota of "Rate limiting" (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/:
 * `RateLimit-Reason: jira-quota-global-based`, "all requests are denied until the next hourly reset", `Retry-After`
 * up to that reset; "Build an app that respects rate limits": on a quota refusal stop calling until then), set far
 * below the documented 65,000 points so that a small burst spends it.
 */
import type { IssuePanelView, ResolverResult } from '../../src/shared/contracts';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../support/sandbox';
import { expectEachCommentForwardedOnce } from './scenarios';

const REQUESTS = 4;
const COMMENTS_PER_REQUEST = 10;
const QUOTA = 100;

jest.setTimeout(300_000);

let site: TestSandbox;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
  site = await startTestSandbox({ searchLagMs: 0, rateLimits: { hourlyPoints: QUOTA } });
});
afterAll(async () => {
  await site?.close();
  jest.restoreAllMocks();
});

type Stats = { rateLimited: Record<string, number>; restCalls: Record<string, number> };

it('stops calling when the hourly quota is spent and forwards every comment exactly once after the reset', async () => {
  // Start just past a UTC hour, so that the setup and the burst fall in the same hour.
  const { now } = await site.ok<{ now: string }>(null, 'GET', '/_sandbox/clock');
  const HOUR = 3_600_000;
  await site.advance(`PT${Math.ceil((HOUR - (Date.parse(now) % HOUR)) / 1000) + 1}S`);
  const agent = await site.user('agent1@sandbox.test');
  const customers: SandboxUser[] = [await site.user('claire@acme.test'), await site.user('gwen@globex.test')];
  const keys: string[] = [];
  for (let r = 0; r < REQUESTS; r++) keys.push(await site.portalRequest(customers[r % 2]!, `Quota ${r}`));
  await site.settle();

  const token = (key: string, n: number) => `quota-${key}-${n}-end`;
  for (let n = 0; n < COMMENTS_PER_REQUEST; n++)
    await Promise.all(keys.map((key) => site.comment(agent, key, `Answer ${n}: ${token(key, n)}`)));
  await site.settle();

  const spent = await site.ok<Stats>(null, 'GET', '/_sandbox/stats');
  // The quota ran out during the burst: some comments are not forwarded yet.
  expect(spent.rateLimited['jira-quota-global-based']).toBeGreaterThan(0);
  const forwardedBefore = (await Promise.all(keys.map((key) => site.outbox(key, 'app')))).flat().length;
  expect(forwardedBefore).toBeLessThan(REQUESTS * COMMENTS_PER_REQUEST);

  // Meanwhile an agent opens the request: Jira refuses the panel's reads too. The panel says so as a rate limit, in
  // the agent's language (French here), with the minutes left until the hourly reset (Retry-After), not as a fault.
  const paused = await panelView(agent, keys[0]!);
  const { now: refusedAt } = await site.ok<{ now: string }>(null, 'GET', '/_sandbox/clock');
  const minutes = Math.ceil((HOUR - (Date.parse(refusedAt) % HOUR)) / 60_000);
  expect(paused).toEqual({
    ok: false,
    status: 429,
    code: 'rate_limited',
    message: `Jira retient les appels de l'application sur ce site jusqu'au renouvellement de son quota horaire\u00a0: réessayez dans ${minutes === 1 ? 'une minute' : `${minutes} minutes`} environ.`,
  });

  // Past the top of the hour the quota is whole again; the queued work falls due as the clock moves.
  for (let i = 0; i < 8; i++) await site.advance('PT30M');
  await site.settle();

  const after = await site.ok<Stats>(null, 'GET', '/_sandbox/stats');
  // Paused, the app spent no refused call per queued event (some twenty here) or per five-minute sweep run: the
  // first refusal of an hour stops the work (the queue may spend the next hour's quota too: one more then).
  expect(after.rateLimited['jira-quota-global-based']).toBeLessThanOrEqual(3);

  const requests = keys.map((key, r) => ({ key, reporter: customers[r % 2]! }));
  await expectEachCommentForwardedOnce(site, requests, COMMENTS_PER_REQUEST, token);
  // Past the reset the panel shows the request again.
  expect(await panelView(agent, keys[0]!)).toMatchObject({ ok: true, data: { issueKey: keys[0] } });
});

async function panelView(user: SandboxUser, issueKey: string): Promise<ResolverResult<IssuePanelView>> {
  const answer = await site.invoke<{ result: ResolverResult<IssuePanelView> }>(user.accountId, {
    moduleKey: 'sla-panel',
    functionKey: 'getIssuePanelView',
    issueKey,
  });
  return answer.result;
}
