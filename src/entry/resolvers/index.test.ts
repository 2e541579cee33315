// Each Custom UI resolver answers every function its contract names (the names the screens call), and no other:
// invoked as Forge invokes it, anonymously, each function is reached and refuses with a typed answer.
import { resetForgeMocks } from '../../../test/support/forge-mocks';
import { ADMIN, ISSUE_PANEL, PORTAL } from '../../shared/contracts';
import { adminResolver, issuePanelResolver, portalResolver } from './index';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);

beforeEach(() => resetForgeMocks());

const RESOLVERS = [
  ['issue panel', issuePanelResolver, Object.values(ISSUE_PANEL)],
  ['portal', portalResolver, Object.values(PORTAL)],
  ['admin page', adminResolver, Object.values(ADMIN)],
] as const;

describe.each(RESOLVERS)('the %s resolver', (_name, resolver, functions) => {
  it.each(functions)('answers %s', async (functionKey) => {
    const answer = await resolver({ call: { functionKey, payload: {} }, context: { locale: 'en-US' } });
    expect(answer).toEqual({ ok: false, status: 403, code: 'anonymous', message: 'Sign in to use this.' });
  });

  it('knows no other function', async () => {
    await expect(resolver({ call: { functionKey: 'dropDatabase', payload: {} }, context: {} })).rejects.toThrow(
      /dropDatabase/,
    );
  });
});
