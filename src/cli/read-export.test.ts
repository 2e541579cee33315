import fc from 'fast-check';
import { defaultConfig } from '../domain/config';
import { slaFromIssue, type JiraIssueJson } from '../domain/sla-from-issue';
import { generateSlaExports, SLA_EXPORTS_NOW } from '../../test/support/sla-exports';
import { isJsonText, readExport } from './read-export';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

/** JSON.parse's verdict on the text the bytes decode to. */
function parses(data: Buffer): boolean {
  try {
    JSON.parse(data.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Json, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
/** Only the members `keys` of an object (own members, as JSON gives them); anything else as it is. */
const only = (v: unknown, keys: string[]): unknown =>
  isObject(v) ? Object.fromEntries(keys.filter((k) => own(v, k) !== undefined).map((k) => [k, own(v, k)])) : v;

const ITEM_KEYS = ['field', 'fieldId', 'fieldtype', 'from', 'fromString', 'to', 'toString'];

/** Whether the SLA reads a changelog item as a status change (src/domain/changelog.ts's rule). */
function isStatusItem(item: unknown): boolean {
  if (!item || typeof item !== 'object') return false;
  const text = (key: string): string | null => {
    const value = own(item as Json, key);
    return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null;
  };
  const fieldId = text('fieldId');
  if (fieldId !== null) return fieldId === 'status';
  return text('field')?.toLowerCase() === 'status' && (text('fieldtype') ?? 'jira') === 'jira';
}

/**
 * What the SLA reads of a changelog entry: its id, date and status changes when it has some (else nothing but
 * that it is an entry); items that are not a list as they are (an error names them).
 */
function historyPart(history: unknown): unknown {
  if (!isObject(history)) return history;
  const items = own(history, 'items');
  if (items !== undefined && !Array.isArray(items)) return { items };
  const changes = ((items ?? []) as unknown[]).filter(isStatusItem).map((item) => only(item, ITEM_KEYS));
  return changes.length === 0
    ? 'no status change'
    : { id: own(history, 'id'), created: own(history, 'created'), items: changes };
}

/**
 * What the SLA reads of an issue (slaFromIssue, organizationsOf, the command's checks), from a value JSON.parse
 * gave or readExport gave: members, their kinds, and in `fields` the lists (organizations) by key.
 */
function readPart(issue: unknown): unknown {
  if (!isObject(issue)) return issue;
  const names = own(issue, 'names');
  const schema = own(issue, 'schema');
  const named = names !== undefined || schema !== undefined;
  const fields = own(issue, 'fields');
  const changelog = own(issue, 'changelog');
  const histories = isObject(changelog) ? own(changelog, 'histories') : undefined;
  return {
    key: own(issue, 'key'),
    id: own(issue, 'id'),
    names,
    schema,
    hasChangelog: Object.prototype.hasOwnProperty.call(issue, 'changelog'),
    fields: isObject(fields)
      ? {
          created: own(fields, 'created'),
          status: only(own(fields, 'status'), ['id', 'name']),
          priority: only(own(fields, 'priority'), ['name']),
          lists: Object.keys(fields)
            .filter((k) => k.startsWith('customfield_') || (named && !['created', 'status', 'priority'].includes(k)))
            .map((k) => [k, Array.isArray(fields[k]) ? fields[k] : 'not a list']),
        }
      : fields,
    changelog: isObject(changelog)
      ? {
          total: own(changelog, 'total'),
          histories: Array.isArray(histories) ? histories.map(historyPart) : histories,
        }
      : changelog,
  };
}

/** What the command reads of a document: an issue, a list of them, or a search result's issues. */
function commandPart(document: unknown): unknown {
  if (Array.isArray(document)) return document.map(readPart);
  if (isObject(document) && Array.isArray(own(document, 'issues')) && !('fields' in document))
    return { issues: (own(document, 'issues') as unknown[]).map(readPart) };
  return readPart(document);
}

/** The SLA of an issue value, or its error message. */
function slaOf(issue: unknown): unknown {
  try {
    return slaFromIssue(issue as JiraIssueJson, defaultConfig(), Date.parse(SLA_EXPORTS_NOW));
  } catch (error) {
    return (error as Error).message;
  }
}

const exports = generateSlaExports(60, 11).map((issue) => JSON.stringify(issue));

describe('isJsonText (the WebAssembly scanner)', () => {
  it('accepts and refuses what JSON.parse does, down to the grammar corners', () => {
    const texts = [
      ...[
        '0',
        '-0',
        '1',
        '-1',
        '10',
        '1.5',
        '-1.5e10',
        '1E5',
        '1e+5',
        '1e-5',
        '0.0',
        '1e400',
        '123456789012345678901234',
      ],
      ...['01', '-', '+1', '1.', '.5', '1e', '1e+', '1.e5', '0x1', 'NaN', 'Infinity', '-01', '1_0', '١'],
      ...['true', 'false', 'null', 'tru', 'nul', 'True', 'NULL', 'truex', 'nulll', 'fals'],
      ...['""', '"a"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\uD800\\udc00"', '"\\x41"', '"\\u12"', '"\\u12G4"'],
      ...['"\\', '"abc', '"a\u0001b"', '"a\u001fb"', '"a\u007fb"', '"tab\tin"', '"nl\nin"', '"é ✓ 😀"', "'a'"],
      ...['[]', '{}', '[1,2]', '{"a":1,"b":[{}]}', '[1,]', '[,1]', '{"a"}', '{"a":1,}', '{,}', '[}', '{]', '{"a" 1}'],
      ...['{1:2}', "{'a':1}", '{"a":1 "b":2}', '[1 2]', '[[[]]]', '[[[]]', '{"a":{"b":{}}}}'],
      ...[' {} ', '\t\n\r{}\r\n', '\u00a0{}', '\u000b{}', '\ufeff{}', '{} x', '{}{}', '1 2', '', ' ', '{"a":1}\u0000'],
      ...['{"__proto__":1}', '{"a":1,"a":2}', '"\u2028"', '"' + 'x'.repeat(100) + '\\n' + 'é'.repeat(40) + '"'],
    ];
    for (const text of texts) expect([text, isJsonText(bytes(text))]).toEqual([text, parses(bytes(text))]);
  });

  it('agrees with JSON.parse on any JSON, and on any JSON with bytes changed, inserted or deleted', () => {
    const change = fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(0x22, 0x5c, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x20, 0x30, 0x2e, 0x65, 0x2d, 0x75, 0x01, 0xc3),
        fc.constantFrom('set', 'insert', 'delete'),
      ),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.json(), change, (json, changes) => {
        let data = bytes(json);
        for (const [at, byte, how] of changes) {
          const i = at % (data.length + 1);
          if (how === 'set' && i < data.length) data[i] = byte;
          else if (how === 'insert') data = Buffer.concat([data.subarray(0, i), Buffer.from([byte]), data.subarray(i)]);
          else data = Buffer.concat([data.subarray(0, i), data.subarray(i + 1)]);
        }
        expect(isJsonText(data)).toBe(parses(data));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with JSON.parse on the generated exports, whole and cut anywhere', () => {
    for (const text of exports) {
      const data = bytes(text);
      expect(isJsonText(data)).toBe(true);
      for (const cut of [1, 7, 100, Math.floor(data.length / 2), data.length - 1])
        expect(isJsonText(data.subarray(0, cut))).toBe(false);
    }
  });

  it('refuses nesting deeper than 4,096 levels, which the command then gives to JSON.parse', () => {
    expect(isJsonText(bytes('['.repeat(4_096) + ']'.repeat(4_096)))).toBe(true);
    expect(isJsonText(bytes('['.repeat(4_097) + ']'.repeat(4_097)))).toBe(false);
    expect(readExport(bytes('['.repeat(5_000) + ']'.repeat(5_000)))).toBeUndefined();
  });
});

describe('readExport', () => {
  it('gives only what the SLA reads, as JSON.parse reads it, for every generated export', () => {
    for (const text of exports) {
      const read = readExport(bytes(text));
      const parsed: unknown = JSON.parse(text);
      expect(commandPart(read)).toStrictEqual(commandPart(parsed));
      expect(slaOf(read)).toStrictEqual(slaOf(parsed));
      // Less than a third of the export is built.
      expect(JSON.stringify(read).length).toBeLessThan(text.length / 3);
    }
  });

  it('leaves out what the SLA does not read (changelog entries without status change left empty), and escapes characters above U+007F without changing them', () => {
    const issue = {
      expand: 'changelog',
      key: 'SUP-1',
      fields: {
        summary: 'Jira ne démarre plus',
        created: '2024-03-29T16:00:00.000+0100',
        status: { self: 'x', id: '10005', name: 'Opération planifiée 😀', statusCategory: { key: 'new' } },
        priority: { id: '3', name: 'Moyenne' },
        customfield_10002: [{ id: '1', name: 'Société Générale', _links: {} }],
        customfield_10004: 'Niveau élevé',
        labels: ['été'],
      },
      changelog: {
        startAt: 0,
        total: 1,
        histories: [
          {
            id: '20001',
            author: { displayName: 'Élodie' },
            created: '2024-03-29T17:00:00.000+0100',
            items: [
              { field: 'status', fieldtype: 'jira', fieldId: 'status', toString: 'Résolu', tmpToAccountId: 'x' },
              { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', toString: 'Élodie' },
            ],
          },
          { id: '20002', created: '2024-03-29T18:00:00.000+0100', items: [{ field: 'labels', fieldId: 'labels' }] },
        ],
      },
    };
    expect(readExport(bytes(JSON.stringify(issue)))).toStrictEqual({
      key: 'SUP-1',
      fields: {
        created: '2024-03-29T16:00:00.000+0100',
        status: { id: '10005', name: 'Opération planifiée 😀' },
        priority: { name: 'Moyenne' },
        customfield_10002: [{ id: '1', name: 'Société Générale', _links: {} }],
        customfield_10004: null,
      },
      changelog: {
        total: 1,
        histories: [
          {
            id: '20001',
            created: '2024-03-29T17:00:00.000+0100',
            items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', toString: 'Résolu' }, {}] as unknown[],
          },
          {},
        ],
      },
    });
  });

  it('keeps the last of a key given twice, at its first place, as JSON.parse does', () => {
    const text =
      '{"key":"SUP-1","fields":{"customfield_1":[{"id":"1","name":"Acme","_links":{}}],"created":"2024-03-29T16:00:00.000+0100",' +
      '"status":{"name":"Soumise","name":"Résolue"},"customfield_1":"none","customfield_2":"x",' +
      '"customfield_2":[{"id":"2","name":"Globex","_links":{}}]},"key":"SUP-2",' +
      '"changelog":{"histories":[{"id":"1","id":"2","created":"x","created":"2024-03-29T17:00:00.000+0100",' +
      '"items":[{"fieldId":"status","toString":"En cours","toString":"Fermée"}]}],"total":3,"total":1}}';
    const read = readExport(bytes(text));
    const parsed: unknown = JSON.parse(text);
    expect(commandPart(read)).toStrictEqual(commandPart(parsed));
    expect(slaOf(read)).toStrictEqual(slaOf(parsed));
    expect(read).toMatchObject({ key: 'SUP-2', fields: { customfield_1: null, status: { name: 'Résolue' } } });
    expect(Object.keys((read as { fields: object }).fields)).toEqual(
      Object.keys((parsed as { fields: object }).fields),
    );
  });

  it('keeps every changelog item that may be a status change', () => {
    // As exported: escapes and keys given twice kept.
    const items = [
      '{"fieldId":"status","to":"2"}',
      '{"fieldId":"st\\u0061tus","to":"3"}',
      '{"field":"STATUS","to":"4"}',
      '{"field":"Status","fieldtype":"custom","to":"5"}',
      '{"fieldId":7,"field":"status","to":"6"}',
      '{"fieldId":null,"field":"status","to":"7"}',
      '{"fieldId":"assignee","fieldId":"status","to":"8"}',
      '{"fieldId":"status","fieldId":"assignee","to":"9"}',
      '"status"',
      '["status"]',
    ];
    for (const item of items) {
      const text =
        '{"key":"SUP-1","fields":{"created":"2024-03-29T16:00:00.000+0100","status":{"id":"1"}},' +
        `"changelog":{"histories":[{"id":"1","created":"2024-03-29T17:00:00.000+0100","items":[${item}]}]}}`;
      const read = readExport(bytes(text));
      const parsed: unknown = JSON.parse(text);
      expect([text, commandPart(read)]).toStrictEqual([text, commandPart(parsed)]);
      expect(slaOf(read)).toStrictEqual(slaOf(parsed));
    }
  });

  it('gives a value that is not where the SLA expects it as it is, or leaves the document to JSON.parse', () => {
    const base = JSON.parse(exports[0]!) as Json;
    const fields = base.fields as Json;
    const changelog = base.changelog as Json;
    const histories = changelog.histories as Json[];
    const variants: unknown[] = [
      { ...base, fields: 'none' },
      { ...base, fields: [1, 2] },
      { ...base, fields: null },
      { ...base, changelog: null },
      { ...base, changelog: [] },
      { ...base, changelog: { ...changelog, histories: { a: 1 } } },
      { ...base, changelog: { ...changelog, histories: null } },
      { ...base, changelog: { ...changelog, histories: ['x', ...histories] } },
      { ...base, changelog: { ...changelog, histories: [{ ...histories[0], items: 'x' }] } },
      { ...base, changelog: { ...changelog, histories: [{ ...histories[0], items: [1, 'a', null, []] }] } },
      { ...base, fields: { ...fields, status: 'Soumise' } },
      { ...base, fields: { ...fields, status: ['Soumise'] } },
      { ...base, fields: { ...fields, priority: 3 } },
      { ...base, fields: { ...fields, created: 12 } },
      { ...base, names: ['x'] },
      { ...base, names: { customfield_10002: 'Organisations', summary: 'Organizations' } },
      { ...base, schema: { summary: { custom: 'com.atlassian.servicedesk:sd-customer-organizations' } } },
      { ...base, key: 7, id: { a: 1 } },
      'SUP-1',
      42,
      null,
      [base, 'x', [base]],
      { issues: [base, base], total: 2 },
      { issues: [base], fields: {} },
      { issues: 'none' },
    ];
    for (const variant of variants) {
      const text = JSON.stringify(variant);
      const read = readExport(bytes(text));
      if (read === undefined) continue;
      expect([text.slice(0, 60), commandPart(read)]).toStrictEqual([text.slice(0, 60), commandPart(JSON.parse(text))]);
    }
    // Escaped keys where members are looked up are left to JSON.parse.
    expect(readExport(bytes('{"k\\u0065y":"SUP-1","fields":{}}'))).toBeUndefined();
    expect(readExport(bytes('{"key":"SUP-1","fields":{"st\\u0061tus":{}}}'))).toBeUndefined();
    // Elsewhere, escapes are read as JSON.parse reads them.
    expect(
      readExport(bytes('{"key":"SUP-\\u0031","fields":{"status":{"name":"l\\u2019\\u00e9t\\u00e9 \\"2\\""}}}')),
    ).toEqual({
      key: 'SUP-1',
      fields: { status: { name: 'l\u2019été "2"' } },
    });
  });

  it('leaves to JSON.parse what is not JSON or not UTF-8, and files over 4 MiB', () => {
    const large = JSON.stringify({ ...(JSON.parse(exports[0]!) as Json), padding: 'x'.repeat(4 * 1024 * 1024) });
    expect(readExport(bytes(large))).toBeUndefined();
    expect(readExport(bytes(exports[0]!))).toBeDefined();
    for (const text of ['{"key":', '\ufeff{"key":"SUP-1"}', '{"key":"SUP-1",}', '{"a":"\u0001"}'])
      expect(readExport(bytes(text))).toBeUndefined();
    expect(readExport(Buffer.concat([bytes('{"a":"é'), Buffer.from([0xc3, 0x28]), bytes('"}')]))).toBeUndefined();
  });

  it('reads any document as JSON.parse does where the command reads it, or leaves it to JSON.parse', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 8 });
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        tie('list'),
        tie('object'),
      ),
      list: fc.array(tie('any'), { maxLength: 4 }),
      object: fc.dictionary(
        fc.oneof(
          text,
          fc.constantFrom(
            'key',
            'id',
            'fields',
            'changelog',
            'histories',
            'items',
            'names',
            'schema',
            'issues',
            'status',
            'priority',
            'created',
            'name',
            'total',
            'toString',
            'fieldId',
            'customfield_1',
            'customfield_',
            '__proto__',
          ),
        ),
        tie('any'),
        { maxKeys: 6 },
      ),
    })).any;
    fc.assert(
      fc.property(value, fc.boolean(), (document, twice) => {
        let json = JSON.stringify(document);
        // A member given twice: the object's first member copied after its last.
        if (twice)
          json = json.replace(
            /\{("(?:[^"\\]|\\.)*":(?:"(?:[^"\\]|\\.)*"|[-\d.e+]+|true|false|null))(.*?)\}/,
            '{$1$2,$1}',
          );
        const read = readExport(bytes(json));
        if (read === undefined) return;
        expect(commandPart(read)).toStrictEqual(commandPart(JSON.parse(json)));
      }),
      { numRuns: 3_000 },
    );
  });
});
