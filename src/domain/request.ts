/**
 * What the rules see of a request and of what just happened to it: plain records the shell builds from
 * Jira's REST answers and Forge's event payloads; and who is who on it (the customer or the support team).
 */
import type { CanonicalStatus, SiteStatus } from './workflow';

/** How the request came in (JSM's request channel). */
export type Channel = 'portal' | 'email' | 'jira' | 'api' | 'unknown';

export interface Person {
  accountId: string;
  displayName?: string;
  /** Jira's account type: 'atlassian' (licensed), 'customer' (portal-only), 'app'. */
  accountType?: string;
  /** Jira locale such as fr_FR or en_US, when known. */
  locale?: string | null;
  emailAddress?: string | null;
}

export interface RequestSnapshot {
  issueKey: string;
  issueId: string;
  summary: string;
  status: SiteStatus & { canonical: CanonicalStatus | undefined };
  resolution: string | null;
  reporter: Person | null;
  participants: Person[];
  organizations: { id: string; name: string }[];
  priority: string | null;
  channel: Channel;
  createdMs: number;
  /** The request in the customer portal, when known. */
  portalUrl: string | null;
}

interface EventBase {
  issueKey: string;
  /** Who acted; null when unknown. */
  actor: Person | null;
  /** When it happened (epoch ms). */
  at: number;
}

/** One thing that happened to a request, as the triggers parse it from Forge's events. */
export type RequestEvent =
  | (EventBase & { kind: 'created' })
  | (EventBase & {
      kind: 'status_changed';
      changelogId: string;
      from: SiteStatus | null;
      to: SiteStatus;
      resolution: string | null;
    })
  | (EventBase & { kind: 'fields_changed'; changelogId: string; fields: string[] })
  | (EventBase & {
      kind: 'commented';
      commentId: string;
      internal: boolean;
      /** The comment's body as Jira gives it: an ADF document (a plain string is read as text). */
      body: unknown;
      /**
       * The request's status when the comment was made, as the event carries it (the snapshot is read later, when
       * the event is handled); absent when the event does not say.
       */
      statusWhenMade?: SiteStatus;
    });

/** Who acted, as the rules see it. */
export type ActorRole = 'customer' | 'support' | 'unknown';

/**
 * The role of an actor on a request: the reporter, a request participant or a portal-only ('customer') account
 * is the customer; any other known account is the support team.
 * @example actorRole({ accountId: 'a1', accountType: 'atlassian' }, snapshot) //=> 'support' (when a1 is not the reporter)
 */
export function actorRole(
  actor: Person | null,
  snapshot: Pick<RequestSnapshot, 'reporter' | 'participants'>,
): ActorRole {
  if (!actor) return 'unknown';
  if (actor.accountId === snapshot.reporter?.accountId) return 'customer';
  if (snapshot.participants.some((p) => p.accountId === actor.accountId)) return 'customer';
  if (actor.accountType === 'customer') return 'customer';
  return 'support';
}
