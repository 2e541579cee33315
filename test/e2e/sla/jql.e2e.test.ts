/**
 * The SLA record in JQL, on the sandbox's demo data: once the SLA sweep has given every request its record (the
 * demo requests predate the app), `srSlaBreached = yes ORDER BY srSlaBreachAt` finds exactly the requests the `sla`
 * command finds breached from the same requests' exports, with the configuration in force, and lists them by
 * breach instant. Sources: the entity-property module's searchAlias ("the name used for this property in JQL") and
 * types (string: the exact value; date: "date range searching and ordering"),
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/.
 */
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';
import { slaCommandLines, type SlaCommandLine } from '../../support/sla-command';

let sandbox: TestSandbox;
let agent: SandboxUser;
let answered: string;

interface Found {
  key: string;
  properties?: { supportRulesSla?: { breached: string; breachAt: string | null } };
}

const search = async (jql: string): Promise<Found[]> => {
  const found: Found[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await sandbox
      .asUser(agent.emailAddress)
      .ok<{ issues: Found[]; nextPageToken?: string }>('POST', '/rest/api/3/search/jql', {
        jql,
        fields: ['key'],
        properties: ['supportRulesSla'],
        maxResults: 100,
        nextPageToken,
      });
    found.push(...page.issues);
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return found;
};

/** What the `sla` command says of these requests, from their exports, with the configuration in force. */
async function slaCommand(keys: string[], now: string): Promise<SlaCommandLine[]> {
  const exports: Array<{ key: string }> = [];
  for (const key of keys)
    exports.push(
      await sandbox
        .asUser(agent.emailAddress)
        .ok<{ key: string }>('GET', `/rest/api/3/issue/${key}?expand=changelog,names,schema`),
    );
  return slaCommandLines(sandbox, exports, now);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  agent = await sandbox.user('agent1@sandbox.test');
  // The first SLA sweep (five minutes after the install) gives the demo requests their records; then a day passes,
  // in which the open ones cross their thresholds and the sweep updates their records as they do.
  await sandbox.advance('PT10M');
  // A request answered at once: stopped within its goal (the demo data's answered requests all missed theirs).
  const claire = await sandbox.user('claire@acme.test');
  answered = await sandbox.portalRequest(claire, 'Answered at once');
  await sandbox.settle();
  await sandbox.moveTo(agent, answered, 'En attente du client');
  await sandbox.advance('P1D');
  await sandbox.settle();
}, 240_000);

afterAll(async () => {
  await sandbox?.close();
});

it('finds exactly the breached requests the sla command finds, by breach instant', async () => {
  const requests = await search('project in (SUP, IT) ORDER BY key ASC');
  expect(requests.length).toBeGreaterThanOrEqual(12);
  // Every JSM request has its record; the Software project's issues have none.
  expect(requests.filter((r) => !r.properties?.supportRulesSla).map((r) => r.key)).toEqual([]);
  expect((await search('project = DEV AND srSlaState IS NOT EMPTY')).map((r) => r.key)).toEqual([]);

  const now = (await sandbox.asUser().ok<{ now: string }>('GET', '/_sandbox/clock')).now;
  const lines = await slaCommand(
    requests.map((r) => r.key),
    now,
  );
  const breachedByCommand = lines.filter((l) => l.breached).map((l) => l.issueKey);
  expect(breachedByCommand.length).toBeGreaterThan(0);
  expect(breachedByCommand.length).toBeLessThan(lines.length);

  const breached = await search('srSlaBreached = yes ORDER BY srSlaBreachAt ASC');
  expect(breached.map((b) => b.key).sort()).toEqual([...breachedByCommand].sort());
  // By breach instant (the record's, to the second), as the command computes it.
  const instants = breached.map((b) => Date.parse(lines.find((l) => l.issueKey === b.key)!.breachAt!));
  expect(instants).toEqual([...instants].sort((a, b) => a - b));
  // The other way round, and the complement.
  // Requests breached at the same instant may come in either order (JQL does not order ties), so the instants are
  // compared, latest first, and the keys as a set.
  const latestFirst = await search('srSlaBreached = yes ORDER BY srSlaBreachAt DESC');
  expect(latestFirst.map((b) => b.key).sort()).toEqual(breached.map((b) => b.key).sort());
  const latestInstants = latestFirst.map((b) => Date.parse(lines.find((l) => l.issueKey === b.key)!.breachAt!));
  expect(latestInstants).toEqual([...instants].reverse());
  const notBreached = await search('project in (SUP, IT) AND srSlaBreached = no');
  expect(notBreached.map((b) => b.key).sort()).toEqual(
    lines
      .filter((l) => !l.breached)
      .map((l) => l.issueKey)
      .sort(),
  );
});

it('answers the admin guide examples: stopped within the goal, breach expected before an instant', async () => {
  const lines = new Map(
    (
      await slaCommand(
        (await search('project in (SUP, IT)')).map((r) => r.key),
        (await sandbox.asUser().ok<{ now: string }>('GET', '/_sandbox/clock')).now,
      )
    ).map((l) => [l.issueKey, l]),
  );
  const stoppedWithin = await search('srSlaState = stopped AND srSlaBreached = no');
  expect(stoppedWithin.map((r) => r.key)).toContain(answered);
  for (const r of stoppedWithin) expect(lines.get(r.key)).toMatchObject({ state: 'stopped', breached: false });
  const soon = new Date(
    Date.parse((await sandbox.asUser().ok<{ now: string }>('GET', '/_sandbox/clock')).now) + 7 * 86_400_000,
  );
  const day = soon.toISOString().slice(0, 10);
  const before = await search(`srSlaState = running AND srSlaBreachAt < "${day}"`);
  expect(before.length).toBeGreaterThan(0);
  for (const r of before) expect(Date.parse(lines.get(r.key)!.breachAt!)).toBeLessThan(Date.parse(`${day}T00:00:00Z`));
});
