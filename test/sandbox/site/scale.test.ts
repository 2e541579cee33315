// The site at the size of a busy desk: 50,000 requests with the app's property on each. Searches the app runs
// (its sweep over issue properties, a status queue, a key) must stay fast, served by the schema's indexes, and
// paging must walk the whole result exactly once.
import { dueJql, unclockedJql } from '../../../src/entry/scheduled/sweep-jql';
import { startTestSite, type TestSite } from './harness';

const REQUESTS = 50_000;
const DAY = 86_400_000;
let t: TestSite;

beforeAll(async () => {
  t = await startTestSite();
  const now = Date.now();
  const insertIssue = t.db.prepare(
    `INSERT INTO issues (id, project_key, num, summary, status_id, priority_id, reporter_id, creator_id, organization_id, channel, created, updated)
     VALUES (?, 'SUP', ?, ?, ?, '3', 'sandbox-customer-acme-1', 'sandbox-customer-acme-1', 1, 'portal', ?, ?)`,
  );
  const insertProperty = t.db.prepare(
    `INSERT INTO issue_properties (issue_id, key, value) VALUES (?, 'supportRulesState', ?)`,
  );
  t.db.transaction(() => {
    for (let n = 13; n < 13 + REQUESTS; n++) {
      const id = 20_000 + n;
      const created = now - (n % 365) * DAY;
      insertIssue.run(id, n, `Request ${n}`, String(10001 + (n % 7)), created, created + 1000);
      insertProperty.run(id, JSON.stringify({ waiting: n % 7 === 2 ? 'yes' : 'no', nextDueAt: n }));
    }
  })();
}, 120_000);
afterAll(async () => t.close());

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

const search = (body: Record<string, unknown>) => t.as('agent1@sandbox.test').post('/rest/api/3/search/jql', body);

describe('search over 50,000 requests', () => {
  it("serves the app's own sweep queries (issue property comparisons) in well under a second", async () => {
    const jql = dueJql(1000);
    await search({ jql, fields: ['key'] }); // warm-up
    const { ms, result } = await timed(() => search({ jql, fields: ['key'], maxResults: 100 }));
    expect(result.status).toBe(200);
    // n % 7 === 2 and 13 <= n <= 1000: 141 requests, 100 on the first page.
    expect(result.body.issues).toHaveLength(100);
    expect(result.body.isLast).toBe(false);
    const unclocked = await timed(() => search({ jql: unclockedJql(['10003'])!, fields: ['key'], maxResults: 100 }));
    // Every generated request has the property: only the seeded SUP-4 (waiting for the customer) has no clock.
    expect(unclocked.result.body.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-4']);
    console.log(
      `sweep queries over ${REQUESTS} requests: due ${ms.toFixed(0)} ms, unclocked ${unclocked.ms.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(1000);
    expect(unclocked.ms).toBeLessThan(1000);
  });

  it('finds one key and a status queue quickly', async () => {
    const key = await timed(() => search({ jql: 'key = SUP-40000', fields: ['key'] }));
    expect(key.result.body.issues.map((i: { key: string }) => i.key)).toEqual(['SUP-40000']);
    expect(key.ms).toBeLessThan(200);
    const queue = await timed(() =>
      search({
        jql: 'project = SUP AND status = "Soumise" ORDER BY updated DESC',
        fields: ['key', 'status', 'summary'],
        maxResults: 50,
      }),
    );
    expect(queue.result.body.issues).toHaveLength(50);
    console.log(`key lookup: ${key.ms.toFixed(0)} ms, status queue page: ${queue.ms.toFixed(0)} ms`);
    expect(queue.ms).toBeLessThan(1000);
  });

  it('uses the indexes (query plans)', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan('SELECT value FROM issue_properties WHERE issue_id = ? AND key = ?', 1, 'k')).toMatch(
      /USING (PRIMARY KEY|INDEX sqlite_autoindex_issue_properties)/,
    );
    expect(plan("SELECT i.id FROM issues i WHERE i.project_key = 'SUP' AND i.status_id = '10001'")).toMatch(
      /USING (COVERING )?INDEX issues_status/,
    );
    expect(plan("SELECT * FROM issues WHERE project_key = 'SUP' AND num = 4")).toMatch(
      /USING INDEX sqlite_autoindex_issues_1/,
    );
    expect(plan('SELECT i.id FROM issues i ORDER BY i.created DESC LIMIT 50')).toMatch(/issues_created/);
  });

  it('caps pages at 5000 issues with ids or keys only and 100 with fields, and pages through everything exactly once', async () => {
    // Source: reference/jira-platform-openapi.v3.json SearchAndReconcileRequestBean.maxResults ("The greatest number of items returned per page is achieved when requesting `id` or `key` only. It returns max 5000 issues"; fewer "where a large number of fields are requested": 100, the stricter choice).
    const idsOnly = await search({ jql: 'project = SUP', maxResults: 10_000 });
    expect(idsOnly.body.issues).toHaveLength(5000);
    const keysOnly = await search({ jql: 'project = SUP', maxResults: 10_000, fields: ['key'] });
    expect(keysOnly.body.issues).toHaveLength(5000);
    const withFields = await search({ jql: 'project = SUP', maxResults: 10_000, fields: ['summary'] });
    expect(withFields.body.issues).toHaveLength(100);

    const jql = 'project = SUP AND status = "En cours"';
    const expected = Math.floor(REQUESTS / 7) + 1; // seeded demo requests in progress: 3, generated: n % 7 === 1
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await search({ jql, maxResults: 5000, ...(token ? { nextPageToken: token } : {}) });
      for (const issue of page.body.issues as { id: string }[]) {
        expect(seen.has(issue.id)).toBe(false);
        seen.add(issue.id);
      }
      token = page.body.nextPageToken;
      pages++;
    } while (token);
    const count = t.db.prepare("SELECT count(*) FROM issues WHERE status_id = '10002'").pluck().get() as number;
    expect(seen.size).toBe(count);
    expect(count).toBeGreaterThanOrEqual(expected);
    expect(pages).toBe(Math.ceil(count / 5000));
  });
});
