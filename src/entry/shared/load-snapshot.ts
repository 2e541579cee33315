/**
 * Loads what the rules see of a request in one read as the app: the issue's fields, JSM's fields (Organizations,
 * Request participants, and the Request Type, which links the portal page), the app's issue properties (the
 * agent panel's details, the reminders' clock, the SLA record) and, when asked, the changelog
 * (GET /rest/api/3/issue/{key}?fields=…&properties=…&expand=…). Beside it: the channel (JQL
 * `request-channel-type`) only when asked (the creation rule is the one that reads it), and the reporter's account
 * (locale) from the day's account cache.
 */
import type { Config } from '../../domain/config';
import { appliesToProject } from '../../domain/project-scope';
import { DETAILS_PROPERTY, parseRequestDetails, type RequestDetails } from '../../domain/request-details';
import type { Person, RequestSnapshot } from '../../domain/request';
import { STATE_PROPERTY } from '../../domain/reminders';
import { organizationsOf } from '../../domain/sla-from-issue';
import { SLA_RECORD_PROPERTY } from '../../domain/sla-record';
import { statusResolver } from '../../domain/workflow';
import { JiraError } from '../../jira/client';
import { getIssueWithChangelog, type IssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { searchIssues } from '../../jira/search-issues';
import { cachedAccount } from '../../store/account-cache';
import { requestFieldIds } from '../../store/request-fields-cache';

export interface LoadedRequest {
  snapshot: RequestSnapshot;
  details: RequestDetails | null;
  /** The issue as read (fields, properties, and the changelog when asked): the SLA record is measured from it. */
  issue: IssueWithChangelog;
}

/** An issue the rules do not apply to (not in a JSM project the admin picked): nothing more was read. */
export interface OutOfScope {
  outOfScope: { key?: string; projectTypeKey?: string } | null;
}

/** What the caller needs beyond the request's fields and the app's properties. */
export interface SnapshotNeeds {
  /** The changelog (to measure the SLA, or rebuild the reminders' clock). */
  changelog?: boolean;
  /** The channel the request came through (only the creation rule reads it). */
  channel?: boolean;
}

/** The fields the rules read, beside JSM's own. */
const FIELDS = ['summary', 'status', 'resolution', 'reporter', 'priority', 'created', 'project'];
/** The app's issue properties the rules and the SLA record read. */
const PROPERTIES = [DETAILS_PROPERTY, STATE_PROPERTY, SLA_RECORD_PROPERTY];

interface UserJson {
  accountId?: string;
  displayName?: string;
  accountType?: string;
  emailAddress?: string | null;
}

/**
 * The request as it is now, or null when the issue no longer exists, or `{ outOfScope }` when the rules do not apply
 * to its project (then nothing else is read). The channel is 'portal', 'email' (asked only when the admin leaves JSM's
 * "Request created" to JSM, which confirms email requests) or 'unknown' (also when not asked); an issue outside a
 * service project loads with no participants and no portal link.
 * @example const loaded = await loadSnapshot('SUP-1', config, { channel: true }); loaded?.snapshot.channel //=> 'portal'
 */
export async function loadSnapshot(
  issueKey: string,
  config: Config,
  needs: SnapshotNeeds = {},
): Promise<LoadedRequest | OutOfScope | null> {
  const ids = await requestFieldIds();
  const jsmFields = [ids.organizations, ids.participants, ids.requestType].filter((f): f is string => f !== null);
  let issue: IssueWithChangelog;
  try {
    issue = await getIssueWithChangelog(issueKey, 'app', {
      fields: [...FIELDS, ...jsmFields],
      properties: PROPERTIES,
      changelog: needs.changelog === true,
    });
  } catch (error) {
    if (error instanceof JiraError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
  const f = issue.fields;
  const project = f.project as { key?: string; projectTypeKey?: string } | null | undefined;
  if (!appliesToProject(project ?? undefined, config)) return { outOfScope: project ?? null };
  const reporterJson = f.reporter as UserJson | null | undefined;
  const [channel, account] = await Promise.all([
    needs.channel ? channelOf(issue, config) : Promise.resolve('unknown' as const),
    reporterJson?.accountId ? cachedAccount(reporterJson.accountId) : Promise.resolve(null),
  ]);
  const reporter: Person | null = reporterJson?.accountId
    ? { ...personOf(reporterJson), ...account, accountId: reporterJson.accountId }
    : null;
  const status = { id: f.status?.id ?? null, name: f.status?.name ?? null };
  const participants = ids.participants ? f[ids.participants] : undefined;
  const requestType = ids.requestType ? (f[ids.requestType] as { _links?: { web?: string } } | null) : null;
  const snapshot: RequestSnapshot = {
    issueKey: issue.key,
    issueId: issue.id,
    summary: typeof f.summary === 'string' ? f.summary : '',
    status: { ...status, canonical: statusResolver(config.statusMapping)(status) },
    resolution: f.resolution?.name ?? null,
    reporter,
    participants: Array.isArray(participants)
      ? (participants as UserJson[]).filter((p) => typeof p?.accountId === 'string').map(personOf)
      : [],
    organizations: organizationsOf(issue).map((o) => ({ id: String(o.id), name: o.name ?? '' })),
    priority: f.priority?.name ?? null,
    channel,
    createdMs: f.created ? Date.parse(f.created) : 0,
    portalUrl: requestType?._links?.web ?? null,
  };
  return { snapshot, details: parseRequestDetails(issue.properties?.[DETAILS_PROPERTY]), issue };
}

function personOf(user: UserJson): Person {
  return {
    accountId: user.accountId!,
    displayName: user.displayName,
    ...(user.accountType ? { accountType: user.accountType } : {}),
    emailAddress: user.emailAddress ?? null,
  };
}

/** The channel, through JQL; the issue may have been created an instant ago: reconciled, the index answers for it. */
async function channelOf(issue: IssueWithChangelog, config: Config): Promise<RequestSnapshot['channel']> {
  const byChannel = (channel: 'portal' | 'email') =>
    searchIssues(`key = "${issue.key}" AND request-channel-type = ${channel}`, {
      fields: [],
      maxResults: 1,
      reconcileIssues: [Number(issue.id)],
    });
  const [portal, email] = await Promise.all([
    byChannel('portal'),
    config.leaveToJsm.requestCreated ? byChannel('email') : null,
  ]);
  return portal.issues.length > 0 ? 'portal' : (email?.issues.length ?? 0) > 0 ? 'email' : 'unknown';
}
