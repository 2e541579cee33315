import { useCallback, useEffect, useState } from 'react';
import type { PortalView, ResolverResult } from '../../../src/shared/contracts';
import { getPortalView } from '../../common/src/api/get-portal-view';
import type { ScreenContext } from '../../common/src/screen-context';

/** The customer's view of the request, and a way to reload it. */
export function usePortalView(ctx: ScreenContext): [ResolverResult<PortalView> | null, () => Promise<void>] {
  const [result, setResult] = useState<ResolverResult<PortalView> | null>(null);
  const load = useCallback(async () => setResult(await getPortalView(ctx.lang)), [ctx.lang]);
  useEffect(() => {
    void load();
  }, [load]);
  return [result, load];
}
