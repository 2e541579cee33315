/**
 * The screens' one way to call their resolvers: a client per resolver, typed by its definitions in
 * src/shared/contracts.ts (a function name or a payload the resolver does not take fails the build), that
 * always answers a ResolverResult: a bridge error or a malformed answer becomes a failure the screen can show,
 * never an exception.
 */
import { invoke } from '@forge/bridge';
import type {
  AdminResolver,
  DeskResolver,
  IssuePanelResolver,
  PortalResolver,
  ResolverResult,
} from '../../../src/shared/contracts';

/**
 * Calls a resolver function through the Forge bridge.
 * @example await call<IssuePanelView>('getIssuePanelView', {}) //=> { ok: true, data: {...} }
 */
export async function call<T>(functionKey: string, payload: object): Promise<ResolverResult<T>> {
  try {
    const answer = await invoke<ResolverResult<T>>(functionKey, payload as Record<string, unknown>);
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, status: 500, code: 'bad_answer', message: `${functionKey}: unexpected answer` };
  } catch (error) {
    return { ok: false, status: 500, code: 'bridge_error', message: (error as Error).message };
  }
}

type Definitions = { [functionKey: string]: (payload: never) => ResolverResult<unknown> };

/**
 * The typed client of one resolver.
 * @example await resolverClient<PortalResolver>()('escalateRequest', { reason: 'No answer' })
 */
export function resolverClient<D extends Definitions>() {
  return <K extends keyof D & string>(functionKey: K, ...payload: Parameters<D[K]>): Promise<ReturnType<D[K]>> =>
    call(functionKey, payload[0] ?? {}) as Promise<ReturnType<D[K]>>;
}

/** The issue panel's resolver. */
export const issuePanelApi = resolverClient<IssuePanelResolver>();
/** The portal panel's and escalate action's resolver. */
export const portalApi = resolverClient<PortalResolver>();
/** The admin page's resolver. */
export const adminApi = resolverClient<AdminResolver>();
/** The desk pages' resolver (the at-risk queue, the SLA report). */
export const deskApi = resolverClient<DeskResolver>();
