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
 * The clock from the request's history, and the comments read on the way (newest first).
 * @example (await clockFromJira('SUP-1', 'waiting_for_customer', createdMs, config)).clock.initialisedFrom //=> 'changelog'
 */
export async function clockFromJira(
  issueKey: string,
  status: CanonicalStatus | undefined,
  createdMs: number,
  config: Config,
): Promise<{ clock: ReminderState; comments: JiraComment[] }> {
  const [histories, comments] = await Promise.all([getChangelog(issueKey), listIssueComments(issueKey)]);
  const clock = clockFromHistory(
    { histories, comments: comments.map((c) => ({ author: c.author, created: c.created })), createdMs, status },
    config,
  );
  return { clock, comments };
}
