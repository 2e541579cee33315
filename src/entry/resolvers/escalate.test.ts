// The escalate resolver with Jira's adapters scripted and @forge/kvs in memory (the real ledger and config store).
import { findRequestFields } from '../../jira/find-request-fields';
import { getIssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { listUserOrganizationIds } from '../../jira/list-user-organizations';
import { hasIssuePermission } from '../../jira/get-my-permissions';
import { getRequestParticipants } from '../../jira/get-request-participants';
import { getReopenAction } from '../../jira/get-reopen-action';
import { getUser } from '../../jira/get-user';
import { getIssueProperty, setIssueProperty } from '../../jira/issue-property';
import { notifyIssue } from '../../jira/notify-issue';
import { addComment } from '../../jira/add-comment';
import { searchIssues } from '../../jira/search-issues';
import { kvsStore as store, resetForgeMocks } from '../../../test/support/forge-mocks';
import { JiraError } from '../../jira/client';
import { escalate } from './escalate';

const properties = new Map<string, unknown>();

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/find-request-fields');
jest.mock('../../jira/get-issue-with-changelog');
jest.mock('../../jira/list-user-organizations');
jest.mock('../../jira/get-request');
jest.mock('../../jira/get-request-participants');
jest.mock('../../jira/search-issues');
jest.mock('../../jira/get-user');
jest.mock('../../jira/get-reopen-action');
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
  resetForgeMocks();
  properties.clear();
  jest.clearAllMocks();
  store.set('config', { escalation: { teamLeadAccountId: 'lead-1', offerManagerAccountId: 'lead-1' } });
  jest.mocked(findRequestFields).mockResolvedValue({
    organizations: 'customfield_10002',
    participants: 'customfield_10003',
    requestType: 'customfield_10010',
  });
  // Read as the app, with JSM's Organizations field (found by its schema type): the request is shared with org 7.
  jest.mocked(getIssueWithChangelog).mockResolvedValue({
    id: '10001',
    key: 'SUP-1',
    fields: {
      summary: 'VPN down',
      status: { name: 'En cours' },
      reporter: { accountId: 'cust-1' },
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
      customfield_10002: [{ id: 7, name: 'Acme' }],
      customfield_10003: [{ accountId: 'cust-2' }],
    },
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

/** The caller's Jira locale, as Forge gives it in the resolver's context. */
const LOCALES: Record<string, string> = {
  'cust-1': 'en-US',
  'cust-2': 'fr-FR',
  'cust-3': 'fr-FR',
  'cust-4': 'fr-FR',
  'agent-9': 'fr-FR',
};

const escalateAs = (accountId: string, reason: unknown = 'No answer for days') =>
  escalate(
    {
      payload: { reason: reason as string },
      context: { accountId, locale: LOCALES[accountId], extension: { request: { key: 'SUP-1' } } },
    },
    NOW,
  );

describe('escalate', () => {
  it('records, notes and notifies once, for the reporter', async () => {
    const result = await escalateAs('cust-1');
    expect(result).toEqual({
      ok: true,
      data: { by: 'cust-1', byName: 'Carol', at: '2026-11-28T09:00:00.000Z', reason: 'No answer for days' },
    });
    expect(properties.get('supportRulesEscalation')).toEqual(result.ok && result.data);
    expect(jest.mocked(addComment).mock.calls[0]![2]).toEqual({ internal: true });
    expect(jest.mocked(notifyIssue).mock.calls.map((c) => c[1].to)).toEqual([{ accountIds: ['lead-1'] }]);
  });

  it('answers a repeat "already escalated on …", in the caller language, and sends nothing again', async () => {
    await escalateAs('cust-1');
    const again = await escalateAs('cust-2', 'Still nothing');
    expect(again).toMatchObject({ ok: false, status: 409, code: 'already_escalated' });
    expect(!again.ok && again.message).toBe(
      'Cette demande a déjà été escaladée le 28 novembre 2026 à 10:00 par Carol\u00a0: les responsables du support ont alors été prévenus.',
    );
    expect(notifyIssue).toHaveBeenCalledTimes(1);
  });

  it('lets a participant, a member of an organization it is shared with and an agent escalate, nobody else', async () => {
    expect(await escalateAs('cust-3')).toMatchObject({
      ok: false,
      status: 403,
      code: 'forbidden',
      message:
        "Seuls le demandeur, les participants de la demande, les membres de son organisation et l'équipe support peuvent l'escalader.",
    });
    expect(hasIssuePermission).toHaveBeenCalledWith('SUP-1', 'TRANSITION_ISSUES');
    expect(await escalateAs('cust-2')).toMatchObject({ ok: true });
    properties.clear();
    store.delete('ledger:SUP-1:escalation');
    expect(await escalateAs('cust-4')).toMatchObject({ ok: true, data: { by: 'cust-4' } });
    properties.clear();
    store.delete('ledger:SUP-1:escalation');
    jest.mocked(hasIssuePermission).mockResolvedValue(true);
    expect(await escalateAs('agent-9')).toMatchObject({ ok: true, data: { by: 'agent-9' } });
  });

  it('answers 404 when the request is gone, 403 outside the projects the rules apply to, 400 without a reason', async () => {
    jest.mocked(getIssueWithChangelog).mockRejectedValueOnce(new JiraError('no', 404, undefined, false));
    expect(await escalateAs('cust-1')).toMatchObject({ ok: false, status: 404, code: 'not_found' });
    store.set('config', { projects: { keys: ['IT'] }, escalation: { teamLeadAccountId: 'lead-1' } });
    expect(await escalateAs('cust-1')).toMatchObject({ ok: false, status: 403, code: 'out_of_scope' });
    store.set('config', { escalation: { teamLeadAccountId: 'lead-1', offerManagerAccountId: 'lead-1' } });
    for (const reason of ['   ', null, 42, 'x'.repeat(2001)])
      expect(await escalateAs('cust-1', reason)).toMatchObject({
        ok: false,
        status: 400,
        code: 'invalid_reason',
        message: 'Say why you escalate (up to 2000 characters).',
      });
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('refuses a resolved or closed request (409), to customers and agents alike, and writes and sends nothing', async () => {
    const inStatus = (name: string, id = '5') => {
      const issue = jest.mocked(getIssueWithChangelog).getMockImplementation();
      jest.mocked(getIssueWithChangelog).mockImplementation(async (...args) => {
        const read = await issue!(...args);
        return { ...read, fields: { ...read.fields, status: { id, name } } };
      });
    };
    inStatus('Résolue');
    // The site's own name of the portal's reopen action, in either language.
    jest.mocked(getReopenAction).mockResolvedValue('Rouvrir');
    expect(await escalateAs('cust-1')).toEqual({
      ok: false,
      status: 409,
      code: 'request_done',
      message:
        'This request is resolved or closed: it can no longer be escalated. If the problem is back, reopen the request with the "Rouvrir" action in the portal, then escalate it.',
    });
    jest.mocked(hasIssuePermission).mockResolvedValue(true);
    expect(await escalateAs('agent-9')).toMatchObject({
      ok: false,
      status: 409,
      code: 'request_done',
      message:
        "Cette demande est résolue ou fermée\u00a0: elle ne peut plus être escaladée. Si le problème est revenu, rouvrez la demande avec l'action «\u00a0Rouvrir\u00a0» du portail, puis escaladez-la.",
    });
    // When the site's name cannot be read, the sentence stands without it.
    jest.mocked(getReopenAction).mockResolvedValue(null);
    expect(await escalateAs('cust-1')).toMatchObject({
      message:
        'This request is resolved or closed: it can no longer be escalated. If the problem is back, reopen the request, then escalate it.',
    });
    // A site status the admin mapped to closed is finished too (the configured mapping, not the name).
    inStatus('Archivée', '10999');
    store.set('config', {
      statusMapping: { byId: { '10999': 'closed' } },
      escalation: { teamLeadAccountId: 'lead-1', offerManagerAccountId: 'lead-1' },
    });
    expect(await escalateAs('cust-2')).toMatchObject({ ok: false, status: 409, code: 'request_done' });
    expect(setIssueProperty).not.toHaveBeenCalled();
    expect(addComment).not.toHaveBeenCalled();
    expect(notifyIssue).not.toHaveBeenCalled();
    expect(properties.has('supportRulesEscalation')).toBe(false);
    expect([...store.keys()].filter((k) => k.startsWith('ledger:'))).toEqual([]);
    // Reopened, it may be escalated again.
    inStatus('En cours', '3');
    expect(await escalateAs('cust-1')).toMatchObject({ ok: true, data: { by: 'cust-1' } });
  });

  it('answers 403 when escalation is switched off, before reading anything in Jira', async () => {
    store.set('config', { rules: { escalation: false } });
    expect(await escalateAs('cust-2')).toMatchObject({
      ok: false,
      status: 403,
      code: 'escalation_off',
      message: "L'escalade est désactivée pour ce centre de services.",
    });
    expect(getIssueWithChangelog).not.toHaveBeenCalled();
  });

  it('answers an anonymous caller and a screen shown on no request before anything else', async () => {
    expect(await escalate({ payload: { reason: 'x' }, context: { locale: 'en-US' } })).toMatchObject({
      status: 403,
      code: 'anonymous',
      message: 'Sign in to use this.',
    });
    expect(await escalate({ payload: { reason: 'x' }, context: { accountId: 'cust-1' } })).toMatchObject({
      status: 400,
      code: 'no_request',
    });
  });
});
