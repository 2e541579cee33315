/**
 * The activity clock of the reminders, kept in the `supportRulesState` issue property: the triggers call this for
 * every parsed event and run the write it returns with their own actions. A person's action restarts the count;
 * the app's own never does; entering waiting_for_customer starts a fresh count. A waiting request seen without a
 * clock (it predates the install) gets one rebuilt from its changelog and comments first.
 */
import { actionKey, type Action } from '../../domain/actions';
import type { Config } from '../../domain/config';
import { clockAfterEvent, parseReminderState, propertyValue, STATE_PROPERTY } from '../../domain/reminders';
import type { RequestEvent, RequestSnapshot } from '../../domain/request';
import { statusResolver } from '../../domain/workflow';
import { clockFromJira } from './clock-from-jira';

export interface ActivityInput {
  event: RequestEvent;
  /** The request after the event. */
  snapshot: RequestSnapshot;
  config: Config;
  /** True when the actor is the app itself (its own reminders and writes never count as activity). */
  byApp: boolean;
  /** The `supportRulesState` property as read with the request (undefined when it is not set). */
  stored: unknown;
}

/**
 * The event's own identity, so a duplicate delivery writes under the same ledger key.
 * @example occurrenceOf({ kind: 'commented', commentId: '10400', ... }) //=> 'comment-10400'
 */
export function occurrenceOf(event: RequestEvent): string {
  switch (event.kind) {
    case 'commented':
      return `comment-${event.commentId}`;
    case 'status_changed':
    case 'fields_changed':
      return `changelog-${event.changelogId}`;
    case 'created':
      return `created-${event.at}`;
  }
}

/**
 * The clock write one event calls for (none when the clock does not change).
 * @example await activityActions({ event: agentComment, snapshot: waitingRequest, config, byApp: false, stored: undefined }) //=> [{ type: 'setProperty', propertyKey: 'supportRulesState', ... }]
 */
export async function activityActions(input: ActivityInput): Promise<Action[]> {
  const { event, snapshot, config, byApp, stored } = input;
  let previous = parseReminderState(stored);
  let rebuilt = false;
  const fromStatus =
    event.kind === 'status_changed' && event.from ? statusResolver(config.statusMapping)(event.from) : undefined;
  const status = snapshot.status.canonical;
  const entering =
    event.kind === 'status_changed' && status === 'waiting_for_customer' && fromStatus !== 'waiting_for_customer';
  if (!previous && status === 'waiting_for_customer' && !entering) {
    previous = (await clockFromJira(snapshot.issueKey, status, snapshot.createdMs, config)).clock;
    rebuilt = true;
  }
  const next = clockAfterEvent({ event, snapshot, fromStatus, previous, byApp, config }) ?? (rebuilt ? previous : null);
  if (!next) return [];
  return [
    {
      type: 'setProperty',
      key: actionKey(snapshot.issueKey, 'clock', occurrenceOf(event)),
      issueKey: snapshot.issueKey,
      propertyKey: STATE_PROPERTY,
      value: propertyValue(stored, next),
    },
  ];
}
