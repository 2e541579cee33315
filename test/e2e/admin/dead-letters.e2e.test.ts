/**
 * Dead letters on the admin page's resolvers: an action that fails for good (the workflow offers no move to a
 * closed status) is kept, listed with why, and done by a retry once the admin fixed the cause; the agent who
 * asked for it was told at once (409). A retry of a letter no longer kept answers 404.
 */
import type { DeadLetters, ResolverResult, RetryOutcome } from '../../../src/shared/contracts';
import { startTestSandbox, type SandboxUser, type TestSandbox } from '../../support/sandbox';

let sandbox: TestSandbox;
let admin: SandboxUser;
let agent: SandboxUser;
let claire: SandboxUser;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = await sandbox.user('admin@sandbox.test');
  agent = await sandbox.user('agent1@sandbox.test');
  claire = await sandbox.user('claire@acme.test');
});
afterAll(() => sandbox?.close());

async function adminCall<T>(functionKey: string, payload: unknown = {}): Promise<ResolverResult<T>> {
  return (
    await sandbox.invoke<{ result: ResolverResult<T> }>(admin.accountId, {
      moduleKey: 'config-page',
      functionKey,
      payload,
      issueKey: null,
    })
  ).result;
}

async function saveConfig(change: (config: Record<string, unknown>) => void): Promise<void> {
  const current = await adminCall<{ config: Record<string, unknown> }>('getConfig');
  if (!current.ok) throw new Error(JSON.stringify(current));
  const config = structuredClone(current.data.config);
  change(config);
  const saved = await adminCall('saveConfig', { config });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
}

it('keeps a move that failed for good, lists it, and does it on retry once the cause is fixed', async () => {
  const key = await sandbox.portalRequest(claire, 'Consulting without a closed status');
  await sandbox.settle();
  expect(await adminCall<DeadLetters>('listDeadLetters')).toEqual({ ok: true, data: { letters: [], more: false } });

  // The admin maps the site's closed status elsewhere: no status means "closed" any more.
  await saveConfig((c) => ((c.statusMapping as { byName: object }).byName = { Fermée: 'resolved' }));
  const refused = await sandbox.invoke<{ result: ResolverResult<null> }>(agent.accountId, {
    moduleKey: 'sla-panel',
    functionKey: 'closeAsConsulting',
    issueKey: key,
  });
  expect(refused.result).toMatchObject({ ok: false, status: 409, code: 'no_transition' });
  await sandbox.settle();

  const listed = await adminCall<DeadLetters>('listDeadLetters');
  expect(listed).toMatchObject({
    ok: true,
    data: { letters: [{ issueKey: key, what: 'transition', detail: 'closed', attempts: 1 }], more: false },
  });
  const letter = listed.ok ? listed.data.letters[0]! : null;
  expect(letter!.error).toContain('no transition');

  // Retried before the fix, it fails again and stays.
  expect(await adminCall<RetryOutcome>('retryDeadLetter', { id: letter!.id })).toMatchObject({
    ok: true,
    data: { outcome: 'failed' },
  });
  expect(await adminCall<DeadLetters>('listDeadLetters')).toMatchObject({ data: { letters: [{ id: letter!.id }] } });

  await saveConfig((c) => ((c.statusMapping as { byName: object }).byName = {}));
  expect(await adminCall<RetryOutcome>('retryDeadLetter', { id: letter!.id })).toEqual({
    ok: true,
    data: { outcome: 'done', error: null },
  });
  await sandbox.settle();
  expect(await sandbox.status(key)).toBe('Fermée');
  const issue = await sandbox
    .asUser(agent.emailAddress)
    .ok<{ fields: { resolution: { name: string } | null } }>('GET', `/rest/api/3/issue/${key}?fields=resolution`);
  expect(issue.fields.resolution?.name).toBe('Consulting');
  expect(await adminCall<DeadLetters>('listDeadLetters')).toEqual({ ok: true, data: { letters: [], more: false } });

  expect(await adminCall('retryDeadLetter', { id: letter!.id })).toMatchObject({
    ok: false,
    status: 404,
    code: 'not_found',
  });
});
