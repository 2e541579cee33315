// escalateRequest with Jira's adapters scripted and @forge/kvs in memory (the real ledger and config store).
import { getIssue } from '../../jira/get-issue';
import { getIssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { listUserOrganizationIds } from '../../jira/list-user-organizations';
import { hasIssuePermission } from '../../jira/get-my-permissions';
import { getRequestParticipants } from '../../jira/get-request-participants';
import { getUser } from '../../jira/get-user';
import { getIssueProperty, setIssueProperty } from '../../jira/issue-property';
import { notifyIssue } from '../../jira/notify-issue';
import { addComment } from '../../jira/add-comment';
import { searchIssues } from '../../jira/search-issues';
import { JiraError } from '../../jira/client';
import { escalateRequest } from './escalate-request';

const store = new Map<string, unknown>();
const properties = new Map<string, unknown>();

jest.mock('@forge/kvs', () => ({
  kvs: {
    get: async (key: string) => store.get(key),
    set: async (key: string, value: unknown, opts?: { keyPolicy?: string }) => {
      if (opts?.keyPolicy === 'FAIL_IF_EXISTS' && store.has(key))
        throw Object.assign(new Error('exists'), { code: 'KEY_CONFLICT' });
      store.set(key, value);
    },
    delete: async (key: string) => void store.delete(key),
  },
}));
jest.mock('@forge/events', () => ({
  Queue: class {
    push = async () => undefined;
  },
}));
jest.mock('../../jira/get-issue');
jest.mock('../../jira/get-issue-with-changelog');
jest.mock('../../jira/list-user-organizations');
jest.mock('../../jira/get-request');
jest.mock('../../jira/get-request-participants');
jest.mock('../../jira/search-issues');
jest.mock('../../jira/get-user');
jest.mock('../../jira/get-my-permissions');
jest.mock('../../jira/issue-property');
jest.mock('../../jira/notify-issue');
jest.mock('../../jira/add-comment');

const NOW = Date.UTC(2026, 10, 28, 9);
const users: Record<string, object> = {
  'cust-1': { accountId: 'cust-1', displayName: 'Carol', accountType: 'customer', locale: 'en_US' },
  'cust-2': { accountId: 'cust-2', displayName: 'Paul', accountType: 'customer', locale: 'fr_FR' },
  'cust-3': { accountId: 'cust-3', displayName: 'Olga', accountType: 'customer', locale: 'fr_FR' },
  'lead-1': { accountId: 'lead-1', displayName: 'Lea', accountType: 'atlassian', locale: 'fr_FR' },
};

beforeEach(async () => {
  store.clear();
  properties.clear();
  jest.clearAllMocks();
  store.set('config', { escalation: { teamLeadAccountId: 'lead-1', offerManagerAccountId: 'lead-1' } });
  jest.mocked(getIssue).mockResolvedValue({
    id: '10001',
    key: 'SUP-1',
    fields: {
      summary: 'VPN down',
      status: { name: 'En cours' },
      reporter: { accountId: 'cust-1' },
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
    },
  });
  // As the app, with JSM's Organizations field (found by its schema type): the request is shared with org 7.
  jest.mocked(getIssueWithChangelog).mockResolvedValue({
    id: '10001',
    key: 'SUP-1',
    fields: { reporter: { accountId: 'cust-1' }, customfield_10002: [{ id: 7, name: 'Acme' }] },
    schema: { customfield_10002: { custom: 'com.atlassian.servicedesk:sd-customer-organizations' } },
  });
  jest.mocked(listUserOrganizationIds).mockImplementation(async (id) => (id === 'cust-4' ? ['7'] : ['8']));
  jest.mocked(getRequestParticipants).mockResolvedValue([{ accountId: 'cust-2' }]);
  jest.mocked(searchIssues).mockResolvedValue({ issues: [] });
  jest.mocked(getUser).mockImplementation(async (id) => (users[id] as never) ?? null);
  jest.mocked(hasIssuePermission).mockResolvedValue(false);
  jest.mocked(getIssueProperty).mockImplementation(async (_key, property) => properties.get(property) as never);
  jest
    .mocked(setIssueProperty)
    .mockImplementation(async (_key, property, value) => void properties.set(property, value));
});

const escalate = (accountId: string, reason = 'No answer for days') =>
  escalateRequest({ issueKey: 'SUP-1', accountId, reason, nowMs: NOW });

describe('escalateRequest', () => {
  it('records, notes and notifies once, for the reporter', async () => {
    const result = await escalate('cust-1');
    expect(result).toEqual({
      ok: true,
      escalation: { by: 'cust-1', byName: 'Carol', at: '2026-11-28T09:00:00.000Z', reason: 'No answer for days' },
    });
    expect(properties.get('supportRulesEscalation')).toEqual(result.ok && result.escalation);
    expect(jest.mocked(addComment).mock.calls[0]![2]).toEqual({ internal: true });
    expect(jest.mocked(notifyIssue).mock.calls.map((c) => c[1].to)).toEqual([{ accountIds: ['lead-1'] }]);
  });

  it('answers a repeat "already escalated on …" and sends nothing again', async () => {
    await escalate('cust-1');
    const again = await escalate('cust-2', 'Still nothing');
    expect(again).toMatchObject({ ok: false, status: 409, code: 'already_escalated', escalation: { by: 'cust-1' } });
    expect(!again.ok && again.message).toBe(
      "Cette demande a déjà été escaladée le 28 novembre 2026 à 10:00 par Carol : le responsable de l'équipe et le responsable de l'offre ont alors été prévenus.",
    );
    expect(notifyIssue).toHaveBeenCalledTimes(1);
  });

  it('lets a participant, a member of the organization it is shared with and an agent escalate, not another customer', async () => {
    expect(await escalate('cust-3')).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
    expect(hasIssuePermission).toHaveBeenCalledWith('SUP-1', 'TRANSITION_ISSUES');
    expect(await escalate('cust-2')).toMatchObject({ ok: true });
    properties.clear();
    store.clear();
    expect(await escalate('cust-4')).toMatchObject({ ok: true, escalation: { by: 'cust-4' } });
    properties.clear();
    store.clear();
    jest.mocked(hasIssuePermission).mockResolvedValue(true);
    expect(await escalate('agent-9')).toMatchObject({ ok: true, escalation: { by: 'agent-9' } });
  });

  it('answers 404 when the request does not exist, 400 without a reason', async () => {
    jest.mocked(getIssueWithChangelog).mockRejectedValueOnce(new JiraError('404', 404, {}, false));
    expect(await escalate('cust-1')).toMatchObject({ ok: false, status: 404, code: 'not_found' });
    expect(await escalate('cust-1', '   ')).toMatchObject({
      ok: false,
      status: 400,
      code: 'invalid',
      message: 'Say why you escalate the request (at most 2000 characters).',
    });
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('answers 403 when escalation is switched off', async () => {
    store.set('config', { rules: { escalation: false } });
    expect(await escalate('cust-1')).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
  });
});
