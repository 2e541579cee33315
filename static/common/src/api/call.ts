import { invoke } from '@forge/bridge';
import type { ResolverResult } from '../../../../src/shared/contracts';

/**
 * Calls a resolver through the Forge bridge and always answers a ResolverResult: a bridge error or a
 * malformed answer becomes a failure the screen can show, never an exception.
 * @example await call<IssuePanelView>('getIssuePanelView', { lang: 'fr' }) //=> { ok: true, data: {...} }
 */
export async function call<T>(functionKey: string, payload: Record<string, unknown>): Promise<ResolverResult<T>> {
  try {
    const answer = await invoke<ResolverResult<T>>(functionKey, payload);
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, status: 500, code: 'bad_answer', message: `${functionKey}: unexpected answer` };
  } catch (error) {
    return { ok: false, status: 500, code: 'bridge_error', message: (error as Error).message };
  }
}
