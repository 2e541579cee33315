/**
 * Licensing: an app without an active license acts on nothing (triggers, the hourly sweep, the consumer log
 * one line and return) and its panels get a typed `unlicensed` answer in the viewer's language.
 */
import { defaultConfig } from '../../src/domain/config';
import { isUnlicensed, unlicensedAnswer } from '../../src/entry/shared/licensed';
import { withSandbox } from './scenarios';

let logged: string[];
beforeEach(() => {
  logged = [];
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

it('reads an inactive license as unlicensed, and a missing one (development installs) as licensed', () => {
  expect(isUnlicensed({ license: { isActive: false } })).toBe(true);
  expect(isUnlicensed({ license: { isActive: true } })).toBe(false);
  expect(isUnlicensed({})).toBe(false);
  expect(isUnlicensed(undefined)).toBe(false);
  const languages = defaultConfig().languages;
  expect(unlicensedAnswer({ locale: 'en-US' }, languages)).toMatchObject({
    ok: false,
    code: 'unlicensed',
    message: expect.stringContaining('not licensed'),
  });
  expect(unlicensedAnswer({ locale: 'fr-FR' }, languages).message).toContain("n'a pas de licence active");
  // Neither offered nor known: the configured default.
  expect(unlicensedAnswer({ locale: 'de-DE' }, languages).message).toContain("n'a pas de licence active");
  expect(unlicensedAnswer(null, { default: 'en', available: ['fr', 'en'] }).message).toContain('not licensed');
});

it('does nothing on an unlicensed site, and says so in every panel', async () => {
  await withSandbox({ unlicensed: true }, async (world) => {
    const { site, agent, gwen, claire } = world;
    const key = await site.email(gwen, 'Unlicensed', 'Hello');
    await site.moveTo(agent, key, 'En cours');
    await site.comment(agent, key, 'Looking.');
    await site.advance('P4D'); // the seeded SUP-4 waits for its customer: a licensed app would remind it
    // The app sends nothing; JSM's own customer notifications (source "jsm") still go out, as on any site.
    expect(await site.outbox(undefined, 'app')).toEqual([]);
    expect(await site.outbox(key, 'jsm')).not.toEqual([]);
    expect(logged.filter((line) => line.includes('not licensed on this site'))).toEqual(
      expect.arrayContaining([expect.stringContaining('request-created'), expect.stringContaining('reminder-sweep')]),
    );
    for (const [who, moduleKey, functionKey] of [
      [agent, 'sla-panel', 'getIssuePanelView'],
      [claire, 'portal-request-panel', 'getPortalView'],
      [claire, 'portal-escalate', 'escalateRequest'],
      [world.admin, 'config-page', 'getConfig'],
    ] as const) {
      const answer = await world.site.invoke<{ result: unknown }>(who.accountId, {
        moduleKey,
        functionKey,
        payload: { lang: 'en', reason: 'x' },
        issueKey: moduleKey === 'config-page' ? null : 'SUP-1',
      });
      // In the viewer's language: the agent and Claire read French, the admin English.
      expect(answer.result).toEqual({
        ok: false,
        status: 403,
        code: 'unlicensed',
        message: expect.stringContaining(who === world.admin ? 'not licensed' : "n'a pas de licence active"),
      });
    }
    expect(
      (await site.call(agent.emailAddress, 'GET', '/rest/api/3/issue/SUP-1/properties/supportRulesEscalation')).status,
    ).toBe(404);
  });
});
