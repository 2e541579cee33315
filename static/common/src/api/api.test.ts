import { invoke } from '@forge/bridge';
import { call } from './call';
import { closeAsConsulting } from './close-as-consulting';
import { escalateRequest } from './escalate-request';
import { exportConfig } from './export-config';
import { findPeople } from './find-people';
import { getConfig } from './get-config';
import { getIssuePanelView } from './get-issue-panel-view';
import { getPortalView } from './get-portal-view';
import { importConfig } from './import-config';
import { recordScheduledOperation } from './record-scheduled-operation';
import { recordThirdParty } from './record-third-party';
import { saveConfig } from './save-config';
import { setupCheck } from './setup-check';
import { validateConfig } from './validate-config';

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

describe('one wrapper per resolver call', () => {
  it.each([
    ['getIssuePanelView', () => getIssuePanelView('fr'), { lang: 'fr' }],
    ['escalateRequest', () => escalateRequest('en', 'too slow'), { lang: 'en', reason: 'too slow' }],
    ['closeAsConsulting', () => closeAsConsulting('fr'), { lang: 'fr' }],
    [
      'recordThirdParty',
      () => recordThirdParty('fr', { kind: 'atlassian', reference: 'PS-1' }),
      { lang: 'fr', kind: 'atlassian', reference: 'PS-1' },
    ],
    [
      'recordScheduledOperation',
      () => recordScheduledOperation('en', { at: '2026-12-01T08:00:00Z', who: 'Ops' }),
      { lang: 'en', at: '2026-12-01T08:00:00Z', who: 'Ops' },
    ],
    ['getPortalView', () => getPortalView('en'), { lang: 'en' }],
    ['getConfig', () => getConfig('fr'), { lang: 'fr' }],
    ['validateConfig', () => validateConfig('fr', { version: 1 }), { lang: 'fr', config: { version: 1 } }],
    ['saveConfig', () => saveConfig('en', { version: 1 }), { lang: 'en', config: { version: 1 } }],
    ['setupCheck', () => setupCheck('en'), { lang: 'en' }],
    ['exportConfig', () => exportConfig('en'), { lang: 'en' }],
    ['importConfig', () => importConfig('fr', '{}'), { lang: 'fr', json: '{}' }],
    ['findPeople', () => findPeople('en', { kind: 'user', query: 'léa' }), { lang: 'en', kind: 'user', query: 'léa' }],
  ] as const)('%s', async (key, run, payload) => {
    await run();
    expect(mockedInvoke).toHaveBeenCalledWith(key, payload);
  });
});
