/**
 * Runs the actions the domain decided (the rules, the reminders, an escalation, an agent's panel action), in
 * order, each at most once (through the ledger).
 * A transient failure (429/5xx/timeout that outlived the client's retries) re-queues the failed action and the
 * ones after it, with a growing delay; an action made as the user is not re-queued (the consumer runs as the app):
 * it stops the list and is reported failed, so that the person who asked for it is told and may try again. A
 * permanent failure (4xx, no such transition) is logged and kept as a dead letter, and the remaining actions
 * still run, except those that `requires` it (the comment and the email announcing a close that did not
 * happen), which are kept as dead letters too. Nothing is dropped silently.
 */
import type { Action } from '../../domain/actions';
import type { Config } from '../../domain/config';
import { statusResolver } from '../../domain/workflow';
import { addComment } from '../../jira/add-comment';
import { JiraError } from '../../jira/client';
import { setIssueProperty } from '../../jira/issue-property';
import { notifyIssue } from '../../jira/notify-issue';
import { transitionIssue } from '../../jira/transition-issue';
import { keepDeadLetter } from '../../store/dead-letters';
import { runOnce } from '../../store/ledger';
import { pushWork } from '../../store/work-queue';

/** Queue attempts before an action is given up as a dead letter (delays grow to 15 minutes: about 3 hours in all). */
export const MAX_QUEUE_ATTEMPTS = 15;

export interface ExecutionReport {
  done: string[];
  skipped: string[];
  requeued: string[];
  failed: string[];
  /** Why each failed action failed (the error it threw, or the action it needed). */
  errors: Record<string, unknown>;
}

/**
 * Executes actions in order through the ledger.
 * @example await executeActions([{ type: 'notify', key: 'SUP-1:created', ... }], config) //=> { done: ['SUP-1:created'], ... }
 */
export async function executeActions(actions: Action[], config: Config, attempt = 0): Promise<ExecutionReport> {
  const report: ExecutionReport = { done: [], skipped: [], requeued: [], failed: [], errors: {} };
  const resolve = statusResolver(config.statusMapping);
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i]!;
    if (action.requires !== undefined && report.failed.includes(action.requires)) {
      const message = `not done: it needs ${action.requires}, which failed`;
      console.error(`[support-rules] ${action.key}: ${message}; kept as a dead letter`);
      await keepDeadLetter({ action, error: message, attempts: attempt + 1, at: new Date().toISOString() });
      report.failed.push(action.key);
      report.errors[action.key] = new Error(message);
      continue;
    }
    try {
      const outcome = await runOnce(action.key, () => perform(action, resolve));
      report[outcome === 'done' ? 'done' : 'skipped'].push(action.key);
    } catch (error) {
      const message = (error as Error).message;
      if (isTransient(error) && asUser(action)) {
        console.warn(`[support-rules] ${action.key}: ${message}; not done, the user is told`);
        report.failed.push(action.key);
        report.errors[action.key] = error;
        return report;
      }
      if (isTransient(error) && attempt + 1 < MAX_QUEUE_ATTEMPTS) {
        const rest = actions.slice(i);
        await pushWork(
          { kind: 'actions', actions: rest, attempt: attempt + 1, reason: message },
          Math.min(30 * 2 ** attempt, 900),
        );
        console.warn(
          `[support-rules] ${action.key}: ${message}; re-queued with ${rest.length} action(s) (attempt ${attempt + 1})`,
        );
        report.requeued.push(...rest.map((a) => a.key));
        return report;
      }
      console.error(`[support-rules] ${action.key}: ${message}; kept as a dead letter`);
      await keepDeadLetter({ action, error: message, attempts: attempt + 1, at: new Date().toISOString() });
      report.failed.push(action.key);
      report.errors[action.key] = error;
    }
  }
  return report;
}

function asUser(action: Action): boolean {
  return (action.type === 'comment' || action.type === 'transition') && action.as === 'user';
}

function isTransient(error: unknown): boolean {
  if (error instanceof JiraError) return error.retryable;
  // kvs or queue trouble, a network error: worth another try.
  return !(error instanceof TypeError) && !(error as { name?: string })?.name?.includes('NoTransition');
}

async function perform(action: Action, resolve: ReturnType<typeof statusResolver>): Promise<void> {
  switch (action.type) {
    case 'notify':
      return notifyIssue(action.issueKey, action);
    case 'comment':
      await addComment(action.issueKey, action.body, { internal: action.internal, as: action.as });
      return;
    case 'transition':
      return transitionIssue(action.issueKey, action.toStatus, resolve, {
        resolution: action.resolution,
        as: action.as,
      });
    case 'setProperty':
      return setIssueProperty(action.issueKey, action.propertyKey, action.value);
  }
}
