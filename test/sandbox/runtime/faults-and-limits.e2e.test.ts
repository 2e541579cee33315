// The whole sandbox, called through the real @forge/api from inside an invocation of the app's manifest (as the
// app's code calls it): lost responses after a committed write, Jira's rate limits with their headers, and the
// counters of GET /_sandbox/stats.
import api, { route } from '@forge/api';
import { createServer } from 'http';
import { uiContext } from '../../../sandbox/pages/ui-context';
import { runInvocation } from '../../../sandbox/runtime/invocation';
import { ISSUE_PANEL } from '../../../src/shared/contracts';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

let sandbox: TestSandbox | undefined;

async function start(opts: Parameters<typeof startTestSandbox>[0]): Promise<TestSandbox> {
  sandbox = await startTestSandbox(opts);
  return sandbox;
}

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** Runs `work` as an invocation of the manifest's `request-created` trigger. */
const asTrigger = <T>(work: () => Promise<T>) =>
  runInvocation({ functionKey: 'on-request-created', moduleKey: 'request-created', timeoutMs: 25_000 }, work);

const comment = (text: string) =>
  api.asApp().requestJira(route`/rest/api/3/issue/SUP-1/comment`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    }),
  });

async function agentComments(running: TestSandbox): Promise<string[]> {
  const response = await fetch(`${running.url}/rest/api/3/issue/SUP-1/comment`, {
    headers: { authorization: `Basic ${Buffer.from('agent1@sandbox.test:x').toString('base64')}` },
  });
  const body = (await response.json()) as {
    comments: Array<{ body: { content: Array<{ content: Array<{ text: string }> }> } }>;
  };
  return body.comments.map((c) => c.body.content[0]!.content[0]!.text);
}

/** What Node's own fetch throws when the server closes the connection before answering. */
async function nodeFetchOnDroppedConnection(): Promise<{
  name: string;
  message: string;
  cause: Record<string, unknown>;
}> {
  const server = createServer((request) => request.socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' });
    throw new Error('the dropped connection answered');
  } catch (error) {
    const cause = (error as Error).cause as { name: string; code: string; message: string };
    return {
      name: (error as Error).name,
      message: (error as Error).message,
      cause: { name: cause.name, code: cause.code, message: cause.message },
    };
  } finally {
    server.close();
  }
}

describe('lost responses', () => {
  it('commits the write, then fails the call exactly as Node’s fetch fails on a dropped connection', async () => {
    // The app stays unlicensed so that its own triggers do nothing while the test calls through its runtime.
    const running = await start({ lostResponses: 1, unlicensed: true });
    const error = await asTrigger(() => comment('Written, answer lost')).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    // Source: Node's own fetch (undici, the fetch of Forge's Node runtime), measured here on a dropped connection:
    // `TypeError: fetch failed` with an undici SocketError cause (https://undici.nodejs.org/#/docs/api/Errors).
    const real = await nodeFetchOnDroppedConnection();
    expect({
      name: error!.name,
      message: error!.message,
      cause: {
        name: (error!.cause as { name: string }).name,
        code: (error!.cause as { code: string }).code,
        message: (error!.cause as { message: string }).message,
      },
    }).toEqual(real);
    // The comment is there: a retry would post it twice.
    expect(await agentComments(running)).toContain('Written, answer lost');
    expect((await (await fetch(`${running.url}/_sandbox/stats`)).json()).lostResponses).toBe(1);
  });

  it('keeps the answers of reads', async () => {
    await start({ lostResponses: 1, unlicensed: true });
    const me = await asTrigger(() => api.asApp().requestJira(route`/rest/api/3/myself`));
    expect(me.status).toBe(200);
  });
});

describe('faults on writes', () => {
  it('with timeoutsAfterWrite, a time-out on a write comes after the commit; 429 and 500 before anything is written', async () => {
    const running = await start({ faults: 1, timeoutsAfterWrite: true, faultHangMs: 20, seed: 5, unlicensed: true });
    const outcomes: Array<[string, string]> = [];
    for (let i = 0; i < 12; i++) {
      const text = `attempt ${i}`;
      const outcome = await asTrigger(() => comment(text)).then(
        (response) => String(response.status),
        (error: Error) => String((error.cause as { code?: string } | undefined)?.code),
      );
      outcomes.push([text, outcome]);
    }
    const written = await agentComments(running);
    // Sources: 429 and 5xx as Jira answers them ("Rate limiting", https://developer.atlassian.com/cloud/jira/platform/rate-limiting/:
    // "429 … Too many requests"); a time-out as undici's HeadersTimeoutError (UND_ERR_HEADERS_TIMEOUT,
    // https://undici.nodejs.org/#/docs/api/Errors). Which faults come before or after the write is DESIGN.md
    // section 3's `faults` option.
    expect(new Set(outcomes.map(([, o]) => o))).toEqual(new Set(['429', '500', 'UND_ERR_HEADERS_TIMEOUT']));
    for (const [text, outcome] of outcomes)
      expect({ text, outcome, written: written.includes(text) }).toEqual({
        text,
        outcome,
        written: outcome === 'UND_ERR_HEADERS_TIMEOUT',
      });
  });
});

describe('rate limits through @forge/api', () => {
  it('answers 429 with RateLimit-Reason jira-quota-global-based once the hourly points are used', async () => {
    const running = await start({ rateLimits: { hourlyPoints: 5 }, unlicensed: true });
    const first = await asTrigger(() => api.asApp().requestJira(route`/rest/api/3/myself`));
    expect(first.status).toBe(200);
    expect(first.headers.get('RateLimit-Policy')).toBe('"global-app-quota";q=5;w=3600');
    // GET /myself: 1 + one user (2 points) = 3 points; two of them use the 5.
    expect((await asTrigger(() => api.asApp().requestJira(route`/rest/api/3/myself`))).status).toBe(200);
    const refused = await asTrigger(() => api.asApp().requestJira(route`/rest/api/3/issue/SUP-1`));
    // Source: "Rate limiting" (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): the hourly
    // points quota answers 429 with RateLimit-Reason jira-quota-global-based, Retry-After, X-RateLimit-Reset (the
    // top of the next UTC hour) and X-RateLimit-Remaining.
    expect(refused.status).toBe(429);
    expect(refused.headers.get('RateLimit-Reason')).toBe('jira-quota-global-based');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(refused.headers.get('X-RateLimit-Reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    expect(refused.headers.get('X-RateLimit-Remaining')).toBe('0');
    const stats = await (await fetch(`${running.url}/_sandbox/stats`)).json();
    expect(stats.rateLimited['jira-quota-global-based']).toBe(1);
    expect(stats.points.trigger).toBe(6);
    // Moving the sandbox clock past the top of the hour resets the quota.
    await running.runtime.moveClockTo(Date.now() + 3_600_000);
    expect((await asTrigger(() => api.asApp().requestJira(route`/rest/api/3/myself`))).status).toBe(200);
  });

  it('answers 429 jira-per-issue-on-write past the writes one issue takes', async () => {
    await start({ rateLimits: { issueWrites: { short: { count: 2, windowMs: 2_000 } } }, unlicensed: true });
    expect((await asTrigger(() => comment('one'))).status).toBe(201);
    expect((await asTrigger(() => comment('two'))).status).toBe(201);
    const refused = await asTrigger(() => comment('three'));
    // Source: "Rate limiting", per-issue write limits (RateLimit-Reason jira-per-issue-on-write).
    expect(refused.status).toBe(429);
    expect(refused.headers.get('RateLimit-Reason')).toBe('jira-per-issue-on-write');
    expect((await asTrigger(() => api.asApp().requestJira(route`/rest/api/3/issue/SUP-1`))).status).toBe(200);
  });

  it('is off by default', async () => {
    await start({ unlicensed: true });
    for (let i = 0; i < 25; i++) expect((await asTrigger(() => comment(`n${i}`))).status).toBe(201);
  });
});

describe('GET /_sandbox/stats', () => {
  it('counts events, calls and points as DESIGN.md section 3 names them, and per product event and resolver call', async () => {
    const running = await start({});
    const stats = async () => (await fetch(`${running.url}/_sandbox/stats`)).json();
    const before = await stats();
    // DESIGN.md section 3's keys, exactly; the sandbox's own beside them.
    expect(before).toEqual({
      productEvents: 0,
      queueEvents: 0,
      resolverCalls: 0,
      restCalls: { trigger: 0, consumer: 0, scheduled: 0, resolver: 0 },
      points: { trigger: 0, consumer: 0, scheduled: 0, resolver: 0 },
      perProductEvent: { events: 0, restCalls: 0, points: 0, restCallsPer: 0, pointsPer: 0 },
      perResolverCall: { calls: 0, restCalls: 0, points: 0, restCallsPer: 0, pointsPer: 0 },
      perScheduledRun: { runs: 0, restCalls: 0, points: 0, restCallsPer: 0, pointsPer: 0 },
      rateLimited: {
        'jira-quota-global-based': 0,
        'jira-quota-tenant-based': 0,
        'jira-burst-based': 0,
        'jira-per-issue-on-write': 0,
      },
      lostResponses: 0,
    });

    const created = await fetch(`${running.url}/_sandbox/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 'claire@acme.test', subject: 'Plus de connexion', body: 'Depuis ce matin.' }),
    });
    expect(created.status).toBe(201);
    await running.runtime.settle();
    const afterEvent = await stats();
    expect(afterEvent.productEvents).toBe(1);
    expect(afterEvent.restCalls.trigger).toBeGreaterThan(0);
    // Every call the event caused, in its trigger and in the queue work it pushed, counts for it; every call
    // counts for one origin.
    expect(afterEvent.perProductEvent.restCalls).toBeGreaterThanOrEqual(afterEvent.restCalls.trigger);
    const total = (s: typeof afterEvent) =>
      Object.values(s.restCalls as Record<string, number>).reduce((a, b) => a + b);
    const byOrigin = (s: typeof afterEvent) =>
      s.perProductEvent.restCalls + s.perResolverCall.restCalls + s.perScheduledRun.restCalls;
    expect(byOrigin(afterEvent)).toBe(total(afterEvent));
    expect(afterEvent.perProductEvent.points).toBeGreaterThan(afterEvent.perProductEvent.restCalls);
    expect(afterEvent.perProductEvent.restCallsPer).toBe(afterEvent.perProductEvent.restCalls);

    const module = running.runtime.uiModule('sla-panel');
    const context = uiContext(
      module,
      { accountId: 'sandbox-agent-1', locale: 'fr_FR', timeZone: 'Europe/Paris' },
      {
        id: '10001',
        key: 'SUP-1',
        typeId: '10004',
        typeName: 'Service request',
        projectId: '10000',
        projectKey: 'SUP',
        projectType: 'service_desk',
      },
      'light',
      running.url,
    );
    const view = (await running.runtime.invokeResolver({
      moduleKey: 'sla-panel',
      functionKey: ISSUE_PANEL.getView,
      payload: {},
      context,
      accountId: 'sandbox-agent-1',
    })) as { ok: boolean };
    expect(view.ok).toBe(true);
    const afterView = await stats();
    expect(afterView.resolverCalls).toBe(1);
    expect(afterView.perResolverCall.calls).toBe(1);
    expect(afterView.perResolverCall.restCalls).toBe(afterView.restCalls.resolver);
    expect(afterView.perResolverCall.restCalls).toBeGreaterThan(0);
    expect(byOrigin(afterView)).toBe(total(afterView));
  });
});
