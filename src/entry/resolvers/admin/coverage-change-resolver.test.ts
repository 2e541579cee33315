// The coverage change preview with Jira's search scripted and @forge/kvs in memory (the real config store).
import { kvsStore as store, resetForgeMocks } from '../../../../test/support/forge-mocks';
import { JiraError } from '../../../jira/client';
import { hasGlobalPermission } from '../../../jira/get-my-global-permission';
import { searchIssues } from '../../../jira/search-issues';
import type { ResolverRequest } from '../access';
import { previewCoverageChange } from './coverage-change-resolver';

jest.mock('@forge/kvs', () => jest.requireActual('../../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../../jira/get-my-global-permission');
jest.mock('../../../jira/search-issues');

const request = (payload: object) =>
  ({ payload, context: { accountId: 'admin-1', locale: 'en_US' } }) as unknown as ResolverRequest<never>;
const ids = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: String(from + i), key: `SUP-${from + i}` }));

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  jest.mocked(hasGlobalPermission).mockResolvedValue(true);
  store.set('config', { coverage: { byOrganization: { 'Globex Cloud': '24x7' } } });
});

it('counts, per contract that changes, the open requests (every page) and the stopped ones', async () => {
  jest.mocked(searchIssues).mockImplementation(async (jql, opts) => {
    if (jql.includes('"stopped"')) return { issues: ids(2) };
    return opts?.nextPageToken ? { issues: ids(3, 5000) } : { issues: ids(5000), nextPageToken: 'p2' };
  });
  const answer = await previewCoverageChange(
    request({ config: { coverage: { byOrganization: { 'Globex Cloud': 'business_hours' } } } }),
  );
  expect(answer).toEqual({
    ok: true,
    data: {
      changes: [
        { organization: 'Globex Cloud', from: '24x7', to: 'business_hours', open: 5003, stopped: 2, capped: false },
      ],
    },
  });
  expect(jest.mocked(searchIssues).mock.calls.map(([jql]) => jql)).toContain(
    'organizations = "Globex Cloud" AND issue.property[supportRulesSla].coverage != "business_hours" AND issue.property[supportRulesSla].state IN ("running", "paused")',
  );
  // Ids only: the count reads no field.
  expect(jest.mocked(searchIssues).mock.calls.every(([, opts]) => opts?.fields?.length === 0)).toBe(true);
});

it('has nothing to count when the coverage does not change', async () => {
  const answer = await previewCoverageChange(
    request({ config: { coverage: { byOrganization: { 'Globex Cloud': '24x7' } } } }),
  );
  expect(answer).toEqual({ ok: true, data: { changes: [] } });
  expect(searchIssues).not.toHaveBeenCalled();
});

it('says so when Jira cannot count, and leaves an invalid draft to the save', async () => {
  jest.mocked(searchIssues).mockRejectedValue(new JiraError('Jira answered 503', 503, null, true));
  const failed = await previewCoverageChange(request({ config: { coverage: { default: '24x7' } } }));
  expect(failed).toMatchObject({ ok: false, status: 500 });
  expect(failed.ok || failed.errors).toBeFalsy();
  const invalid = await previewCoverageChange(request({ config: { coverage: { default: 'always' } } }));
  expect(invalid).toMatchObject({ ok: false, status: 400, errors: [{ path: 'coverage.default' }] });
});
