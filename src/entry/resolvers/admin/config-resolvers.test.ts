// The admin page's save checked against the site's own lists, with Jira's adapters scripted and @forge/kvs in memory
// (the real config store).
import { kvsStore as store, resetForgeMocks } from '../../../../test/support/forge-mocks';
import { JiraError } from '../../../jira/client';
import { hasGlobalPermission } from '../../../jira/get-my-global-permission';
import { listOrganizations } from '../../../jira/list-organizations';
import { listPriorities } from '../../../jira/list-priorities';
import { listResolutions } from '../../../jira/list-resolutions';
import type { ResolverRequest } from '../access';
import { checkConfig, listSiteValues, saveConfig } from './config-resolvers';

jest.mock('@forge/kvs', () => jest.requireActual('../../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../../jira/get-my-global-permission');
jest.mock('../../../jira/list-priorities');
jest.mock('../../../jira/list-resolutions');
jest.mock('../../../jira/list-organizations');

const request = (payload: object, locale = 'en_US') =>
  ({ payload, context: { accountId: 'admin-1', locale } }) as unknown as ResolverRequest<never>;

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.mocked(hasGlobalPermission).mockResolvedValue(true);
  jest.mocked(listPriorities).mockResolvedValue([
    { id: '1', name: 'Highest' },
    { id: '2', name: 'High' },
  ]);
  jest.mocked(listResolutions).mockResolvedValue([
    { id: '10000', name: 'Done' },
    { id: '10001', name: 'Consulting' },
  ]);
  jest.mocked(listOrganizations).mockResolvedValue([{ id: '2', name: 'Globex Cloud' }]);
});

describe('saving values the site has', () => {
  it('saves priorities, organizations and resolutions of the site', async () => {
    const config = {
      responseGoals: { byPriority: { High: 60 } },
      coverage: { byOrganization: { 'Globex Cloud': '24x7' } },
    };
    const answer = await saveConfig(request({ config }));
    expect(answer.ok).toBe(true);
    expect(store.get('config')).toMatchObject(config);
  });

  it('refuses what the site lacks, each under its field, and saves nothing', async () => {
    store.set('config', { reminders: { autoCloseDays: 10 } });
    const config = {
      responseGoals: { byPriority: { Blocker: 60 } },
      coverage: { byOrganization: { Initech: '24x7' } },
      reminders: { autoCloseResolution: 'Fixed' },
    };
    const answer = await saveConfig(request({ config }));
    expect(answer).toMatchObject({ ok: false, status: 400, code: 'invalid_config' });
    expect(!answer.ok && answer.errors?.map((e) => e.path)).toEqual([
      'responseGoals.byPriority.Blocker',
      'coverage.byOrganization.Initech',
      'reminders.autoCloseResolution',
    ]);
    expect(store.get('config')).toEqual({ reminders: { autoCloseDays: 10 } });
    // The check without saving says the same.
    expect((await checkConfig(request({ config }))).ok).toBe(false);
  });

  it('refuses a value whose list Jira could not give (after its retries), saying so, and saves nothing', async () => {
    jest.mocked(listOrganizations).mockRejectedValue(new JiraError('Jira answered 503', 503, null, true));
    const config = { coverage: { byOrganization: { 'Globex Cloud': '24x7' } } };
    const answer = await saveConfig(request({ config }, 'fr_FR'));
    expect(!answer.ok && answer.errors).toEqual([
      { path: 'coverage.byOrganization.Globex Cloud', message: expect.stringContaining('(HTTP 503)') },
    ]);
    expect(store.has('config')).toBe(false);
    // A configuration that names no organization does not need the list: it is saved.
    expect((await saveConfig(request({ config: {} }))).ok).toBe(true);
    expect(listOrganizations).toHaveBeenCalledTimes(1);
  });

  it('gives the pickers each list, or why it could not be read', async () => {
    jest.mocked(listPriorities).mockRejectedValue(new JiraError('Jira answered 429', 429, null, true));
    const answer = await listSiteValues(request({}));
    expect(answer).toEqual({
      ok: true,
      data: {
        priorities: { unreadable: 'HTTP 429' },
        resolutions: [
          { id: '10000', name: 'Done' },
          { id: '10001', name: 'Consulting' },
        ],
        organizations: [{ id: '2', name: 'Globex Cloud' }],
      },
    });
  });

  it('is for Jira administrators only', async () => {
    jest.mocked(hasGlobalPermission).mockResolvedValue(false);
    expect(await listSiteValues(request({}))).toMatchObject({ ok: false, status: 403 });
    expect(listPriorities).not.toHaveBeenCalled();
  });
});
