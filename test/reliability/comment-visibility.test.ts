/**
 * A comment reaches the customer only when proven public. Forge's `avi:jira:commented:issue` payload
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/) documents neither `jsdPublic` nor the
 * comment's properties, so a real event may carry neither: the app then reads the comment (its `jsdPublic` and JSM's
 * `sd.public.comment` property) and treats a comment that proves nothing as an internal note. Each story delivers
 * the sandbox's own event for a comment, stripped of those fields, to the real trigger.
 */
import { handleRequestEvent, type EventOutcome } from '../../src/entry/triggers/handle-event';
import { asForge, storedEvents, withSandbox, type World } from './scenarios';

/** The stored event of the comment whose text is `text`, without jsdPublic, properties or visibility. */
async function strippedEvent(world: World, commentId: string): Promise<Record<string, unknown>> {
  const stored = (await storedEvents(world)).find(
    (e) =>
      e.payload.eventType === 'avi:jira:commented:issue' &&
      (e.payload.payload?.comment as { id?: string } | undefined)?.id === commentId,
  );
  if (!stored?.payload.payload) throw new Error(`no stored event for comment ${commentId}`);
  const payload = structuredClone(stored.payload.payload) as { comment: Record<string, unknown> };
  delete payload.comment.jsdPublic;
  delete payload.comment.properties;
  delete payload.comment.visibility;
  return { eventType: 'avi:jira:commented:issue', ...payload };
}

async function addComment(world: World, key: string, text: string, internal: boolean): Promise<string> {
  const { id } = await world.site.ok<{ id: string }>(
    world.agent.emailAddress,
    'POST',
    `/rest/api/3/issue/${key}/comment`,
    {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      properties: [{ key: 'sd.public.comment', value: { internal } }],
    },
  );
  return id;
}

beforeAll(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

describe('an event that says nothing of the comment’s visibility', () => {
  it('never forwards an internal note; forwards a reply only because the comment read back proves it public', async () => {
    await withSandbox({}, async (world) => {
      const key = await world.site.portalRequest(world.claire, 'Visibility');
      await world.site.settle();
      const note = await addComment(world, key, 'Internal: the customer is on the old plan', true);
      const reply = await addComment(world, key, 'We are on it.', false);
      await world.site.settle();
      const before = await world.site.outbox(key, 'app');
      expect(before.map((m) => m.textBody).join('\n')).not.toContain('old plan');

      const forNote = await handle(await strippedEvent(world, note));
      expect(forNote).toMatchObject({ handled: 'done' });
      expect(notifyKeys(forNote)).toEqual([]);
      // The rules decided to email the reply (the ledger, which already sent it, keeps it single).
      const forReply = await handle(await strippedEvent(world, reply));
      expect(notifyKeys(forReply)).toEqual([expect.stringContaining(reply)]);
      await world.site.settle();
      const after = await world.site.outbox(key, 'app');
      expect(after).toEqual(before);
      expect(after.map((m) => m.textBody).join('\n')).not.toContain('old plan');
    });
  }, 60_000);
});

const handle = (event: unknown) =>
  asForge('on-request-commented', 'request-commented', () => handleRequestEvent('commented', event));

/** The keys of the email actions the rules decided (done or already done). */
function notifyKeys(outcome: EventOutcome): string[] {
  if (outcome.handled !== 'done') return [];
  return [...outcome.report.done, ...outcome.report.skipped].filter((k) => k.includes('notify'));
}
