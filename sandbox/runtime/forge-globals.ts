/**
 * The globals the real Forge packages read (node_modules/@forge/api/out/api/runtime.js and fetch.js,
 * @forge/kvs, @forge/events): `__forge_runtime__`, resolved per invocation, and `__forge_fetch__`.
 */
import { currentInvocation } from './invocation';

export interface ForgeFetchArgs {
  type: 'fpp' | 'kvs' | 'tpp';
  provider?: 'app' | 'user' | 'none' | string;
  remote?: string;
  accountId?: string;
}

export type ForgeFetch = (
  args: ForgeFetchArgs,
  path: string,
  init?: { method?: string; headers?: Record<string, string>; body?: unknown },
) => Promise<Response>;

export interface AppIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  scopes: readonly string[];
  licensed: boolean;
}

interface ForgeGlobals {
  __forge_runtime__?: unknown;
  __forge_fetch__?: ForgeFetch;
}

const noopMetric = {
  incr: () => undefined,
  decr: () => undefined,
  set: () => undefined,
  measure: () => ({ stop: () => undefined }),
};
const metrics = { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric };

/**
 * Installs the Forge globals; returns the function that removes them.
 * Outside an invocation `__forge_runtime__` is undefined, as in Forge (the packages then throw "Forge runtime not found").
 * @example const uninstall = installForgeGlobals(identity, forgeFetch); await kvs.get('config'); uninstall()
 */
export function installForgeGlobals(identity: AppIdentity, fetch: ForgeFetch): () => void {
  const g = globalThis as ForgeGlobals;
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: () => {
      const invocation = currentInvocation.getStore();
      if (!invocation) return undefined;
      return {
        appContext: {
          appId: identity.appId,
          appVersion: '1.0.0',
          environmentId: identity.environmentId,
          environmentType: 'DEVELOPMENT',
          invocationId: invocation.invocationId,
          installationId: identity.installationId,
          moduleKey: invocation.moduleKey,
          license: identity.licensed ? { isActive: true } : { isActive: false },
          installation: {
            ari: `ari:cloud:ecosystem::installation/${identity.installationId}`,
            contexts: [{ ari: `ari:cloud:jira::site/${identity.cloudId}` }],
          },
          permissions: { scopes: [...identity.scopes], external: {} },
        },
        lambdaContext: {
          getRemainingTimeInMillis: () =>
            Math.max(0, invocation.timeoutMs - (performance.now() - invocation.startedAt)),
        },
        metrics,
        proxy: { token: 'sandbox', url: 'sandbox' },
        tracing: {
          traceId: invocation.invocationId.replace(/-/g, '').slice(0, 16),
          spanId: invocation.invocationId.slice(0, 8),
        },
        externalAuth: [],
      };
    },
  });
  g.__forge_fetch__ = fetch;
  return () => {
    delete g.__forge_runtime__;
    delete g.__forge_fetch__;
  };
}
