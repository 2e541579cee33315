/**
 * The support desk's promises (DESIGN.md section 1: notifications, reopen, consulting) as one pure function:
 * event + request snapshot + configuration → actions. Each rule has its switch in `config.rules`, and every
 * action key is built from the event's own identity (issue id, changelog id, comment id), so the same event
 * delivered twice yields the same keys and the ledger runs them once.
 */
import { actionKey, adfFromText, type Action } from './actions';
import type { Config } from './config';
import { languageFor, type Language } from './language';
import { createdMessage, statusMessage, supportCommentMessage } from './messages/customer-notifications';
import type { Message, RequestRef } from './messages/layout';
import { consultingNote, reopenedMessage } from './messages/team-messages';
import { actorRole, type Person, type RequestEvent, type RequestSnapshot } from './request';
import type { RequestDetails } from './request-details';
import { ANNOUNCED_STATUSES, isDone, isReopen, statusResolver, type CanonicalStatus } from './workflow';

/** The issue property where a consulting closure is recorded. */
export const CONSULTING_PROPERTY = 'supportRulesConsulting';

export interface RuleInput {
  event: RequestEvent;
  /** The request as loaded after the event. */
  snapshot: RequestSnapshot;
  config: Config;
  /** The agent panel's `supportRulesDetails` (third party, scheduled operation), when recorded. */
  details?: RequestDetails | null;
  /** The agents to notify of a reopen when no support group is configured (see {@link needsSupportTeam}). */
  supportTeam?: Person[];
}

type Rule = (input: RuleInput) => Action[];

function refOf(snapshot: RequestSnapshot): RequestRef {
  return { issueKey: snapshot.issueKey, summary: snapshot.summary, portalUrl: snapshot.portalUrl };
}

function notifyReporter(snapshot: RequestSnapshot, key: string, message: Message): Action[] {
  if (!snapshot.reporter) return [];
  return [
    { type: 'notify', key, issueKey: snapshot.issueKey, to: { accountIds: [snapshot.reporter.accountId] }, ...message },
  ];
}

function reporterLanguage(input: RuleInput): Language {
  return languageFor(input.snapshot.reporter?.locale, input.config.languages);
}

/** The support team's notifications: the configured group in the default language, else each agent in theirs. */
function notifyTeam(input: RuleInput, key: string, message: (lang: Language) => Message): Action[] {
  const { snapshot, config } = input;
  const group = config.escalation.supportTeamGroup;
  if (group)
    return [
      {
        type: 'notify',
        key,
        issueKey: snapshot.issueKey,
        to: { groupNames: [group] },
        ...message(config.languages.default),
      },
    ];
  const byLanguage = new Map<Language, string[]>();
  for (const agent of input.supportTeam ?? []) {
    const lang = languageFor(agent.locale, config.languages);
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), agent.accountId]);
  }
  return [...byLanguage.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([lang, accountIds]) => ({
      type: 'notify',
      key: actionKey(key, lang),
      issueKey: snapshot.issueKey,
      to: { accountIds },
      ...message(lang),
    }));
}

function moveToInProgress(snapshot: RequestSnapshot, key: string): Action {
  return { type: 'transition', key, issueKey: snapshot.issueKey, toStatus: 'in_progress' };
}

/**
 * The creator is told a new request arrived, unless it came from the portal (which shows it already).
 * @example creationRule({ event: { kind: 'created', ... }, snapshot: { channel: 'email', ... }, config }) //=> [notify reporter]
 */
export const creationRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  if (event.kind !== 'created' || !config.rules.notifyOnCreation || snapshot.channel === 'portal') return [];
  return notifyReporter(
    snapshot,
    actionKey(snapshot.issueKey, 'notify-created', snapshot.issueId),
    createdMessage(reporterLanguage(input), refOf(snapshot)),
  );
};

function statusMove(input: RuleInput): { from: CanonicalStatus | undefined; to: CanonicalStatus | undefined } | null {
  if (input.event.kind !== 'status_changed') return null;
  const resolve = statusResolver(input.config.statusMapping);
  return { from: input.event.from ? resolve(input.event.from) : undefined, to: resolve(input.event.to) };
}

/** The resolution a status change set: the changelog's, else the request's own after the move. */
function resolutionOf(input: RuleInput): string | null {
  return input.event.kind === 'status_changed'
    ? (input.event.resolution ?? input.snapshot.resolution)
    : input.snapshot.resolution;
}

function isConsulting(resolution: string | null, config: Config): boolean {
  return resolution !== null && resolution.trim().toLowerCase() === config.consultingResolution.trim().toLowerCase();
}

/**
 * The creator is told when the request enters in_progress, a waiting status, scheduled_operation or closed,
 * unless they made the move themselves (a customer reopening knows it).
 * @example statusChangeRule({ event: { kind: 'status_changed', to: { name: 'Closed' }, ... }, ... }) //=> [notify reporter]
 */
export const statusChangeRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  const move = statusMove(input);
  if (event.kind !== 'status_changed' || !move?.to || !config.rules.notifyOnStatusChange) return [];
  if (move.from === move.to || !ANNOUNCED_STATUSES.has(move.to)) return [];
  if (event.actor && event.actor.accountId === snapshot.reporter?.accountId) return [];
  const message = statusMessage(reporterLanguage(input), refOf(snapshot), move.to, input.details ?? null, {
    timeZone: config.calendars.businessHours.timeZone,
    consulting: config.rules.consulting && isConsulting(resolutionOf(input), config),
    replyReopens: config.rules.reopenOnCustomerComment,
  });
  return notifyReporter(snapshot, actionKey(snapshot.issueKey, 'notify-status', event.changelogId), message);
};

/**
 * A customer moving a resolved or closed request back reopens it: it lands in in_progress (moved there when
 * the customer transition led elsewhere) and the support team is told.
 * @example reopenRule({ event: { kind: 'status_changed', from: { name: 'Closed' }, to: { name: 'In progress' }, actor: reporter }, ... }) //=> [notify team]
 */
export const reopenRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  const move = statusMove(input);
  if (event.kind !== 'status_changed' || !move || !isReopen(move.from, move.to)) return [];
  if (actorRole(event.actor, snapshot) !== 'customer') return [];
  const actions: Action[] = [];
  if (move.to !== 'in_progress')
    actions.push(moveToInProgress(snapshot, actionKey(snapshot.issueKey, 'reopen-move', event.changelogId)));
  if (config.rules.notifyTeamOnReopen) {
    const key = actionKey(snapshot.issueKey, 'notify-reopen', event.changelogId);
    actions.push(
      ...notifyTeam(input, key, (lang) =>
        reopenedMessage(lang, refOf(snapshot), event.actor?.displayName ?? null, null),
      ),
    );
  }
  return actions;
};

/**
 * Closing (or resolving) with the Consulting resolution is recorded: an issue property and an internal note.
 * @example consultingRule({ event: { kind: 'status_changed', to: { name: 'Closed' }, resolution: 'Consulting', ... }, ... }) //=> [setProperty, internal comment]
 */
export const consultingRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  const move = statusMove(input);
  if (event.kind !== 'status_changed' || !config.rules.consulting || !move?.to || !isDone(move.to)) return [];
  const resolution = resolutionOf(input);
  if (resolution === null || !isConsulting(resolution, config)) return [];
  const key = actionKey(snapshot.issueKey, 'consulting', event.changelogId);
  const note = consultingNote(
    config.languages.default,
    event.actor?.displayName ?? null,
    resolution,
    event.at,
    config.calendars.businessHours.timeZone,
  );
  return [
    {
      type: 'setProperty',
      key,
      issueKey: snapshot.issueKey,
      propertyKey: CONSULTING_PROPERTY,
      value: {
        resolution,
        by: event.actor?.accountId ?? null,
        at: new Date(event.at).toISOString(),
        changelogId: event.changelogId,
      },
    },
    {
      type: 'comment',
      key: actionKey(key, 'note'),
      issueKey: snapshot.issueKey,
      body: adfFromText(note),
      internal: true,
    },
  ];
};

/**
 * A public comment by the support team is forwarded to the creator; internal notes never are.
 * @example supportCommentRule({ event: { kind: 'commented', internal: false, actor: agent, ... }, ... }) //=> [notify reporter]
 */
export const supportCommentRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  if (event.kind !== 'commented' || event.internal || !config.rules.notifyOnSupportComment) return [];
  if (actorRole(event.actor, snapshot) !== 'support') return [];
  const message = supportCommentMessage(
    reporterLanguage(input),
    refOf(snapshot),
    event.actor?.displayName ?? null,
    event.body,
  );
  return notifyReporter(snapshot, actionKey(snapshot.issueKey, 'notify-comment', event.commentId), message);
};

/**
 * A customer's comment moves the request back to in_progress: from waiting_for_customer (`resumeOnCustomerComment`),
 * and from resolved or closed (`reopenOnCustomerComment`, as a reply by email does), the latter telling the team.
 * @example customerCommentRule({ event: { kind: 'commented', actor: reporter, ... }, snapshot: { status: waiting_for_customer }, ... }) //=> [transition in_progress]
 */
export const customerCommentRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  if (event.kind !== 'commented' || event.internal || actorRole(event.actor, snapshot) !== 'customer') return [];
  const status = snapshot.status.canonical;
  if (status === 'waiting_for_customer' && config.rules.resumeOnCustomerComment) {
    return [moveToInProgress(snapshot, actionKey(snapshot.issueKey, 'resume', event.commentId))];
  }
  if (isDone(status) && config.rules.reopenOnCustomerComment) {
    const actions: Action[] = [
      moveToInProgress(snapshot, actionKey(snapshot.issueKey, 'reopen-move', event.commentId)),
    ];
    if (config.rules.notifyTeamOnReopen) {
      const key = actionKey(snapshot.issueKey, 'notify-reopen', event.commentId);
      actions.push(
        ...notifyTeam(input, key, (lang) =>
          reopenedMessage(lang, refOf(snapshot), event.actor?.displayName ?? null, event.body),
        ),
      );
    }
    return actions;
  }
  return [];
};

/** Every rule, in the order their actions run. */
export const RULES: readonly Rule[] = [
  creationRule,
  reopenRule,
  customerCommentRule,
  consultingRule,
  statusChangeRule,
  supportCommentRule,
];

/**
 * Every action the rules want for one event, in order.
 * @example evaluateRules({ event: { kind: 'created', ... }, snapshot: { channel: 'portal', ... }, config }) //=> []
 */
export function evaluateRules(input: RuleInput): Action[] {
  return RULES.flatMap((rule) => rule(input));
}

/**
 * True when the rules may notify the support team and no group is configured, so the shell should look up
 * the agents first (a reopen: a customer's move out of resolved/closed, or their comment on such a request).
 * @example needsSupportTeam({ event: { kind: 'created', ... }, snapshot, config }) //=> false
 */
export function needsSupportTeam(input: Omit<RuleInput, 'supportTeam'>): boolean {
  const { event, snapshot, config } = input;
  if (config.escalation.supportTeamGroup || !config.rules.notifyTeamOnReopen) return false;
  if (event.kind === 'status_changed') {
    const move = statusMove(input);
    return move !== null && isReopen(move.from, move.to) && actorRole(event.actor, snapshot) === 'customer';
  }
  if (event.kind === 'commented') {
    const status = snapshot.status.canonical;
    return config.rules.reopenOnCustomerComment && isDone(status) && actorRole(event.actor, snapshot) === 'customer';
  }
  return false;
}
