import { JqlError, parseJql, tokenize } from '../../../sandbox/site/jql';
import { compileJql } from '../../../sandbox/site/jql-sql';

const ctx = { currentAccountId: 'me', keyExists: (key: string) => ['SUP-1', 'SUP-2'].includes(key) };
const compile = (jql: string) => compileJql(parseJql(jql), ctx);
const reason = (jql: string) => {
  try {
    compile(jql);
  } catch (error) {
    if (error instanceof JqlError) return error.message;
    throw error;
  }
  throw new Error(`expected ${jql} to be refused`);
};

describe('JQL tokenizer', () => {
  it('reads words, quoted strings, operators, punctuation and issue properties', () => {
    expect(
      tokenize(`key in (SUP-1, "SUP-2") AND issue.property[supportRulesState].nextDueAt <= 17 OR x != 'a\\'b'`).map(
        (t) => ('text' in t ? t.text : t.type),
      ),
    ).toEqual([
      'key',
      'in',
      '(',
      'SUP-1',
      ',',
      'SUP-2',
      ')',
      'AND',
      'property',
      '<=',
      '17',
      'OR',
      'x',
      '!=',
      "a'b",
      'end',
    ]);
  });

  it('keeps the key and path of a property', () => {
    expect(tokenize('issue.property[supportRulesState].a.b = 1')[0]).toEqual({
      type: 'property',
      key: 'supportRulesState',
      path: 'a.b',
      at: 0,
    });
  });

  it('refuses an unclosed string and reserved characters', () => {
    expect(() => tokenize('summary = "open')).toThrow('The quoted string starting at character 11 is not closed.');
    expect(() => tokenize('summary ^ x')).toThrow("The character '^' is a reserved JQL character (at character 9).");
  });
});

describe('JQL parser', () => {
  it('gives AND precedence over OR, and parentheses over both', () => {
    // Source: JQL order of operations (https://support.atlassian.com/jira/kb/jira-cloud-jql-order-of-operations/): parentheses, comparisons, NOT, AND, then OR.
    const flat = parseJql('project = SUP OR status = "En cours" AND key = SUP-1').where!;
    expect(flat.kind).toBe('or');
    expect(flat.kind === 'or' && flat.right.kind).toBe('and');
    const grouped = parseJql('(project = SUP OR status = "En cours") AND key = SUP-1').where!;
    expect(grouped.kind).toBe('and');
    expect(grouped.kind === 'and' && grouped.left.kind).toBe('or');
  });

  it('reads IN, NOT IN, IS EMPTY, NOT and functions', () => {
    // Source: JQL operators (https://support.atlassian.com/jira-software-cloud/docs/jql-operators/).
    expect(parseJql('status not in (Soumise, 10002)').where).toEqual({
      kind: 'in',
      field: { kind: 'field', name: 'status' },
      negated: true,
      values: [
        { kind: 'literal', text: 'Soumise', quoted: false },
        { kind: 'literal', text: '10002', quoted: false },
      ],
    });
    expect(parseJql('resolution IS NOT EMPTY').where).toEqual({
      kind: 'empty',
      field: { kind: 'field', name: 'resolution' },
      negated: true,
    });
    expect(parseJql('NOT reporter = currentUser()').where).toEqual({
      kind: 'not',
      expr: {
        kind: 'compare',
        field: { kind: 'field', name: 'reporter' },
        op: '=',
        value: { kind: 'function', name: 'currentUser' },
      },
    });
  });

  it('reads ORDER BY with several fields, ASC by default', () => {
    // Source: JQL keywords, ORDER BY (https://support.atlassian.com/jira-core-cloud/docs/advanced-search-reference-jql-keywords/); ASC when no direction is given.
    expect(parseJql('project = SUP ORDER BY updated DESC, created').orderBy).toEqual([
      { field: 'updated', direction: 'DESC' },
      { field: 'created', direction: 'ASC' },
    ]);
  });

  it.each([
    ['project = ', 'Expecting a value but got the end of the query. (at character 11)'],
    [
      'project SUP',
      "Expecting an operator (=, !=, <, <=, >, >=, ~, !~, IN, NOT IN, IS) but got 'SUP'. (at character 9)",
    ],
    ['(project = SUP', "Expecting ')' but got the end of the query. (at character 15)"],
    ['project = SUP status = Soumise', "Expecting AND, OR or ORDER BY but got 'status'. (at character 15)"],
    ['project = SUP ORDER created', "Expecting BY but got 'created'. (at character 21)"],
    ['key in (SUP-1 SUP-2)', "Expecting ')' or ',' but got 'SUP-2'. (at character 15)"],
    ['resolution is nothing', "Expecting EMPTY or NULL but got 'nothing'. (at character 15)"],
  ])('refuses %s', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(`Error in the JQL Query: ${message}`);
  });
});

describe('JQL compilation', () => {
  it('maps status names (any case) and ids to status ids', () => {
    expect(compile('status = "en cours"')).toEqual({
      where: 'i.status_id IN (?)',
      params: ['10002'],
      orderBy: 'i.id ASC',
      orderParams: [],
    });
    expect(compile('status in (Soumise, 10007)').params).toEqual(['10001', '10007']);
  });

  it('compiles != as NOT IN, which, as in Jira, never matches an empty value', () => {
    // Source: JQL operators, != ("will not match a field that has no value": https://support.atlassian.com/jira-software-cloud/docs/jql-operators/).
    expect(compile('status != Fermée')).toMatchObject({ where: 'i.status_id NOT IN (?)', params: ['10007'] });
    expect(compile('assignee != someone').where).toBe('i.assignee_id NOT IN (?)');
  });

  it('compiles an undeclared issue property to no match, and IS EMPTY to every issue (Jira indexes only declared ones)', () => {
    expect(compile('issue.property[x].n = "12"')).toMatchObject({ where: '0', params: [] });
    expect(compile('issue.property[x].n IS EMPTY')).toMatchObject({ where: '1', params: [] });
  });

  it('binds currentUser() to the caller and orders with a stable tie-break', () => {
    expect(compile('reporter = currentUser() ORDER BY created DESC')).toEqual({
      where: 'i.reporter_id IN (?)',
      params: ['me'],
      orderBy: 'i.created DESC, i.id ASC',
      orderParams: [],
    });
  });

  it('treats resolution = Unresolved as an empty resolution', () => {
    // Source: JQL fields, Resolution ("resolution = Unresolved": https://support.atlassian.com/jira-software-cloud/docs/jql-fields/).
    expect(compile('resolution = Unresolved')).toMatchObject({ where: '(i.resolution_id IS NULL)', params: [] });
    expect(compile('resolution != Consulting')).toMatchObject({
      where: 'NOT (i.resolution_id IN (?))',
      params: ['10001'],
    });
    expect(compile('resolution in (Done, Unresolved)')).toMatchObject({
      where: '(i.resolution_id IN (?) OR i.resolution_id IS NULL)',
      params: ['10000'],
    });
  });

  it.each([
    [
      'ORDER BY created DESC',
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ],
    ['assignee = x AND labels = urgent', "Field 'labels' does not exist or is not supported by the sandbox's JQL"],
    ['status = Nowhere', "The value 'Nowhere' does not exist for the field 'status'."],
    ['project = OTHER', "The value 'OTHER' does not exist for the field 'project'."],
    ['key = SUP-99', "An issue with key 'SUP-99' does not exist for field 'key'."],
    ['key = banana', "The issue key 'banana' for field 'key' is invalid."],
    ['status > Soumise', "The operator '>' is not supported for the field 'status'"],
    ['request-channel-type = fax', "The value 'fax' does not exist for the field 'request-channel-type'"],
    ['project = SUP ORDER BY priority', "Not able to sort using field 'priority'"],
    ['reporter = membersOf()', "The function 'membersOf()' is not supported"],
    ['status IS EMPTY', "The operator 'IS EMPTY' is not supported for the field 'status'"],
    ['project = SUP AND text ~ "vpn"', "The operator '~' (text search) is not supported by the sandbox's JQL."],
  ])('refuses %s with the reason', (jql, message) => {
    expect(reason(jql)).toContain(message);
  });
});

describe('JQL compilation of keys', () => {
  it('looks keys up by project and number, so that the unique index serves them', () => {
    expect(compile('key in (SUP-1, sup-2)')).toMatchObject({
      where: '((i.project_key = ? AND i.num = ?) OR (i.project_key = ? AND i.num = ?))',
      params: ['SUP', 1, 'SUP', 2],
    });
    expect(compile('key != SUP-1')).toMatchObject({
      where: 'NOT (i.project_key = ? AND i.num = ?)',
      params: ['SUP', 1],
    });
  });
});
