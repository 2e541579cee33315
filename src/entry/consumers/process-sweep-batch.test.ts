// The sweep consumer with Jira's adapters scripted and @forge/kvs in memory: the ledger is the real one, so
// "two overlapping batches act once" is checked in the process.
import { addComment } from '../../jira/add-comment';
import { getChangelog } from '../../jira/get-changelog';
import { portalUrlOf } from '../../jira/get-request';
import { getIssueWithProperties } from '../../jira/get-issue-with-properties';
import { getUser } from '../../jira/get-user';
import { setIssueProperty } from '../../jira/issue-property';
import { listIssueComments } from '../../jira/list-issue-comments';
import { notifyIssue } from '../../jira/notify-issue';
import { transitionIssue } from '../../jira/transition-issue';
import { JiraError } from '../../jira/client';
import { textFromAdf } from '../../domain/adf';
import { kvsStore as store, resetForgeMocks } from '../../../test/support/forge-mocks';
import { processSweepBatch } from './process-sweep-batch';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/get-issue-with-properties');
jest.mock('../../jira/get-changelog');
jest.mock('../../jira/list-issue-comments', () => ({
  ...jest.requireActual('../../jira/list-issue-comments'),
  listIssueComments: jest.fn(),
}));
jest.mock('../../jira/get-user');
jest.mock('../../jira/get-request');
jest.mock('../../jira/find-request-fields', () => ({
  findRequestFields: async () => ({
    organizations: 'customfield_10002',
    participants: 'customfield_10003',
    requestType: 'customfield_10010',
  }),
}));
jest.mock('../../jira/issue-property');
jest.mock('../../jira/notify-issue');
jest.mock('../../jira/add-comment');
jest.mock('../../jira/transition-issue');

const DAY = 86_400_000;
const PORTAL = 'https://site.example/servicedesk/customer/portal/1/SUP-7';
const T0 = Date.UTC(2026, 0, 5, 9);

function clock(over: object = {}) {
  return {
    waiting: 'yes',
    waitingSince: T0,
    lastActivityAt: T0,
    nextDueAt: T0 + 3 * DAY,
    stage: 0,
    escalated: 'no',
    ...over,
  };
}

function issue(statusName: string, property: unknown) {
  jest.mocked(getIssueWithProperties).mockResolvedValue({
    id: '10007',
    key: 'SUP-7',
    fields: {
      summary: 'VPN down',
      status: { id: '3', name: statusName },
      reporter: { accountId: 'cust-1' },
      created: new Date(T0 - DAY).toISOString(),
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
      // JSM's Request Type field, asked in the same read: its value links the portal page.
      customfield_10010: { _links: { web: PORTAL } },
    },
    properties: property === undefined ? {} : { supportRulesState: property },
  });
}

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  jest.mocked(getUser).mockResolvedValue({ accountId: 'cust-1', locale: 'en_US' });
  jest.mocked(listIssueComments).mockResolvedValue([
    {
      id: '2',
      author: { accountId: 'agent-1', accountType: 'atlassian' },
      body: 'Please send the logs',
      created: new Date(T0).toISOString(),
      properties: [{ key: 'sd.public.comment', value: { internal: false } }],
    },
    {
      id: '3',
      author: { accountId: 'agent-1', accountType: 'atlassian' },
      body: 'internal thought',
      created: new Date(T0 + 1).toISOString(),
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    },
  ]);
  jest.mocked(getChangelog).mockResolvedValue([]);
  jest.mocked(portalUrlOf).mockResolvedValue('https://elsewhere/not-read');
});

describe('processSweepBatch', () => {
  it('sends reminder 1 (comment quoting what is awaited, email to the creator) and records it, keeping other fields', async () => {
    issue('Waiting for customer', clock());
    await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 3 * DAY });
    expect(addComment).toHaveBeenCalledTimes(1);
    const [, body, opts] = jest.mocked(addComment).mock.calls[0]!;
    expect(opts).toEqual({ internal: false });
    expect(textFromAdf(body, 'en')).toContain('> Please send the logs');
    expect(jest.mocked(notifyIssue).mock.calls[0]![1]).toMatchObject({
      to: { accountIds: ['cust-1'] },
      subject: '[SUP-7] Reminder: VPN down',
    });
    expect(jest.mocked(notifyIssue).mock.calls[0]![1].textBody).toContain(
      `or follow your request in the portal: ${PORTAL}`,
    );
    expect(jest.mocked(setIssueProperty).mock.calls[0]).toEqual([
      'SUP-7',
      'supportRulesState',
      clock({ stage: 1, nextDueAt: T0 + 6 * DAY }),
    ]);
    expect(transitionIssue).not.toHaveBeenCalled();
  });

  it('acts once when two overlapping sweeps process the same due request', async () => {
    issue('Waiting for customer', clock());
    await Promise.all([
      processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 3 * DAY }),
      processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 3 * DAY + 60_000 }),
    ]);
    expect(addComment).toHaveBeenCalledTimes(1);
    expect(notifyIssue).toHaveBeenCalledTimes(1);
  });

  it('closes at 12 days with the configured resolution, a comment on how to reopen, and the creator notified', async () => {
    issue('Waiting for customer', clock({ stage: 2, nextDueAt: T0 + 12 * DAY }));
    await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 12 * DAY });
    expect(jest.mocked(transitionIssue).mock.calls[0]!.slice(0, 2)).toEqual(['SUP-7', 'closed']);
    expect(jest.mocked(transitionIssue).mock.calls[0]![3]).toEqual({
      resolution: 'Done',
      from: ['waiting_for_customer'],
    });
    expect(textFromAdf(jest.mocked(addComment).mock.calls[0]![1], 'en')).toMatch(/reopen it from the portal/);
    // The email links the request in the portal, and does not invite a reply that would reopen nothing.
    const email = jest.mocked(notifyIssue).mock.calls[0]![1].textBody;
    expect(email).toContain(`reopen it from the portal (${PORTAL}): it goes back to "In progress"`);
    expect(email).not.toContain('reply to this email');
    expect(jest.mocked(setIssueProperty).mock.calls[0]![2]).toMatchObject({
      waiting: 'no',
      stage: 'closed',
      nextDueAt: null,
    });
  });

  it('does not announce a close that Jira refused for good, keeps the three as dead letters, and stops the count', async () => {
    issue('Waiting for customer', clock({ stage: 2, nextDueAt: T0 + 12 * DAY }));
    jest
      .mocked(transitionIssue)
      .mockRejectedValueOnce(new JiraError('POST /transitions answered 400: no transition to Clos', 400, {}, false));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 12 * DAY });
    expect(addComment).not.toHaveBeenCalled();
    expect(notifyIssue).not.toHaveBeenCalled();
    const dead = [...store.entries()]
      .filter(([k]) => k.startsWith('dead:'))
      .map(([, v]) => v as { action: { type: string }; error: string });
    expect(dead.map((d) => d.action.type).sort()).toEqual(['comment', 'notify', 'transition']);
    expect(dead.find((d) => d.action.type === 'comment')!.error).toMatch(
      /needs SUP-7:autoclose:.*:transition, which failed/,
    );
    // The clock is still written, so the next sweeps do not try (and fail) again every hour.
    expect(jest.mocked(setIssueProperty).mock.calls[0]![2]).toMatchObject({ stage: 'closed', nextDueAt: null });
  });

  it('only stops the count of a request that left the wait without the clock knowing', async () => {
    issue('In progress', clock());
    await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 3 * DAY });
    expect(addComment).not.toHaveBeenCalled();
    expect(jest.mocked(setIssueProperty).mock.calls[0]![2]).toMatchObject({
      waiting: 'no',
      nextDueAt: null,
      escalated: 'no',
    });
  });

  it('rebuilds the clock of a waiting request that has none, from its history', async () => {
    issue('Waiting for customer', undefined);
    await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-7'], sweptAt: T0 + 4 * DAY });
    expect(getChangelog).toHaveBeenCalledWith('SUP-7');
    expect(addComment).toHaveBeenCalledTimes(1);
    expect(jest.mocked(setIssueProperty).mock.calls[0]![2]).toMatchObject({ initialisedFrom: 'changelog', stage: 1 });
  });

  it('leaves a request whose read fails to the next sweep and goes on with the others', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.mocked(getIssueWithProperties).mockRejectedValueOnce(new Error('503'));
    issue('Waiting for customer', clock());
    await processSweepBatch({ kind: 'sweep-batch', issueKeys: ['SUP-1', 'SUP-7'], sweptAt: T0 + 3 * DAY });
    expect(addComment).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('SUP-1: 503; left for the next sweep'));
  });
});
