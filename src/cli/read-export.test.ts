import fc from 'fast-check';
import { readExport } from './read-export';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
/** A text as readExport leaves what the SLA does not read: its UTF-8 bytes, one character each. */
const asRead = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Json, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
/** The string members `keys` of `o`. */
const strings = (o: unknown, keys: string[]): Json | null =>
  isObject(o) ? Object.fromEntries(keys.filter((k) => typeof own(o, k) === 'string').map((k) => [k, o[k]])) : null;

/**
 * What the SLA reads of a parsed document (an issue, a list, a search result), keys mapped by `key`: the
 * issue's key and id, names' values, the fields' created, status, priority and lists' ids and names, the
 * changelog entries' ids, dates and items.
 */
function readPart(value: unknown, key: (k: string) => string = (k) => k): unknown {
  if (Array.isArray(value)) return value.map((v) => readPart(v, key));
  if (!isObject(value)) return null;
  const names = own(value, 'names');
  const fields = own(value, 'fields');
  const changelog = own(value, 'changelog');
  const histories = isObject(changelog) ? own(changelog, 'histories') : undefined;
  const issues = own(value, 'issues');
  return {
    issue: strings(value, ['key', 'id']),
    names: isObject(names)
      ? Object.fromEntries(Object.entries(names).map(([k, v]) => [key(k), typeof v === 'string' ? v : null]))
      : null,
    fields: isObject(fields)
      ? {
          created: strings(fields, ['created']),
          status: strings(own(fields, 'status'), ['id', 'name']),
          priority: strings(own(fields, 'priority'), ['name']),
          lists: Object.entries(fields)
            .filter(([, v]) => Array.isArray(v))
            .map(([k, v]) => [key(k), (v as unknown[]).map((e) => strings(e, ['id', 'name']))]),
        }
      : null,
    histories: Array.isArray(histories)
      ? histories.map((h) => ({
          entry: strings(h, ['id', 'created']),
          items:
            isObject(h) && Array.isArray(own(h, 'items'))
              ? (own(h, 'items') as unknown[]).map((i) =>
                  strings(i, ['field', 'fieldId', 'fieldtype', 'from', 'fromString', 'to', 'toString']),
                )
              : null,
        }))
      : null,
    issues: Array.isArray(issues) ? readPart(issues, key) : null,
  };
}

const issue = {
  expand: 'changelog',
  id: '10101',
  key: 'SUP-101',
  fields: {
    summary: 'Jira ne démarre plus',
    description: {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Déjà vu' }] }],
    },
    created: '2024-03-29T16:00:00.000+0100',
    status: { id: '10005', name: 'Opération planifiée' },
    priority: { id: '3', name: 'Moyenne' },
    customfield_10002: [{ id: '1', name: 'Société Générale', _links: {} }],
    customfield_10003: [],
    customfield_10004: 'Niveau élevé',
    labels: ['été'],
  },
  changelog: {
    startAt: 0,
    total: 1,
    histories: [
      {
        id: '20001',
        author: { accountId: 'a', displayName: 'Élodie' },
        created: '2024-03-29T17:00:00.000+0100',
        items: [
          {
            field: 'status',
            fieldtype: 'jira',
            fieldId: 'status',
            from: '10001',
            fromString: 'Soumise',
            to: '10005',
            toString: 'Opération planifiée',
            tmpToAccountId: 'x',
          },
        ],
      },
    ],
  },
};

describe('readExport', () => {
  it('reads an export in ASCII as JSON.parse does, whole', () => {
    const text = JSON.stringify({
      key: 'SUP-1',
      fields: { created: '2024-03-29T16:00:00.000+0100', summary: 'Plain' },
    });
    expect(readExport(bytes(text))).toStrictEqual(JSON.parse(text));
  });

  it('decodes what the SLA reads where it stands, and leaves the rest as read, one character per byte', () => {
    const read = readExport(bytes(JSON.stringify(issue))) as typeof issue;
    expect(read.key).toBe('SUP-101');
    expect(read.fields.created).toBe('2024-03-29T16:00:00.000+0100');
    expect(read.fields.status).toStrictEqual({ id: '10005', name: 'Opération planifiée' });
    expect(read.fields.priority).toStrictEqual({ id: '3', name: 'Moyenne' });
    expect(read.fields.customfield_10002).toStrictEqual([{ id: '1', name: 'Société Générale', _links: {} }]);
    // The entry as exported, but for its author's name (not read by the SLA).
    const [entry] = issue.changelog.histories;
    expect(read.changelog.histories).toStrictEqual([
      { ...entry, author: { accountId: 'a', displayName: asRead('Élodie') } },
    ]);
    // What the SLA does not read is not decoded.
    expect(read.fields.summary).toBe(asRead('Jira ne démarre plus'));
    expect(read.fields.customfield_10004).toBe(asRead('Niveau élevé'));
    expect(read.fields.labels).toEqual([asRead('été')]);
    expect(Object.keys(read)).toEqual(Object.keys(issue));
  });

  it('decodes the values of names and the lists of fields, whose keys read alike, wherever names comes', () => {
    const names = { customfield_10004: 'Organisations', champ_é: 'Équipes', labels: 'Étiquettes' };
    const fields = { ...issue.fields, champ_é: [{ id: 'ü', name: 'Société', _links: {} }] };
    // names first, before the fields it names.
    const read = readExport(bytes(JSON.stringify({ names, ...issue, fields }))) as {
      fields: Record<string, unknown>;
      names: Record<string, unknown>;
    };
    const key = asRead('champ_é');
    expect(read.names[key]).toBe('Équipes');
    expect(read.names.customfield_10004).toBe('Organisations');
    expect(read.fields[key]).toEqual([{ id: 'ü', name: 'Société', _links: {} }]);
    expect(Object.keys(read)).toEqual(['names', 'expand', 'id', 'key', 'fields', 'changelog']);
  });

  it('reads lists of issues and search results', () => {
    const [first] = readExport(bytes(JSON.stringify([issue, 'x', 3]))) as unknown[];
    expect((first as typeof issue).fields.status.name).toBe('Opération planifiée');
    const search = readExport(bytes(JSON.stringify({ total: 1, issues: [issue] }))) as { issues: unknown[] };
    expect((search.issues[0] as typeof issue).changelog.histories[0]!.items[0]!.toString).toBe('Opération planifiée');
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does', () => {
    const read = readExport(bytes('{"key":"SUP-1","fields":{"status":{"__proto__":{"x":"é"},"name":"Résolu"}}}')) as {
      fields: { status: Record<string, unknown> };
    };
    expect(Object.getPrototypeOf(read.fields.status)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(read.fields.status, '__proto__')).toBe(true);
    expect(read.fields.status.name).toBe('Résolu');
  });

  it('leaves to JSON.parse what is not JSON, not UTF-8, or escapes a character above U+007F beside UTF-8 text', () => {
    for (const text of [
      '{"key":',
      '\ufeff{"key":"SUP-1"}',
      '{"key":"SUP-1",}',
      '{"a":"\u0001"}',
      '{"a":"l\\u2019été"}',
    ])
      expect(readExport(bytes(text))).toBeUndefined();
    expect(readExport(Buffer.concat([bytes('{"a":"é'), Buffer.from([0xc3, 0x28]), bytes('"}')]))).toBeUndefined();
    // Escapes in an ASCII file, and ASCII escapes beside UTF-8 text, are read as JSON.parse reads them.
    expect(readExport(bytes('{"key":"SUP-\\u0031","fields":{"status":{"name":"l\\u2019\\u00e9t\\u00e9"}}}'))).toEqual({
      key: 'SUP-1',
      fields: { status: { name: 'l\u2019été' } },
    });
    expect(readExport(bytes('{"key":"SUP-\\u0031","fields":{"status":{"name":"Résolu \\"2\\""}}}'))).toEqual({
      key: 'SUP-1',
      fields: { status: { name: 'Résolu "2"' } },
    });
  });

  it('reads any JSON value as JSON.parse does where the SLA reads it, or leaves it to JSON.parse', () => {
    // Documents of any shape, with text of any script, in the places the SLA reads and elsewhere.
    const text = fc.string({ unit: 'grapheme' });
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
            'customfield_1',
            'toString',
            '__proto__',
          ),
        ),
        tie('any'),
        { maxKeys: 6 },
      ),
    })).any;
    fc.assert(
      fc.property(value, (document) => {
        const json = JSON.stringify(document);
        const read = readExport(bytes(json));
        const parsed: unknown = JSON.parse(json);
        if (read === undefined) return;
        // What the SLA reads equals JSON.parse's value at the same place; keys read alike.
        expect(readPart(read)).toStrictEqual(readPart(parsed, asRead));
      }),
      { numRuns: 2_000 },
    );
  });
});
