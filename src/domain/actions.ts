/**
 * Decisions as data: what the rules want done, each with a deterministic idempotency key
 * (request, rule, occurrence) that the shell checks in its ledger before acting.
 */
import type { AdfDocument } from './adf';
import type { CanonicalStatus } from './workflow';

/** Who receives a notification, in Jira's `/notify` terms. */
export interface NotifyRecipients {
  reporter?: boolean;
  accountIds?: string[];
  groupNames?: string[];
}

/**
 * What every action carries: its idempotency key, its request and, when it only makes sense after another action
 * of the same list succeeded (the comment announcing a close needs the close), that action's key.
 */
interface ActionBase {
  key: string;
  issueKey: string;
  requires?: string;
}

/**
 * Who a comment or a move is made as: the app (the default), or the person whose resolver call decided it (an
 * agent's panel action, with their name on it). An action made as the user is never re-queued: the queue's
 * consumer runs as the app, so it fails back to that person instead.
 */
type As = { as?: 'user' };

export type Action =
  | (ActionBase & { type: 'notify'; to: NotifyRecipients; subject: string; textBody: string; htmlBody?: string })
  | (ActionBase & As & { type: 'comment'; body: AdfDocument; internal: boolean })
  | (ActionBase & As & { type: 'transition'; toStatus: CanonicalStatus; resolution?: string })
  | (ActionBase & { type: 'setProperty'; propertyKey: string; value: unknown });

/**
 * Joins the parts of an idempotency key: request, rule, occurrence.
 * @example actionKey('SUP-1', 'status-notify', '10023') //=> 'SUP-1:status-notify:10023'
 */
export function actionKey(...parts: (string | number)[]): string {
  return parts.map(String).join(':');
}
