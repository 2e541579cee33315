/**
 * Concurrency suite: two reminder sweeps at once, and a burst of the same product event delivered concurrently
 * (Promise.all of the same trigger invocation, as Forge may run them on several instances), on the same
 * requests: each action happens exactly once (outbox, comments).
 */
import { onRequestCommented, onRequestUpdated, sweepReminders } from '../../src';
import { asForge, LICENSED_CONTEXT, storedEvents, withSandbox, type World } from './scenarios';

const BURST = 6;

beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

async function waitingRequest(world: World, summary: string): Promise<string> {
  const { site, agent, claire } = world;
  const key = await site.portalRequest(claire, summary);
  await site.moveTo(agent, key, 'En cours');
  await site.comment(agent, key, 'Pouvez-vous nous envoyer les journaux ?');
  await site.moveTo(agent, key, 'En attente du client');
  await site.settle();
  return key;
}

async function appComments(world: World, key: string): Promise<string[]> {
  const page = await world.site.ok<{ comments: { author: { accountType: string }; body: unknown }[] }>(
    world.agent.emailAddress,
    'GET',
    `/rest/api/3/issue/${key}/comment`,
  );
  return page.comments.filter((c) => c.author.accountType === 'app').map((c) => JSON.stringify(c.body));
}

/** The trigger's payload for a stored product event, as the runtime hands it over. */
function triggerPayload(payload: Record<string, unknown>, eventType: string, moduleKey: string) {
  return {
    eventType,
    ...payload,
    context: { cloudId: 'sandbox-cloud-0000', moduleKey },
    contextToken: 'sandbox-context-token',
  };
}

it('two sweeps running at once remind each due request once', async () => {
  // The clocks are written just before the sweeps race: the search index must show them at once (no lag here).
  await withSandbox({ searchLagMs: 0 }, async (world) => {
    const keys = [await waitingRequest(world, 'Sweep A'), await waitingRequest(world, 'Sweep B')];
    // Reminder 1 fell due an hour ago and no scheduled sweep ran since.
    const now = Date.now();
    const clock = {
      waiting: 'yes',
      waitingSince: now - 73 * 3_600_000,
      lastActivityAt: now - 73 * 3_600_000,
      nextDueAt: now - 3_600_000,
      stage: 0,
    };
    for (const key of keys)
      await world.site.ok(
        world.agent.emailAddress,
        'PUT',
        `/rest/api/3/issue/${key}/properties/supportRulesState`,
        clock,
      );
    await Promise.all(
      [1, 2, 3].map(() => asForge('sweep-reminders', 'reminder-sweep', () => sweepReminders({}, LICENSED_CONTEXT))),
    );
    await world.site.settle();
    for (const key of keys) {
      const reminders = (await world.site.outbox(key, 'app')).filter((m) => m.subject.includes('] Relance'));
      expect(reminders).toHaveLength(1);
      expect(await appComments(world, key)).toHaveLength(1);
    }
  });
});

it('a burst of the same status change and the same comment, delivered at once, acts once', async () => {
  await withSandbox({}, async (world) => {
    const { site, agent, gwen } = world;
    const key = await site.email(gwen, 'Burst', 'Hello');
    await site.settle();
    await site.moveTo(agent, key, 'En cours');
    await site.comment(agent, key, 'On it.');
    await site.settle();
    const before = (await site.outbox(key, 'app')).length;
    const events = (await storedEvents(world)).filter(
      (e) => e.kind === 'product' && (e.payload.payload?.issue as { key?: string } | undefined)?.key === key,
    );
    const update = events.find((e) => e.payload.eventType === 'avi:jira:updated:issue')!.payload;
    const comment = events.find((e) => e.payload.eventType === 'avi:jira:commented:issue')!.payload;

    // The same deliveries again (Forge delivers at least once), and a status change never seen before (a fresh
    // changelog id), each BURST times at once.
    const fresh = { ...update.payload!, changelog: { ...(update.payload!.changelog as object), id: '990001' } };
    await Promise.all(
      Array.from({ length: BURST }, () => [
        asForge('on-request-updated', 'request-updated', () =>
          onRequestUpdated(triggerPayload(update.payload!, update.eventType!, 'request-updated'), LICENSED_CONTEXT),
        ),
        asForge('on-request-updated', 'request-updated', () =>
          onRequestUpdated(triggerPayload(fresh, update.eventType!, 'request-updated'), LICENSED_CONTEXT),
        ),
        asForge('on-request-commented', 'request-commented', () =>
          onRequestCommented(
            triggerPayload(comment.payload!, comment.eventType!, 'request-commented'),
            LICENSED_CONTEXT,
          ),
        ),
      ]).flat(),
    );
    await site.settle();
    const mails = (await site.outbox(key, 'app')).map((m) => `${m.to.join(',')} ${m.subject}`);
    // Only the fresh status change is new: one email for it, whatever the burst.
    expect(mails.slice(before)).toEqual([`${gwen.accountId} [${key}] New status "In progress": Burst`]);
  });
});
