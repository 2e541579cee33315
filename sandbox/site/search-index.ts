/**
 * The search index JQL reads: eventually consistent, as Jira Cloud's is ("The API doesn't provide
 * read-after-write consistency by default ... may return stale or outdated data instead of the most recent
 * updates for some time": https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile).
 *
 * With a lag of 0 the search reads the live tables. With a lag, it reads a copy (temporary tables of this
 * connection: the issues, their properties and participants); every write to an issue schedules that issue's
 * reindex `lagMs` later on the sandbox clock (temporary triggers, so writes made straight into SQLite count
 * too), and a reindex copies the issue as it is then, as a search index reindexes an issue from its current
 * state. A search first applies the reindexes that are due.
 */
import type { Database } from '../db';

export interface SearchTables {
  issues: string;
  properties: string;
  participants: string;
}

export const LIVE_TABLES: SearchTables = {
  issues: 'issues',
  properties: 'issue_properties',
  participants: 'participants',
};

const INDEX_TABLES: SearchTables = {
  issues: 'idx_issues',
  properties: 'idx_issue_properties',
  participants: 'idx_participants',
};

export class SearchIndex {
  private readonly pendingDue: ((now: number) => number[]) | undefined;

  /**
   * @param lagMs how long after a write the written issue becomes searchable (0: at once).
   * @example new SearchIndex(db, 2_000).tables().issues //=> 'idx_issues'
   */
  constructor(
    private readonly db: Database,
    readonly lagMs: number,
  ) {
    if (!Number.isFinite(lagMs) || lagMs < 0)
      throw new RangeError(`The search lag is a duration in ms of 0 or more, not ${lagMs}`);
    if (lagMs > 0) this.install();
    if (lagMs > 0) {
      const due = db.prepare<[number], number>('SELECT DISTINCT issue_id FROM search_queue WHERE due_at <= ?').pluck();
      this.pendingDue = (now) => due.all(now);
    }
  }

  /** The tables a search reads now. */
  tables(): SearchTables {
    return this.lagMs > 0 ? INDEX_TABLES : LIVE_TABLES;
  }

  /**
   * Applies the reindexes due at `now` (sandbox time).
   * @example index.refresh(Date.now())
   */
  refresh(now: number): void {
    if (!this.pendingDue) return;
    const ids = this.pendingDue(now);
    if (ids.length === 0) return;
    this.db.transaction(() => {
      for (const id of ids) this.reindex(id);
      this.db.prepare('DELETE FROM search_queue WHERE due_at <= ?').run(now);
    })();
  }

  /** Indexes every issue as it is now and forgets pending reindexes (after a reset and its seed). */
  rebuild(): void {
    if (this.lagMs === 0) return;
    this.db.transaction(() => {
      for (const table of Object.values(INDEX_TABLES)) this.db.exec(`DELETE FROM temp.${table}`);
      this.db.exec(`INSERT INTO temp.idx_issues SELECT * FROM main.issues`);
      this.db.exec(`INSERT INTO temp.idx_issue_properties SELECT * FROM main.issue_properties`);
      this.db.exec(`INSERT INTO temp.idx_participants SELECT * FROM main.participants`);
      this.db.exec('DELETE FROM temp.search_queue');
    })();
  }

  private reindex(issueId: number): void {
    this.db.prepare('DELETE FROM temp.idx_issues WHERE id = ?').run(issueId);
    this.db.prepare('DELETE FROM temp.idx_issue_properties WHERE issue_id = ?').run(issueId);
    this.db.prepare('DELETE FROM temp.idx_participants WHERE issue_id = ?').run(issueId);
    this.db.prepare('INSERT INTO temp.idx_issues SELECT * FROM main.issues WHERE id = ?').run(issueId);
    this.db
      .prepare('INSERT INTO temp.idx_issue_properties SELECT * FROM main.issue_properties WHERE issue_id = ?')
      .run(issueId);
    this.db
      .prepare('INSERT INTO temp.idx_participants SELECT * FROM main.participants WHERE issue_id = ?')
      .run(issueId);
  }

  private install(): void {
    const lag = Math.round(this.lagMs);
    // The sandbox clock (Date is patched by the runtime), for the triggers.
    this.db.function('sandbox_now', { deterministic: false }, () => Date.now());
    this.db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS idx_issues AS SELECT * FROM main.issues WHERE 0;
      CREATE UNIQUE INDEX IF NOT EXISTS temp.idx_issues_id ON idx_issues (id);
      CREATE INDEX IF NOT EXISTS temp.idx_issues_status ON idx_issues (project_key, status_id);
      CREATE TEMP TABLE IF NOT EXISTS idx_issue_properties AS SELECT * FROM main.issue_properties WHERE 0;
      CREATE INDEX IF NOT EXISTS temp.idx_issue_properties_key ON idx_issue_properties (key, issue_id);
      CREATE TEMP TABLE IF NOT EXISTS idx_participants AS SELECT * FROM main.participants WHERE 0;
      CREATE INDEX IF NOT EXISTS temp.idx_participants_issue ON idx_participants (issue_id, account_id);
      CREATE TEMP TABLE IF NOT EXISTS search_queue (issue_id INTEGER NOT NULL, due_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS temp.search_queue_due ON search_queue (due_at);
    `);
    const schedule = (table: string, event: string, row: 'NEW' | 'OLD', column: string) =>
      `CREATE TEMP TRIGGER IF NOT EXISTS reindex_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
         BEGIN INSERT INTO search_queue (issue_id, due_at) VALUES (${row}.${column}, sandbox_now() + ${lag}); END;`;
    for (const [table, column] of [
      ['issues', 'id'],
      ['issue_properties', 'issue_id'],
      ['participants', 'issue_id'],
    ] as const) {
      this.db.exec(schedule(table, 'INSERT', 'NEW', column));
      this.db.exec(schedule(table, 'UPDATE', 'NEW', column));
      this.db.exec(schedule(table, 'DELETE', 'OLD', column));
    }
    this.rebuild();
  }
}
