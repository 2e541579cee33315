/**
 * The rules apply to JSM requests only (DESIGN.md: projects of type service_desk, those the admin picks). A Jira
 * Software issue lives its life — created, moved to "In Progress", commented publicly, in the sandbox's DEV project
 * (projectTypeKey software, GET /rest/api/3/project/search) — and the app sends nothing and writes nothing: no
 * email, no comment, no issue property, no transition, not a single write call of the app on it.
 */
import { withSandbox, type World } from './scenarios';

async function devIssueLife(world: World): Promise<string> {
  const { site, agent } = world;
  const created = await site.ok<{ key: string }>(agent.emailAddress, 'POST', '/rest/api/3/issue', {
    fields: {
      project: { key: 'DEV' },
      issuetype: { name: 'Task' },
      summary: 'Rotate the signing keys',
      reporter: { accountId: world.claire.accountId },
    },
  });
  await site.settle();
  await site.moveTo(agent, created.key, 'In Progress');
  await site.settle();
  await site.comment(agent, created.key, 'Started on staging.');
  await site.comment(agent, created.key, 'Reminder for myself', true);
  await site.settle();
  await site.advance('P13D'); // the reminder sweep runs every hour: 3, 6 and 12 days pass
  return created.key;
}

describe("a Software project's issue", () => {
  it('gets nothing from the app: no email, no comment, no property, no write of any kind', async () => {
    await withSandbox({}, async (world) => {
      const writes: string[] = [];
      const observe = (call: { method: string; path: string; as: string }) => {
        if (call.method !== 'GET' && call.path.includes('DEV-')) writes.push(`${call.as} ${call.method} ${call.path}`);
      };
      world.site.runtime.callObservers.add(observe);
      const key = await devIssueLife(world);
      world.site.runtime.callObservers.delete(observe);

      expect(await world.site.outbox(key, 'app')).toEqual([]);
      expect(writes).toEqual([]);
      const { comments } = await world.site.ok<{ comments: { author: { accountType: string } }[] }>(
        world.agent.emailAddress,
        'GET',
        `/rest/api/3/issue/${key}/comment`,
      );
      expect(comments.map((c) => c.author.accountType)).toEqual(['atlassian', 'atlassian']);
      const properties = await world.site.ok<{ keys: unknown[] }>(
        world.agent.emailAddress,
        'GET',
        `/rest/api/3/issue/${key}/properties`,
      );
      expect(properties.keys).toEqual([]);
      expect(await world.site.status(key)).toBe('In Progress');
    });
  }, 120_000);

  it('while a JSM request of the same life, as a control, gets its emails', async () => {
    await withSandbox({}, async (world) => {
      const key = await world.site.portalRequest(world.claire, 'Control request');
      await world.site.settle();
      await world.site.moveTo(world.agent, key, 'En cours');
      await world.site.comment(world.agent, key, 'Started on staging.');
      await world.site.settle();
      expect((await world.site.outbox(key, 'app')).length).toBeGreaterThanOrEqual(2);
    });
  }, 120_000);
});

describe('a JSM project the admin did not pick', () => {
  it('gets nothing either, while the picked one does', async () => {
    await withSandbox({}, async (world) => {
      // The admin keeps the rules to SUP: IT is a JSM project left out.
      const { result } = await world.site.invoke<{
        result: { ok: boolean; data: { config: Record<string, unknown> } };
      }>(world.admin.accountId, {
        moduleKey: 'config-page',
        functionKey: 'getConfig',
        payload: { lang: 'en' },
        issueKey: null,
      });
      const config = { ...result.data.config, projects: { keys: ['SUP'] } };
      const saved = await world.site.invoke<{ result: { ok: boolean } }>(world.admin.accountId, {
        moduleKey: 'config-page',
        functionKey: 'saveConfig',
        payload: { lang: 'en', config },
        issueKey: null,
      });
      expect(saved.result.ok).toBe(true);
      const it = (
        await world.site.ok<{ issueKey: string }>(null, 'POST', '/_sandbox/portal/request', {
          summary: 'Laptop',
          description: 'From IT',
          reporter: world.claire.accountId,
          project: 'IT',
        })
      ).issueKey;
      const sup = await world.site.portalRequest(world.claire, 'Picked');
      await world.site.settle();
      await world.site.comment(world.agent, it, 'On it.');
      await world.site.comment(world.agent, sup, 'On it.');
      await world.site.settle();
      // JSM's own "Public comment added" still goes out for IT (source "jsm"): the app sends nothing there.
      expect(await world.site.outbox(it, 'app')).toEqual([]);
      expect((await world.site.outbox(sup, 'app')).length).toBeGreaterThan(0);
    });
  }, 120_000);
});
