import { useCallback, useEffect, useState } from 'react';
import type { PortalView, ResolverResult } from '../../../src/shared/contracts';
import { portalApi } from '../../common/src/api';
import { inLanguage, type ScreenContext } from '../../common/src/screen-context';

/**
 * The customer's view of the request, the context in the language the server chose for them, and a way to
 * reload the view.
 */
export function usePortalView(
  bridgeCtx: ScreenContext,
): [ResolverResult<PortalView> | null, ScreenContext, () => Promise<void>] {
  const [result, setResult] = useState<ResolverResult<PortalView> | null>(null);
  const load = useCallback(async () => setResult(await portalApi('getPortalView')), []);
  useEffect(() => {
    void load();
  }, [load]);
  return [result, result?.ok ? inLanguage(bridgeCtx, result.data.lang) : bridgeCtx, load];
}
