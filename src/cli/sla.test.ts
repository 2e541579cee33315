import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateSlaExports, SLA_EXPORTS_CONFIG, SLA_EXPORTS_NOW } from '../../test/support/sla-exports';
import { nodeIo, runSla, type Io } from './sla';

const ROOT = join(__dirname, '..', '..');
const fixture = (name: string): string => join('test', 'fixtures', 'sla', name);
const NOW = '2024-04-02T11:30:00+02:00';

function run(
  args: string[],
  nowMs = Date.parse('2024-04-02T09:30:00Z'),
): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => readFileSync(join(ROOT, p), 'utf8'),
    nowMs: () => nowMs,
  };
  return { code: runSla(args, io), out, err };
}

const SUP_101 = {
  issueKey: 'SUP-101',
  coverage: 'business_hours',
  state: 'stopped',
  breached: false,
  startedAt: '2024-03-29T15:00:00.000Z',
  stoppedAt: '2024-04-02T09:30:00.000Z',
  stopStatus: 'waiting_for_customer',
  elapsedMs: 2.5 * 3_600_000,
  goalMs: 14_400_000,
  remainingMs: 1.5 * 3_600_000,
  breachAt: null,
};

describe('the sla command', () => {
  it('prints the contract line through npm, and reports a malformed file without losing the others', () => {
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'sla',
        '--',
        '--now',
        NOW,
        fixture('SUP-101.json'),
        fixture('malformed.json'),
        fixture('SUP-102.json'),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(JSON.stringify(SUP_101));
    expect(JSON.parse(lines[1]!)).toMatchObject({ issueKey: 'SUP-102', coverage: 'business_hours' });
    expect(result.stderr).toMatch(/^sla: test\/fixtures\/sla\/malformed\.json: not valid JSON/);
  });

  it('uses the coverage of the request organization from --config, or the one forced by --coverage', () => {
    const byOrg = run(['--now', NOW, '--config', fixture('config-globex-24x7.json'), fixture('SUP-102.json')]);
    expect(byOrg.code).toBe(0);
    // Created Friday 29 March 17:00 CET, 24/7: breached at 21:00 CET; 89.5 hours by Tuesday 11:30 CEST.
    expect(JSON.parse(byOrg.out[0]!)).toMatchObject({
      coverage: '24x7',
      state: 'running',
      breached: true,
      elapsedMs: 89.5 * 3_600_000,
      remainingMs: 0,
      breachAt: '2024-03-29T20:00:00.000Z',
    });
    const business = run([
      '--now',
      NOW,
      '--coverage',
      'business_hours',
      '--config',
      fixture('config-globex-24x7.json'),
      fixture('SUP-102.json'),
    ]);
    // Friday 17:00-18:00, then Tuesday 09:00-11:30 (Easter Monday closed): 3.5 hours, half an hour left.
    expect(JSON.parse(business.out[0]!)).toMatchObject({
      coverage: 'business_hours',
      breached: false,
      elapsedMs: 3.5 * 3_600_000,
      remainingMs: 1_800_000,
      breachAt: '2024-04-02T10:00:00.000Z',
    });
  });

  it('takes the current time when --now is absent', () => {
    const { out } = run([fixture('SUP-102.json')], Date.parse('2024-03-29T16:30:00Z'));
    expect(JSON.parse(out[0]!)).toMatchObject({ elapsedMs: 30 * 60_000, remainingMs: 3.5 * 3_600_000 });
  });

  it('prints the keys of DESIGN.md section 4, in its order', () => {
    const { out } = run(['--now', NOW, fixture('SUP-101.json')]);
    expect(Object.keys(JSON.parse(out[0]!))).toEqual([
      'issueKey',
      'coverage',
      'state',
      'breached',
      'startedAt',
      'stoppedAt',
      'stopStatus',
      'elapsedMs',
      'goalMs',
      'remainingMs',
      'breachAt',
    ]);
  });

  it('names the file and the missing field of an issue it cannot read', () => {
    const { code, out, err } = run(['--now', NOW, fixture('missing-created.json'), fixture('SUP-101.json')]);
    expect(code).toBe(1);
    expect(out).toEqual([JSON.stringify(SUP_101)]);
    expect(err).toEqual([
      'sla: test/fixtures/sla/missing-created.json: SUP-104: fields.created is missing or not a timestamp (null)',
    ]);
  });

  it('explains an invalid configuration field by field and computes nothing', () => {
    const { code, out, err } = run(['--config', fixture('config-invalid.json'), fixture('SUP-101.json')]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(
      expect.arrayContaining([
        expect.stringContaining('calendars.businessHours.timeZone: "Mars/Olympus" is not a time zone'),
        expect.stringContaining('coverage.default: Unrecognised value'),
        expect.stringMatching(/^usage: /),
      ]),
    );
  });

  it('refuses bad options with the usage', () => {
    expect(run(['--now', 'tomorrow', fixture('SUP-101.json')]).err[0]).toMatch(/--now must be an ISO instant/);
    expect(run(['--coverage', 'weekdays', fixture('SUP-101.json')]).code).toBe(2);
    expect(run([]).err[0]).toBe('sla: no issue file given');
    expect(run(['--verbose', fixture('SUP-101.json')]).code).toBe(2);
  });

  it('refuses impossible dates in --now and in the export, rather than rolling them over', () => {
    expect(run(['--now', '2026-02-30T12:00:00Z', fixture('SUP-101.json')])).toMatchObject({ code: 2, out: [] });
    const one = JSON.parse(readFileSync(join(ROOT, fixture('SUP-101.json')), 'utf8'));
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readFile: () => JSON.stringify({ ...one, fields: { ...one.fields, created: '2024-04-31T09:00:00.000+0200' } }),
      nowMs: () => Date.parse(NOW),
    };
    expect(runSla(['bad-date.json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'sla: bad-date.json: SUP-101: fields.created is missing or not a timestamp ("2024-04-31T09:00:00.000+0200")',
    ]);
  });

  it('refuses a file holding no issue, and an issue exported without its changelog', () => {
    const one = JSON.parse(readFileSync(join(ROOT, fixture('SUP-101.json')), 'utf8'));
    const { changelog: _dropped, ...withoutChangelog } = one;
    const files: Record<string, unknown> = {
      'empty.json': [],
      'no-hits.json': { issues: [] },
      'bare.json': withoutChangelog,
    };
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readFile: (p) => JSON.stringify(files[p]),
      nowMs: () => Date.parse(NOW),
    };
    expect(runSla(['empty.json', 'no-hits.json', 'bare.json'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      expect.stringMatching(/^sla: empty\.json: holds no issue/),
      expect.stringMatching(/^sla: no-hits\.json: holds no issue/),
      'sla: bare.json: SUP-101: no changelog: the SLA is computed from it, so export the issue with ?expand=changelog',
    ]);
  });

  it('warns about a status the configuration does not map, and still prints the line', () => {
    const one = JSON.parse(readFileSync(join(ROOT, fixture('SUP-101.json')), 'utf8'));
    const renamed = {
      ...one,
      changelog: {
        ...one.changelog,
        histories: [
          ...one.changelog.histories,
          {
            id: '999',
            created: '2024-04-02T11:00:00.000+0200',
            items: [
              {
                field: 'status',
                fieldtype: 'jira',
                fieldId: 'status',
                from: '10001',
                fromString: 'x',
                to: '77777',
                toString: 'Triage',
              },
            ],
          },
        ],
      },
    };
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readFile: () => JSON.stringify(renamed),
      nowMs: () => Date.parse(NOW),
    };
    expect(runSla(['renamed.json'], io)).toBe(0);
    expect(out).toHaveLength(1);
    expect(err).toEqual([expect.stringContaining('SUP-101: status "Triage", id 77777 is not mapped')]);
  });

  it('reads a list of issues or a search result from one file', () => {
    const one = JSON.parse(readFileSync(join(ROOT, fixture('SUP-101.json')), 'utf8'));
    const out: string[] = [];
    const io: Io = {
      out: (l) => out.push(l),
      err: () => undefined,
      readFile: () => JSON.stringify({ startAt: 0, total: 2, issues: [one, { ...one, key: 'SUP-105' }] }),
      nowMs: () => Date.parse(NOW),
    };
    expect(runSla(['search.json'], io)).toBe(0);
    expect(out.map((l) => JSON.parse(l).issueKey)).toEqual(['SUP-101', 'SUP-105']);
  });

  it('prints, for 500 generated exports read from files, what it printed before reading them fast', () => {
    // generated-500.expected.jsonl: the lines of the command as it was before it read exports with readExport,
    // for generateSlaExports(500, 42) (French holidays, business hours and 24/7 contracts, open and closed
    // requests, changelogs of 0 to 60 entries in either order).
    const expected = readFileSync(join(ROOT, fixture('generated-500.expected.jsonl')), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'sla-test-'));
    try {
      writeFileSync(join(dir, 'config.json'), JSON.stringify(SLA_EXPORTS_CONFIG));
      const files = generateSlaExports(500, 42).map((issue) => {
        const file = join(dir, `${String(issue.key)}.json`);
        writeFileSync(file, JSON.stringify(issue));
        return file;
      });
      const written = { out: '', err: '' };
      const io = nodeIo({ write: (t: string) => (written.out += t) }, { write: (t: string) => (written.err += t) });
      expect(runSla(['--now', SLA_EXPORTS_NOW, '--config', join(dir, 'config.json'), ...files], io)).toBe(0);
      io.flush();
      expect(written.err).toBe('');
      expect(written.out).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the same from bytes as from text (JSON.parse) for exports altered anywhere, down to invalid bytes', () => {
    const pool = generateSlaExports(40, 5).map((issue) => JSON.stringify(issue));
    const unicode = fc.string({ unit: 'grapheme', maxLength: 12 });
    /** Changes to an export's JSON: text in the places the SLA reads, then bytes anywhere. */
    const alteration = fc.record({
      statusName: fc.option(unicode),
      organization: fc.option(unicode),
      names: fc.option(
        fc.constantFrom(
          { customfield_10002: 'Organisations' },
          { customfield_10002: 'Équipe' },
          { customfield_10010: 'Organizations', customfield_10002: 'Organizations' },
          { summary: 'Organisations' },
          'é',
        ),
      ),
      schema: fc.option(
        fc.constantFrom(
          { customfield_10010: { custom: 'com.atlassian.servicedesk:sd-customer-organizations' } },
          { labels: { custom: 'com.atlassian.servicedesk:sd-customer-organizations' } },
        ),
      ),
      escape: fc.option(fc.constantFrom('\\u00e9', '\\u2019', '\\u0041', '\\n', '\\"')),
      bytes: fc.array(
        fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')),
        {
          maxLength: 2,
        },
      ),
    });
    const run = (args: string[], content: (path: string) => string | Uint8Array) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: content, nowMs: () => 0 };
      return { code: runSla(args, io), out, err };
    };
    fc.assert(
      fc.property(fc.nat(pool.length - 1), alteration, (n, change) => {
        const issue = JSON.parse(pool[n]!);
        if (change.statusName !== null) {
          issue.fields.status.name = change.statusName;
          for (const h of issue.changelog.histories)
            for (const item of h.items) if (item.field === 'status') item.toString = change.statusName;
        }
        if (change.organization !== null && issue.fields.customfield_10002.length > 0)
          issue.fields.customfield_10002[0].name = change.organization;
        if (change.names !== null) issue.names = change.names;
        if (change.schema !== null) issue.schema = change.schema;
        let text = JSON.stringify(issue);
        if (change.escape !== null) text = text.replace('"Soumise"', `"Sou${change.escape}mise"`);
        let bytes = Buffer.from(text, 'utf8');
        for (const [at, byte, how] of change.bytes) {
          const i = at % bytes.length;
          if (how === 'set') bytes[i] = byte;
          else if (how === 'insert')
            bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
          else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
        }
        const args = ['--now', SLA_EXPORTS_NOW, '--config', 'config.json', 'export.json'];
        const config = JSON.stringify({
          ...SLA_EXPORTS_CONFIG,
          coverage: { byOrganization: { Équipe: '24x7', Globex: '24x7' } },
        });
        const fromBytes = run(args, (p) => (p === 'config.json' ? Buffer.from(config) : bytes));
        const fromText = run(args, (p) => (p === 'config.json' ? config : bytes.toString('utf8')));
        expect(fromBytes).toEqual(fromText);
      }),
      { numRuns: 250 },
    );
  });

  it('reads a file larger than its buffer, and each file after it whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-test-'));
    try {
      const issues = generateSlaExports(30, 9);
      const big = join(dir, 'search.json');
      writeFileSync(big, JSON.stringify({ startAt: 0, total: issues.length, issues }));
      const small = join(dir, 'one.json');
      writeFileSync(small, JSON.stringify(issues[0]));
      expect(readFileSync(big).length).toBeGreaterThan(4 * 65_536);
      const written = { out: '', err: '' };
      const io = nodeIo({ write: (t: string) => (written.out += t) }, { write: (t: string) => (written.err += t) });
      expect(runSla(['--now', SLA_EXPORTS_NOW, big, small, big], io)).toBe(0);
      io.flush();
      const lines: string[] = [];
      const textIo: Io = {
        out: (l) => lines.push(l),
        err: (l) => lines.push(`err: ${l}`),
        readFile: (p) => readFileSync(p, 'utf8'),
        nowMs: () => 0,
      };
      expect(runSla(['--now', SLA_EXPORTS_NOW, big, small, big], textIo)).toBe(0);
      expect(written.out).toBe(lines.map((l) => `${l}\n`).join(''));
      expect(written.out.split('\n')).toHaveLength(2 * issues.length + 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes its lines in blocks, and the lines before an error line first', () => {
    const written: string[] = [];
    const io = nodeIo(
      { write: (t: string) => written.push(`out:${t}`) },
      { write: (t: string) => written.push(`err:${t}`) },
    );
    io.out('a');
    io.out('b');
    expect(written).toEqual([]);
    io.err('oops');
    io.out('c');
    io.flush();
    expect(written).toEqual(['out:a\nb\n', 'err:oops\n', 'out:c\n']);
  });
});
