/**
 * The site's requests in SQLite: reading them, and every write a REST call can make (create, transition,
 * field edit, comment, property), each recording its author and instant. Writes return what changed so the
 * caller can answer and fire the product event once the transaction has committed.
 */
import type { Database } from '../db';
import { isDoneStatus, statusById, type SiteStatusDef } from './catalog';
import type { CommentVisibility } from './comment-visibility';
import type { AdfNode } from './format';

export type Channel = 'portal' | 'email' | 'jira' | 'api';

export interface IssueRecord {
  id: number;
  key: string;
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description: AdfNode | null;
  statusId: string;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: number | null;
  reporterId: string;
  creatorId: string;
  assigneeId: string | null;
  organizationId: number | null;
  participantIds: string[];
  labels: string[];
  channel: Channel;
  created: number;
  updated: number;
}

export interface ChangeItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogRecord {
  id: number;
  issueId: number;
  authorId: string;
  created: number;
  items: ChangeItem[];
}

export interface CommentRecord {
  id: number;
  issueId: number;
  authorId: string;
  body: AdfNode;
  internal: boolean;
  /** The role or group the comment is restricted to, or null. */
  visibility: CommentVisibility | null;
  created: number;
  updated: number;
}

interface IssueRow {
  id: number;
  project_key: string;
  num: number;
  issue_type_id: string;
  summary: string;
  description: string | null;
  status_id: string;
  priority_id: string;
  resolution_id: string | null;
  resolution_date: number | null;
  reporter_id: string;
  creator_id: string;
  assignee_id: string | null;
  organization_id: number | null;
  labels: string;
  channel: Channel;
  created: number;
  updated: number;
}

export interface NewIssue {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  description: AdfNode | null;
  reporterId: string;
  creatorId: string;
  channel: Channel;
  priorityId: string;
  organizationId: number | null;
  statusId: string;
  labels?: string[];
  at: number;
}

/** Field edits an agent can make (PUT /rest/api/3/issue/{key}). */
export interface FieldEdit {
  field: 'summary' | 'priority' | 'assignee' | 'labels';
  to: string | null;
  toString: string | null;
}

export class IssueStore {
  constructor(private readonly db: Database) {}

  /**
   * The issue with this key (case-insensitive) or numeric id, or undefined.
   * @example store.find('sup-1')?.key //=> 'SUP-1'
   */
  find(idOrKey: string): IssueRecord | undefined {
    let row: IssueRow | undefined;
    const match = /^([A-Za-z][A-Za-z0-9]*)-(\d+)$/.exec(idOrKey.trim());
    if (match) {
      row = this.db
        .prepare<[string, number], IssueRow>('SELECT * FROM issues WHERE project_key = ? AND num = ?')
        .get(match[1]!.toUpperCase(), Number(match[2]));
    } else if (/^\d+$/.test(idOrKey)) {
      row = this.db.prepare<[number], IssueRow>('SELECT * FROM issues WHERE id = ?').get(Number(idOrKey));
    }
    return row && this.fromRow(row);
  }

  /** Issues by id, in the order given (missing ids skipped). */
  findMany(ids: number[]): IssueRecord[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare<number[], IssueRow>(`SELECT * FROM issues WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [this.fromRow(row)] : [];
    });
  }

  /**
   * Creates an issue in its project; its key is the project's next number.
   * @example store.create({ projectKey: 'SUP', issueTypeId: '10004', summary: 'Down', ... }).key //=> 'SUP-13'
   */
  create(issue: NewIssue): IssueRecord {
    const num =
      (this.db
        .prepare<[string], number>('SELECT COALESCE(MAX(num), 0) FROM issues WHERE project_key = ?')
        .pluck()
        .get(issue.projectKey) ?? 0) + 1;
    const status = statusById(issue.statusId);
    const info = this.db
      .prepare(
        `INSERT INTO issues (id, project_key, num, issue_type_id, summary, description, status_id, priority_id, resolution_id, resolution_date, reporter_id, creator_id,
           assignee_id, organization_id, labels, channel, created, updated)
         VALUES ((SELECT COALESCE(MAX(id), 10000) + 1 FROM issues), ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
      )
      .run(
        issue.projectKey,
        num,
        issue.issueTypeId,
        issue.summary,
        issue.description ? JSON.stringify(issue.description) : null,
        issue.statusId,
        issue.priorityId,
        status && isDoneStatus(status) ? issue.at : null,
        issue.reporterId,
        issue.creatorId,
        issue.organizationId,
        JSON.stringify(issue.labels ?? []),
        issue.channel,
        issue.at,
        issue.at,
      );
    return this.find(String(info.lastInsertRowid))!;
  }

  /**
   * Moves an issue to a status, setting the resolution (entering resolved/closed) or clearing it (leaving them);
   * records one changelog entry with the status and resolution items.
   * @example store.transition(issue, statusOf('closed'), '10000', agentId, now).items.map((i) => i.field) //=> ['status', 'resolution']
   */
  transition(
    issue: IssueRecord,
    to: SiteStatusDef,
    resolution: { id: string; name: string } | null,
    authorId: string,
    at: number,
    resolutionName: (id: string) => string,
  ): ChangelogRecord {
    const from = statusById(issue.statusId)!;
    const items: ChangeItem[] = [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: from.id,
        fromString: from.name,
        to: to.id,
        toString: to.name,
      },
    ];
    const nextResolution = isDoneStatus(to) ? resolution : null;
    if ((nextResolution?.id ?? null) !== issue.resolutionId) {
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: issue.resolutionId,
        fromString: issue.resolutionId ? resolutionName(issue.resolutionId) : null,
        to: nextResolution?.id ?? null,
        toString: nextResolution?.name ?? null,
      });
    }
    this.db
      .prepare('UPDATE issues SET status_id = ?, resolution_id = ?, resolution_date = ?, updated = ? WHERE id = ?')
      .run(to.id, nextResolution?.id ?? null, nextResolution ? at : null, at, issue.id);
    return this.recordChange(issue.id, authorId, at, items);
  }

  /**
   * Applies field edits and records them in one changelog entry.
   * @example store.edit(issue, [{ field: 'priority', to: '2', toString: 'High' }], agentId, now).items[0].fromString //=> 'Medium'
   */
  edit(
    issue: IssueRecord,
    edits: FieldEdit[],
    authorId: string,
    at: number,
    describe: (field: FieldEdit['field'], value: string | null) => string | null,
  ): ChangelogRecord {
    const items: ChangeItem[] = [];
    for (const edit of edits) {
      const before = {
        summary: issue.summary,
        priority: issue.priorityId,
        assignee: issue.assigneeId,
        labels: issue.labels.join(' ') || null,
      }[edit.field];
      if (before === edit.to) continue;
      const column = { summary: 'summary', priority: 'priority_id', assignee: 'assignee_id', labels: 'labels' }[
        edit.field
      ];
      const value = edit.field === 'labels' ? JSON.stringify(edit.to ? edit.to.split(' ') : []) : edit.to;
      this.db.prepare(`UPDATE issues SET ${column} = ? WHERE id = ?`).run(value, issue.id);
      // Jira puts ids in from/to for reference fields, and only strings for text fields.
      const byId = edit.field === 'priority' || edit.field === 'assignee';
      items.push({
        field: edit.field,
        fieldtype: 'jira',
        fieldId: edit.field,
        from: byId ? before : null,
        fromString: byId ? describe(edit.field, before) : before,
        to: byId ? edit.to : null,
        toString: edit.toString,
      });
    }
    if (items.length === 0) return { id: 0, issueId: issue.id, authorId, created: at, items };
    this.db.prepare('UPDATE issues SET updated = ? WHERE id = ?').run(at, issue.id);
    return this.recordChange(issue.id, authorId, at, items);
  }

  private recordChange(issueId: number, authorId: string, at: number, items: ChangeItem[]): ChangelogRecord {
    const info = this.db
      .prepare(
        'INSERT INTO changelog (id, issue_id, author_id, created, items) VALUES ((SELECT COALESCE(MAX(id), 10000) + 1 FROM changelog), ?, ?, ?, ?)',
      )
      .run(issueId, authorId, at, JSON.stringify(items));
    return { id: Number(info.lastInsertRowid), issueId, authorId, created: at, items };
  }

  /** Adds a participant (no changelog: JSM records none for request participants). */
  addParticipant(issueId: number, accountId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO participants (issue_id, account_id) VALUES (?, ?)').run(issueId, accountId);
  }

  /** The issue's changelog, oldest first. */
  changelog(issueId: number): ChangelogRecord[] {
    return this.db
      .prepare<[number], { id: number; issue_id: number; author_id: string; created: number; items: string }>(
        'SELECT * FROM changelog WHERE issue_id = ? ORDER BY id',
      )
      .all(issueId)
      .map((r) => ({
        id: r.id,
        issueId: r.issue_id,
        authorId: r.author_id,
        created: r.created,
        items: JSON.parse(r.items) as ChangeItem[],
      }));
  }

  /**
   * Adds a comment (an internal note when `internal`), and bumps the issue's `updated`.
   * @example store.addComment(issue, agentId, textToAdf('Hi'), false, now).id //=> 10
   */
  addComment(
    issue: IssueRecord,
    authorId: string,
    body: AdfNode,
    internal: boolean,
    at: number,
    visibility: CommentVisibility | null = null,
  ): CommentRecord {
    const info = this.db
      .prepare(
        'INSERT INTO comments (id, issue_id, author_id, body, internal, visibility, created, updated) VALUES ((SELECT COALESCE(MAX(id), 10000) + 1 FROM comments), ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        issue.id,
        authorId,
        JSON.stringify(body),
        internal ? 1 : 0,
        visibility && JSON.stringify(visibility),
        at,
        at,
      );
    this.db.prepare('UPDATE issues SET updated = ? WHERE id = ?').run(at, issue.id);
    return {
      id: Number(info.lastInsertRowid),
      issueId: issue.id,
      authorId,
      body,
      internal,
      visibility,
      created: at,
      updated: at,
    };
  }

  /** The issue's comments, oldest first; internal notes only when asked. */
  comments(issueId: number, includeInternal: boolean): CommentRecord[] {
    return this.db
      .prepare<
        [number],
        {
          id: number;
          issue_id: number;
          author_id: string;
          body: string;
          internal: number;
          visibility: string | null;
          created: number;
          updated: number;
        }
      >(`SELECT * FROM comments WHERE issue_id = ? ${includeInternal ? '' : 'AND internal = 0'} ORDER BY id`)
      .all(issueId)
      .map((r) => ({
        id: r.id,
        issueId: r.issue_id,
        authorId: r.author_id,
        body: JSON.parse(r.body) as AdfNode,
        internal: r.internal === 1,
        visibility: r.visibility ? (JSON.parse(r.visibility) as CommentVisibility) : null,
        created: r.created,
        updated: r.updated,
      }));
  }

  /** One comment by id, or undefined. */
  comment(commentId: number): CommentRecord | undefined {
    const r = this.db
      .prepare<
        [number],
        {
          id: number;
          issue_id: number;
          author_id: string;
          body: string;
          internal: number;
          visibility: string | null;
          created: number;
          updated: number;
        }
      >('SELECT * FROM comments WHERE id = ?')
      .get(commentId);
    return (
      r && {
        id: r.id,
        issueId: r.issue_id,
        authorId: r.author_id,
        body: JSON.parse(r.body) as AdfNode,
        internal: r.internal === 1,
        visibility: r.visibility ? (JSON.parse(r.visibility) as CommentVisibility) : null,
        created: r.created,
        updated: r.updated,
      }
    );
  }

  /** Marks a comment internal or public (JSM's `sd.public.comment` comment property). */
  setCommentInternal(commentId: number, internal: boolean): void {
    this.db.prepare('UPDATE comments SET internal = ? WHERE id = ?').run(internal ? 1 : 0, commentId);
  }

  /** An issue property's value, or undefined. */
  property(issueId: number, key: string): unknown {
    const value = this.db
      .prepare<[number, string], string>('SELECT value FROM issue_properties WHERE issue_id = ? AND key = ?')
      .pluck()
      .get(issueId, key);
    return value === undefined ? undefined : JSON.parse(value);
  }

  /** The issue's property keys, sorted. */
  propertyKeys(issueId: number): string[] {
    return this.db
      .prepare<[number], string>('SELECT key FROM issue_properties WHERE issue_id = ? ORDER BY key')
      .pluck()
      .all(issueId);
  }

  /** Writes a property; true when it was created, false when it replaced a value. Never touches `updated` (as Jira). */
  setProperty(issueId: number, key: string, value: unknown): boolean {
    const existed = this.property(issueId, key) !== undefined;
    this.db
      .prepare(
        'INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT (issue_id, key) DO UPDATE SET value = excluded.value',
      )
      .run(issueId, key, JSON.stringify(value));
    return !existed;
  }

  /** Deletes a property; true when there was one. */
  deleteProperty(issueId: number, key: string): boolean {
    return this.db.prepare('DELETE FROM issue_properties WHERE issue_id = ? AND key = ?').run(issueId, key).changes > 0;
  }

  private fromRow(row: IssueRow): IssueRecord {
    return {
      id: row.id,
      key: `${row.project_key}-${row.num}`,
      projectKey: row.project_key,
      issueTypeId: row.issue_type_id,
      summary: row.summary,
      description: row.description ? (JSON.parse(row.description) as AdfNode) : null,
      statusId: row.status_id,
      priorityId: row.priority_id,
      resolutionId: row.resolution_id,
      resolutionDate: row.resolution_date,
      reporterId: row.reporter_id,
      creatorId: row.creator_id,
      assigneeId: row.assignee_id,
      organizationId: row.organization_id,
      participantIds: this.db
        .prepare<[number], string>('SELECT account_id FROM participants WHERE issue_id = ? ORDER BY rowid')
        .pluck()
        .all(row.id),
      labels: JSON.parse(row.labels) as string[],
      channel: row.channel,
      created: row.created,
      updated: row.updated,
    };
  }
}
