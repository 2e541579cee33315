// JQL on issue properties as Jira indexes them: only what the installed app's jira:entityProperty modules declare,
// with the declared type and searchAlias. Sources: the module reference
// (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/): "requests that
// fields of an entity property are indexed by Jira to make the fields available to query in JQL"; types "number,
// which indexes as a number and allows for range ordering and searching", "text, which tokenizes the value before
// indexing and allows for searching for words", "string, which is indexed as is and allows searching for the exact
// phrase only", "user ... an Atlassian account ID string", "date ... [YYYY]-[MM]-[DD] ... [YYYY]-[MM]-[DD]T[hh]:[mm]:
// [ss][TZ]"; "searchAlias: The name used for this property in JQL", and its example `commentCount = 5` /
// `issue.property['stats'].comments = 5` / `lastCommenter = currentUser()`; "The path may refer to an array type".
// An undeclared property is not indexed: the docs make only declared values available to JQL; Jira answers such a
// query with no error and no match (the stricter reading: a condition on it never holds).
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { openDatabase, type Database } from '../../../sandbox/db';
import { createSite, type IndexedProperty } from '../../../sandbox/site';
import { indexedProperties } from '../../../sandbox/site/entity-properties';
import { APP_MANIFEST } from './harness';
import { readFileSync } from 'fs';

// The manifest of an app that declares one value of each type (jira:entityProperty and jira:entityPropertySet).
const MANIFEST = `
modules:
  jira:entityProperty:
    - key: stats-property
      entityType: issue
      propertyKey: stats
      values:
        - path: comments
          type: number
          searchAlias: commentCount
        - path: lastCommenter
          type: user
          searchAlias: lastCommenter
        - path: blockedIssues
          type: string
          searchAlias: blockedIssues
    - key: project-only
      entityType: project
      propertyKey: project-stats
      values:
        - path: pages
          type: number
  jira:entityPropertySet:
    - key: more
      properties:
        - propertyKey: meta
          values:
            - path: note
              type: text
              searchAlias: metaNote
            - path: due
              type: date
              searchAlias: metaDue
            - path: category
              type: STRING
`;

let db: Database;
let dir: string;
let close: () => Promise<void>;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entity-properties-'));
  db = openDatabase(join(dir, 'site.db'));
  const app = Fastify();
  const site = createSite({ db, baseUrl: () => url, indexedProperties: indexedProperties(parse(MANIFEST)) });
  site.register(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  close = async () => {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const put = async (key: string, property: string, value: unknown) => {
    const answer = await agent('PUT', `/rest/api/3/issue/${key}/properties/${property}`, value);
    expect(answer.status).toBe(201);
  };
  await put('SUP-1', 'stats', { comments: 5, lastCommenter: 'sandbox-agent-1', blockedIssues: ['10000', '10001'] });
  await put('SUP-2', 'stats', { comments: 12, lastCommenter: 'sandbox-agent-2', blockedIssues: '10002' });
  await put('SUP-3', 'stats', { comments: '7', lastCommenter: 42 }); // not a number, not an account id: not indexed
  await put('SUP-1', 'meta', { note: 'VPN down after the Windows update', due: '2026-12-01', category: 'network' });
  await put('SUP-2', 'meta', { note: 'Printer jams', due: '2026-12-03T10:00:00+02:00', category: true });
  await put('SUP-3', 'meta', { note: 'VPN slow', due: 'someday', category: 'Network' });
  await put('SUP-4', 'undeclared', { n: 1 });
});
afterAll(async () => close());

async function agent(method: string, path: string, body?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from('agent1@sandbox.test:x').toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function keys(jql: string): Promise<string[]> {
  const answer = await agent('POST', '/rest/api/3/search/jql', { jql: `${jql} ORDER BY key ASC`, fields: ['key'] });
  expect({ jql, status: answer.status, body: answer.status === 200 ? 'ok' : answer.body }).toEqual({
    jql,
    status: 200,
    body: 'ok',
  });
  return answer.body.issues.map((i: { key: string }) => i.key);
}

async function refusal(jql: string): Promise<string> {
  const answer = await agent('POST', '/rest/api/3/search/jql', { jql });
  expect(answer.status).toBe(400);
  return answer.body.errorMessages[0];
}

it('reads the declarations of jira:entityProperty and jira:entityPropertySet, issue entities only, types in any case', () => {
  expect(indexedProperties(parse(MANIFEST))).toEqual<IndexedProperty[]>([
    { propertyKey: 'stats', path: 'comments', type: 'number', searchAlias: 'commentCount' },
    { propertyKey: 'stats', path: 'lastCommenter', type: 'user', searchAlias: 'lastCommenter' },
    { propertyKey: 'stats', path: 'blockedIssues', type: 'string', searchAlias: 'blockedIssues' },
    { propertyKey: 'meta', path: 'note', type: 'text', searchAlias: 'metaNote' },
    { propertyKey: 'meta', path: 'due', type: 'date', searchAlias: 'metaDue' },
    { propertyKey: 'meta', path: 'category', type: 'string' },
  ]);
  // The app's own manifest declares its request state.
  expect(indexedProperties(parse(readFileSync(APP_MANIFEST, 'utf8'))).map((p) => `${p.path}:${p.type}`)).toEqual(
    expect.arrayContaining(['waiting:string', 'nextDueAt:number']),
  );
});

describe('number', () => {
  it('compares JSON numbers, by path or by searchAlias (the module reference’s own example)', async () => {
    expect(await keys('commentCount = 5')).toEqual(['SUP-1']);
    expect(await keys("issue.property['stats'].comments = 5")).toEqual(['SUP-1']);
    expect(await keys('issue.property[stats].comments > 5')).toEqual(['SUP-2']);
    expect(await keys('commentcount >= 5')).toEqual(['SUP-1', 'SUP-2']);
    expect(await keys('commentCount in (5, 12)')).toEqual(['SUP-1', 'SUP-2']);
    // "7" is a string: not indexed as a number, so SUP-3 matches neither = nor != nor IS NOT EMPTY.
    expect(await keys('commentCount != 5')).toEqual(['SUP-2']);
    expect(await keys('project = SUP AND commentCount IS EMPTY')).not.toContain('SUP-1');
    expect(await keys('project = SUP AND commentCount IS EMPTY')).toContain('SUP-3');
  });

  it('refuses a value that is not a number and an operator numbers do not take', async () => {
    expect(await refusal('commentCount = lots')).toMatch(/not a valid number/);
    expect(await refusal('commentCount ~ "5"')).toMatch(/operator '~' is not supported by the 'commentCount' field/);
  });
});

describe('string', () => {
  it('matches the exact value only (case included), each element of an array, booleans as their text', async () => {
    expect(await keys('issue.property[meta].category = "network"')).toEqual(['SUP-1']);
    expect(await keys('issue.property[meta].category = "Network"')).toEqual(['SUP-3']);
    expect(await keys('issue.property[meta].category = true')).toEqual(['SUP-2']);
    expect(await keys('blockedIssues = "10001"')).toEqual(['SUP-1']);
    expect(await keys('blockedIssues in ("10000", "10002")')).toEqual(['SUP-1', 'SUP-2']);
    expect(await keys('blockedIssues not in ("10002")')).toEqual(['SUP-1']);
  });

  it('refuses range and text operators', async () => {
    expect(await refusal('blockedIssues > "1"')).toMatch(/operator '>' is not supported/);
    expect(await refusal('blockedIssues ~ "1"')).toMatch(/operator '~' is not supported/);
  });
});

describe('text', () => {
  it('finds words, case aside, with ~ and !~; = is refused', async () => {
    expect(await keys('metaNote ~ "vpn"')).toEqual(['SUP-1', 'SUP-3']);
    expect(await keys('metaNote ~ "VPN update"')).toEqual(['SUP-1']);
    expect(await keys('metaNote !~ "vpn"')).toEqual(['SUP-2']);
    expect(await refusal('metaNote = "Printer jams"')).toMatch(/operator '=' is not supported/);
  });
});

describe('user', () => {
  it('matches account ids and currentUser()', async () => {
    expect(await keys('lastCommenter = currentUser()')).toEqual(['SUP-1']);
    expect(await keys('lastCommenter = "sandbox-agent-2"')).toEqual(['SUP-2']);
    expect(await refusal('lastCommenter < "x"')).toMatch(/operator '<' is not supported/);
  });
});

describe('date', () => {
  it('compares ISO dates and date-times as instants with JQL dates; a value that is no date is not indexed', async () => {
    expect(await keys('metaDue = "2026-12-01"')).toEqual(['SUP-1']);
    expect(await keys('metaDue > "2026/12/02"')).toEqual(['SUP-2']);
    // 10:00+02:00 is 08:00 UTC.
    expect(await keys('metaDue < "2026-12-03 08:30"')).toEqual(['SUP-1', 'SUP-2']);
    expect(await keys('metaDue < "2026-12-03 07:30"')).toEqual(['SUP-1']);
    expect(await keys('project = SUP AND metaDue IS EMPTY')).toContain('SUP-3');
    expect(await refusal('metaDue > "next tuesday"')).toMatch(
      /Date value 'next tuesday' for field 'metaDue' is invalid/,
    );
  });
});

describe('ORDER BY an indexed property', () => {
  // Ordered as its declared type ("number ... allows for range ordering", "date ... allows date range searching and
  // ordering"); issues without a value come last.
  const ordered = async (jql: string) => {
    const answer = await agent('POST', '/rest/api/3/search/jql', { jql, fields: ['key'] });
    expect(answer.status).toBe(200);
    return answer.body.issues.map((i: { key: string }) => i.key);
  };

  it('orders by a number or a date, by alias or path, ascending or descending, empties last', async () => {
    expect(await ordered('key in (SUP-1, SUP-2, SUP-3) ORDER BY commentCount DESC')).toEqual([
      'SUP-2',
      'SUP-1',
      'SUP-3',
    ]);
    expect(await ordered('key in (SUP-1, SUP-2, SUP-3) ORDER BY issue.property[stats].comments ASC')).toEqual([
      'SUP-1',
      'SUP-2',
      'SUP-3',
    ]);
    expect(await ordered('key in (SUP-1, SUP-2, SUP-3) ORDER BY metaDue DESC')).toEqual(['SUP-2', 'SUP-1', 'SUP-3']);
  });

  it('refuses to order by a text or an undeclared property', async () => {
    expect(await refusal('project = SUP ORDER BY metaNote')).toMatch(/Not able to sort using field 'metaNote'/);
    expect(await refusal('project = SUP ORDER BY issue.property[undeclared].n')).toMatch(/Not able to sort/);
  });
});

describe('undeclared properties and paths', () => {
  it('answer no error and no match; IS EMPTY holds for every issue', async () => {
    expect(await keys('issue.property[undeclared].n = 1')).toEqual([]);
    expect(await keys('issue.property[undeclared].n != 2')).toEqual([]);
    expect(await keys('issue.property[stats].other = 1')).toEqual([]);
    expect(await keys('project = SUP AND issue.property[undeclared].n IS EMPTY')).toHaveLength(12);
    expect(await keys('project = SUP AND issue.property[undeclared].n IS NOT EMPTY')).toEqual([]);
  });

  it('leaves a declared value of a project property out of issue searches', async () => {
    expect(await keys('issue.property[project-stats].pages = 1')).toEqual([]);
  });
});
