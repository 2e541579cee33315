// Property test: for random JQL conditions (AND, OR, NOT, parentheses over project, status, channel, resolution and
// issue property comparisons), the site's SQL finds exactly the issues a direct evaluation of the condition finds,
// across the three projects (a status name may stand for several projects' statuses; only requests of service
// projects have a channel).
import fc from 'fast-check';
import { openDatabase } from '../../../sandbox/db';
import { ALL_STATUSES, PROJECTS } from '../../../sandbox/site/catalog';
import { SERVICE_PROJECT_KEYS } from '../../../sandbox/site/permissions';
import { createSite } from '../../../sandbox/site';
import { IssueStore, type IssueRecord } from '../../../sandbox/site/issue-store';
import { parseJql } from '../../../sandbox/site/jql';
import { compileJql } from '../../../sandbox/site/jql-sql';

const db = openDatabase(':memory:');
createSite({ db, baseUrl: () => 'http://sandbox.test' }); // seeds SUP-1..SUP-12, IT-1..IT-3, DEV-1..DEV-3
const store = new IssueStore(db);
// In key order: by project key, then by number.
const issues: IssueRecord[] = store.findMany(
  db.prepare('SELECT id FROM issues ORDER BY project_key, num').pluck().all() as number[],
);
// Every third request has no property; the others a number and a yes/no.
const props = new Map<number, { n: number; w: string }>();
issues.forEach((issue, i) => {
  if (i % 3 === 2) return;
  const value = { n: i * 10, w: i % 2 ? 'yes' : 'no' };
  props.set(issue.id, value);
  store.setProperty(issue.id, 'state', value);
});

interface Cond {
  jql: string;
  test: (issue: IssueRecord) => boolean;
}

const status = fc.constantFrom(...ALL_STATUSES);
const named = (i: IssueRecord, name: string) => ALL_STATUSES.find((s) => s.id === i.statusId)!.name === name;
const atom: fc.Arbitrary<Cond> = fc.oneof(
  status.map((s) => ({ jql: `status = "${s.name}"`, test: (i: IssueRecord) => named(i, s.name) })),
  status.map((s) => ({ jql: `status != ${s.id}`, test: (i: IssueRecord) => i.statusId !== s.id })),
  fc.uniqueArray(status, { minLength: 1, maxLength: 3 }).map((list) => ({
    jql: `status in (${list.map((s) => `"${s.name}"`).join(', ')})`,
    test: (i: IssueRecord) => list.some((s) => named(i, s.name)),
  })),
  fc
    .constantFrom(...PROJECTS)
    .map((p) => ({ jql: `project = ${p.key}`, test: (i: IssueRecord) => i.projectKey === p.key })),
  fc.constantFrom('portal', 'email', 'jira').map((c) => ({
    jql: `request-channel-type = ${c}`,
    test: (i: IssueRecord) => SERVICE_PROJECT_KEYS.includes(i.projectKey) && i.channel === c,
  })),
  fc.constant({ jql: 'resolution IS EMPTY', test: (i: IssueRecord) => i.resolutionId === null }),
  fc
    .tuple(
      fc.constantFrom('<', '<=', '>', '>=', '=', '!=') as fc.Arbitrary<'<' | '<=' | '>' | '>=' | '=' | '!='>,
      fc.integer({ min: -5, max: 125 }),
    )
    .map(([op, k]) => ({
      jql: `issue.property[state].n ${op} ${k}`,
      test: (i: IssueRecord) => {
        const p = props.get(i.id);
        if (!p) return false;
        return { '<': p.n < k, '<=': p.n <= k, '>': p.n > k, '>=': p.n >= k, '=': p.n === k, '!=': p.n !== k }[op];
      },
    })),
  fc
    .constantFrom('yes', 'no')
    .map((w) => ({ jql: `issue.property[state].w = "${w}"`, test: (i: IssueRecord) => props.get(i.id)?.w === w })),
  fc.constant({ jql: 'issue.property[state].w IS EMPTY', test: (i: IssueRecord) => !props.has(i.id) }),
);

const { cond } = fc.letrec<{ cond: Cond }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc
      .tuple(tie('cond'), tie('cond'))
      .map(([a, b]) => ({ jql: `(${a.jql}) AND (${b.jql})`, test: (i: IssueRecord) => a.test(i) && b.test(i) })),
    fc
      .tuple(tie('cond'), tie('cond'))
      .map(([a, b]) => ({ jql: `${a.jql} OR ${b.jql}`, test: (i: IssueRecord) => a.test(i) || b.test(i) })),
    tie('cond').map((a) => ({ jql: `NOT (${a.jql})`, test: (i: IssueRecord) => !a.test(i) })),
  ),
}));

function search(jql: string): string[] {
  const compiled = compileJql(parseJql(jql), {
    currentAccountId: 'x',
    keyExists: () => true,
    // As a jira:entityProperty module would declare them.
    indexedProperties: [
      { propertyKey: 'state', path: 'n', type: 'number' },
      { propertyKey: 'state', path: 'w', type: 'string' },
    ],
  });
  const ids = db
    .prepare(`SELECT i.id FROM issues i WHERE ${compiled.where} ORDER BY ${compiled.orderBy}`)
    .pluck()
    .all(...compiled.params) as number[];
  return store.findMany(ids).map((i) => i.key);
}

describe('JQL against a direct evaluation', () => {
  it('finds exactly the matching requests, in key order', () => {
    fc.assert(
      fc.property(cond, (c) => {
        expect(search(`${c.jql} ORDER BY key ASC`)).toEqual(issues.filter(c.test).map((i) => i.key));
      }),
      { numRuns: 300 },
    );
  });

  it('gives AND precedence over OR without parentheses', () => {
    const a = 'request-channel-type = email';
    const b = 'status = Soumise';
    const c = 'resolution IS EMPTY';
    const expected = issues
      .filter((i) => i.channel === 'email' || (i.statusId === '10001' && i.resolutionId === null))
      .map((i) => i.key);
    expect(search(`${a} OR ${b} AND ${c} ORDER BY key ASC`)).toEqual(expected);
  });
});
