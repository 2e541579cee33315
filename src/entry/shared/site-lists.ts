/**
 * The site's lists a configuration names values of (priorities, resolutions, JSM organizations), read as the app;
 * a list that cannot be read is returned as such, with Jira's reason, never as an empty list.
 */
import type { SiteListKind, SiteLists, SiteValue } from '../../domain/site-values';
import { JiraError } from '../../jira/client';
import { listOrganizations } from '../../jira/list-organizations';
import { listPriorities } from '../../jira/list-priorities';
import { listResolutions } from '../../jira/list-resolutions';

const READERS: Record<SiteListKind, () => Promise<SiteValue[]>> = {
  priorities: listPriorities,
  resolutions: listResolutions,
  organizations: listOrganizations,
};

/**
 * Reads the asked lists in parallel (after the client's own retries on 429 and 5xx).
 * @example await readSiteLists(['priorities']) //=> { priorities: [{ id: '1', name: 'Highest' }, ...] }
 */
export async function readSiteLists(kinds: readonly SiteListKind[]): Promise<Partial<SiteLists>> {
  const read = await Promise.all(
    kinds.map(async (kind) => {
      try {
        return [kind, await READERS[kind]()] as const;
      } catch (error) {
        const reason =
          error instanceof JiraError && error.status > 0 ? `HTTP ${error.status}` : (error as Error).message;
        console.warn(`[support-rules] the site's ${kind} could not be read: ${(error as Error).message}`);
        return [kind, { unreadable: reason }] as const;
      }
    }),
  );
  return Object.fromEntries(read);
}
