// Adapter test: @forge/api is replaced by a scripted fake, the only place a mock stands in for Jira.
import { NeedsAuthenticationError, route } from '@forge/api';
import { isConsentError, JiraError, nullIfAbsent, requestJiraJson, setRetryPolicy } from './client';

const calls: { as: string; path: string; init: { method?: string; body?: string } }[] = [];
let script: Array<() => Promise<unknown>> = [];

jest.mock('@forge/api', () => {
  const actual = jest.requireActual('@forge/api');
  const requestJira = (as: string) => (path: { value: string }, init: { method?: string; body?: string }) => {
    calls.push({ as, path: path.value, init });
    const next = script.shift();
    if (!next) throw new Error('unexpected call');
    return next();
  };
  return {
    ...actual,
    __esModule: true,
    default: {
      asApp: () => ({ requestJira: requestJira('app') }),
      asUser: () => ({ requestJira: requestJira('user') }),
    },
  };
});

function answer(status: number, body: unknown = {}, headers: Record<string, string> = {}) {
  return () =>
    Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      headers: new Headers(headers),
      text: () => Promise.resolve(body === undefined ? '' : JSON.stringify(body)),
    });
}

const slept: number[] = [];
beforeEach(() => {
  calls.length = 0;
  slept.length = 0;
  script = [];
  setRetryPolicy({
    attempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 5000,
    timeoutMs: 50,
    sleep: async (ms) => void slept.push(ms),
    remainingMs: () => 25_000,
  });
});

describe('requestJira', () => {
  it('sends JSON as the app by default and parses the answer', async () => {
    script = [answer(201, { id: '10001' })];
    const result = await requestJiraJson<{ id: string }>(route`/rest/api/3/issue/${'SUP-1'}/comment`, {
      method: 'POST',
      body: { body: 'x' },
    });
    expect(result).toEqual({ id: '10001' });
    expect(calls).toEqual([
      {
        as: 'app',
        path: '/rest/api/3/issue/SUP-1/comment',
        init: expect.objectContaining({ method: 'POST', body: '{"body":"x"}' }),
      },
    ]);
  });

  it('calls as the user when asked', async () => {
    script = [answer(200, { accountId: 'u1' })];
    await requestJiraJson(route`/rest/api/3/myself`, { as: 'user' });
    expect(calls[0]!.as).toBe('user');
  });

  it('waits what Retry-After says on 429 (and up to a fifth more, as jitter), then succeeds', async () => {
    script = [answer(429, { errorMessages: ['Rate limited'] }, { 'Retry-After': '3' }), answer(200, { ok: 1 })];
    await expect(requestJiraJson(route`/rest/api/3/myself`)).resolves.toEqual({ ok: 1 });
    expect(slept).toHaveLength(1);
    expect(slept[0]).toBeGreaterThanOrEqual(3000);
    expect(slept[0]).toBeLessThanOrEqual(3600);
  });

  // "Rate limiting" (developer.atlassian.com/cloud/jira/platform/rate-limiting/): past the hourly quota "all
  // requests are denied until the next hourly reset": no retry within the invocation, the caller re-queues.
  it('does not retry a quota refusal, and says when the work may be tried again', async () => {
    script = [
      answer(
        429,
        { errorMessages: ['Rate limited'] },
        { 'Retry-After': '1800', 'RateLimit-Reason': 'jira-quota-global-based' },
      ),
      answer(200, { ok: 1 }),
    ];
    const error = await requestJiraJson(route`/rest/api/3/myself`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({
      status: 429,
      retryable: true,
      rateLimit: { reason: 'jira-quota-global-based', retryAfterMs: 1_800_000 },
    });
    expect(calls).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('backs off on 5xx and on a timeout, doubling the wait', async () => {
    script = [answer(503), () => new Promise(() => undefined), answer(500), answer(200, { ok: 2 })];
    await expect(requestJiraJson(route`/rest/api/3/myself`)).resolves.toEqual({ ok: 2 });
    expect(slept).toEqual([100, 200, 400]);
  });

  it('gives up after the last attempt with a retryable error', async () => {
    script = [answer(503), answer(503), answer(503), answer(503)];
    const error = (await requestJiraJson(route`/rest/api/3/myself`).catch((e: unknown) => e)) as JiraError;
    expect(error).toBeInstanceOf(JiraError);
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(503);
    expect(calls).toHaveLength(4);
  });

  it('does not wait past the invocation: a Retry-After longer than the time left ends the call, retryable', async () => {
    // Forge stops a resolver or trigger at 25 s ("Invocation limits"); a wait that would outlive the invocation is
    // left to the queue (the caller re-queues a retryable error) rather than cut off mid-way.
    setRetryPolicy({ remainingMs: () => 9_000 });
    script = [answer(429, {}, { 'Retry-After': '5' })];
    const error = (await requestJiraJson(route`/rest/api/3/myself`).catch((e: unknown) => e)) as JiraError;
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(429);
    expect(slept).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("lets @forge/api's consent error through untouched and unretried (Forge then asks the user to allow the app)", async () => {
    const consent = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    script = [() => Promise.reject(consent)];
    await expect(requestJiraJson(route`/rest/api/3/myself`, { as: 'user' })).rejects.toBe(consent);
    expect(calls).toHaveLength(1);
    expect(isConsentError(consent)).toBe(true);
    expect(isConsentError(new JiraError('401', 401, {}, false))).toBe(false);
  });

  it('never repeats a POST that got no answer (it may have been carried out): outcome unknown, for the caller to read back', async () => {
    script = [() => Promise.reject(new TypeError('fetch failed'))];
    const error = (await requestJiraJson(route`/rest/api/3/issue/${'SUP-1'}/comment`, {
      method: 'POST',
      body: {},
    }).catch((e: unknown) => e)) as JiraError;
    expect(error).toMatchObject({ retryable: true, outcomeUnknown: true, status: 0 });
    expect(calls).toHaveLength(1);
  });

  it('repeats a call without an answer when repeating is harmless: GET, PUT, or a POST said idempotent (a search)', async () => {
    script = [() => Promise.reject(new TypeError('fetch failed')), answer(200, { issues: [] })];
    await requestJiraJson(route`/rest/api/3/search/jql`, { method: 'POST', body: {}, idempotent: true });
    script = [() => Promise.reject(new TypeError('fetch failed')), answer(204, undefined)];
    await requestJiraJson(route`/rest/api/3/issue/${'SUP-1'}/properties/${'x'}`, { method: 'PUT', body: {} });
    expect(calls).toHaveLength(4);
  });

  it('does not retry a 4xx, and says why it failed', async () => {
    script = [answer(400, { errorMessages: ['Field resolution is invalid'] })];
    const error = (await requestJiraJson(route`/rest/api/3/issue/${'SUP-1'}/transitions`, {
      method: 'POST',
      body: {},
    }).catch((e: unknown) => e)) as JiraError;
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('POST /rest/api/3/issue/SUP-1/transitions answered 400: Field resolution is invalid');
    expect(calls).toHaveLength(1);
  });

  it('returns undefined for 204 No Content', async () => {
    script = [answer(204, undefined)];
    await expect(
      requestJiraJson(route`/rest/api/3/issue/${'SUP-1'}/properties/${'x'}`, { method: 'PUT', body: {} }),
    ).resolves.toBeUndefined();
  });
});

describe('nullIfAbsent', () => {
  it('answers null for a failure that will not pass (no JSM request), and rethrows one that may', async () => {
    await expect(nullIfAbsent(Promise.resolve(7))).resolves.toBe(7);
    await expect(nullIfAbsent(Promise.reject(new JiraError('404', 404, {}, false)))).resolves.toBeNull();
    await expect(nullIfAbsent(Promise.reject(new JiraError('503', 503, {}, true)))).rejects.toThrow('503');
    await expect(nullIfAbsent(Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
