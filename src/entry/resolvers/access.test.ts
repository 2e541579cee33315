import { JiraError } from '../../jira/client';
import { hasGlobalPermission } from '../../jira/get-my-global-permission';
import { hasIssuePermission } from '../../jira/get-my-permissions';
import { defaultConfig } from '../../domain/config';
import { callerOf, callerOnRequest, requireAgent, requireJiraAdmin } from './access';
import { answer, ok } from './result';

jest.mock('../../jira/get-my-global-permission', () => ({ hasGlobalPermission: jest.fn() }));
jest.mock('../../jira/get-my-permissions', () => ({ hasIssuePermission: jest.fn() }));

const adminCheck = jest.mocked(hasGlobalPermission);
const onIssue = jest.mocked(hasIssuePermission);

beforeEach(() => jest.resetAllMocks());

const languages = defaultConfig().languages;

describe('callerOf', () => {
  it('takes the identity from the Forge context, never from the payload', () => {
    const caller = callerOf(
      {
        context: { accountId: 'a1', locale: 'fr-FR', extension: { request: { key: 'SUP-2' } } },
        payload: { lang: 'en', accountId: 'someone-else' },
      },
      languages,
    );
    expect(caller).toEqual({ accountId: 'a1', lang: 'fr', issueKey: 'SUP-2' });
  });
  it('speaks the caller language by the policy: their Jira locale if offered, else the default', () => {
    const lang = (locale: unknown, settings = languages) =>
      (callerOf({ context: { accountId: 'a1', locale } }, settings) as { lang: string }).lang;
    expect(lang('en-US')).toBe('en');
    expect(lang('fr_CA')).toBe('fr');
    expect(lang('de-DE')).toBe('fr');
    expect(lang(undefined)).toBe('fr');
    expect(lang('de-DE', { default: 'en', available: ['fr', 'en'] })).toBe('en');
    expect(lang('en-US', { default: 'fr', available: ['fr'] })).toBe('fr');
  });
  it('refuses an anonymous call with 403, and a request-less screen with 400', () => {
    expect(callerOf({ context: { locale: 'en-GB' } }, languages)).toMatchObject({
      ok: false,
      status: 403,
      code: 'anonymous',
      message: 'Sign in to use this.',
    });
    expect(callerOnRequest({ context: { accountId: 'a1', extension: {} } }, languages)).toMatchObject({
      ok: false,
      status: 400,
      code: 'no_request',
    });
  });
  it('refuses a key that is not an issue key before anything reaches Jira', () => {
    for (const key of [
      'SUP-1/../SUP-2',
      'SUP-1?expand=changelog',
      '../../rest/api/3/myself',
      "SUP-1' OR '1'='1",
      'SUP-0',
    ]) {
      expect(callerOnRequest({ context: { accountId: 'a1', extension: { issue: { key } } } }, languages)).toMatchObject(
        { ok: false, status: 400, code: 'invalid_request_key' },
      );
    }
    expect(
      callerOnRequest({ context: { accountId: 'a1', extension: { issue: { key: 'SUP_2-15' } } } }, languages),
    ).toMatchObject({ issueKey: 'SUP_2-15' });
  });
});

describe('requireAgent / requireJiraAdmin', () => {
  const caller = { accountId: 'a1', lang: 'en' as const, issueKey: 'SUP-1' };
  it('asks Jira for the permission, as the user', async () => {
    onIssue.mockResolvedValueOnce(true);
    await expect(requireAgent(caller)).resolves.toBeNull();
    expect(onIssue).toHaveBeenCalledWith('SUP-1', 'TRANSITION_ISSUES');
    onIssue.mockResolvedValueOnce(false);
    await expect(requireAgent(caller)).resolves.toMatchObject({ status: 403, code: 'agents_only' });
    adminCheck.mockResolvedValueOnce(false);
    await expect(requireJiraAdmin(caller)).resolves.toMatchObject({ status: 403, code: 'admins_only' });
    expect(adminCheck).toHaveBeenCalledWith('ADMINISTER');
  });
});

describe('answer', () => {
  it('turns Jira refusals and crashes into typed failures', async () => {
    await expect(answer('en', async () => ok(1))).resolves.toEqual({ ok: true, data: 1 });
    await expect(answer('fr', () => Promise.reject(new JiraError('x', 404, undefined, false)))).resolves.toMatchObject({
      ok: false,
      status: 404,
      code: 'not_found',
    });
    await expect(answer('en', () => Promise.reject(new JiraError('x', 403, undefined, false)))).resolves.toMatchObject({
      ok: false,
      status: 403,
    });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(answer('en', () => Promise.reject(new Error('boom')))).resolves.toMatchObject({
      ok: false,
      status: 500,
      code: 'failed',
    });
    spy.mockRestore();
  });
});
