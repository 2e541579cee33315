import { route } from '@forge/api';
import type { NotifyRecipients } from '../domain/actions';
import { requestJira } from './client';

/**
 * Sends an email about an issue through Jira (POST /rest/api/3/issue/{key}/notify).
 * @example await notifyIssue('SUP-1', { subject: 'Hi', textBody: 'Hello', to: { reporter: true } })
 */
export async function notifyIssue(
  issueKey: string,
  message: { subject: string; textBody: string; htmlBody?: string; to: NotifyRecipients },
): Promise<void> {
  const to = {
    reporter: message.to.reporter ?? false,
    assignee: false,
    watchers: false,
    voters: false,
    users: (message.to.accountIds ?? []).map((accountId) => ({ accountId })),
    groups: (message.to.groupNames ?? []).map((name) => ({ name })),
  };
  await requestJira(route`/rest/api/3/issue/${issueKey}/notify`, {
    method: 'POST',
    body: { subject: message.subject, textBody: message.textBody, htmlBody: message.htmlBody ?? message.textBody, to },
  });
}
