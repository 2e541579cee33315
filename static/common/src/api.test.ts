import { invoke } from '@forge/bridge';
import { call, portalApi } from './api';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const mockedInvoke = invoke as jest.MockedFunction<typeof invoke>;

beforeEach(() => mockedInvoke.mockReset().mockResolvedValue({ ok: true, data: null }));

describe('call', () => {
  it('passes a resolver answer through', async () => {
    mockedInvoke.mockResolvedValue({ ok: false, status: 403, code: 'admins_only', message: 'no' });
    expect(await call('x', {})).toEqual({ ok: false, status: 403, code: 'admins_only', message: 'no' });
  });
  it('turns a bridge error into a failure', async () => {
    mockedInvoke.mockRejectedValue(new Error('bridge down'));
    expect(await call('x', {})).toEqual({ ok: false, status: 500, code: 'bridge_error', message: 'bridge down' });
  });
  it('turns a malformed answer into a failure', async () => {
    mockedInvoke.mockResolvedValue('hello');
    expect(await call('x', {})).toMatchObject({ ok: false, code: 'bad_answer' });
  });
});

describe('a resolver client', () => {
  it('invokes the function by its name with the payload, and an empty one when it takes none', async () => {
    await portalApi('escalateRequest', { reason: 'too slow' });
    await portalApi('getPortalView');
    expect(mockedInvoke.mock.calls).toEqual([
      ['escalateRequest', { reason: 'too slow' }],
      ['getPortalView', {}],
    ]);
  });
});
