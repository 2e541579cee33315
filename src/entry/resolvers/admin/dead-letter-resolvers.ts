/**
 * The admin page's dead letters: what failed after every retry, listed with why, and retried on demand. A retry
 * forgets the letter and runs it again as the first time (an action through the ledger, as the app; an event
 * through the triggers' pipeline): a new failure keeps it again, a passing one is retried from the queue later.
 */
import type { Action } from '../../../domain/actions';
import { textsFor } from '../../../domain/texts';
import {
  deleteDeadLetter,
  listDeadLetters as listStored,
  readDeadLetter,
  type StoredDeadLetter,
} from '../../../store/dead-letters';
import type { DeadLetters, DeadLetterView, RetryOutcome, RetryPayload } from '../../../shared/contracts';
import { forgetAction } from '../../../store/ledger';
import { executeActions } from '../../shared/execute-actions';
import { handleRequestEvent } from '../../triggers/handle-event';
import { asAdmin } from '../access';
import { fail, ok } from '../result';

const PAGE = 50;

function detailOf(action: Action): string | null {
  switch (action.type) {
    case 'notify':
      return action.subject;
    case 'transition':
      return action.toStatus;
    case 'setProperty':
      return action.propertyKey;
    case 'comment':
      return action.internal ? 'internal' : 'public';
  }
}

function view(stored: StoredDeadLetter): DeadLetterView {
  const { letter } = stored;
  const common = {
    id: stored.id,
    error: String(letter.error),
    attempts: Number(letter.attempts) || 0,
    at: String(letter.at),
  };
  if (stored.kind === 'event')
    return { ...common, issueKey: String(stored.letter.issueKey), what: 'event', detail: stored.letter.trigger };
  const action = stored.letter.action;
  return { ...common, issueKey: String(action.issueKey), what: action.type, detail: detailOf(action) };
}

/** The kept letters, newest first. */
export const listDeadLetters = asAdmin<object, DeadLetters>(async () => {
  const { letters, more } = await listStored(PAGE);
  return ok({ letters: letters.map(view).sort((a, b) => b.at.localeCompare(a.at)), more });
});

/** Runs one kept letter again. */
export const retryDeadLetter = asAdmin<RetryPayload, RetryOutcome>(async (caller, payload, config) => {
  const id = typeof payload.id === 'string' && payload.id.length <= 500 ? payload.id : '';
  const stored = id ? await readDeadLetter(id) : null;
  if (!stored) return fail(404, 'not_found', textsFor(caller.lang).refusals.deadLetterGone);
  await deleteDeadLetter(id);
  if (stored.kind === 'event') {
    const outcome = await handleRequestEvent(stored.letter.trigger, stored.letter.payload);
    if (outcome.handled === 'requeued') return ok({ outcome: 'requeued', error: outcome.reason });
    if (outcome.handled === 'ignored') return ok({ outcome: 'failed', error: outcome.reason });
    return ok(outcomeOf(outcome.report));
  }
  // Retried as the app: the person whose call made a panel action is not the one asking now.
  const { as: _as, ...action } = stored.letter.action as Action & { as?: 'user' };
  // An unconfirmed email is counted done, so that nothing resends it by itself: the admin's retry resends it.
  if (stored.letter.unconfirmed) await forgetAction(action.key);
  return ok(outcomeOf(await executeActions([action as Action], config)));
});

function outcomeOf(report: Awaited<ReturnType<typeof executeActions>>): RetryOutcome {
  const failed = report.failed[0];
  if (failed !== undefined)
    return { outcome: 'failed', error: String((report.errors[failed] as Error | undefined)?.message ?? failed) };
  if (report.requeued.length > 0) return { outcome: 'requeued', error: null };
  return { outcome: 'done', error: null };
}
