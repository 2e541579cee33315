/**
 * Bad-input suite: every entry point (3 triggers, the scheduled sweep, the queue consumer, every resolver
 * function) fed malformed payloads as Forge would hand them over. Each logs a clear line or answers a typed
 * failure, never throws, and leaves what is stored (the configuration in KVS, the requests' issue properties)
 * as it was. Hostile escalation reasons are stored as plain text; too long a reason is refused plainly.
 */
import { consumeWork, onRequestCommented, onRequestCreated, onRequestUpdated, sweepReminders } from '../../src';
import { MAX_REASON_LENGTH } from '../../src/domain/escalation-reason';
import { ADMIN, ISSUE_PANEL, PORTAL } from '../../src/shared/contracts';
import { asForge, invoke, LICENSED_CONTEXT, withSandbox, type World } from './scenarios';

const SEEDED = ['SUP-1', 'SUP-3', 'SUP-6', 'SUP-9'];

/** Payloads a broken or hostile caller may send. */
const MALFORMED: Array<[string, unknown]> = [
  ['null', null],
  ['an empty object', {}],
  ['a string', '{"issue": {"key": "SUP-1"'],
  ['a number', 42],
  ['an array', [1, 2]],
  ['an issue without key', { issue: { id: '10001' } }],
  ['a forged issue key', { issue: { id: '10001', key: '../../rest/api/3/myself' } }],
  ['wrong types', { issue: { id: {}, key: 7 }, changelog: 'yes', comment: [] }],
  ['a changelog item without fields', { issue: { id: '10001', key: 'SUP-1' }, changelog: { id: '5', items: [{}] } }],
  [
    'an unknown status',
    {
      issue: { id: '10001', key: 'SUP-1' },
      changelog: {
        id: '6',
        items: [
          { field: 'status', fieldId: 'status', from: '1', to: '99999', fromString: 'Soumise', toString: 'Nowhere' },
        ],
      },
    },
  ],
  [
    'an unknown priority',
    {
      issue: { id: '10001', key: 'SUP-1', fields: { priority: { id: '999', name: 'Apocalyptic' } } },
      changelog: { id: '7', items: [{ field: 'priority', from: '3', to: '999' }] },
    },
  ],
  ['a comment without body nor author', { issue: { id: '10001', key: 'SUP-1' }, comment: { id: '8' } }],
];

let logged: string[];
beforeEach(() => {
  logged = [];
  const keep = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  jest.spyOn(console, 'log').mockImplementation(keep);
  jest.spyOn(console, 'error').mockImplementation(keep);
  jest.spyOn(console, 'warn').mockImplementation(keep);
});
afterEach(() => jest.restoreAllMocks());

/** What must not change: the stored configuration and every property of a few seeded requests. */
async function storedState(world: World): Promise<string> {
  const config = world.site.runtime.kvs.handle('/api/v1/get', { key: 'config' });
  const properties: unknown[] = [];
  for (const key of SEEDED) {
    const { keys } = await world.site.ok<{ keys: { key: string }[] }>(
      world.agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/properties`,
    );
    for (const { key: property } of keys)
      properties.push([
        key,
        await world.site.ok(world.agent.emailAddress, 'GET', `/rest/api/3/issue/${key}/properties/${property}`),
      ]);
  }
  return JSON.stringify({ config, properties });
}

const TRIGGERS = [
  ['on-request-created', 'request-created', onRequestCreated],
  ['on-request-updated', 'request-updated', onRequestUpdated],
  ['on-request-commented', 'request-commented', onRequestCommented],
] as const;

it('the triggers, the sweep and the consumer log malformed input and change nothing stored', async () => {
  await withSandbox({}, async (world) => {
    const before = await storedState(world);
    const outboxBefore = (await world.site.outbox(undefined, 'app')).length;
    for (const [label, payload] of MALFORMED) {
      for (const [functionKey, moduleKey, handler] of TRIGGERS) {
        logged = [];
        await expect(
          asForge(functionKey, moduleKey, () => handler(payload, LICENSED_CONTEXT)),
        ).resolves.toBeUndefined();
        // Either a clear line says why it was ignored, or (a well-formed event on a real request) it was handled.
        if (!['an unknown status', 'an unknown priority', 'a changelog item without fields'].includes(label))
          expect(logged.join('\n')).toMatch(/support-rules/);
      }
      logged = [];
      await expect(
        asForge('consume-work', 'work-consumer', () =>
          consumeWork(
            { call: { functionKey: 'work', payload: payload as never }, context: {} as never },
            LICENSED_CONTEXT,
          ),
        ),
      ).resolves.not.toThrow();
      expect(logged.join('\n')).toMatch(/work-consumer: ignored a malformed queue item|support-rules/);
      await expect(
        asForge('sweep-reminders', 'reminder-sweep', () => sweepReminders(payload, LICENSED_CONTEXT)),
      ).resolves.toBeUndefined();
    }
    for (const item of [
      { kind: 'actions', actions: 'all' },
      { kind: 'event', trigger: 'created', payload: null },
      { kind: 'sweep-batch' },
      { kind: 'sweep-batch', keys: [{}] },
      { kind: 'launch' },
    ]) {
      await expect(
        asForge('consume-work', 'work-consumer', () =>
          consumeWork(
            { call: { functionKey: 'work', payload: item as never }, context: {} as never },
            LICENSED_CONTEXT,
          ),
        ),
      ).resolves.not.toThrow();
    }
    await world.site.settle();
    expect(await storedState(world)).toBe(before);
    // The sweep ignores its (malformed) event and does its job: the seeded SUP-4, waiting for 4 days, gets its
    // first reminder, once. Nothing else is sent.
    expect((await world.site.outbox(undefined, 'app')).slice(outboxBefore).map((m) => m.subject)).toEqual([
      '[SUP-4] Relance\u00a0: Export CSV incomplet',
    ]);
  });
});

const RESOLVER_FUNCTIONS: Array<[string, string]> = [
  ...Object.values(ISSUE_PANEL).map((f) => ['sla-panel', f] as [string, string]),
  ...Object.values(PORTAL).map((f) => ['portal-request-panel', f] as [string, string]),
  ...Object.values(ADMIN).map((f) => ['config-page', f] as [string, string]),
];

// closeAsConsulting takes no input (the agent's one click): any payload closes the request, as it should.
const WRITES_WITHOUT_INPUT = new Set<string>([ISSUE_PANEL.closeAsConsulting]);

it('every resolver function answers malformed payloads and forged keys with data, never a throw, and changes nothing stored', async () => {
  await withSandbox({}, async (world) => {
    const before = await storedState(world);
    const bad: unknown[] = [
      null,
      {},
      'x',
      7,
      [],
      { lang: 'xx', config: 'all', reason: 12, kind: 'nope', name: {}, at: 'tomorrow' },
      { config: { rules: { reminders: 'yes' }, responseGoals: { Highest: -1 } } },
    ];
    for (const [moduleKey, functionKey] of RESOLVER_FUNCTIONS) {
      if (WRITES_WITHOUT_INPUT.has(functionKey as never)) continue;
      for (const payload of bad) {
        for (const issueKey of ['SUP-1', 'SUP-99999', '../../rest/api/3/myself', 'sup-1 OR 1=1']) {
          const answer = await world.site.runtime.invokeResolver({
            moduleKey,
            functionKey,
            payload,
            context: {
              extension: { issue: { key: issueKey, id: '1' }, request: { key: issueKey }, project: { key: 'SUP' } },
              locale: 'fr_FR',
            },
            accountId: world.admin.accountId,
          });
          expect(answer).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
          if ((answer as { ok: boolean }).ok === false)
            expect((answer as { message: string }).message).toEqual(expect.any(String));
        }
      }
    }
    await world.site.settle();
    expect(await storedState(world)).toBe(before);
  });
}, 120_000);

it('stores a hostile escalation reason as plain text and refuses an over-long one plainly', async () => {
  await withSandbox({}, async (world) => {
    const { site, claire, agent } = world;
    const key = await site.portalRequest(claire, 'Hostile');
    await site.settle();
    const tooLong = 'x'.repeat(MAX_REASON_LENGTH + 1);
    const refused = (await invoke(
      world,
      claire,
      'portal-escalate',
      'escalateRequest',
      { reason: tooLong, lang: 'en' },
      key,
    )) as { ok: boolean; status?: number; message?: string };
    expect(refused).toMatchObject({ ok: false, status: 400 });
    expect(refused.message).toMatch(new RegExp(String(MAX_REASON_LENGTH)));
    expect(
      (await site.call(agent.emailAddress, 'GET', `/rest/api/3/issue/${key}/properties/supportRulesEscalation`)).status,
    ).toBe(404);

    const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> ' OR 1=1 -- {{7*7}} ${'é'.repeat(100)}`;
    const accepted = await invoke(
      world,
      claire,
      'portal-escalate',
      'escalateRequest',
      { reason: hostile, lang: 'fr' },
      key,
    );
    expect(accepted).toMatchObject({ ok: true, data: { reason: hostile.trim() } });
    const stored = await site.ok<{ value: { reason: string } }>(
      agent.emailAddress,
      'GET',
      `/rest/api/3/issue/${key}/properties/supportRulesEscalation`,
    );
    expect(stored.value.reason).toBe(hostile.trim());
    await site.settle();
    // The emails carry it as text, quoted.
    for (const mail of await site.outbox(key, 'app')) expect(mail.textBody).toContain(`> ${hostile.trim()}`);
  });
});

it('answers malformed configurations with field-level errors and keeps the stored one', async () => {
  await withSandbox({}, async (world) => {
    const before = await storedState(world);
    for (const config of [
      'all',
      12,
      { rules: { reminders: 'yes' } },
      { responseGoals: { Highest: -1 } },
      { reminders: { reminderDays: [-3], autoCloseDays: 'never' } },
    ]) {
      const answer = await invoke(world, world.admin, 'config-page', ADMIN.saveConfig, { lang: 'en', config }, null);
      expect(answer).toMatchObject({ ok: false, code: 'invalid_config' });
    }
    expect(await storedState(world)).toBe(before);
  });
});

// A call without a `config` field (null, {}, a string) is refused: it must not save "all defaults" over the stored one.
it('keeps the stored configuration when saveConfig is called without one', async () => {
  await withSandbox({}, async (world) => {
    const before = await storedState(world);
    for (const payload of [null, {}, 'x']) {
      const answer = await invoke(world, world.admin, 'config-page', ADMIN.saveConfig, payload, null);
      expect(answer.ok).toBe(false);
    }
    expect(await storedState(world)).toBe(before);
  });
});
