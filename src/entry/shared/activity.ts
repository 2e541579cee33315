// STUB (issue #6): the reminders issue fills this in — the activity clock kept in the `supportRulesState`
// issue property, updated when a person acts. The rules' triggers call it for every parsed event and run
// the actions it returns with their own.
import type { Action } from '../../domain/actions';
import type { Config } from '../../domain/config';
import type { RequestEvent, RequestSnapshot } from '../../domain/request';

export interface ActivityInput {
  event: RequestEvent;
  /** The request after the event. */
  snapshot: RequestSnapshot;
  config: Config;
  /** True when the actor is the app itself (its own reminders and writes never count as activity). */
  byApp: boolean;
}

export async function activityActions(_input: ActivityInput): Promise<Action[]> {
  return [];
}
