/**
 * Jira Cloud's three rate limits on an app's REST calls, as "Rate limiting"
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/) documents them since the points-based
 * limits were enforced (March 2, 2026); each answers 429 with `Retry-After` and `RateLimit-Reason`:
 *
 * - the hourly points quota (`jira-quota-global-based`, Tier 1's 65,000 points per hour; `jira-quota-tenant-based`
 *   for a Tier 2 app): every call costs a base of 1 point, plus 1 per core object returned (issues, projects,
 *   comments ...; "Others 1 point") and 2 per identity object (users, groups, project roles, permissions); a write
 *   costs its base only. Quotas "reset at the top of each UTC hour"; past the quota "all requests are denied
 *   until the next hourly reset";
 * - the burst limit (`jira-burst-based`): a token bucket per endpoint (path template) and HTTP method, refilled at
 *   the documented requests per second (GET 100, POST 100, PUT 50, DELETE 50, and the endpoints listed with their
 *   own rate). The page gives no bucket size for the table's rates: the sandbox holds one second's worth, the
 *   stricter reading;
 * - the per-issue write limit (`jira-per-issue-on-write`): 20 writes per 2 seconds and 100 per 30 seconds on one
 *   issue.
 *
 * The limits apply to the app's calls (the traffic under test). Time is the sandbox clock (ms), given.
 */

export type RateLimitReason =
  'jira-quota-global-based' | 'jira-quota-tenant-based' | 'jira-burst-based' | 'jira-per-issue-on-write';

export interface RateLimitOptions {
  /** Points per UTC hour for the app on this site (default 65,000, the Global Pool's quota). */
  hourlyPoints?: number;
  /** 'global' (Tier 1, the default) or 'tenant' (Tier 2): the quota's RateLimit-Reason and policy name. */
  quotaTier?: 'global' | 'tenant';
  /** Requests per second per endpoint and method; a number sets every endpoint (default: the documented table). */
  burstPerSecond?: number;
  /** Writes on one issue: the short window (default 20 per 2 s) and the long one (default 100 per 30 s). */
  issueWrites?: { short?: { count: number; windowMs: number }; long?: { count: number; windowMs: number } };
}

/** The documented default steady-state rates by HTTP method. */
export const BURST_BY_METHOD: Record<string, number> = { GET: 100, POST: 100, PUT: 50, DELETE: 50, PATCH: 50 };

/** Endpoints with their own documented rate (the page's table, Jira paths in the spec's template form). */
export const BURST_BY_ENDPOINT: Record<string, number> = {
  'GET /rest/api/3/issue/{issueIdOrKey}': 150,
  'GET /rest/api/3/issue/{issueIdOrKey}/changelog': 200,
  'GET /rest/api/3/user': 150,
  'GET /rest/api/3/attachment/content/{id}': 300,
  'GET /rest/api/3/component': 200,
  'POST /rest/api/3/search/approximate-count': 150,
  'POST /rest/api/3/expression/evaluate': 150,
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer': 5,
};

export const DEFAULT_QUOTA = 65_000;
const HOUR_MS = 3_600_000;
const NEAR_LIMIT_SHARE = 0.2;

/** POSTs that read: they cost what a read costs and are no issue writes. */
const READ_POSTS = [
  /\/search\/jql$/,
  /\/search\/approximate-count$/,
  /\/issue\/bulkfetch$/,
  /\/changelog\/bulkfetch$/,
  /\/expression\/evaluate$/,
];

/** Operations whose objects are identities (users, groups, roles, permissions): 2 points each. */
const IDENTITY =
  /\/(myself|user|users|group|groups|groupuserpicker|mypermissions|permissions|role|participant|customer)(\/|$)/;

/**
 * True when a call modifies data (POST, PUT, PATCH, DELETE, but not the POSTs that search or read).
 * @example isWrite('POST', '/rest/api/3/search/jql') //=> false
 */
export function isWrite(method: string, path: string): boolean {
  const bare = path.split('?')[0]!;
  return method !== 'GET' && method !== 'HEAD' && !READ_POSTS.some((p) => p.test(bare));
}

/**
 * The issue a write is on (its key or id in the path), for the per-issue limit.
 * @example writtenIssue('POST', '/rest/api/3/issue/SUP-1/comment') //=> 'SUP-1'
 */
export function writtenIssue(method: string, path: string): string | undefined {
  if (!isWrite(method, path)) return undefined;
  const bare = path.split('?')[0]!;
  const match = /\/rest\/(?:api\/[23]\/issue|servicedeskapi\/request)\/([^/]+)(?:\/|$)/.exec(bare);
  return match?.[1]?.toUpperCase();
}

/**
 * The points a call costs: writes 1; reads 1 plus 1 per core object returned and 2 per identity object.
 * Objects are the items of the answer's list (`issues`, `values`, `comments`, `transitions`, a top-level array,
 * the `permissions` map, property `keys`), or the one object answered.
 * @example pointsFor('GET', '/rest/api/3/issue/{issueIdOrKey}', 200, { id: '1' }) //=> 2
 * @example pointsFor('GET', '/rest/api/3/group/member', 200, { values: [{}, {}, {}] }) //=> 7
 */
export function pointsFor(method: string, template: string, status: number, body: unknown): number {
  if (isWrite(method, template) || status < 200 || status >= 300) return 1;
  const weight = IDENTITY.test(template.split('?')[0]!) ? 2 : 1;
  return 1 + weight * objectCount(body);
}

function objectCount(body: unknown): number {
  if (body === undefined || body === null || body === '') return 0;
  if (Array.isArray(body)) return body.length;
  if (typeof body !== 'object') return 1;
  const record = body as Record<string, unknown>;
  for (const list of ['issues', 'values', 'comments', 'transitions', 'keys', 'groups', 'users'])
    if (Array.isArray(record[list])) return (record[list] as unknown[]).length;
  if (record.permissions && typeof record.permissions === 'object')
    return Object.keys(record.permissions as object).length;
  return 1;
}

/** A refused call: the reason, and the headers the page lists for a 429. */
export interface RateLimited {
  reason: RateLimitReason;
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

interface Bucket {
  tokens: number;
  at: number;
  capacity: number;
  refillPerMs: number;
}

/**
 * The limits of one app on one site, with their state.
 * @example const limits = new RateLimits({ hourlyPoints: 100 }); limits.check('GET', 'GET /rest/api/3/myself', '/rest/api/3/myself', Date.now())
 */
export class RateLimits {
  readonly hourlyPoints: number;
  private readonly tier: 'global' | 'tenant';
  private readonly short: { count: number; windowMs: number };
  private readonly long: { count: number; windowMs: number };
  private hour = -1;
  private used = 0;
  private readonly buckets = new Map<string, Bucket>();
  private readonly writes = new Map<string, number[]>();

  constructor(private readonly opts: RateLimitOptions = {}) {
    this.hourlyPoints = opts.hourlyPoints ?? DEFAULT_QUOTA;
    if (!Number.isInteger(this.hourlyPoints) || this.hourlyPoints < 1)
      throw new RangeError(`The hourly points quota is a whole number of points, not ${opts.hourlyPoints}`);
    if (opts.burstPerSecond !== undefined && !(opts.burstPerSecond > 0))
      throw new RangeError(`The burst rate is a number of requests per second, not ${opts.burstPerSecond}`);
    this.tier = opts.quotaTier ?? 'global';
    this.short = opts.issueWrites?.short ?? { count: 20, windowMs: 2_000 };
    this.long = opts.issueWrites?.long ?? { count: 100, windowMs: 30_000 };
  }

  /** The points used in the current UTC hour (at `now`). */
  pointsUsed(now: number): number {
    this.roll(now);
    return this.used;
  }

  /**
   * Whether a call may go through now; a refusal says which limit and what to answer. A call that goes through
   * takes its burst token and, for a write on an issue, its place in that issue's windows.
   * @example limits.check('POST', 'POST /rest/api/3/issue/{issueIdOrKey}/comment', '/rest/api/3/issue/SUP-1/comment', now) //=> undefined
   */
  check(method: string, operation: string, path: string, now: number): RateLimited | undefined {
    this.roll(now);
    const resetAt = (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;
    if (this.used >= this.hourlyPoints) {
      const retry = Math.max(1, Math.ceil((resetAt - now) / 1000));
      return this.refuse(this.tier === 'global' ? 'jira-quota-global-based' : 'jira-quota-tenant-based', retry, now, {
        'X-RateLimit-Limit': String(this.hourlyPoints),
      });
    }
    const bucket = this.bucket(method, operation, now);
    if (bucket.tokens < 1) {
      const retry = Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.refillPerMs / 1000));
      return this.refuse('jira-burst-based', retry, now, { 'X-RateLimit-Limit': String(bucket.capacity) });
    }
    const issue = writtenIssue(method, path);
    if (issue) {
      const times = (this.writes.get(issue) ?? []).filter((t) => t > now - this.long.windowMs);
      for (const window of [this.short, this.long]) {
        const inWindow = times.filter((t) => t > now - window.windowMs);
        if (inWindow.length >= window.count) {
          const freeAt = inWindow[inWindow.length - window.count]! + window.windowMs;
          const retry = Math.max(1, Math.ceil((freeAt - now) / 1000));
          return this.refuse('jira-per-issue-on-write', retry, now, { 'X-RateLimit-Limit': String(window.count) });
        }
      }
      times.push(now);
      this.writes.set(issue, times);
    }
    bucket.tokens -= 1;
    return undefined;
  }

  /**
   * Charges a call that went through; returns the headers every answer carries (RateLimit-Policy and RateLimit,
   * with the remaining points `r` once fewer than 20% remain, and X-RateLimit-NearLimit then).
   * @example limits.charge(2, now)['RateLimit-Policy'] //=> '"global-app-quota";q=65000;w=3600'
   */
  charge(points: number, now: number): Record<string, string> {
    this.roll(now);
    this.used += points;
    const remaining = Math.max(0, this.hourlyPoints - this.used);
    const resetIn = Math.ceil(((Math.floor(now / HOUR_MS) + 1) * HOUR_MS - now) / 1000);
    const policy = this.tier === 'global' ? 'global-app-quota' : 'tenant-app-quota';
    const near = remaining < this.hourlyPoints * NEAR_LIMIT_SHARE;
    return {
      'RateLimit-Policy': `"${policy}";q=${this.hourlyPoints};w=3600`,
      RateLimit: `"${policy}";${near ? `r=${remaining};` : ''}t=${resetIn}`,
      ...(near ? { 'X-RateLimit-NearLimit': 'true' } : {}),
    };
  }

  private refuse(
    reason: RateLimitReason,
    retryAfterSeconds: number,
    now: number,
    extra: Record<string, string>,
  ): RateLimited {
    return {
      reason,
      retryAfterSeconds,
      headers: {
        'Retry-After': String(retryAfterSeconds),
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': new Date(now + retryAfterSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'RateLimit-Reason': reason,
        ...extra,
      },
    };
  }

  private bucket(method: string, operation: string, now: number): Bucket {
    const rate = this.opts.burstPerSecond ?? BURST_BY_ENDPOINT[operation] ?? BURST_BY_METHOD[method] ?? 100;
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      bucket = { tokens: rate, at: now, capacity: rate, refillPerMs: rate / 1000 };
      this.buckets.set(operation, bucket);
    }
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.at) * bucket.refillPerMs);
    bucket.at = now;
    return bucket;
  }

  private roll(now: number): void {
    const hour = Math.floor(now / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.used = 0;
    }
  }
}
