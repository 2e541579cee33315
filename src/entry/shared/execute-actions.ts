/**
 * Runs the actions the domain decided (the rules, the reminders, an escalation, an agent's panel action), in
 * order, each at most once (through the ledger).
 * A transient failure (429/5xx/timeout that outlived the client's retries) re-queues the failed action and the
 * ones after it, with a growing delay; an action made as the user is not re-queued (the consumer runs as the app):
 * it stops the list and is reported failed, so that the person who asked for it is told and may try again. A
 * permanent failure (4xx, no such transition) is logged and kept as a dead letter, and the remaining actions
 * still run, except those that `requires` it (the comment and the email announcing a close that did not
 * happen), which are kept as dead letters too. Nothing is dropped silently.
 *
 * Exactly once, also when an answer is lost (Jira committed the write but the app never heard): before posting a
 * comment or moving a request again, the app reads back whether it is already there (confirm-write.ts), whenever
 * the last try's outcome is unknown or an earlier run was cut off (the ledger says `resumed`). Properties are
 * written with PUT, which is safe to repeat. An email has nothing to read back: it is sent at most once, and one
 * whose answer was lost is kept as an *unconfirmed* dead letter (the admin guide says how to check and resend it),
 * never sent again automatically.
 */
import type { Action } from '../../domain/actions';
import type { Config } from '../../domain/config';
import { statusResolver } from '../../domain/workflow';
import { addComment } from '../../jira/add-comment';
import { JiraError } from '../../jira/client';
import { setIssueProperties, setIssueProperty } from '../../jira/issue-property';
import { notifyIssue } from '../../jira/notify-issue';
import { transitionIssue } from '../../jira/transition-issue';
import { keepDeadLetter } from '../../store/dead-letters';
import { runOnce } from '../../store/ledger';
import { pushWork } from '../../store/work-queue';
import { pauseIfQuotaRefused, retryAfterMsOf } from '../../store/quota-pause';
import { requeueDelaySeconds } from '../../domain/pacing';
import { commentAlreadyPosted, transitionAlreadyDone } from './confirm-write';

/** An email whose sending cannot be confirmed: never repeated, kept for an admin (settled in the ledger). */
export class UnconfirmedEmailError extends Error {
  readonly settled = true;
  constructor(readonly actionKey: string) {
    super(
      `${actionKey}: Jira's answer to the email was lost: it may or may not have been sent, and is not sent again (check with the recipient, then resend it if needed)`,
    );
    this.name = 'UnconfirmedEmailError';
  }
}

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
  // Moves left undone because someone moved the request since, and the actions that required them.
  const left = new Set<string>();
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i]!;
    if (action.requires !== undefined && left.has(action.requires)) {
      // Settled in the ledger as done, so that a repeat of the same decision does not do it either.
      await runOnce(action.key, async () => undefined);
      console.info(`[support-rules] ${action.key}: not done: ${action.requires} was not needed any more`);
      left.add(action.key);
      report.skipped.push(action.key);
      continue;
    }
    if (action.requires !== undefined && report.failed.includes(action.requires)) {
      const message = `not done: it needs ${action.requires}, which failed`;
      console.error(`[support-rules] ${action.key}: ${message}; kept as a dead letter`);
      await keepDeadLetter({ action, error: message, attempts: attempt + 1, at: new Date().toISOString() });
      report.failed.push(action.key);
      report.errors[action.key] = new Error(message);
      continue;
    }
    try {
      let outcome = 'done' as 'done' | 'skipped' | 'left';
      const ran = await runOnce(action.key, async ({ resumed }) => {
        outcome = await perform(action, config, resolve, resumed);
      });
      if (ran === 'skipped') outcome = 'skipped';
      if (outcome === 'left') {
        console.info(`[support-rules] ${action.key}: not done: the request was moved since the decision`);
        left.add(action.key);
      }
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
        await pauseIfQuotaRefused(error, Date.now());
        await pushWork(
          { kind: 'actions', actions: rest, attempt: attempt + 1, reason: message },
          requeueDelaySeconds(attempt, retryAfterMsOf(error)),
        );
        console.warn(
          `[support-rules] ${action.key}: ${message}; re-queued with ${rest.length} action(s) (attempt ${attempt + 1})`,
        );
        report.requeued.push(...rest.map((a) => a.key));
        return report;
      }
      console.error(`[support-rules] ${action.key}: ${message}; kept as a dead letter`);
      await keepDeadLetter({
        action,
        error: message,
        attempts: attempt + 1,
        at: new Date().toISOString(),
        ...(error instanceof UnconfirmedEmailError ? { unconfirmed: true as const } : {}),
      });
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
  if (error instanceof UnconfirmedEmailError) return false;
  if (error instanceof JiraError) return error.retryable;
  // kvs or queue trouble, a network error: worth another try.
  return !(error instanceof TypeError) && !(error as { name?: string })?.name?.includes('NoTransition');
}

async function perform(
  action: Action,
  config: Config,
  resolve: ReturnType<typeof statusResolver>,
  resumed: boolean,
): Promise<'done' | 'left'> {
  switch (action.type) {
    case 'notify':
      // Nothing to read back: an email an earlier run may have sent is never sent again.
      if (resumed) throw new UnconfirmedEmailError(action.key);
      return onLostAnswer(
        async () => void (await notifyIssue(action.issueKey, action)),
        async () => {
          throw new UnconfirmedEmailError(action.key);
        },
      );
    case 'comment':
      if (resumed && (await commentAlreadyPosted(action))) return 'done';
      return onLostAnswer(
        async () => void (await addComment(action.issueKey, action.body, { internal: action.internal, as: action.as })),
        () => commentAlreadyPosted(action),
      );
    case 'transition':
      if (resumed && (await transitionAlreadyDone(action, config))) return 'done';
      return onLostAnswer(
        async () => {
          const moved = await transitionIssue(action.issueKey, action.toStatus, resolve, {
            resolution: action.resolution,
            as: action.as,
            from: action.from,
          });
          return moved === 'left' ? 'left' : undefined;
        },
        () => transitionAlreadyDone(action, config),
      );
    case 'setProperty':
      // A PUT: repeating it is harmless, so the client repeats it even without an answer.
      if (action.alsoSet?.length)
        await setIssueProperties(action.issueKey, [
          { key: action.propertyKey, value: action.value },
          ...action.alsoSet.map((p) => ({ key: p.propertyKey, value: p.value })),
        ]);
      else await setIssueProperty(action.issueKey, action.propertyKey, action.value);
      return 'done';
  }
}

/**
 * Runs a write ('left' when it found nothing to do); when its answer is lost, asks `done` whether it happened: yes
 * counts as done, no rethrows the error (the ledger keeps the outcome `unknown`, and the retry checks again first).
 */
async function onLostAnswer(
  write: () => Promise<'left' | undefined>,
  done: () => Promise<boolean>,
): Promise<'done' | 'left'> {
  try {
    return (await write()) ?? 'done';
  } catch (error) {
    if (error instanceof JiraError && error.outcomeUnknown && (await done())) return 'done';
    throw error;
  }
}
