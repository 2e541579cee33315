/**
 * The Jira JSON of an issue (IssueBean), its changelog histories and its comments, as REST v3 returns them,
 * for one viewer (a customer never sees internal notes).
 */
import {
  PRIORITIES,
  RESOLUTIONS,
  projectByKey,
  statusById,
  type IssueTypeDef,
  type SiteProject,
  type SiteStatusDef,
} from './catalog';
import type { SiteContext } from './context';
import { jiraDate } from './format';
import type { ChangelogRecord, CommentRecord, IssueRecord } from './issue-store';
import { isMember, visibilityJson } from './comment-visibility';
import { isAgent } from './permissions';
import { userDetails, type SiteUser } from './users';

/** Every field the site knows, in Jira's order of appearance. */
export const ISSUE_FIELDS = [
  'summary',
  'description',
  'status',
  'priority',
  'resolution',
  'resolutiondate',
  'reporter',
  'creator',
  'assignee',
  'created',
  'updated',
  'project',
  'issuetype',
  'labels',
  'comment',
  'customfield_10002',
  'customfield_10003',
  'customfield_10010',
] as const;

/** Each field's display name and JsonTypeBean, for expand=names,schema (JSM's custom fields as JSM declares them). */
export const FIELD_META: Record<(typeof ISSUE_FIELDS)[number], { name: string; schema: Record<string, unknown> }> = {
  summary: { name: 'Summary', schema: { type: 'string', system: 'summary' } },
  description: { name: 'Description', schema: { type: 'string', system: 'description' } },
  status: { name: 'Status', schema: { type: 'status', system: 'status' } },
  priority: { name: 'Priority', schema: { type: 'priority', system: 'priority' } },
  resolution: { name: 'Resolution', schema: { type: 'resolution', system: 'resolution' } },
  resolutiondate: { name: 'Resolved', schema: { type: 'datetime', system: 'resolutiondate' } },
  reporter: { name: 'Reporter', schema: { type: 'user', system: 'reporter' } },
  creator: { name: 'Creator', schema: { type: 'user', system: 'creator' } },
  assignee: { name: 'Assignee', schema: { type: 'user', system: 'assignee' } },
  created: { name: 'Created', schema: { type: 'datetime', system: 'created' } },
  updated: { name: 'Updated', schema: { type: 'datetime', system: 'updated' } },
  project: { name: 'Project', schema: { type: 'project', system: 'project' } },
  issuetype: { name: 'Issue Type', schema: { type: 'issuetype', system: 'issuetype' } },
  labels: { name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' } },
  comment: { name: 'Comment', schema: { type: 'comments-page', system: 'comment' } },
  customfield_10002: {
    name: 'Organizations',
    schema: {
      type: 'array',
      items: 'sd-customerorganization',
      custom: 'com.atlassian.servicedesk:sd-customer-organizations',
      customId: 10002,
    },
  },
  customfield_10003: {
    name: 'Request participants',
    schema: {
      type: 'array',
      items: 'user',
      custom: 'com.atlassian.servicedesk:sd-request-participants',
      customId: 10003,
    },
  },
  customfield_10010: {
    name: 'Request Type',
    schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin', customId: 10010 },
  },
};

/** The fields Jira's issue navigator can show (`*navigable`): every field but the comments (the spec's search
 * `fields` example: "`-description` Returns all navigable (default) fields except description"). */
const NAVIGABLE = ISSUE_FIELDS.filter((f) => f !== 'comment');
/** The most histories Jira Cloud puts in an issue read with expand=changelog. */
const EXPANDED_CHANGELOG_MAX = 100;

/**
 * The fields a `fields` parameter asks for: names, `*all`, `*navigable`, and `-name` exclusions.
 * @example selectFields(['key', 'status']) //=> Set { 'status' }
 */
export function selectFields(requested: readonly string[] | undefined, byDefault: readonly string[]): Set<string> {
  const list = (requested && requested.length > 0 ? requested : byDefault)
    .flatMap((f) => f.split(','))
    .map((f) => f.trim())
    .filter(Boolean);
  const chosen = new Set<string>();
  for (const f of list) {
    if (f === '*all') ISSUE_FIELDS.forEach((x) => chosen.add(x));
    else if (f === '*navigable') NAVIGABLE.forEach((x) => chosen.add(x));
    else if (!f.startsWith('-') && (ISSUE_FIELDS as readonly string[]).includes(f)) chosen.add(f);
  }
  for (const f of list) if (f.startsWith('-')) chosen.delete(f.slice(1));
  return chosen;
}

/**
 * Status JSON with its category.
 * @example statusJson(statusOf('submitted'), base).statusCategory.key //=> 'new'
 */
export function statusJson(status: SiteStatusDef, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${baseUrl}/rest/api/3/statuscategory/${status.category.id}`, ...status.category },
  };
}

/**
 * A project as issue fields and product events carry it (the `project` of Forge's issue events).
 * @example projectJson(projectByKey('DEV'), base).projectTypeKey //=> 'software'
 */
export function projectJson(project: SiteProject, baseUrl: string): Record<string, unknown> {
  const avatar = (size: string) => `${baseUrl}/secure/projectavatar?size=${size}&pid=${project.id}`;
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: {
      '48x48': avatar('large'),
      '24x24': avatar('small'),
      '16x16': avatar('xsmall'),
      '32x32': avatar('medium'),
    },
  };
}

/**
 * An issue type (IssueTypeDetails).
 * @example issueTypeJson(ISSUE_TYPE, base).name //=> 'Service request'
 */
export function issueTypeJson(type: IssueTypeDef, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${baseUrl}/images/icons/issuetypes/${type.name.toLowerCase().replace(/\s+/g, '-')}.svg`,
    name: type.name,
    subtask: type.subtask,
    hierarchyLevel: type.hierarchyLevel,
  };
}

export interface RenderOptions {
  fields: Set<string>;
  expandChangelog: boolean;
  properties: string[];
  /** expand=names and expand=schema: each returned field's name and type. */
  expandNames?: boolean;
  expandSchema?: boolean;
}

/** True when the viewer may read the comment (internal notes for agents; restricted ones for their members). */
export function canSeeComment(viewer: SiteUser, c: CommentRecord, issue: IssueRecord, ctx: SiteContext): boolean {
  if (c.internal && !isAgent(viewer)) return false;
  return !c.visibility || isMember(viewer, c.visibility, issue.projectKey, ctx.users);
}

/** Renders issues for one viewer. */
export class IssueRenderer {
  constructor(private readonly ctx: SiteContext) {}

  private user(accountId: string | null): Record<string, unknown> | null {
    if (!accountId) return null;
    const user = this.ctx.users.byId(accountId);
    return user
      ? userDetails(user, this.ctx.baseUrl())
      : { accountId, displayName: 'Former user', active: false, accountType: 'unknown' };
  }

  /**
   * The IssueBean of an issue as `viewer` sees it.
   * @example renderer.issue(issue, viewer, { fields: selectFields(['*all'], []), expandChangelog: true, properties: [] }).key //=> 'SUP-1'
   */
  issue(issue: IssueRecord, viewer: SiteUser, opts: RenderOptions): Record<string, unknown> {
    const base = this.ctx.baseUrl();
    const all = this.fieldValues(issue, viewer, base);
    const fields: Record<string, unknown> = {};
    for (const name of ISSUE_FIELDS) if (opts.fields.has(name)) fields[name] = all[name]();
    const json: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: String(issue.id),
      self: `${base}/rest/api/3/issue/${issue.id}`,
      key: issue.key,
      fields,
    };
    const returned = ISSUE_FIELDS.filter((name) => opts.fields.has(name));
    if (opts.expandNames) json.names = Object.fromEntries(returned.map((name) => [name, FIELD_META[name].name]));
    if (opts.expandSchema) json.schema = Object.fromEntries(returned.map((name) => [name, FIELD_META[name].schema]));
    if (opts.properties.length > 0) {
      const properties: Record<string, unknown> = {};
      for (const key of opts.properties) {
        const value = this.ctx.issues.property(issue.id, key);
        if (value !== undefined) properties[key] = value;
      }
      json.properties = properties;
    }
    if (opts.expandChangelog) {
      // As Jira Cloud: expand=changelog carries at most the 100 most recent histories; `total` tells a client
      // to page through GET /issue/{key}/changelog for the rest.
      const all = this.ctx.issues.changelog(issue.id);
      const histories = all.slice(-EXPANDED_CHANGELOG_MAX).map((h) => this.history(h));
      json.changelog = { startAt: 0, maxResults: EXPANDED_CHANGELOG_MAX, total: all.length, histories };
    }
    return json;
  }

  private fieldValues(
    issue: IssueRecord,
    viewer: SiteUser,
    base: string,
  ): Record<(typeof ISSUE_FIELDS)[number], () => unknown> {
    const status = statusById(issue.statusId)!;
    const project = projectByKey(issue.projectKey);
    const serviceDesk = project.serviceDesk;
    const issueType = project.issueTypes.find((t) => t.id === issue.issueTypeId) ?? project.issueTypes[0]!;
    const resolution = RESOLUTIONS.find((r) => r.id === issue.resolutionId);
    const priority = PRIORITIES.find((p) => p.id === issue.priorityId)!;
    return {
      summary: () => issue.summary,
      description: () => issue.description,
      status: () => statusJson(status, base),
      priority: () => ({
        self: `${base}/rest/api/3/priority/${priority.id}`,
        iconUrl: `${base}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
        ...priority,
      }),
      resolution: () => (resolution ? { self: `${base}/rest/api/3/resolution/${resolution.id}`, ...resolution } : null),
      resolutiondate: () => (issue.resolutionDate === null ? null : jiraDate(issue.resolutionDate)),
      reporter: () => this.user(issue.reporterId),
      creator: () => this.user(issue.creatorId),
      assignee: () => this.user(issue.assigneeId),
      created: () => jiraDate(issue.created),
      updated: () => jiraDate(issue.updated),
      project: () => projectJson(project, base),
      issuetype: () => issueTypeJson(issueType, base),
      labels: () => issue.labels,
      comment: () => {
        const comments = this.ctx.issues
          .comments(issue.id, true)
          .filter((c) => canSeeComment(viewer, c, issue, this.ctx))
          .map((c) => this.comment(c, issue));
        return {
          comments,
          self: `${base}/rest/api/3/issue/${issue.id}/comment`,
          maxResults: comments.length,
          total: comments.length,
          startAt: 0,
        };
      },
      // JSM's fields hold nothing outside a service project.
      customfield_10002: () => {
        if (!serviceDesk) return null;
        if (issue.organizationId === null) return [];
        const name = this.ctx.db
          .prepare<[number], string>('SELECT name FROM organizations WHERE id = ?')
          .pluck()
          .get(issue.organizationId);
        return [
          {
            id: String(issue.organizationId),
            name,
            _links: { self: `${base}/rest/servicedeskapi/organization/${issue.organizationId}` },
          },
        ];
      },
      customfield_10003: () => (serviceDesk ? issue.participantIds.map((id) => this.user(id)) : null),
      customfield_10010: () =>
        serviceDesk
          ? {
              _links: { web: `${base}/portal/${issue.key}`, self: `${base}/rest/servicedeskapi/request/${issue.id}` },
              requestType: { ...serviceDesk.requestType, serviceDeskId: serviceDesk.id },
              currentStatus: {
                status: status.name,
                statusCategory:
                  status.category.key === 'done' ? 'DONE' : status.category.key === 'new' ? 'NEW' : 'INDETERMINATE',
                statusDate: { iso8601: jiraDate(issue.updated), epochMillis: issue.updated },
              },
            }
          : null,
    };
  }

  /**
   * One changelog history (Changelog).
   * @example renderer.history(record).items[0].field //=> 'status'
   */
  history(h: ChangelogRecord): Record<string, unknown> {
    return { id: String(h.id), author: this.user(h.authorId), created: jiraDate(h.created), items: h.items };
  }

  /**
   * One comment (Comment) with JSM's `jsdPublic`.
   * @example renderer.comment(record, issue).jsdPublic //=> true
   */
  comment(c: CommentRecord, issue: IssueRecord, withProperties = false): Record<string, unknown> {
    const base = this.ctx.baseUrl();
    const author = this.user(c.authorId);
    return {
      self: `${base}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
      id: String(c.id),
      author,
      body: c.body,
      updateAuthor: author,
      created: jiraDate(c.created),
      updated: jiraDate(c.updated),
      ...(c.visibility ? { visibility: visibilityJson(c.visibility) } : {}),
      // A comment restricted to a role or group is not shown to customers either.
      jsdPublic: !c.internal && !c.visibility,
      ...(withProperties ? { properties: [{ key: 'sd.public.comment', value: { internal: c.internal } }] } : {}),
    };
  }
}
