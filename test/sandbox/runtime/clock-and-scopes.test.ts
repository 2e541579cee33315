import { openDatabase } from '../../../sandbox/db';
import { installClock } from '../../../sandbox/runtime/clock';
import { checkScopes, findOperation } from '../../../sandbox/runtime/scopes';
import { loadManifest } from '../../../sandbox/runtime/manifest';
import { join } from 'path';
import { findRestCalls } from '../../support/rest-calls';

describe('the sandbox clock', () => {
  it('patches Date for the whole process, moves only forward, and survives a restart', () => {
    const db = openDatabase(':memory:');
    let real = Date.parse('2027-01-04T08:00:00Z');
    const clock = installClock(db, () => real);
    try {
      expect(Date.now()).toBe(real);
      expect(new Date().toISOString()).toBe('2027-01-04T08:00:00.000Z');
      expect(new Date('2020-01-01T00:00:00Z').getTime()).toBe(Date.parse('2020-01-01T00:00:00Z'));
      clock.advance(72 * 3_600_000);
      expect(new Date().toISOString()).toBe('2027-01-07T08:00:00.000Z');
      expect(() => clock.moveTo(real)).toThrow(/only moves forward/);
      real += 60_000;
      expect(Date.now()).toBe(Date.parse('2027-01-07T08:01:00Z'));
    } finally {
      clock.uninstall();
    }
    // After a "restart" one hour later in real time, the offset still applies.
    real += 3_600_000;
    const again = installClock(db, () => real);
    try {
      expect(new Date(again.now()).toISOString()).toBe('2027-01-07T09:01:00.000Z');
      expect(new Date() instanceof Date).toBe(true);
    } finally {
      again.uninstall();
    }
    expect(Date.now()).not.toBe(real);
  });
});

describe('scope mapping', () => {
  it('maps a call to its operation, literal segments first', () => {
    expect(findOperation('GET', '/rest/api/3/issue/SUP-1?expand=changelog')?.template).toBe(
      '/rest/api/3/issue/{issueIdOrKey}',
    );
    expect(findOperation('GET', '/rest/api/3/issue/picker')?.template).toBe('/rest/api/3/issue/picker');
    expect(findOperation('POST', '/rest/servicedeskapi/request/SUP-1/transition')?.template).toBe(
      '/rest/servicedeskapi/request/{issueIdOrKey}/transition',
    );
  });

  it('allows every REST call the app’s code makes under its own manifest', () => {
    const { scopes } = loadManifest(join(__dirname, '..', '..', '..', 'manifest.yml'));
    const calls = findRestCalls(join(__dirname, '..', '..', '..', 'src'));
    expect(calls.length).toBeGreaterThan(5);
    const refused = calls.filter(
      (call) => !checkScopes(scopes, call.method, call.path.replace(/\{\}/g, 'SUP-1')).allowed,
    );
    expect(refused).toEqual([]);
  });

  it('refuses a call beyond the granted scopes, naming the scope sets that would allow it', () => {
    expect(checkScopes(['read:jira-work'], 'PUT', '/rest/api/3/issue/SUP-1/properties/x')).toMatchObject({
      allowed: false,
      needed: expect.arrayContaining([['write:jira-work']]),
    });
    expect(checkScopes(['read:servicedesk-request'], 'POST', '/rest/servicedeskapi/request/SUP-1/comment')).toEqual({
      allowed: false,
      needed: [['write:servicedesk-request']],
    });
    expect(checkScopes(['read:servicedesk-request'], 'GET', '/rest/servicedeskapi/request/SUP-1')).toEqual({
      allowed: true,
    });
  });
});
