/**
 * Reading back a write whose answer never came (a lost response: Jira may have carried it out). What can be read
 * back is: a comment (the app's own, with the same text, on the request), a transition (the request's status). An
 * email (`POST …/notify`) leaves no trace to read: it is never sent twice, and one whose fate is unknown is kept as
 * an "unconfirmed" dead letter for an admin to check and resend.
 */
import type { Action } from '../../domain/actions';
import { textFromAdf } from '../../domain/adf';
import { statusResolver } from '../../domain/workflow';
import type { Config } from '../../domain/config';
import { getIssue } from '../../jira/get-issue';
import { listIssueComments } from '../../jira/list-issue-comments';

/**
 * Whitespace-insensitive plain text, for comparing a comment with what the app meant to post (both sides read in
 * the same language, so that media and mentions are named alike).
 */
function normalized(body: unknown): string {
  return textFromAdf(body, 'en').replace(/\s+/g, ' ').trim();
}

/**
 * True when the request already holds the comment `action` posts: with the same text, among its 50 latest comments,
 * by the app (or, for a comment posted as the agent, by a person).
 * @example await commentAlreadyPosted(action) //=> true after a lost response whose comment was committed
 */
export async function commentAlreadyPosted(action: Extract<Action, { type: 'comment' }>): Promise<boolean> {
  const wanted = normalized(action.body);
  const comments = await listIssueComments(action.issueKey, 50);
  const byPoster = (type: string | undefined) => (action.as === 'user' ? type !== 'app' : type === 'app');
  return comments.some((c) => byPoster(c.author?.accountType) && normalized(c.body) === wanted);
}

/**
 * True when the request already is in the status `action` moves it to.
 * @example await transitionAlreadyDone(action, config) //=> true after a lost response whose transition was committed
 */
export async function transitionAlreadyDone(
  action: Extract<Action, { type: 'transition' }>,
  config: Config,
): Promise<boolean> {
  const issue = await getIssue(action.issueKey);
  const status = issue?.fields.status;
  if (!status) return false;
  return statusResolver(config.statusMapping)({ id: status.id ?? null, name: status.name ?? null }) === action.toStatus;
}
