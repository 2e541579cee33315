/**
 * The sandbox's one SQLite file: the JSM site's tables and the Forge runtime's (clock, kvs, app events,
 * scheduler). Every table is created here, idempotently, so a fresh file and an old one open the same way.
 * Indexed for tens of thousands of requests: issues by project, status, reporter, creation and update;
 * issue properties by issue + key and by key (JQL `issue.property[key]` comparisons).
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'fs';
import { dirname } from 'path';

/** An open sandbox database. */
export type Database = BetterSqlite3.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS users (
  account_id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,            -- agent | customer | team-lead | offer-manager | admin | app
  account_type TEXT NOT NULL,    -- atlassian | customer | app
  organization_id INTEGER REFERENCES organizations(id),
  locale TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  email_visible INTEGER NOT NULL DEFAULT 1  -- 0: the person's profile hides their email address
);
CREATE TABLE IF NOT EXISTS group_members (
  group_name TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES users(account_id),
  PRIMARY KEY (group_name, account_id)
);
CREATE TABLE IF NOT EXISTS issues (
  id INTEGER PRIMARY KEY,
  project_key TEXT NOT NULL,
  num INTEGER NOT NULL,
  issue_type_id TEXT NOT NULL DEFAULT '10004',
  summary TEXT NOT NULL,
  description TEXT,              -- ADF JSON
  status_id TEXT NOT NULL,
  priority_id TEXT NOT NULL,
  resolution_id TEXT,
  resolution_date INTEGER,
  reporter_id TEXT NOT NULL REFERENCES users(account_id),
  creator_id TEXT NOT NULL REFERENCES users(account_id),
  assignee_id TEXT REFERENCES users(account_id),
  organization_id INTEGER REFERENCES organizations(id),
  labels TEXT NOT NULL DEFAULT '[]',
  channel TEXT NOT NULL,         -- portal | email | jira | api
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  UNIQUE (project_key, num)
);
CREATE INDEX IF NOT EXISTS issues_status ON issues (project_key, status_id);
CREATE INDEX IF NOT EXISTS issues_reporter ON issues (reporter_id);
CREATE INDEX IF NOT EXISTS issues_org ON issues (organization_id);
CREATE INDEX IF NOT EXISTS issues_created ON issues (created);
CREATE INDEX IF NOT EXISTS issues_updated ON issues (updated);
CREATE TABLE IF NOT EXISTS participants (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL REFERENCES users(account_id),
  PRIMARY KEY (issue_id, account_id)
);
CREATE INDEX IF NOT EXISTS participants_account ON participants (account_id);
CREATE TABLE IF NOT EXISTS changelog (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL,
  created INTEGER NOT NULL,
  items TEXT NOT NULL            -- JSON [{field, fieldtype, fieldId, from, fromString, to, toString}]
);
CREATE INDEX IF NOT EXISTS changelog_issue ON changelog (issue_id, id);
CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL,
  body TEXT NOT NULL,            -- ADF JSON
  internal INTEGER NOT NULL DEFAULT 0,
  visibility TEXT,               -- JSON {type: 'role'|'group', value}: only that role's or group's members see it
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_issue ON comments (issue_id, id);
CREATE TABLE IF NOT EXISTS issue_properties (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,           -- JSON
  PRIMARY KEY (issue_id, key)
);
CREATE INDEX IF NOT EXISTS issue_properties_key ON issue_properties (key, issue_id);
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  issue_key TEXT,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT,
  recipients TEXT NOT NULL,      -- JSON [accountId]
  sender_id TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'app'  -- app | jsm | jira
);
CREATE TABLE IF NOT EXISTS customer_notification_settings (
  project_key TEXT NOT NULL,
  kind TEXT NOT NULL,            -- requestCreated | publicCommentAdded | ... (site/customer-notifications.ts)
  enabled INTEGER NOT NULL,
  PRIMARY KEY (project_key, kind)
);
-- The Forge runtime's tables (used by sandbox/runtime/**).
CREATE TABLE IF NOT EXISTS clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  offset_ms INTEGER NOT NULL,    -- sandbox time = real time + offset
  last_now_ms INTEGER NOT NULL   -- the latest sandbox instant seen: the clock never goes back past it
);
CREATE TABLE IF NOT EXISTS kvs (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  expires_at INTEGER
);
CREATE TABLE IF NOT EXISTS app_events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,            -- product | queue
  target TEXT NOT NULL,          -- event type or queue key
  payload TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'pending'
);
CREATE INDEX IF NOT EXISTS app_events_pending ON app_events (state, due_at);
CREATE TABLE IF NOT EXISTS scheduler (
  trigger_key TEXT PRIMARY KEY,
  last_fired_ms INTEGER NOT NULL
);
`;

/**
 * Opens (creating when needed) the sandbox's SQLite file with every table, in WAL mode.
 * @example const db = openDatabase('.sandbox-data/site.db'); db.prepare('SELECT count(*) FROM issues').pluck().get() //=> 12
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addMissingColumns(db);
  cacheStatements(db);
  return db;
}

/** Columns added since a file was first created: added to an older file, with their defaults. */
const ADDED_COLUMNS: Array<{ table: string; column: string; definition: string }> = [
  { table: 'issues', column: 'issue_type_id', definition: "TEXT NOT NULL DEFAULT '10004'" },
  { table: 'users', column: 'email_visible', definition: 'INTEGER NOT NULL DEFAULT 1' },
  { table: 'comments', column: 'visibility', definition: 'TEXT' },
  { table: 'outbox', column: 'source', definition: "TEXT NOT NULL DEFAULT 'app'" },
];

function addMissingColumns(db: Database): void {
  for (const { table, column, definition } of ADDED_COLUMNS) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}

/** Statements kept per SQL text: moving the clock runs the same few thousands of times. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Makes `db.prepare` reuse the statement already prepared for the same SQL text (better-sqlite3 statements are
 * reusable), with its result modes (pluck, raw, expand) reset, as a fresh statement has them.
 */
function cacheStatements(db: Database): void {
  const prepare = db.prepare.bind(db) as (sql: string) => BetterSqlite3.Statement;
  const cache = new Map<string, BetterSqlite3.Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      statement = prepare(sql);
      cache.set(sql, statement);
    } else if (statement.reader) {
      statement.pluck(false).raw(false).expand(false);
    }
    return statement;
  }) as Database['prepare'];
}
