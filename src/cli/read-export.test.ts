import fc from 'fast-check';
import { readExport } from './read-export';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

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

  it('keeps what the SLA reads, its French text decoded, and leaves out the rest', () => {
    expect(readExport(bytes(JSON.stringify(issue)))).toStrictEqual({
      id: '10101',
      key: 'SUP-101',
      fields: {
        created: '2024-03-29T16:00:00.000+0100',
        status: { id: '10005', name: 'Opération planifiée' },
        priority: { id: '3', name: 'Moyenne' },
        customfield_10002: [{ id: '1', name: 'Société Générale', _links: {} }],
        customfield_10003: [],
      },
      changelog: {
        startAt: 0,
        total: 1,
        histories: [
          {
            id: '20001',
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
              },
            ],
          },
        ],
      },
    });
  });

  it('keeps the lists that names or schema name, wherever they come in the issue, and no other field', () => {
    const names = { customfield_10004: 'Organisations', champ_é: 'Équipes', labels: 'Étiquettes' };
    const fields = { ...issue.fields, champ_é: [{ id: 'ü', name: 'Société', _links: {} }] };
    // names first, before the fields it names.
    const read = readExport(bytes(JSON.stringify({ names, ...issue, fields }))) as {
      fields: Record<string, unknown>;
      names: unknown;
    };
    expect(read.fields['champ_é']).toEqual([{ id: 'ü', name: 'Société', _links: {} }]);
    expect(read.fields.labels).toEqual(['été']);
    // A named field holding no list is read by the SLA as no list of organizations: left out.
    expect(read.fields).not.toHaveProperty('customfield_10004');
    expect(read.fields).not.toHaveProperty('summary');
    expect(read.names).toEqual(names);
    expect(Object.keys(read)).toEqual(['names', 'id', 'key', 'fields', 'changelog']);
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

  it('reads any JSON value as JSON.parse does where it keeps it, or leaves it to JSON.parse', () => {
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
        // What is kept equals JSON.parse's value at the same place.
        const check = (kept: unknown, full: unknown): void => {
          if (kept === null || typeof kept !== 'object') return expect(kept).toStrictEqual(full);
          expect(Array.isArray(kept)).toBe(Array.isArray(full));
          for (const key of Object.keys(kept)) {
            expect(Object.prototype.hasOwnProperty.call(full, key)).toBe(true);
            check((kept as Record<string, unknown>)[key], (full as Record<string, unknown>)[key]);
          }
        };
        check(read, parsed);
      }),
      { numRuns: 2_000 },
    );
  });
});
