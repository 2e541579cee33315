import { kvs, WhereConditions } from '@forge/kvs';
import { runInvocation } from '../../../sandbox/runtime/invocation';
import { seen, consumerBehaviour } from './fixtures/handlers';
import { APP_ACCOUNT, productEvent, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => h?.close());

const inInvocation = <T>(fn: () => Promise<T>) =>
  runInvocation({ functionKey: 'test', moduleKey: 'test', timeoutMs: 25_000 }, fn);

describe('@forge/kvs through the SQLite emulation', () => {
  beforeEach(async () => (h = await startHarness()));

  it('gets, sets, deletes and answers undefined for a missing key', async () => {
    // Source: Forge KVS (https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/): get, set, delete; a missing key reads undefined.
    await inInvocation(async () => {
      expect(await kvs.get('missing')).toBeUndefined();
      await kvs.set('config', { a: 1 });
      expect(await kvs.get('config')).toEqual({ a: 1 });
      await kvs.delete('config');
      expect(await kvs.get('config')).toBeUndefined();
    });
  });

  it('refuses FAIL_IF_EXISTS on an existing key with KEY_CONFLICT, and returns the previous value on request', async () => {
    // Source: Forge KVS set options (kvs-api page): `keyPolicy: 'FAIL_IF_EXISTS'` fails with KEY_CONFLICT; `returnValue`.
    await inInvocation(async () => {
      await kvs.set('lock', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
      await expect(kvs.set('lock', 2, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_CONFLICT' });
      const previous = await kvs.set('lock', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      expect(previous).toMatchObject({ key: 'lock', value: 1 });
      expect(await kvs.get('lock')).toBe(3);
    });
  });

  it('expires a key after its TTL on the sandbox clock', async () => {
    // Source: Forge KVS set options (kvs-api page): `ttl` {unit, value}.
    await inInvocation(async () => {
      await kvs.set('short', 'x', { ttl: { value: 2, unit: 'HOURS' } });
      expect(await kvs.get('short')).toBe('x');
      h.clock.advance(2 * 3_600_000 + 1);
      expect(await kvs.get('short')).toBeUndefined();
    });
  });

  it('pages a BEGINS_WITH query with cursors, in key order', async () => {
    // Source: Forge KVS query (https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/): where key beginsWith, limit, cursor.
    await inInvocation(async () => {
      for (const key of ['dead:3', 'dead:1', 'other', 'dead:2']) await kvs.set(key, key);
      const first = await kvs.query().where('key', WhereConditions.beginsWith('dead:')).limit(2).getMany();
      expect(first.results.map((r) => r.key)).toEqual(['dead:1', 'dead:2']);
      const second = await kvs
        .query()
        .where('key', WhereConditions.beginsWith('dead:'))
        .limit(2)
        .cursor(first.nextCursor!)
        .getMany();
      expect(second.results.map((r) => r.key)).toEqual(['dead:3']);
      expect(second.nextCursor).toBeUndefined();
    });
  });

  it('applies a transaction of sets and deletes at once', async () => {
    // Source: KVS transactions (https://developer.atlassian.com/platform/forge/storage-reference/transactions/): all committed or none.
    await inInvocation(async () => {
      await kvs.set('a', 1);
      await kvs.transact().set('b', 2).delete('a').execute();
      expect([await kvs.get('a'), await kvs.get('b')]).toEqual([undefined, 2]);
    });
  });
});

describe('product events and queues', () => {
  beforeEach(async () => (h = await startHarness()));

  it('delivers a product event to its triggers with Forge context, and the queue push to the consumer', async () => {
    // Source: Forge trigger module (https://developer.atlassian.com/platform/forge/manifest-reference/modules/trigger/) and Async events API (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api).
    h.emit(productEvent('avi:jira:created:issue', 'user-1'));
    await h.runtime.settle();
    expect(seen.map((s) => s.fn).sort()).toEqual(['anyEvent', 'consume', 'created']);
    const created = seen.find((s) => s.fn === 'created')!;
    expect(created.event).toMatchObject({
      eventType: 'avi:jira:created:issue',
      issue: { key: 'SUP-1' },
      atlassianId: 'user-1',
      context: { moduleKey: 'on-created' },
    });
    const consumed = seen.find((s) => s.fn === 'consume')!;
    expect(consumed.event).toEqual({ from: 'created' });
    expect(consumed.context).toMatchObject({ moduleKey: 'jobs', jobId: expect.any(String) });
  });

  it('skips triggers with ignoreSelf for the app’s own events, not the others', async () => {
    // Source: Forge trigger module (https://developer.atlassian.com/platform/forge/manifest-reference/modules/trigger/): `ignoreSelf`.
    h.emit(productEvent('avi:jira:created:issue', APP_ACCOUNT));
    await h.runtime.settle();
    expect(seen.map((s) => s.fn)).toEqual(['anyEvent']);
  });

  it('retries a consumer that answers an InvocationError, up to 3 times', async () => {
    // Source: Async events API (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api): a consumer returning InvocationError is retried, with `retryContext`; the retry count here is the sandbox's choice.
    consumerBehaviour.failuresLeft = 2;
    h.emit(productEvent('avi:jira:created:issue', 'user-1'));
    await h.runtime.settle();
    const attempts = seen.filter((s) => s.fn === 'consume');
    expect(attempts).toHaveLength(3);
    expect(attempts[2]!.context).toMatchObject({ retryContext: { retryCount: 2 } });

    seen.length = 0;
    consumerBehaviour.failuresLeft = 10;
    h.emit(productEvent('avi:jira:created:issue', 'user-1'));
    await h.runtime.settle();
    expect(seen.filter((s) => s.fn === 'consume')).toHaveLength(4);
    expect(h.runtime.events.latest(1)[0]).toMatchObject({ kind: 'queue', state: 'failed', attempts: 4 });
  });

  it('delivers every product event twice when asked to duplicate them all', async () => {
    // Source: DESIGN.md section 3 (the `duplicateEvents` option: a trigger sees an event again, as a redelivery would show it).
    await h.close();
    h = await startHarness({ duplicateEvents: 1 });
    h.emit(productEvent('avi:jira:commented:issue', 'user-1'));
    await h.runtime.settle();
    expect(seen.filter((s) => s.fn === 'anyEvent')).toHaveLength(2);
  });
});

describe('scheduled triggers on the sandbox clock', () => {
  beforeEach(async () => (h = await startHarness()));

  it('fires each hourly occurrence crossed by a clock move, in order and at its own instant', async () => {
    // Source: Scheduled trigger (https://developer.atlassian.com/platform/forge/manifest-reference/modules/scheduled-trigger/): `interval: hour`.
    const start = h.clock.now();
    await h.runtime.moveClockTo(start + 26 * 3_600_000 + 60_000);
    const ticks = seen.filter((s) => s.fn === 'tick');
    expect(ticks).toHaveLength(26);
    // Each run sees the clock at its own occurrence: one hour after the previous one (the first, one hour after start).
    ticks.forEach((t, i) =>
      expect(Math.abs(t.now - (i === 0 ? start : ticks[i - 1]!.now) - 3_600_000)).toBeLessThan(1000),
    );
    // The daily trigger fires once, between the 23rd and 24th hourly runs (ties: manifest order).
    expect(seen.map((s) => s.fn).indexOf('tock')).toBe(24);
    expect(h.clock.now()).toBeGreaterThanOrEqual(start + 26 * 3_600_000 + 60_000);
    // A second move fires nothing already fired.
    seen.length = 0;
    await h.runtime.moveClockTo(h.clock.now() + 1000);
    expect(seen).toHaveLength(0);
  });

  it('delivers a queued event pushed with a delay at its own instant, between the scheduled runs', async () => {
    // Forge delivers a push with `delayInSeconds` once the delay is over (up to 15 minutes):
    // https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api (Push API).
    const start = h.clock.now();
    const dueAt = start + 90 * 60_000;
    h.runtime.events.add('queue', 'fixture-jobs', { body: { from: 'delayed' }, jobId: 'job-1' }, dueAt);
    await h.runtime.moveClockTo(start + 2 * 3_600_000 + 60_000);
    expect(seen.map((s) => s.fn)).toEqual(['tick', 'consume', 'tick']);
    const consumed = seen.find((s) => s.fn === 'consume')!;
    expect(consumed.event).toEqual({ from: 'delayed' });
    // The clock runs on in real time after each move: the consumer sees its instant, give or take that.
    expect(consumed.now).toBeGreaterThanOrEqual(dueAt);
    expect(consumed.now).toBeLessThan(dueAt + 1000);
  });

  it('refuses to move the clock back', async () => {
    await expect(h.runtime.moveClockTo(h.clock.now() - 60_000)).rejects.toThrow(/only moves forward/);
  });
});

describe('resolvers, scopes and faults', () => {
  it('invokes a resolver with Forge’s context, and asUser calls act as the viewer', async () => {
    // Source: Custom UI resolver (https://developer.atlassian.com/platform/forge/js-api-reference/custom-ui-resolver/) context; `asUser()` calls Jira "as the current user" (as the bridge's requestJira does: https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/requestJira).
    h = await startHarness();
    const result = (await h.runtime.invokeResolver({
      moduleKey: 'panel',
      functionKey: 'whoAmI',
      payload: { lang: 'fr' },
      context: { extension: { type: 'jira:issuePanel', issue: { key: 'SUP-1' } } },
      accountId: 'agent-1',
    })) as { payload: unknown; context: Record<string, unknown>; me: unknown };
    expect(result.payload).toEqual({ lang: 'fr' });
    expect(result.context).toMatchObject({
      accountId: 'agent-1',
      moduleKey: 'panel',
      extension: { issue: { key: 'SUP-1' } },
    });
    expect(result.me).toEqual({ accountId: 'agent-1' });
  });

  it('refuses a call the manifest’s scopes do not allow, as Forge does', async () => {
    // Source: the spec's `x-atlassian-oauth2-scopes` per operation (reference/jira-platform-openapi.v3.json); Forge refuses a call outside the manifest's scopes.
    h = await startHarness();
    const result = await h.runtime.invokeResolver({
      moduleKey: 'panel',
      functionKey: 'comment',
      payload: {},
      context: {},
      accountId: 'agent-1',
    });
    expect(result).toEqual({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });
  });

  it('answers a faulty fraction of calls with 429 (Retry-After: 1), 500 or a timeout, the same way for the same seed', async () => {
    // Source: DESIGN.md section 3 (the `faults` option); 429 with Retry-After as "Rate limiting" documents it (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
    const outcomes = async (seed: number) => {
      h = await startHarness({ faults: 0.5, seed });
      const list: string[] = [];
      for (let i = 0; i < 30; i++) {
        try {
          const r = (await h.runtime.invokeResolver({
            moduleKey: 'panel',
            functionKey: 'search',
            payload: {},
            context: {},
            accountId: 'a',
          })) as { status: number; retryAfter: string | null };
          list.push(r.status === 429 ? `429:${r.retryAfter}` : String(r.status));
        } catch (error) {
          // A time-out surfaces as Node's fetch surfaces one: TypeError "fetch failed", caused by undici's
          // HeadersTimeoutError.
          const code = ((error as Error).cause as { code?: string } | undefined)?.code;
          list.push(code === 'UND_ERR_HEADERS_TIMEOUT' ? 'timeout' : `error: ${(error as Error).message}`);
        }
      }
      await h.close();
      return list;
    };
    const first = await outcomes(11);
    expect(first).toEqual(await outcomes(11));
    expect(new Set(first)).toEqual(new Set(['200', '429:1', '500', 'timeout']));
    const faulty = first.filter((o) => o !== '200').length;
    expect(faulty).toBeGreaterThan(5);
    expect(faulty).toBeLessThan(25);
    h = await startHarness();
  });
});
