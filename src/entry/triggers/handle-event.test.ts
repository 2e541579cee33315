// The trigger pipeline with Jira's adapters scripted and @forge/kvs / @forge/events in memory: the ledger is
// the real one, so "the same event twice sends one email" is checked end to end inside the process.
import { JiraError } from '../../jira/client';
import { getComment } from '../../jira/get-comment';
import { findRequestFields } from '../../jira/find-request-fields';
import { getIssueWithChangelog } from '../../jira/get-issue-with-changelog';
import { searchIssues } from '../../jira/search-issues';
import { getUser } from '../../jira/get-user';
import { notifyIssue } from '../../jira/notify-issue';
import { transitionIssue } from '../../jira/transition-issue';
import { kvsStore as store, queued, resetForgeMocks } from '../../../test/support/forge-mocks';
import { handleRequestEvent } from './handle-event';
import { onRequestCommented } from './index';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/get-issue-with-changelog');
jest.mock('../../jira/find-request-fields');
jest.mock('../../jira/get-comment');
jest.mock('../../jira/search-issues');
jest.mock('../../jira/get-user');
jest.mock('../../jira/issue-property');
jest.mock('../../jira/find-assignable-users');
jest.mock('../../jira/notify-issue');
jest.mock('../../jira/add-comment');
jest.mock('../../jira/transition-issue');
// The reminders' activity clock has its own tests; here it asks for nothing.
jest.mock('../shared/activity', () => ({ activityActions: async () => [] }));

const users: Record<string, object> = {
  'cust-1': { accountId: 'cust-1', displayName: 'Carol', accountType: 'customer', locale: 'en_US' },
  'agent-1': { accountId: 'agent-1', displayName: 'Alice', accountType: 'atlassian', locale: 'fr_FR' },
};

// The request as the one read gives it: its fields, JSM's (participants, the request type's portal link).
function issueIn(statusName: string) {
  jest.mocked(getIssueWithChangelog).mockResolvedValue({
    id: '10001',
    key: 'SUP-1',
    fields: {
      summary: 'VPN down',
      status: { id: '1', name: statusName },
      reporter: { accountId: 'cust-1' },
      created: '2026-11-28T09:00:00.000+0000',
      project: { key: 'SUP', projectTypeKey: 'service_desk' },
      customfield_10003: [],
      customfield_10010: { _links: { web: 'https://site/portal/SUP-1' } },
    },
    properties: {},
  });
}

const comment = (over: object = {}) => ({
  eventType: 'avi:jira:commented:issue',
  issue: { id: '10001', key: 'SUP-1' },
  atlassianId: 'agent-1',
  comment: { id: '30001', author: { accountId: 'agent-1' }, body: 'Please restart', jsdPublic: true, ...over },
});

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  issueIn('En cours');
  jest.mocked(findRequestFields).mockResolvedValue({
    organizations: 'customfield_10002',
    participants: 'customfield_10003',
    requestType: 'customfield_10010',
  });
  jest.mocked(searchIssues).mockResolvedValue({ issues: [] });
  jest.mocked(getUser).mockImplementation(async (id) => (users[id] as never) ?? null);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('handleRequestEvent', () => {
  it('forwards an agent public comment to the creator, in the creator language', async () => {
    const outcome = await handleRequestEvent('commented', comment());
    expect(outcome).toMatchObject({ handled: 'done', report: { done: ['SUP-1:notify-comment:30001'] } });
    expect(notifyIssue).toHaveBeenCalledTimes(1);
    const [issueKey, message] = jest.mocked(notifyIssue).mock.calls[0]!;
    expect(issueKey).toBe('SUP-1');
    expect(message).toMatchObject({ to: { accountIds: ['cust-1'] }, subject: '[SUP-1] New comment: VPN down' });
    expect(message.textBody).toContain('Alice commented on your request SUP-1');
    expect(message.textBody).toContain('https://site/portal/SUP-1');
  });

  it('sends one email when the same event is delivered twice', async () => {
    await onRequestCommented(comment());
    await onRequestCommented(comment());
    expect(notifyIssue).toHaveBeenCalledTimes(1);
  });

  it('keeps an internal note internal', async () => {
    await handleRequestEvent('commented', comment({ jsdPublic: false }));
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('reads a comment whose event says nothing of its visibility, and forwards it only when proven public', async () => {
    const silent = comment({ jsdPublic: undefined });
    jest.mocked(getComment).mockResolvedValueOnce({ id: '30001' }); // proves nothing: an internal note
    await handleRequestEvent('commented', silent);
    expect(notifyIssue).not.toHaveBeenCalled();
    jest
      .mocked(getComment)
      .mockResolvedValueOnce({ id: '30001', properties: [{ key: 'sd.public.comment', value: { internal: false } }] });
    await handleRequestEvent('commented', silent);
    expect(notifyIssue).toHaveBeenCalledTimes(1);
    expect(getComment).toHaveBeenCalledWith('SUP-1', '30001');
  });

  it('re-queues an event whose comment cannot be read, and forwards nothing meanwhile', async () => {
    jest.mocked(getComment).mockRejectedValueOnce(new JiraError('answered 503', 503, undefined, true));
    expect(await handleRequestEvent('commented', comment({ jsdPublic: undefined }))).toMatchObject({
      handled: 'requeued',
    });
    expect(queued).toHaveLength(1);
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('moves a request waiting for the customer back when the customer answers', async () => {
    issueIn('En attente du client');
    await handleRequestEvent('commented', comment({ author: { accountId: 'cust-1' } }));
    expect(jest.mocked(transitionIssue).mock.calls.map((c) => [c[0], c[1]])).toEqual([['SUP-1', 'in_progress']]);
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('logs a malformed event with its reason and touches nothing', async () => {
    await expect(
      onRequestCommented({ eventType: 'avi:jira:commented:issue', issue: { key: 'SUP-1' } }),
    ).resolves.toBeUndefined();
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(jest.mocked(console.warn).mock.calls[0]![0]).toMatch(/ignored a malformed event \(issue\.id: /);
    expect(getIssueWithChangelog).not.toHaveBeenCalled();
  });

  it('re-queues the event when Jira fails to answer while loading, and handles it from the queue later', async () => {
    jest
      .mocked(getIssueWithChangelog)
      .mockRejectedValueOnce(new JiraError('GET /rest/api/3/issue/SUP-1 answered 503', 503, undefined, true));
    const outcome = await handleRequestEvent('commented', comment());
    expect(outcome).toMatchObject({ handled: 'requeued' });
    expect(queued).toHaveLength(1);
    const item = queued[0]!.body as { kind: string; trigger: string; payload: unknown; attempt: number };
    expect(item).toMatchObject({ kind: 'event', trigger: 'commented', attempt: 1 });
    expect(notifyIssue).not.toHaveBeenCalled();
    await handleRequestEvent('commented', item.payload, { attempt: item.attempt });
    expect(notifyIssue).toHaveBeenCalledTimes(1);
  });

  it("does nothing at all for a Software project's issue, named so by the event: no read, no email, no write", async () => {
    const software = {
      ...comment(),
      issue: { id: '20001', key: 'DEV-1', fields: { project: { key: 'DEV', projectTypeKey: 'software' } } },
    };
    expect(await handleRequestEvent('commented', software)).toEqual({ handled: 'ignored', reason: 'out of scope' });
    expect(getIssueWithChangelog).not.toHaveBeenCalled();
    expect(notifyIssue).not.toHaveBeenCalled();
    expect(store.size).toBe(0);
  });

  it('does nothing for a JSM project the admin did not pick, found when the issue is read', async () => {
    store.set('config', { projects: { keys: ['IT'] } });
    expect(await handleRequestEvent('commented', comment())).toEqual({ handled: 'ignored', reason: 'out of scope' });
    expect(notifyIssue).not.toHaveBeenCalled();
    expect([...store.keys()].filter((k) => k.startsWith('ledger:'))).toEqual([]);
  });

  // "Build an app that respects rate limits": past the hourly quota, stop calling until Retry-After.
  it('after a quota refusal, makes no call and queues the event until Retry-After', async () => {
    jest.mocked(getIssueWithChangelog).mockRejectedValueOnce(
      new JiraError('GET /rest/api/3/issue/SUP-1 answered 429', 429, undefined, true, false, {
        reason: 'jira-quota-global-based',
        retryAfterMs: 1_200_000,
      }),
    );
    expect(await handleRequestEvent('commented', comment())).toMatchObject({ handled: 'requeued' });
    expect(queued.map((q) => q.delayInSeconds)).toEqual([900]);
    expect(await handleRequestEvent('commented', comment())).toMatchObject({ handled: 'requeued' });
    expect(getIssueWithChangelog).toHaveBeenCalledTimes(1);
    expect(queued).toHaveLength(2);
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('ignores an event about an issue that is gone', async () => {
    jest
      .mocked(getIssueWithChangelog)
      .mockRejectedValue(new JiraError('GET /rest/api/3/issue/SUP-1 answered 404', 404, undefined, false));
    expect(await handleRequestEvent('commented', comment())).toEqual({ handled: 'ignored', reason: 'issue not found' });
  });
});
