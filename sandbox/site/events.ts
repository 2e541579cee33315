/**
 * Forge's product events for what happened on the site (avi:jira:created:issue, avi:jira:updated:issue with
 * its changelog, avi:jira:commented:issue), with the payload shapes of Forge's Jira events reference
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/): the issue carries its id, key and
 * the documented fields only (summary, issuetype, creator, created, project with its projectTypeKey,
 * reporter, assignee, updated, status), people reduced to their accountId.
 */
import type { ChangeItem } from './issue-store';

export type ProductEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:commented:issue';

export interface ProductEvent {
  eventType: ProductEventType;
  /** Exactly Forge's event payload for that event. */
  payload: Record<string, unknown>;
  actorAccountId: string;
}

/** The name of the emitter event that carries a ProductEvent. */
export const PRODUCT_EVENT = 'product-event';

/** The fields Forge's issue events carry (the reference's `Issue` type). */
export const EVENT_ISSUE_FIELDS = [
  'summary',
  'issuetype',
  'creator',
  'created',
  'project',
  'reporter',
  'assignee',
  'updated',
  'status',
] as const;

/**
 * The issue as event payloads carry it: id, key and the documented fields; people reduced to their accountId.
 * @example Object.keys(eventIssue(issueJson).fields) //=> ['summary', 'issuetype', 'creator', ...]
 */
export function eventIssue(issueJson: Record<string, unknown>): Record<string, unknown> {
  const all = issueJson.fields as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const name of EVENT_ISSUE_FIELDS) if (name in all) fields[name] = all[name];
  for (const name of ['reporter', 'creator', 'assignee']) {
    const user = fields[name] as { accountId?: string } | null | undefined;
    if (user !== undefined) fields[name] = user ? { accountId: user.accountId } : null;
  }
  return { id: issueJson.id, key: issueJson.key, fields };
}

/**
 * The event of a creation.
 * @example createdEvent(issueJson, 'acc-1').payload.eventType //=> 'avi:jira:created:issue'
 */
export function createdEvent(issueJson: Record<string, unknown>, actorAccountId: string): ProductEvent {
  return event('avi:jira:created:issue', actorAccountId, { issue: eventIssue(issueJson) });
}

/**
 * The event of an update, with the changelog entry that records it.
 * @example updatedEvent(issueJson, 'acc-1', { id: 10100, items }).payload.changelog //=> { id: '10100', items }
 */
export function updatedEvent(
  issueJson: Record<string, unknown>,
  actorAccountId: string,
  changelog: { id: number; items: ChangeItem[] },
): ProductEvent {
  return event('avi:jira:updated:issue', actorAccountId, {
    issue: eventIssue(issueJson),
    changelog: { id: String(changelog.id), items: changelog.items },
  });
}

/**
 * The event of a new comment; `comment` is the comment's REST JSON (with jsdPublic).
 * @example commentedEvent(issueJson, 'acc-1', commentJson).payload.comment.id //=> '10010'
 */
export function commentedEvent(
  issueJson: Record<string, unknown>,
  actorAccountId: string,
  comment: Record<string, unknown>,
): ProductEvent {
  const author = comment.author as { accountId?: string } | null;
  return event('avi:jira:commented:issue', actorAccountId, {
    issue: eventIssue(issueJson),
    comment: {
      ...comment,
      author: author ? { accountId: author.accountId } : null,
      updateAuthor: author ? { accountId: author.accountId } : null,
    },
  });
}

function event(eventType: ProductEventType, actorAccountId: string, rest: Record<string, unknown>): ProductEvent {
  return {
    eventType,
    actorAccountId,
    payload: { eventType, ...rest, atlassianId: actorAccountId, associatedUsers: [{ accountId: actorAccountId }] },
  };
}
