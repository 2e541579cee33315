// Pacing as "Build an app that respects rate limits" asks
// (https://developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits/): each
// RateLimit-Reason its own answer, never a retry before Retry-After.
import { rateLimitScope, requeueDelaySeconds, retryWaitMs, spreadDelaySeconds } from './pacing';

describe('pacing', () => {
  it('tells the three limits apart by their RateLimit-Reason', () => {
    expect(rateLimitScope('jira-burst-based')).toBe('endpoint');
    expect(rateLimitScope('jira-per-issue-on-write')).toBe('issue');
    expect(rateLimitScope('jira-quota-global-based')).toBe('quota');
    expect(rateLimitScope('jira-quota-tenant-based')).toBe('quota');
    expect(rateLimitScope(null)).toBe('unknown');
  });

  it('retries a burst or per-issue refusal after Retry-After, with up to a fifth more, and never a quota refusal', () => {
    for (const random of [0, 0.3, 0.999]) {
      const wait = retryWaitMs('jira-per-issue-on-write', 2_000, random)!;
      expect(wait).toBeGreaterThanOrEqual(2_000);
      expect(wait).toBeLessThanOrEqual(2_400);
    }
    expect(retryWaitMs('jira-burst-based', 1_000, 0)).toBe(1_000);
    expect(retryWaitMs('jira-quota-global-based', 1_800_000, 0)).toBeNull();
  });

  it('re-queues work no earlier than Retry-After, within the queue longest delay', () => {
    expect([0, 1, 2, 5].map((attempt) => requeueDelaySeconds(attempt))).toEqual([30, 60, 120, 900]);
    expect(requeueDelaySeconds(0, 200_000)).toBe(200);
    expect(requeueDelaySeconds(3, 1_000)).toBe(240);
    expect(requeueDelaySeconds(0, 3_600_000)).toBe(900);
  });

  it('spreads the batches of a large sweep a few seconds apart, the first ones at once', () => {
    expect([0, 1, 2, 200].map((i) => spreadDelaySeconds(i, 10))).toEqual([0, 10, 20, 900]);
    expect([0, 3, 4, 5].map((i) => spreadDelaySeconds(i, 10, 4))).toEqual([0, 0, 10, 20]);
  });
});
