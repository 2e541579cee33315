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
  | (ActionBase &
      As & {
        type: 'transition';
        toStatus: CanonicalStatus;
        resolution?: string;
        /**
         * The statuses the move was decided in: made only while the request is still in one of them, so that a
         * request a person has moved since is left as it is (with the actions that require the move).
         */
        from?: CanonicalStatus[];
      })
  | (ActionBase & {
      type: 'setProperty';
      propertyKey: string;
      value: unknown;
      /** Other properties of the same issue written in the same call (see {@link mergePropertyWrites}). */
      alsoSet?: { propertyKey: string; value: unknown }[];
    });

type SetProperty = Extract<Action, { type: 'setProperty' }>;

/**
 * The actions with the issue property writes of each request merged into one write (Jira's edit issue takes several
 * properties at once), placed where the first of them was: fewer calls, and fewer writes against Jira's per-issue
 * write limit. A write that needs another action, or that another action needs, stays on its own. The merged key
 * joins the merged keys, so a repeated event merges to the same key.
 * @example mergePropertyWrites([clockWrite, notify, slaRecordWrite]).map((a) => a.type) //=> ['setProperty', 'notify']
 */
export function mergePropertyWrites(actions: Action[]): Action[] {
  const required = new Set(actions.map((a) => a.requires).filter((k) => k !== undefined));
  const mergeable = (a: Action): a is SetProperty =>
    a.type === 'setProperty' && a.requires === undefined && !required.has(a.key) && !a.alsoSet;
  const byIssue = new Map<string, SetProperty[]>();
  for (const a of actions) if (mergeable(a)) byIssue.set(a.issueKey, [...(byIssue.get(a.issueKey) ?? []), a]);
  const merged: Action[] = [];
  for (const a of actions) {
    const group = mergeable(a) ? byIssue.get(a.issueKey)! : undefined;
    if (!group || group.length < 2) {
      merged.push(a);
      continue;
    }
    if (group[0] !== a) continue;
    // One value per property: a later write of the same property replaces an earlier one.
    const values = new Map<string, unknown>();
    for (const w of group) values.set(w.propertyKey, w.value);
    const [first, ...rest] = [...values.entries()];
    merged.push({
      type: 'setProperty',
      key: group.map((w) => w.key).join('+'),
      issueKey: a.issueKey,
      propertyKey: first![0],
      value: first![1],
      ...(rest.length > 0 ? { alsoSet: rest.map(([k, v]) => ({ propertyKey: k, value: v })) } : {}),
    });
  }
  return merged;
}

/**
 * Joins the parts of an idempotency key: request, rule, occurrence.
 * @example actionKey('SUP-1', 'status-notify', '10023') //=> 'SUP-1:status-notify:10023'
 */
export function actionKey(...parts: (string | number)[]): string {
  return parts.map(String).join(':');
}
