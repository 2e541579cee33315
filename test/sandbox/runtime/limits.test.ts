/**
 * The runtime's Forge limits, each from Atlassian's documentation:
 * - who a module runs for: "Access to Forge apps for unlicensed users"
 *   (https://developer.atlassian.com/platform/forge/access-to-forge-apps-for-unlicensed-jsm-users/): by default only
 *   licensed users; `unlicensedAccess` lists the unlicensed kinds (customer, unlicensed, anonymous) a module runs for;
 * - what a portal-only customer's `asUser()` may reach: ECO-838 (https://jira.atlassian.com/browse/ECO-838):
 *   "asUser() call returns a permission error if the user is a customer without an atlassian account";
 * - how long a function runs: "Invocation limits" (https://developer.atlassian.com/platform/forge/limits-invocation):
 *   25 s for user-led invocations; consumers and scheduled triggers 55 s by default, `timeoutSeconds` up to 900;
 *   the function is stopped at its limit.
 */
import { kvs } from '@forge/kvs';
import { InvocationTimeoutError } from '../../../sandbox/runtime/invocation';
import { functionTimeLimitMs } from '../../../sandbox/runtime/manifest';
import { ModuleAccessError } from '../../../sandbox/runtime/runtime';
import { runInvocation } from '../../../sandbox/runtime/invocation';
import { fixtureManifest, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => h?.close());

const call = (moduleKey: string, functionKey: string, accountId: string | undefined, payload: unknown = {}) =>
  h.runtime.invokeResolver({ moduleKey, functionKey, payload, context: {}, accountId });

describe('module access per unlicensedAccess', () => {
  it('runs a module without unlicensedAccess for licensed users only: customers and anonymous callers are refused', async () => {
    h = await startHarness();
    await expect(call('panel', 'whoAmI', 'agent-1')).resolves.toMatchObject({ me: { accountId: 'agent-1' } });
    await expect(call('panel', 'whoAmI', 'customer-claire')).rejects.toBeInstanceOf(ModuleAccessError);
    await expect(call('panel', 'whoAmI', undefined)).rejects.toThrow(/anonymous users/);
  });

  it('runs a module for the unlicensed kinds its unlicensedAccess lists, and tells the function who calls', async () => {
    h = await startHarness();
    const answer = (await call('portal-panel', 'whoAmI', 'customer-claire')) as { context: Record<string, unknown> };
    expect(answer.context).toMatchObject({ accountId: 'customer-claire', accountType: 'customer' });
    // anonymous is not listed by this module
    await expect(call('portal-panel', 'whoAmI', undefined)).rejects.toBeInstanceOf(ModuleAccessError);
  });
});

describe("a portal-only customer's asUser() calls (ECO-838)", () => {
  it('reach Jira without the user: the site answers them as an anonymous request (401 here)', async () => {
    h = await startHarness();
    const answer = (await call('portal-panel', 'whoAmI', 'customer-claire')) as { me: unknown };
    expect(answer.me).toEqual({ errorMessages: ['not authenticated'] });
    expect(h.runtime.calls.at(-1)).toMatchObject({ as: 'anonymous (customer-claire)', status: 401 });
    // A licensed user's asUser() call acts as that user.
    const agent = (await call('portal-panel', 'whoAmI', 'agent-1')) as { me: unknown };
    expect(agent.me).toEqual({ accountId: 'agent-1' });
  });
});

describe('function time limits', () => {
  it('gives each function the limit Forge documents for how it is used', () => {
    const manifest = fixtureManifest();
    expect(functionTimeLimitMs(manifest, 'created')).toBe(25_000); // a trigger
    expect(functionTimeLimitMs(manifest, 'panel-resolver')).toBe(25_000); // timeoutSeconds: 600 does not extend a resolver
    expect(functionTimeLimitMs(manifest, 'tick')).toBe(55_000); // scheduled, no timeoutSeconds
    expect(functionTimeLimitMs(manifest, 'tock')).toBe(120_000); // scheduled, timeoutSeconds: 120
    expect(functionTimeLimitMs(manifest, 'consume')).toBe(55_000); // consumer, no timeoutSeconds
  });

  it('stops a resolver at its limit (scaled to 250 ms here): the answer is a time-out and its later writes never land', async () => {
    h = await startHarness({ timeScale: 0.01 });
    await expect(call('panel', 'sleep', 'agent-1', { ms: 20, key: 'quick' })).resolves.toEqual({ slept: 20 });
    await expect(call('panel', 'sleep', 'agent-1', { ms: 600, key: 'slow' })).rejects.toBeInstanceOf(
      InvocationTimeoutError,
    );
    expect(h.runtime.invocations.at(-1)).toMatchObject({ functionKey: 'panel-resolver', outcome: 'timed-out' });
    await new Promise((resolve) => setTimeout(resolve, 700)); // the cut-off function wakes up and tries to write
    const read = (key: string) =>
      runInvocation({ functionKey: 't', moduleKey: 't', timeoutMs: 25_000 }, () => kvs.get(key));
    await expect(read('quick')).resolves.toEqual({ wroteAfterMs: 20 });
    await expect(read('slow')).resolves.toBeUndefined();
  });

  it("tells a function its remaining time from its own limit (Forge's getRemainingTimeInMillis)", async () => {
    h = await startHarness();
    const { getAppContext } = await import('@forge/api');
    const remaining = await runInvocation({ functionKey: 't', moduleKey: 't', timeoutMs: 55_000 }, async () =>
      getAppContext().invocationRemainingTimeInMillis(),
    );
    expect(remaining).toBeGreaterThan(54_000);
    expect(remaining).toBeLessThanOrEqual(55_000);
  });
});
