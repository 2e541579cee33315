/**
 * A burst of 400 product events with Jira's rate limits on in the sandbox: 10 portal requests, then agents' public
 * comments on them, 40 each, sent 8 at a time: first a run of 5 on each request in turn, then the rest round the
 * requests. Every comment is forwarded to its request's creator exactly once: no email lost to a 429, none sent
 * twice by a retry.
 *
 * Limits: the burst and per-issue write limits of "Rate limiting"
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/: `RateLimit-Reason: jira-burst-based`,
 * `jira-per-issue-on-write`, each 429 with `Retry-After`), set tighter than the documented rates (8 requests a
 * second per endpoint instead of 100 to 150; 3 writes per issue in 2 s and 60 in 30 s instead of 20 and 100) so
 * that the burst meets both on a slow machine too: the runs of 5 comments on one request exceed its per-issue
 * limit whatever the speed, and the app handles events faster than 8 a second. The app's client runs with its
 * default retry policy, so it honours each Retry-After as it would in Forge.
 */
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../support/sandbox';
import { expectEachCommentForwardedOnce } from './scenarios';

const REQUESTS = 10;
const COMMENTS_PER_REQUEST = 40;
/** Comments posted on one request in a row (the app handles its events in a row, writing on that issue). */
const RUN = 5;

jest.setTimeout(600_000);

let site: TestSandbox;

beforeAll(async () => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  site = await startTestSandbox({
    searchLagMs: 0,
    rateLimits: {
      burstPerSecond: 8,
      issueWrites: { short: { count: 3, windowMs: 2_000 }, long: { count: 60, windowMs: 30_000 } },
    },
  });
});
afterAll(async () => {
  await site?.close();
  jest.restoreAllMocks();
});

/** Runs the tasks `width` at a time. */
async function inParallel(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

it('handles a burst of 400 events under the rate limits without losing or duplicating a notification', async () => {
  const agent = await site.user('agent1@sandbox.test');
  const customers: SandboxUser[] = [await site.user('claire@acme.test'), await site.user('gwen@globex.test')];
  const keys: string[] = [];
  for (let r = 0; r < REQUESTS; r++) keys.push(await site.portalRequest(customers[r % 2]!, `Burst ${r}`));
  await site.settle();
  const before = await site.ok<{ productEvents: number }>(null, 'GET', '/_sandbox/stats');

  const token = (key: string, n: number) => `token-${key}-${n}-end`;
  // First a run of RUN comments on each request in turn (the app handles them in a row, writing on one issue:
  // the per-issue limit refuses some on any machine), then the rest round the requests, comment n on every request,
  // then comment n + 1 (the burst limit refuses some).
  const post = (key: string, n: number) => () => site.comment(agent, key, `Answer ${n}: ${token(key, n)}`);
  const runs = keys.flatMap((key) => Array.from({ length: RUN }, (_, n) => post(key, n)));
  const rounds = Array.from({ length: COMMENTS_PER_REQUEST - RUN }, (_, i) => keys.map((key) => post(key, RUN + i)));
  const comments = [...runs, ...rounds.flat()];
  await inParallel(comments, 8);
  await site.settle();
  // Work the app re-queued (with a delay) falls due as the clock moves.
  for (let i = 0; i < 4; i++) await site.advance('PT20M');
  await site.settle();

  const stats = await site.ok<{
    productEvents: number;
    rateLimited: Record<string, number>;
  }>(null, 'GET', '/_sandbox/stats');
  // The 400 comments' events (and those of anything the app itself did meanwhile).
  expect(stats.productEvents - before.productEvents).toBeGreaterThanOrEqual(REQUESTS * COMMENTS_PER_REQUEST);
  // The limits did refuse calls: the burst met both.
  expect(stats.rateLimited['jira-burst-based']).toBeGreaterThan(0);
  expect(stats.rateLimited['jira-per-issue-on-write']).toBeGreaterThan(0);

  const requests = keys.map((key, r) => ({ key, reporter: customers[r % 2]! }));
  await expectEachCommentForwardedOnce(site, requests, COMMENTS_PER_REQUEST, token);
});
