// Jira Cloud's rate limits as "Rate limiting" documents them
// (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/, enforced since March 2, 2026), on a clock the
// test sets: the hourly points quota, the burst limit per endpoint and method, the per-issue write limit, the
// points of a call, and the headers of each answer.
import { RateLimits, isWrite, pointsFor, writtenIssue } from '../../../sandbox/runtime/rate-limits';

const HOUR = 3_600_000;
// 10:59:30 UTC: the quota resets 30 s later, "at the top of each UTC hour".
const T0 = Date.UTC(2026, 11, 1, 10, 59, 30);
const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';
const GET_MYSELF = 'GET /rest/api/3/myself';
const COMMENT = 'POST /rest/api/3/issue/{issueIdOrKey}/comment';

describe('points', () => {
  // "Each request starts with a base cost of 1 point, and additional points are added for each object involved.
  // Write requests are charged only the base cost" — Core domain objects 1, Identity & access 2, Others 1.
  it('costs what the page’s examples cost', () => {
    // "GET /rest/api/3/issue/ABC-123 ... 1 (base) + 1 Issue = 2 points"
    expect(pointsFor('GET', GET_ISSUE, 200, { id: '10001', key: 'ABC-123', fields: {} })).toBe(2);
    // "GET /rest/api/3/group/member?groupname=my-group ... 1 (base) + 8 users = 17 points (1 + 8 × 2)"
    expect(pointsFor('GET', 'GET /rest/api/3/group/member', 200, { values: Array(8).fill({}) })).toBe(17);
    // "POST /rest/api/3/issue → 1 point"
    expect(pointsFor('POST', 'POST /rest/api/3/issue', 201, { id: '1', key: 'SUP-1' })).toBe(1);
  });

  it('charges a search as a read (1 + one per issue), identities 2 each, a refused call its base', () => {
    expect(pointsFor('POST', 'POST /rest/api/3/search/jql', 200, { issues: [{}, {}, {}], isLast: true })).toBe(4);
    expect(pointsFor('GET', GET_MYSELF, 200, { accountId: 'a' })).toBe(3);
    expect(pointsFor('GET', 'GET /rest/api/3/user/assignable/search', 200, [{}, {}])).toBe(5);
    expect(pointsFor('GET', 'GET /rest/api/3/mypermissions', 200, { permissions: { A: {}, B: {} } })).toBe(5);
    expect(pointsFor('GET', 'GET /rest/servicedeskapi/request/{issueIdOrKey}/participant', 200, { values: [{}] })).toBe(
      3,
    );
    expect(pointsFor('GET', 'GET /rest/api/3/issue/{issueIdOrKey}/comment', 200, { comments: [{}, {}] })).toBe(3);
    expect(pointsFor('GET', GET_ISSUE, 404, { errorMessages: ['x'] })).toBe(1);
  });

  it('tells writes (and the issue written) from reads, POST searches included', () => {
    expect(isWrite('POST', '/rest/api/3/search/jql')).toBe(false);
    expect(isWrite('PUT', '/rest/api/3/issue/SUP-1/properties/x')).toBe(true);
    expect(writtenIssue('PUT', '/rest/api/3/issue/sup-1/properties/x')).toBe('SUP-1');
    expect(writtenIssue('POST', '/rest/servicedeskapi/request/SUP-2/comment')).toBe('SUP-2');
    expect(writtenIssue('GET', '/rest/api/3/issue/SUP-1')).toBeUndefined();
    expect(writtenIssue('POST', '/rest/api/3/issue')).toBeUndefined();
  });
});

describe('the hourly points quota', () => {
  it('refuses every call once the quota is used, until the top of the UTC hour, with the documented headers', () => {
    const limits = new RateLimits({ hourlyPoints: 10 });
    expect(limits.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)).toBeUndefined();
    limits.charge(6, T0);
    expect(limits.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)).toBeUndefined();
    limits.charge(4, T0);
    const refused = limits.check('POST', COMMENT, '/rest/api/3/issue/SUP-1/comment', T0 + 1_000);
    // "jira-quota-global-based — Global pool quota exceeded"; Retry-After "how many seconds to wait";
    // X-RateLimit-Reset "ISO 8601 timestamp when the current window resets".
    expect(refused).toEqual({
      reason: 'jira-quota-global-based',
      retryAfterSeconds: 29,
      headers: {
        'Retry-After': '29',
        'X-RateLimit-Limit': '10',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': '2026-12-01T11:00:00Z',
        'RateLimit-Reason': 'jira-quota-global-based',
      },
    });
    // "All requests are denied until the next hourly reset."
    expect(limits.check('GET', GET_MYSELF, '/rest/api/3/myself', T0 + 29_000)?.reason).toBe('jira-quota-global-based');
    expect(limits.check('GET', GET_MYSELF, '/rest/api/3/myself', T0 + 30_000)).toBeUndefined();
    expect(limits.pointsUsed(T0 + 30_000)).toBe(0);
  });

  it('names the per-tenant pool for a Tier 2 app, and defaults to the Global Pool’s 65,000 points', () => {
    const tenant = new RateLimits({ hourlyPoints: 1, quotaTier: 'tenant' });
    tenant.charge(1, T0);
    expect(tenant.check('GET', GET_MYSELF, '/rest/api/3/myself', T0)?.reason).toBe('jira-quota-tenant-based');
    expect(new RateLimits().hourlyPoints).toBe(65_000);
  });

  it('reports the policy on every answer, and the remaining points once fewer than 20% remain', () => {
    const limits = new RateLimits({ hourlyPoints: 100 });
    // "Beta-RateLimit-Policy: "global-app-quota";q=65000;w=3600 / Beta-RateLimit: "global-app-quota";t=3200";
    // at enforcement the Beta- prefix is dropped; `r` appears near the limit; X-RateLimit-NearLimit "true when
    // less than 20% of capacity remains".
    expect(limits.charge(10, T0)).toEqual({
      'RateLimit-Policy': '"global-app-quota";q=100;w=3600',
      RateLimit: '"global-app-quota";t=30',
    });
    expect(limits.charge(75, T0)).toEqual({
      'RateLimit-Policy': '"global-app-quota";q=100;w=3600',
      RateLimit: '"global-app-quota";r=15;t=30',
      'X-RateLimit-NearLimit': 'true',
    });
  });
});

describe('the burst limit', () => {
  // "a separate token bucket for every API endpoint ... categorised by the HTTP method": GET 100 per second,
  // POST 100, PUT 50, DELETE 50; "GET /api/{version}/issue/{issueidorkey} 150". The bucket holds one second's
  // worth (the page gives no size for these rates: the stricter reading).
  it('lets a second’s worth of requests through per endpoint, then answers jira-burst-based', () => {
    const limits = new RateLimits();
    for (let i = 0; i < 100; i++) expect(limits.check('GET', GET_MYSELF, '/rest/api/3/myself', T0)).toBeUndefined();
    const refused = limits.check('GET', GET_MYSELF, '/rest/api/3/myself', T0);
    expect(refused).toMatchObject({
      reason: 'jira-burst-based',
      retryAfterSeconds: 1,
      headers: { 'RateLimit-Reason': 'jira-burst-based', 'Retry-After': '1', 'X-RateLimit-Limit': '100' },
    });
    // Other endpoints keep their own bucket; the issue read has its own rate of 150.
    for (let i = 0; i < 150; i++) expect(limits.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)).toBeUndefined();
    expect(limits.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)?.reason).toBe('jira-burst-based');
    // Refilled at the steady rate: 100 per second is one token each 10 ms.
    expect(limits.check('GET', GET_MYSELF, '/rest/api/3/myself', T0 + 10)).toBeUndefined();
    expect(limits.check('GET', GET_MYSELF, '/rest/api/3/myself', T0 + 10)?.reason).toBe('jira-burst-based');
  });

  it('holds half as many PUTs, and a rate set for every endpoint when asked', () => {
    const limits = new RateLimits();
    const put = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
    let passed = 0;
    for (let i = 0; i < 60; i++) if (!limits.check('PUT', put, `/rest/api/3/issue/SUP-${i}/properties/x`, T0)) passed++;
    expect(passed).toBe(50);
    const slow = new RateLimits({ burstPerSecond: 2 });
    expect(slow.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)).toBeUndefined();
    expect(slow.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)).toBeUndefined();
    expect(slow.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0)?.reason).toBe('jira-burst-based');
  });
});

describe('the per-issue write limit', () => {
  // "Short window: 20 write operations per 2 seconds; Long window: 100 write operations per 30 seconds";
  // "RateLimit-Reason header: jira-per-issue-on-write"; other requests go on normally.
  it('refuses the 21st write on one issue within 2 seconds, not writes on another issue nor reads', () => {
    const limits = new RateLimits();
    for (let i = 0; i < 20; i++)
      expect(limits.check('POST', COMMENT, '/rest/api/3/issue/SUP-1/comment', T0 + i)).toBeUndefined();
    const refused = limits.check('POST', COMMENT, '/rest/api/3/issue/SUP-1/comment', T0 + 20);
    expect(refused).toMatchObject({
      reason: 'jira-per-issue-on-write',
      retryAfterSeconds: 2,
      headers: { 'RateLimit-Reason': 'jira-per-issue-on-write', 'X-RateLimit-Limit': '20' },
    });
    expect(limits.check('POST', COMMENT, '/rest/api/3/issue/SUP-2/comment', T0 + 20)).toBeUndefined();
    expect(limits.check('GET', GET_ISSUE, '/rest/api/3/issue/SUP-1', T0 + 20)).toBeUndefined();
    expect(limits.check('POST', COMMENT, '/rest/api/3/issue/SUP-1/comment', T0 + 2_000)).toBeUndefined();
  });

  it('refuses the 101st write within 30 seconds even when spaced under the short window', () => {
    const limits = new RateLimits({ burstPerSecond: 1_000 });
    const put = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
    // 10 writes every 2.1 s: never 20 in 2 s; the 101st comes 21 s after the first.
    let refusedAt = -1;
    for (let i = 0; i < 110 && refusedAt < 0; i++) {
      const at = T0 + Math.floor(i / 10) * 2_100 + (i % 10);
      if (limits.check('PUT', put, '/rest/api/3/issue/SUP-1/properties/x', at)) refusedAt = i;
    }
    expect(refusedAt).toBe(100);
  });

  it('refuses bad settings', () => {
    expect(() => new RateLimits({ hourlyPoints: 0 })).toThrow(RangeError);
    expect(() => new RateLimits({ burstPerSecond: -1 })).toThrow(RangeError);
  });
});

it('rolls the quota over at each UTC hour', () => {
  const limits = new RateLimits({ hourlyPoints: 5 });
  limits.charge(5, T0);
  expect(limits.pointsUsed(T0)).toBe(5);
  expect(limits.pointsUsed(T0 + HOUR)).toBe(0);
});
