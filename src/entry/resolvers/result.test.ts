import { NeedsAuthenticationError } from '@forge/api';
import { JiraError } from '../../jira/client';
import { answer, ok } from './result';

describe('answer', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('rethrows an asUser() consent error as is, so Forge asks the user to allow the app (never a 500)', async () => {
    const consent = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    await expect(answer('en', () => Promise.reject(consent))).rejects.toBe(consent);
  });

  it("keeps Jira's 403/404/400 and turns anything else into a 500", async () => {
    const fails = (error: unknown) => answer('en', () => Promise.reject(error));
    await expect(fails(new JiraError('x', 403, {}, false))).resolves.toMatchObject({ status: 403 });
    await expect(fails(new JiraError('x', 404, {}, false))).resolves.toMatchObject({ status: 404 });
    await expect(fails(new JiraError('x', 400, {}, false))).resolves.toMatchObject({ status: 400 });
    await expect(fails(new TypeError('bug'))).resolves.toMatchObject({ status: 500, code: 'failed' });
    await expect(answer('en', async () => ok(1))).resolves.toEqual({ ok: true, data: 1 });
  });

  it("keeps Jira's 429 as a rate-limit refusal saying when to try again, in the user's language", async () => {
    const refused = (reason: string | null, retryAfterMs: number, lang: 'en' | 'fr' = 'en') =>
      answer(lang, () => Promise.reject(new JiraError('x', 429, {}, true, false, { reason, retryAfterMs })));
    // The hourly quota ("Rate limiting": until the next hourly reset, Retry-After): the minutes left, rounded up.
    await expect(refused('jira-quota-global-based', 1_740_000)).resolves.toEqual({
      ok: false,
      status: 429,
      code: 'rate_limited',
      message:
        "Jira is holding back the app's calls on this site until its hourly allowance renews: try again in about 29 minutes.",
    });
    await expect(refused('jira-quota-tenant-based', 20_000, 'fr')).resolves.toMatchObject({
      status: 429,
      // French typography: a no-break space before the colon (texts/typography.ts).
      message:
        "Jira retient les appels de l'application sur ce site jusqu'au renouvellement de son quota horaire\u00a0: réessayez dans une minute environ.",
    });
    // A per-second limit passes within seconds: no minutes to give.
    for (const reason of ['jira-burst-based', 'jira-per-issue-on-write', null])
      await expect(refused(reason, 2_000)).resolves.toMatchObject({
        status: 429,
        code: 'rate_limited',
        message: 'Jira asked the app to slow down for a few seconds; try again in a moment.',
      });
    expect(console.error).not.toHaveBeenCalled();
  });
});
