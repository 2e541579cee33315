import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSla, type Io } from './sla';

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
});
