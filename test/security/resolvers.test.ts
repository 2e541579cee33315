// Who may call what: every resolver function of every Custom UI module, invoked as Forge invokes it (the sandbox
// runtime's invokeResolver, with the context Jira gives the module and the caller as the principal), by each kind
// of caller. The expected table is the spec: reads for anyone who can see the request (in JSM a customer sees
// the requests of their organization), escalation for the same audience (DESIGN.md: whoever the portal shows the
// request to may escalate it: the reporter, participants, members of an organization it is shared with; agents), configuration for
// Jira admins only. A refusal never carries the request's data. Before the app is asked at all, Forge runs a module
// only for licensed users unless its `unlicensedAccess` lists the caller's kind ("Access to Forge apps for
// unlicensed users"): the agent's panel and the admin page never run for customers or anonymous callers, the
// portal modules run for customers but not for anonymous callers ('platform' below: the runtime refuses).
import { uiContext, type ShownIssue, type ShownProject } from '../../sandbox/pages/ui-context';
import { ModuleAccessError } from '../../sandbox/runtime/runtime';
import { statusResolver } from '../../src/domain/workflow';
import { ADMIN, DESK, ISSUE_PANEL, PORTAL } from '../../src/shared/contracts';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../support/sandbox';

type CallerKind = 'anonymous' | 'otherOrgCustomer' | 'sameOrgCustomer' | 'participant' | 'reporter' | 'agent' | 'admin';
/** 'ok', the refusal's status, or 'platform' when Forge does not run the module for that caller at all. */
type Expected = 'ok' | 400 | 403 | 404 | 409 | 'platform';

interface Answer {
  ok: boolean;
  status?: number | 'platform';
  code?: string;
  data?: unknown;
}

const CALLERS: CallerKind[] = [
  'anonymous',
  'otherOrgCustomer',
  'sameOrgCustomer',
  'participant',
  'reporter',
  'agent',
  'admin',
];

/** The spec, per module and function: the answer each caller gets. */
/** Licensed users only: Forge refuses the module to customers and anonymous callers. */
const licensedOnly = (agent: Expected, admin: Expected): Record<CallerKind, Expected> => ({
  anonymous: 'platform',
  otherOrgCustomer: 'platform',
  sameOrgCustomer: 'platform',
  participant: 'platform',
  reporter: 'platform',
  agent,
  admin,
});
const PANEL_READ = licensedOnly('ok', 'ok');
const PANEL_ESCALATE = licensedOnly('ok', 'ok');
const AGENT_ACTION = licensedOnly('ok', 'ok');
const ADMIN_ONLY = licensedOnly(403, 'ok');
// The portal's audience: reporter, participants, members of an organization the request is shared with, agents.
const READ: Record<CallerKind, Expected> = {
  anonymous: 'platform',
  otherOrgCustomer: 403,
  sameOrgCustomer: 'ok',
  participant: 'ok',
  reporter: 'ok',
  agent: 'ok',
  admin: 'ok',
};
const ESCALATE: Record<CallerKind, Expected> = { ...READ };

interface Case {
  moduleKey: string;
  functionKey: string;
  /** Module shown on a request (issue panel, portal) or on a page (admin). */
  onRequest: boolean;
  /** Changes the request: each call gets a fresh one. */
  mutates: boolean;
  expected: Record<CallerKind, Expected>;
  payload: () => Record<string, unknown>;
  /** A project page (the at-risk queue, the SLA report): shown in SUP. */
  inProject?: boolean;
}

const SUP: ShownProject = { id: '10000', key: 'SUP', type: 'service_desk' };
const MONTH = new Date().toISOString().slice(0, 7);

const SUMMARY = 'Security matrix request';
let sandbox: TestSandbox;
let users: SandboxUser[];
let callers: Record<Exclude<CallerKind, 'anonymous'>, SandboxUser>;
let config: unknown;
/** A request that is never changed, for the reading functions. */
let readOnly: ShownIssue;

const CASES: Case[] = [
  // The desk's pages: agents of the project (admins are agents in the sandbox's JSM), never customers.
  {
    moduleKey: 'at-risk-queue',
    functionKey: DESK.getAtRiskQueue,
    onRequest: false,
    mutates: false,
    expected: licensedOnly('ok', 'ok'),
    payload: () => ({}),
    inProject: true,
  },
  {
    moduleKey: 'sla-report',
    functionKey: DESK.getSlaReport,
    onRequest: false,
    mutates: false,
    expected: licensedOnly('ok', 'ok'),
    payload: () => ({ from: MONTH, to: MONTH }),
    inProject: true,
  },
  {
    moduleKey: 'sla-report',
    functionKey: DESK.getSlaReportRows,
    onRequest: false,
    mutates: false,
    expected: licensedOnly('ok', 'ok'),
    payload: () => ({ from: MONTH, to: MONTH, chunk: 0 }),
    inProject: true,
  },
  {
    moduleKey: 'sla-panel',
    functionKey: ISSUE_PANEL.getView,
    onRequest: true,
    mutates: false,
    expected: PANEL_READ,
    payload: () => ({ lang: 'en' }),
  },
  {
    moduleKey: 'sla-panel',
    functionKey: ISSUE_PANEL.escalate,
    onRequest: true,
    mutates: true,
    expected: PANEL_ESCALATE,
    payload: () => ({ lang: 'en', reason: 'No answer for two days' }),
  },
  {
    moduleKey: 'sla-panel',
    functionKey: ISSUE_PANEL.closeAsConsulting,
    onRequest: true,
    mutates: true,
    expected: AGENT_ACTION,
    payload: () => ({ lang: 'en' }),
  },
  {
    moduleKey: 'sla-panel',
    functionKey: ISSUE_PANEL.recordThirdParty,
    onRequest: true,
    mutates: true,
    expected: AGENT_ACTION,
    payload: () => ({ lang: 'en', kind: 'hosting', name: 'OVH' }),
  },
  {
    moduleKey: 'sla-panel',
    functionKey: ISSUE_PANEL.recordScheduledOperation,
    onRequest: true,
    mutates: true,
    expected: AGENT_ACTION,
    payload: () => ({ lang: 'en', at: new Date(Date.now() + 86_400_000).toISOString(), who: 'Ops' }),
  },
  ...['portal-request-panel', 'portal-escalate'].flatMap((moduleKey): Case[] => [
    {
      moduleKey,
      functionKey: PORTAL.getView,
      onRequest: true,
      mutates: false,
      expected: READ,
      payload: () => ({ lang: 'en' }),
    },
    {
      moduleKey,
      functionKey: PORTAL.escalate,
      onRequest: true,
      mutates: true,
      expected: ESCALATE,
      payload: () => ({ lang: 'en', reason: 'The answers are too slow' }),
    },
  ]),
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.getConfig,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.validateConfig,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en', config }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.saveConfig,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en', config }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.setupCheck,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.exportConfig,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.importConfig,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en', json: JSON.stringify(config) }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.findPeople,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en', kind: 'user', query: 'lea' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.listServiceProjects,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({}),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.listSiteValues,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({}),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.previewCoverageChange,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ lang: 'en', config }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.listHolidayPlaces,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ country: 'FR' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.listDeadLetters,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({}),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.retryDeadLetter,
    onRequest: false,
    mutates: false,
    // No such letter: the admin passes the gate and is told so; everyone else is stopped at it.
    expected: { ...ADMIN_ONLY, admin: 404 },
    payload: () => ({ id: 'dead:SUP-1:none' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.startSlaRecompute,
    onRequest: false,
    mutates: false,
    // A JQL Jira refuses: the admin passes the gate and is told why; everyone else is stopped at it.
    expected: { ...ADMIN_ONLY, admin: 400 },
    payload: () => ({ jql: 'key in (' }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.startSlaWhatIf,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({ config: {} }),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.getSlaJobs,
    onRequest: false,
    mutates: false,
    expected: ADMIN_ONLY,
    payload: () => ({}),
  },
  {
    moduleKey: 'config-page',
    functionKey: ADMIN.resumeSlaJob,
    onRequest: false,
    mutates: false,
    // Nothing to resume on a fresh site: the admin passes the gate and is told so.
    expected: { ...ADMIN_ONLY, admin: 404 },
    payload: () => ({ kind: 'recompute' }),
  },
];

const rest = <T>(method: string, path: string, email: string, body?: unknown): Promise<T> =>
  sandbox.ok<T>(email, method, path, body);

/** A portal request by the reporter, shared with the participant, as the module would be shown on it. */
async function newRequest(): Promise<ShownIssue> {
  const issueKey = await sandbox.portalRequest(callers.reporter, SUMMARY, 'Created by the security suite.');
  await rest('POST', `/rest/servicedeskapi/request/${issueKey}/participant`, callers.agent.emailAddress, {
    accountIds: [callers.participant.accountId],
  });
  await sandbox.runtime.settle();
  return shown(issueKey);
}

async function shown(key: string): Promise<ShownIssue> {
  const issue = await rest<{
    id: string;
    key: string;
    fields: { issuetype: { id: string; name: string }; project: { id: string; key: string } };
  }>('GET', `/rest/api/3/issue/${key}?fields=issuetype,project`, callers.agent.emailAddress);
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    typeId: f.issuetype.id,
    typeName: f.issuetype.name,
    projectId: f.project.id,
    projectKey: f.project.key,
    projectType: 'service_desk',
  };
}

/** Invokes a module's resolver function as Forge does, for `accountId` (undefined: anonymous), shown on `issue`. */
async function invoke(
  moduleKey: string,
  functionKey: string,
  accountId: string | undefined,
  issue: ShownIssue | undefined,
  payload: unknown,
  project?: ShownProject,
): Promise<Answer> {
  const module = sandbox.runtime.uiModule(moduleKey);
  const context = uiContext(
    module,
    { accountId: accountId ?? '', locale: 'en_US', timeZone: 'Europe/Paris' },
    issue,
    'light',
    sandbox.url,
    project,
  );
  if (!accountId) delete context.accountId;
  try {
    return (await sandbox.runtime.invokeResolver({ moduleKey, functionKey, payload, context, accountId })) as Answer;
  } catch (error) {
    if (error instanceof ModuleAccessError) return { ok: false, status: 'platform' };
    throw error;
  }
}

function outcome(answer: Answer): Expected | string {
  if (answer.ok) return 'ok';
  return answer.status === 400 ||
    answer.status === 403 ||
    answer.status === 404 ||
    answer.status === 409 ||
    answer.status === 'platform'
    ? answer.status
    : `unexpected ${JSON.stringify(answer)}`;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  users = await sandbox.users();
  const customers = users.filter((u) => u.role === 'customer');
  const [reporter, sameOrg] = customers.filter((u) => u.organization === customers[0]!.organization);
  const [otherOrg, participant] = customers.filter((u) => u.organization !== reporter!.organization);
  callers = {
    reporter: reporter!,
    sameOrgCustomer: sameOrg!,
    otherOrgCustomer: otherOrg!,
    participant: participant!,
    agent: users.find((u) => u.role === 'agent')!,
    admin: users.find((u) => u.role === 'admin')!,
  };
  const view = await invoke('config-page', ADMIN.getConfig, callers.admin.accountId, undefined, { lang: 'en' });
  config = (view.data as { config: unknown }).config;
  readOnly = await newRequest();
}, 60_000);

afterAll(() => sandbox?.close());

describe('the callers', () => {
  it('are who the matrix says: the reporter and the same-organization customer share an organization, the others do not', () => {
    expect(callers.reporter.organization).not.toBeNull();
    expect(callers.sameOrgCustomer.organization).toBe(callers.reporter.organization);
    expect(callers.otherOrgCustomer.organization).not.toBe(callers.reporter.organization);
    expect(callers.participant.organization).not.toBe(callers.reporter.organization);
    expect(new Set(Object.values(callers).map((u) => u.accountId)).size).toBe(6);
  });

  it('cover every resolver function of every Custom UI module in the manifest', () => {
    const covered = new Set(CASES.map((c) => `${c.moduleKey} ${c.functionKey}`));
    const modules = sandbox.runtime
      .uiModules()
      .map((m) => m.key)
      .sort();
    expect([...new Set(CASES.map((c) => c.moduleKey))].sort()).toEqual(modules);
    const functions = {
      'sla-panel': Object.values(ISSUE_PANEL),
      'portal-request-panel': Object.values(PORTAL),
      'portal-escalate': Object.values(PORTAL),
      'config-page': Object.values(ADMIN),
      'at-risk-queue': [DESK.getAtRiskQueue],
      'sla-report': [DESK.getSlaReport, DESK.getSlaReportRows],
    };
    for (const [moduleKey, keys] of Object.entries(functions))
      for (const key of keys) expect(covered).toContain(`${moduleKey} ${key}`);
  });
});

describe.each(CASES.map((c) => [`${c.moduleKey} ${c.functionKey}`, c] as const))('%s', (_name, c) => {
  it.each(CALLERS.map((kind) => [kind, c.expected[kind]] as const))('as %s answers %s', async (kind, expected) => {
    const issue = c.onRequest ? (c.mutates ? await newRequest() : readOnly) : undefined;
    const accountId = kind === 'anonymous' ? undefined : callers[kind].accountId;
    const answer = await invoke(
      c.moduleKey,
      c.functionKey,
      accountId,
      issue,
      c.payload(),
      c.inProject ? SUP : undefined,
    );
    expect(outcome(answer)).toBe(expected);
    if (expected !== 'ok') {
      expect(answer).not.toHaveProperty('data');
      expect(JSON.stringify(answer)).not.toContain(SUMMARY);
    } else if (c.onRequest && c.functionKey.startsWith('get')) {
      expect((answer.data as { issueKey: string }).issueKey).toBe(issue!.key);
    }
  });
});

// A finished request escalates for nobody: its audience, customers and agents alike, is told 409 `request_done`
// (src/domain/escalation.ts escalationBar); whoever may not see the request keeps the refusal it gets on an open one
// (the status of a request one may not see is not told), and nothing is recorded.
describe('escalating a closed request', () => {
  const ESCALATIONS = CASES.filter((c) => c.functionKey === PORTAL.escalate || c.functionKey === ISSUE_PANEL.escalate);

  async function closedRequest(): Promise<ShownIssue> {
    const issue = await newRequest();
    const resolve = statusResolver({ byId: {}, byName: {} });
    const { transitions } = await rest<{ transitions: { id: string; to?: { id?: string; name?: string } }[] }>(
      'GET',
      `/rest/api/3/issue/${issue.key}/transitions`,
      callers.agent.emailAddress,
    );
    const close = transitions.find((t) => t.to && resolve(t.to) === 'closed');
    if (!close) throw new Error(`${issue.key}: no transition to closed`);
    await rest('POST', `/rest/api/3/issue/${issue.key}/transitions`, callers.agent.emailAddress, {
      transition: { id: close.id },
    });
    await sandbox.runtime.settle();
    return issue;
  }

  it.each(
    ESCALATIONS.flatMap((c) =>
      CALLERS.map((kind) => [c.moduleKey, kind, c.expected[kind] === 'ok' ? 409 : c.expected[kind], c] as const),
    ),
  )('%s as %s answers %s', async (_m, kind, expected, c) => {
    const issue = await closedRequest();
    const accountId = kind === 'anonymous' ? undefined : callers[kind].accountId;
    const answer = await invoke(c.moduleKey, c.functionKey, accountId, issue, c.payload());
    expect(outcome(answer)).toBe(expected);
    expect(answer).not.toHaveProperty('data');
    if (expected === 409) expect(answer.code).toBe('request_done');
    else expect(JSON.stringify(answer)).not.toMatch(/request_done|closed|fermée/i);
    const escalation = await rest<{ value?: unknown }>(
      'GET',
      `/rest/api/3/issue/${issue.key}/properties/supportRulesEscalation`,
      callers.agent.emailAddress,
    ).catch(() => ({}));
    expect(escalation).not.toHaveProperty('value');
  });
});

describe('a forged request key in the context', () => {
  const ON_REQUEST = CASES.filter((c) => c.onRequest);
  // The known gap below logs each 500 with its stack; the answers themselves are what these tests check.
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());
  const forgedCall = async (c: Case, key: string): Promise<Answer> =>
    invoke(c.moduleKey, c.functionKey, callers.agent.accountId, { ...readOnly, key, id: '0' }, c.payload());
  const expectRefusedWithoutData = (answer: Answer) => {
    expect([400, 403, 404]).toContain(outcome(answer));
    expect(answer).not.toHaveProperty('data');
    expect(JSON.stringify(answer)).not.toMatch(/Security matrix|sandbox-customer|emailAddress/);
  };

  const KEYS = ["SUP-1' OR '1'='1", 'SUP-999999', 'sup-1 OR key = SUP-2'];
  const PATH_KEYS = [
    '../../rest/api/3/myself',
    'SUP-1?expand=changelog',
    'SUP-1/../SUP-2',
    '<script>alert(1)</script>',
  ];
  // The agent actions ask Jira first for the caller's permission on the key, sent as an escaped query value.
  const checksPermissionFirst = (c: Case) => c.expected === AGENT_ACTION;
  const cases = (keys: string[], which: (c: Case) => boolean) =>
    ON_REQUEST.filter(which).flatMap((c) => keys.map((key) => [c.moduleKey, c.functionKey, key, c] as const));

  it.each([...cases(KEYS, () => true), ...cases(PATH_KEYS, checksPermissionFirst)])(
    '%s %s on %j answers 400/403/404 to an agent and leaks nothing',
    async (_m, _f, key, c) => expectRefusedWithoutData(await forgedCall(c, key)),
  );

  it.each(cases(PATH_KEYS, () => true))(
    '%s %s on %j never reaches another resource and leaks nothing',
    async (_m, _f, key, c) => {
      const before = sandbox.runtime.tally.restCalls;
      const answer = await forgedCall(c, key);
      expect(answer.ok).toBe(false);
      expect(answer).not.toHaveProperty('data');
      expect(JSON.stringify(answer)).not.toMatch(/Security matrix|sandbox-customer|emailAddress/);
      // Whatever was called carried the key as one escaped segment or query value: never another resource.
      const paths = sandbox.runtime.calls
        .slice(sandbox.runtime.calls.length - (sandbox.runtime.tally.restCalls - before))
        .map((call) => call.path.split('?')[0]!);
      expect(paths.filter((path) => /\/myself$|\/SUP-2(\/|$)/.test(path))).toEqual([]);
    },
  );

  // The resolvers check the key's shape first (src/entry/resolvers/access.ts callerOnRequest): a key with "/", "?"
  // or "<" is refused with a 400 before @forge/api's route`` or Jira ever sees it.
  it.each(cases(PATH_KEYS, (c) => !checksPermissionFirst(c)))(
    '%s %s on %j answers 400/403/404',
    async (_m, _f, key, c) => expectRefusedWithoutData(await forgedCall(c, key)),
  );

  it.each(ON_REQUEST.map((c) => [c.moduleKey, c.functionKey, c] as const))(
    "%s %s on another organization's request answers 403/404 to a customer (or Forge refuses it) and leaks nothing",
    async (_m, _f, c) => {
      const theirs = await newRequest();
      const answer = await invoke(c.moduleKey, c.functionKey, callers.otherOrgCustomer.accountId, theirs, c.payload());
      expect([403, 404, 'platform']).toContain(outcome(answer));
      expect(JSON.stringify(answer)).not.toContain(SUMMARY);
      const escalation = await rest<{ value?: unknown }>(
        'GET',
        `/rest/api/3/issue/${theirs.key}/properties/supportRulesEscalation`,
        callers.agent.emailAddress,
      ).catch(() => ({}));
      expect(escalation).not.toHaveProperty('value');
    },
  );
});
