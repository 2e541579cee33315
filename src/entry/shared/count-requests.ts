/**
 * How many requests a JQL finds, counted on the search's pages of ids (not Jira's approximate count), up to a cap.
 */
import { searchIssues } from '../../jira/search-issues';

/** Ids per search page (the search's cap when only ids are asked). */
const PAGE = 5_000;

/**
 * The requests `jql` finds, counted up to `cap` (`capped` when more exist).
 * @example await countRequests('organizations = "Globex Cloud"') //=> { count: 3, capped: false }
 */
export async function countRequests(jql: string, cap = 20_000): Promise<{ count: number; capped: boolean }> {
  let count = 0;
  let nextPageToken: string | undefined;
  do {
    const page = await searchIssues(jql, { fields: [], maxResults: PAGE, nextPageToken });
    count += page.issues.length;
    nextPageToken = page.nextPageToken;
  } while (nextPageToken && count < cap);
  return { count: Math.min(count, cap), capped: count >= cap && nextPageToken !== undefined };
}
