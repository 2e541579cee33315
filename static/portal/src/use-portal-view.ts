import { useCallback, useEffect, useState } from 'react';
import { events } from '@forge/bridge';
import type { PortalView, ResolverResult } from '../../../src/shared/contracts';
import { portalApi } from '../../common/src/api';
import { inLanguage, type ScreenContext } from '../../common/src/screen-context';

/** The app event that tells the request's other screens (its portal panel) that it was escalated. */
export const ESCALATED_EVENT = 'support-rules:escalated';

/**
 * The customer's view of the request, the context in the language the server chose for them, and a way to
 * reload the view; reloaded when the escalate action says it escalated the request.
 */
export function usePortalView(
  bridgeCtx: ScreenContext,
): [ResolverResult<PortalView> | null, ScreenContext, () => Promise<void>] {
  const [result, setResult] = useState<ResolverResult<PortalView> | null>(null);
  const load = useCallback(async () => setResult(await portalApi('getPortalView')), []);
  useEffect(() => {
    void load();
    // The escalate action (another frame of this app) tells the request's screens when it escalated it.
    const subscription = events.on(ESCALATED_EVENT, () => load()).catch(() => null);
    return () => void subscription.then((s) => s?.unsubscribe());
  }, [load]);
  return [result, result?.ok ? inLanguage(bridgeCtx, result.data.lang) : bridgeCtx, load];
}
