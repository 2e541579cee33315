// executeActions with Jira's adapters scripted and @forge/kvs in memory (the real ledger): what happens when Jira
// carries a write out but its answer is lost (JiraError.outcomeUnknown), and when an earlier run was cut off.
import type { Action } from '../../domain/actions';
import { adfFromText } from '../../domain/adf';
import { defaultConfig } from '../../domain/config';
import { addComment } from '../../jira/add-comment';
import { JiraError } from '../../jira/client';
import { getIssue } from '../../jira/get-issue';
import { listIssueComments } from '../../jira/list-issue-comments';
import { notifyIssue } from '../../jira/notify-issue';
import { transitionIssue } from '../../jira/transition-issue';
import { forgetAction, ledgerKey } from '../../store/ledger';
import { kvsStore as store, resetForgeMocks } from '../../../test/support/forge-mocks';
import { executeActions } from './execute-actions';

jest.mock('@forge/kvs', () => jest.requireActual('../../../test/support/forge-mocks').forgeKvs);
jest.mock('@forge/events', () => jest.requireActual('../../../test/support/forge-mocks').forgeEvents);
jest.mock('../../jira/add-comment');
jest.mock('../../jira/notify-issue');
jest.mock('../../jira/transition-issue');
jest.mock('../../jira/issue-property');
jest.mock('../../jira/get-issue');
jest.mock('../../jira/list-issue-comments');

const config = defaultConfig();
const lost = () => new JiraError('POST … got no answer: it may have been carried out', 0, undefined, true, true);
const comment: Action = {
  type: 'comment',
  key: 'SUP-1:reminder:1:1:comment',
  issueKey: 'SUP-1',
  body: adfFromText('Bonjour,\n\nVotre demande attend votre réponse.'),
  internal: false,
};
const email: Action = {
  type: 'notify',
  key: 'SUP-1:reminder:1:1:notify',
  issueKey: 'SUP-1',
  to: { accountIds: ['cust-1'] },
  subject: 'Relance',
  textBody: 'Bonjour',
};
const close: Action = {
  type: 'transition',
  key: 'SUP-1:autoclose:1:transition',
  issueKey: 'SUP-1',
  toStatus: 'closed',
};
const appComment = (text: string) => ({ id: '9', author: { accountType: 'app' }, body: adfFromText(text) });

beforeEach(() => {
  resetForgeMocks();
  jest.clearAllMocks();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.mocked(listIssueComments).mockResolvedValue([]);
});

describe('a comment whose answer is lost', () => {
  it('counts as done when the comment is there, and is never posted twice', async () => {
    jest.mocked(addComment).mockRejectedValueOnce(lost());
    jest.mocked(listIssueComments).mockResolvedValue([appComment('Bonjour,\n\nVotre demande attend votre réponse.')]);
    expect(await executeActions([comment], config)).toMatchObject({ done: [comment.key], requeued: [] });
    expect(await executeActions([comment], config)).toMatchObject({ skipped: [comment.key] });
    expect(addComment).toHaveBeenCalledTimes(1);
  });

  it('is re-queued when it is not there, and the retry checks again before posting', async () => {
    jest.mocked(addComment).mockRejectedValueOnce(lost());
    expect(await executeActions([comment], config)).toMatchObject({ requeued: [comment.key] });
    expect(store.get(ledgerKey(comment.key))).toMatchObject({ state: 'unknown' });
    // Meanwhile Jira's index caught up: the retry finds the comment and posts nothing.
    jest.mocked(listIssueComments).mockResolvedValue([appComment('Bonjour, Votre demande attend votre réponse.')]);
    expect(await executeActions([comment], config, 1)).toMatchObject({ done: [comment.key] });
    expect(addComment).toHaveBeenCalledTimes(1);
  });

  it("does not count another comment of the app, or a person's comment with the same text, as this one", async () => {
    jest.mocked(addComment).mockRejectedValueOnce(lost()).mockResolvedValueOnce({ id: '10' });
    jest.mocked(listIssueComments).mockResolvedValue([
      appComment('Another reminder'),
      {
        id: '8',
        author: { accountType: 'atlassian' },
        body: adfFromText('Bonjour,\n\nVotre demande attend votre réponse.'),
      },
    ]);
    expect(await executeActions([comment], config)).toMatchObject({ requeued: [comment.key] });
    expect(await executeActions([comment], config, 1)).toMatchObject({ done: [comment.key] });
    expect(addComment).toHaveBeenCalledTimes(2);
  });
});

describe('a transition whose answer is lost', () => {
  it('counts as done when the request is in the target status', async () => {
    jest.mocked(transitionIssue).mockRejectedValueOnce(lost());
    jest.mocked(getIssue).mockResolvedValue({ id: '1', key: 'SUP-1', fields: { status: { id: '7', name: 'Fermée' } } });
    expect(await executeActions([close], config)).toMatchObject({ done: [close.key] });
    expect(transitionIssue).toHaveBeenCalledTimes(1);
  });
});

describe('an email whose answer is lost', () => {
  it('is never sent again: kept as an unconfirmed dead letter, and a later run skips it', async () => {
    jest.mocked(notifyIssue).mockRejectedValueOnce(lost());
    expect(await executeActions([email], config)).toMatchObject({ failed: [email.key], requeued: [] });
    expect(store.get(`dead:${email.key}`)).toMatchObject({ unconfirmed: true, action: { key: email.key } });
    expect(await executeActions([email], config)).toMatchObject({ skipped: [email.key] });
    expect(notifyIssue).toHaveBeenCalledTimes(1);
    // The admin checked and resends it (dead-letter retry): forgotten by the ledger, it is sent once more.
    await forgetAction(email.key);
    expect(await executeActions([email], config)).toMatchObject({ done: [email.key] });
    expect(notifyIssue).toHaveBeenCalledTimes(2);
  });

  it('that an earlier, cut-off run may have sent is not sent again', async () => {
    store.set(ledgerKey(email.key), { state: 'running', at: 0, leaseUntil: 1 }); // abandoned claim
    expect(await executeActions([email], config)).toMatchObject({ failed: [email.key] });
    expect(notifyIssue).not.toHaveBeenCalled();
  });

  it('is retried when Jira answered that it did not do it (429, 5xx)', async () => {
    jest.mocked(notifyIssue).mockRejectedValueOnce(new JiraError('429', 429, undefined, true));
    expect(await executeActions([email], config)).toMatchObject({ requeued: [email.key] });
    expect(await executeActions([email], config, 1)).toMatchObject({ done: [email.key] });
    expect(notifyIssue).toHaveBeenCalledTimes(2);
  });
});

describe('a move someone overtook', () => {
  it('leaves the request as it is and does not do what required the move, now or on a repeat', async () => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
    jest.mocked(transitionIssue).mockResolvedValue('left');
    const guarded: Action = { ...close, from: ['waiting_for_customer'] };
    const list: Action[] = [
      guarded,
      { ...comment, key: 'SUP-1:autoclose:1:comment', requires: guarded.key },
      { ...email, key: 'SUP-1:autoclose:1:notify', requires: guarded.key },
    ];
    const first = await executeActions(list, config);
    expect(first).toMatchObject({ done: [], failed: [], skipped: list.map((a) => a.key) });
    expect(jest.mocked(transitionIssue).mock.calls[0]![3]).toMatchObject({ from: ['waiting_for_customer'] });
    expect(addComment).not.toHaveBeenCalled();
    expect(notifyIssue).not.toHaveBeenCalled();
    // The same decision again (an event delivered twice): still nothing done, nothing kept as a dead letter.
    expect(await executeActions(list, config)).toMatchObject({ done: [], failed: [], skipped: list.map((a) => a.key) });
    expect(transitionIssue).toHaveBeenCalledTimes(1);
    expect(addComment).not.toHaveBeenCalled();
  });
});
