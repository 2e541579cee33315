/**
 * A request's comments as the rules read them from Jira (`GET /rest/api/3/issue/{key}/comment?expand=properties`):
 * internal or public, written by whom; and what the team awaits from the customer, which the reminders quote and
 * the portal shows: the team's latest public comment written by a person (never the app's own reminders).
 * Pure: no I/O.
 */
import { textFromAdf } from './adf';
import type { Language } from './language';
import { actorRole, type RequestSnapshot } from './request';

/** A comment as Jira's platform API returns it with expand=properties (the parts the app reads). */
export interface JiraComment {
  id: string;
  author?: { accountId?: string; accountType?: string } | null;
  body?: unknown;
  created?: string;
  jsdPublic?: boolean;
  properties?: { key?: string; value?: unknown }[];
}

/**
 * True unless the comment is proven public: JSM's `sd.public.comment` property says `internal: false`, or it
 * carries `jsdPublic: true`, and no `visibility` restricts it to a role or group. A comment that says nothing is
 * treated as an internal note: a customer never sees what might be one.
 * @example isInternalComment({ id: '1', properties: [{ key: 'sd.public.comment', value: { internal: true } }] }) //=> true
 * @example isInternalComment({ id: '2' }) //=> true (nothing proves it public)
 */
export function isInternalComment(comment: JiraComment & { visibility?: unknown }): boolean {
  return commentIsPublic(comment) !== true;
}

/**
 * What the comment itself proves: true (public), false (internal or restricted), or null when it says nothing.
 * @example commentIsPublic({ jsdPublic: true }) //=> true
 * @example commentIsPublic({}) //=> null
 */
export function commentIsPublic(comment: {
  jsdPublic?: unknown;
  properties?: { key?: string; value?: unknown }[];
  visibility?: unknown;
}): boolean | null {
  if (comment.visibility !== undefined && comment.visibility !== null) return false;
  const property = comment.properties?.find((p) => p.key === 'sd.public.comment')?.value as
    { internal?: unknown } | undefined;
  const internal = property?.internal;
  if (internal === true || internal === 'true' || comment.jsdPublic === false) return false;
  if (internal === false || internal === 'false' || comment.jsdPublic === true) return true;
  return null;
}

/**
 * What the team awaits from the customer: the text of its latest public comment written by a person of the
 * support team (not the app, not the reporter, a participant or a portal customer), or null when there is none.
 * @example awaitedFromTeam([agentAsks, appReminder], { reporter, participants: [] }, 'en') //=> 'Could you send us the logs?'
 */
export function awaitedFromTeam(
  comments: readonly JiraComment[],
  request: Pick<RequestSnapshot, 'reporter' | 'participants'>,
  lang: Language,
): string | null {
  const found = latestTeamComment(comments, request);
  return found ? textFromAdf(found.body, lang) || null : null;
}

/**
 * The support team's latest public comment written by a person (not the app, not a customer), or null.
 * @example latestTeamComment([agentAsks, appReminder], { reporter, participants: [] })?.id //=> agentAsks.id
 */
export function latestTeamComment(
  comments: readonly JiraComment[],
  request: Pick<RequestSnapshot, 'reporter' | 'participants'>,
): JiraComment | null {
  const newestFirst = [...comments].sort((a, b) => Date.parse(b.created ?? '') - Date.parse(a.created ?? ''));
  const found = newestFirst.find(
    (c) =>
      !isInternalComment(c) &&
      !!c.author?.accountId &&
      c.author.accountType !== 'app' &&
      actorRole({ accountId: c.author.accountId, accountType: c.author.accountType }, request) === 'support',
  );
  return found ?? null;
}
