// The SLA alert consumer with Jira's adapters scripted and @forge/kvs in memory: the ledger is the real one, so
// "looked at twice, alerted once" is checked in the process.
import { JiraError } from '../../jira/client';
import { getIssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { getUser } from '../../jira/get-user';
import { setIssueProperty } from '../../jira/issue-property';
import { notifyIssue } from '../../jira/notify-issue';
import { kvsStore as store, resetForgeMocks } from '../../../test/support/forge-mocks';
import { processSlaAlertBatch } from './process-sla-alerts';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/get-issue-with-changelog');
jest.mock('../../jira/get-user');
jest.mock('../../jira/issue-property');
jest.mock('../../jira/notify-issue');
jest.mock('../../jira/find-assignable-users');

const FRIDAY_16H = '2026-03-06T16:00:00.000+0100';
const MONDAY_10H = Date.parse('2026-03-09T10:00:00+01:00');
const MONDAY_11H = Date.parse('2026-03-09T11:00:00+01:00');
const H = 3_600_000;

function issue(over: { histories?: unknown[]; record?: unknown; assignee?: unknown; project?: string } = {}) {
  jest.mocked(getIssueWithChangelog).mockResolvedValue({
    id: '10001',
    key: 'SUP-1',
    self: 'https://acme.atlassian.net/rest/api/3/issue/10001',
    fields: {
      summary: 'VPN down',
      created: FRIDAY_16H,
      status: { id: '1', name: 'Soumise' },
      priority: { name: 'Medium' },
      project: { key: over.project ?? 'SUP', projectTypeKey: 'service_desk' },
      assignee: over.assignee === undefined ? { accountId: 'agent-1', displayName: 'Alice Agent' } : over.assignee,
    },
    changelog: { histories: over.histories ?? [], total: (over.histories ?? []).length },
    properties: over.record === undefined ? {} : { supportRulesSla: over.record },
  });
}

const batch = { kind: 'sla-alert-batch', issueKeys: ['SUP-1'], sweptAt: MONDAY_10H };
const written = () => jest.mocked(setIssueProperty).mock.calls.map((c) => c[2] as Record<string, unknown>);

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  store.set('config', { escalation: { teamLeadAccountId: 'lead-1', supportTeamGroup: 'support-team' } });
  jest.mocked(getUser).mockImplementation(async (accountId) => ({
    accountId,
    displayName: accountId === 'lead-1' ? 'Léa Lead' : 'Alice Agent',
    locale: accountId === 'lead-1' ? 'en_US' : 'fr_FR',
  }));
});

describe('processSlaAlertBatch', () => {
  it('at 75 % warns the assignee in their language, once however often it looks, and records the next check', async () => {
    issue();
    await processSlaAlertBatch(batch, () => MONDAY_10H);
    await processSlaAlertBatch(batch, () => MONDAY_10H + 30_000);
    expect(notifyIssue).toHaveBeenCalledTimes(1);
    expect(jest.mocked(notifyIssue).mock.calls[0]![1]).toMatchObject({
      to: { accountIds: ['agent-1'] },
      subject: '[SUP-1] Réponse attendue bientôt\u00a0: VPN down',
    });
    expect(jest.mocked(notifyIssue).mock.calls[0]![1].textBody).toContain(
      'Demande\u00a0: https://acme.atlassian.net/browse/SUP-1',
    );
    expect(written()[0]).toMatchObject({ state: 'running', risk: 'at_risk', nextCheckAt: MONDAY_11H });
    expect(store.get('ledger:SUP-1:sla-alert:warning')).toMatchObject({ state: 'done' });
  });

  it('at the breach tells the assignee and the team lead, each once', async () => {
    issue();
    await processSlaAlertBatch(batch, () => MONDAY_11H);
    await processSlaAlertBatch(batch, () => MONDAY_11H + 60_000);
    const sent = jest.mocked(notifyIssue).mock.calls.map((c) => [c[1].to, c[1].subject]);
    expect(sent).toEqual([
      [{ accountIds: ['agent-1'] }, '[SUP-1] Délai de réponse dépassé\u00a0: VPN down'],
      [{ accountIds: ['lead-1'] }, '[SUP-1] Response goal missed: VPN down'],
    ]);
    expect(written().at(-1)).toMatchObject({ breached: 'yes', risk: 'breached', nextCheckAt: null });
  });

  it('an unassigned request alerts the support group', async () => {
    issue({ assignee: null });
    await processSlaAlertBatch(batch, () => MONDAY_10H);
    expect(jest.mocked(notifyIssue).mock.calls[0]![1].to).toEqual({ groupNames: ['support-team'] });
  });

  it('nothing for a paused SLA (its record has no warning) nor for a stopped one (it stays as measured)', async () => {
    issue({
      histories: [
        {
          id: '1',
          created: '2026-03-06T17:00:00.000+0100',
          items: [{ fieldId: 'status', from: '1', fromString: 'Soumise', to: '4', toString: "En attente d'un tiers" }],
        },
      ],
    });
    await processSlaAlertBatch(batch, () => MONDAY_11H);
    expect(notifyIssue).not.toHaveBeenCalled();
    const paused = written()[0]!;
    expect(paused).toMatchObject({ state: 'paused', warnAt: null, nextCheckAt: null });
    jest.clearAllMocks();
    issue({ record: { ...paused, state: 'stopped' } });
    await processSlaAlertBatch(batch, () => MONDAY_11H);
    expect(notifyIssue).not.toHaveBeenCalled();
    expect(setIssueProperty).not.toHaveBeenCalled();
  });

  it('with the alerts switched off, sends nothing but keeps the record true', async () => {
    store.set('config', { rules: { slaAlerts: false } });
    issue();
    await processSlaAlertBatch(batch, () => MONDAY_11H + H);
    expect(notifyIssue).not.toHaveBeenCalled();
    expect(written()[0]).toMatchObject({ breached: 'yes', nextCheckAt: null });
  });

  it('alerts nobody and writes nothing for a request of a project the rules no longer apply to', async () => {
    store.set('config', { projects: { keys: ['IT'] } });
    issue({ project: 'SUP' });
    await processSlaAlertBatch(batch, () => MONDAY_11H);
    expect(notifyIssue).not.toHaveBeenCalled();
    expect(setIssueProperty).not.toHaveBeenCalled();
    issue({ project: 'IT' });
    await processSlaAlertBatch(batch, () => MONDAY_11H);
    expect(notifyIssue).toHaveBeenCalled();
  });

  it('leaves a request it cannot read to the next sweep, marks nothing, and goes on with the others', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    issue();
    jest.mocked(getIssueWithChangelog).mockRejectedValueOnce(new JiraError('GET answered 503', 503, {}, true));
    await processSlaAlertBatch({ ...batch, issueKeys: ['SUP-2', 'SUP-1'] }, () => MONDAY_10H);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining('SUP-2: GET answered 503; left for the next sweep'),
    );
    expect(notifyIssue).toHaveBeenCalledTimes(1);
    expect(store.has('ledger:SUP-2:sla-alert:warning')).toBe(false);
  });

  it('logs and drops a malformed batch', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await processSlaAlertBatch({ kind: 'sla-alert-batch', issueKeys: 'SUP-1' });
    expect(getIssueWithChangelog).not.toHaveBeenCalled();
  });
});
