/**
 * JSM's own customer notifications that send what some of the app's emails send, and the switches that leave a
 * given one to JSM (`leaveToJsm`): the app then does not send that email, so that a customer gets it once, from JSM.
 * JSM's names and triggers are those of its project settings (Customer notifications: "Request created" for a
 * request raised through the portal or the email channel, "Public comment added", "Customer-visible status
 * changed", "Request resolved" when the resolution is set).
 */
import type { Config } from './config';
import type { Channel } from './request';
import type { CanonicalStatus } from './workflow';

/** The JSM customer notifications a rule of the app doubles, by their key in `leaveToJsm`. */
export const JSM_NOTIFICATIONS = [
  'requestCreated',
  'publicCommentAdded',
  'customerVisibleStatusChanged',
  'requestResolved',
] as const;

export type JsmNotification = (typeof JSM_NOTIFICATIONS)[number];

/** Each notification's name, as JSM's project settings list it (JSM's own name, in every language). */
export const JSM_NOTIFICATION_NAMES: Record<JsmNotification, string> = {
  requestCreated: 'Request created',
  publicCommentAdded: 'Public comment added',
  customerVisibleStatusChanged: 'Customer-visible status changed',
  requestResolved: 'Request resolved',
};

/** An email of the app to a customer, as far as JSM's notifications are concerned. */
export type CustomerEmail =
  | { kind: 'created'; channel: Channel }
  /** `resolved`: the request has a resolution (JSM's "Request resolved" went out when it was set). */
  | { kind: 'status'; to: CanonicalStatus; resolved: boolean }
  | { kind: 'supportComment' }
  | { kind: 'reminder' }
  | { kind: 'autoClose' };

/**
 * The JSM notifications that send the customer what `email` says: JSM confirms only requests raised through the
 * portal or by email; it emails every status change customers see (the close included); it emails a set
 * resolution; the reminders and the close are public comments. An empty list: JSM sends nothing of the kind.
 * @example jsmCounterparts({ kind: 'status', to: 'closed', resolved: true }) //=> ['customerVisibleStatusChanged', 'requestResolved']
 */
export function jsmCounterparts(email: CustomerEmail): JsmNotification[] {
  switch (email.kind) {
    case 'created':
      return email.channel === 'portal' || email.channel === 'email' ? ['requestCreated'] : [];
    case 'status':
      return email.resolved ? ['customerVisibleStatusChanged', 'requestResolved'] : ['customerVisibleStatusChanged'];
    case 'supportComment':
    case 'reminder':
      return ['publicCommentAdded'];
    case 'autoClose':
      return ['publicCommentAdded', 'requestResolved'];
  }
}

/**
 * True when the admin leaves this email to JSM: one of its JSM counterparts is switched to JSM, which then sends it.
 * @example leftToJsm({ kind: 'supportComment' }, { leaveToJsm: { ...none, publicCommentAdded: true } }) //=> true
 * @example leftToJsm({ kind: 'created', channel: 'jira' }, { leaveToJsm: { ...none, requestCreated: true } }) //=> false (JSM does not confirm it)
 */
export function leftToJsm(email: CustomerEmail, config: Pick<Config, 'leaveToJsm'>): boolean {
  return jsmCounterparts(email).some((n) => config.leaveToJsm[n]);
}
