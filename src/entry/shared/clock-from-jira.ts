/**
 * Rebuilds the activity clock of a request that has none (it predates the install, or lost its property) from its
 * changelog and comments, read from Jira.
 */
import type { Config } from '../../domain/config';
import { clockFromHistory } from '../../domain/reminder-history';
import type { ReminderState } from '../../domain/reminders';
import type { CanonicalStatus } from '../../domain/workflow';
import { getChangelog } from '../../jira/get-changelog';
import type { JiraComment } from '../../domain/comments';
import { listIssueComments } from '../../jira/list-issue-comments';

/**
 * The clock from the request's history, and the comments read on the way (newest first). What the caller has read
 * already is used instead of reading it again: the whole changelog (an issue read with expand=changelog, paged to its
 * end), the newest comments (up to 100).
 * @example (await clockFromJira('SUP-1', 'waiting_for_customer', createdMs, config)).clock.initialisedFrom //=> 'changelog'
 */
export async function clockFromJira(
  issueKey: string,
  status: CanonicalStatus | undefined,
  createdMs: number,
  config: Config,
  known: { histories?: readonly unknown[]; comments?: JiraComment[] } = {},
): Promise<{ clock: ReminderState; comments: JiraComment[] }> {
  const [histories, comments] = await Promise.all([
    known.histories ?? getChangelog(issueKey),
    known.comments ?? listIssueComments(issueKey),
  ]);
  const clock = clockFromHistory(
    { histories, comments: comments.map((c) => ({ author: c.author, created: c.created })), createdMs, status },
    config,
  );
  return { clock, comments };
}
