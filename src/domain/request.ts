/**
 * What the rules see of a request and of what just happened to it: plain records the shell builds from
 * Jira's REST answers and Forge's event payloads.
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
  | (EventBase & { kind: 'commented'; commentId: string; internal: boolean; body: string });
