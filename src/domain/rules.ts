/**
 * The support desk's promises (DESIGN.md section 1: notifications, reopen, consulting) as one pure function:
 * event + request snapshot + configuration → actions. Each rule has its switch in `config.rules` (a customer
 * email whose JSM counterpart the admin leaves to JSM, `config.leaveToJsm`, is not sent), and every
 * action key is built from the event's own identity (issue id, changelog id, comment id), so the same event
 * delivered twice yields the same keys and the ledger runs them once.
 */
import { actionKey, type Action } from './actions';
import { adfFromText, textFromAdf } from './adf';
import { isInternalComment, latestTeamComment, type JiraComment } from './comments';
import type { Config } from './config';
import { leftToJsm } from './jsm-notifications';
import { languageFor, type Language } from './language';
import { createdMessage, statusMessage, supportCommentMessage } from './messages/customer-notifications';
import type { Message, RequestRef } from './messages/layout';
import { closedCommentMessage, consultingNote, reopenedMessage } from './messages/team-messages';
import { actorRole, type Person, type RequestEvent, type RequestSnapshot } from './request';
import type { RequestDetails } from './request-details';
import { ANNOUNCED_STATUSES, isDone, isReopen, STATUS_NAMES, statusResolver, type CanonicalStatus } from './workflow';

/** The issue property where a consulting closure is recorded. */
export const CONSULTING_PROPERTY = 'supportRulesConsulting';

export interface RuleInput {
  event: RequestEvent;
  /** The request as loaded after the event. */
  snapshot: RequestSnapshot;
  config: Config;
  /** The agent panel's `supportRulesDetails` (third party, scheduled operation), when recorded. */
  details?: RequestDetails | null;
  /** The agents to notify of a reopen when no support group is configured (see {@link inputsNeeded}). */
  supportTeam?: Person[];
  /** The request's comments, when {@link inputsNeeded} asks for them (what the team wrote, a reopen's comment). */
  comments?: readonly JiraComment[];
  /** The site's own name of the customer's reopen transition, when {@link inputsNeeded} asks for it and it is offered. */
  reopenAction?: string | null;
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

/** A move to in_progress, made only while the request is still in `from` (where the decision saw it). */
function moveToInProgress(snapshot: RequestSnapshot, key: string, from: CanonicalStatus): Action {
  return { type: 'transition', key, issueKey: snapshot.issueKey, toStatus: 'in_progress', from: [from] };
}

/**
 * The creator is told a new request arrived, unless it came from the portal (which shows it already).
 * @example creationRule({ event: { kind: 'created', ... }, snapshot: { channel: 'email', ... }, config }) //=> [notify reporter]
 */
export const creationRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  if (event.kind !== 'created' || !config.rules.notifyOnCreation || snapshot.channel === 'portal') return [];
  if (leftToJsm({ kind: 'created', channel: snapshot.channel }, config)) return [];
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
  if (leftToJsm({ kind: 'status', to: move.to, resolved: resolutionOf(input) !== null }, config)) return [];
  const message = statusMessage(reporterLanguage(input), refOf(snapshot), move.to, input.details ?? null, {
    timeZone: config.calendars.businessHours.timeZone,
    consulting: config.rules.consulting && isConsulting(resolutionOf(input), config),
    replyReopens: config.rules.reopenOnCustomerComment,
    teamCommented: input.comments ? latestTeamComment(input.comments, snapshot) !== null : undefined,
    resolution: resolutionOf(input),
    reopenAction: input.reopenAction ?? null,
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
  if (move.to && move.to !== 'in_progress')
    actions.push(moveToInProgress(snapshot, actionKey(snapshot.issueKey, 'reopen-move', event.changelogId), move.to));
  if (config.rules.notifyTeamOnReopen) {
    const key = actionKey(snapshot.issueKey, 'notify-reopen', event.changelogId);
    const comment = reopenComment(input.comments ?? [], event.actor?.accountId, event.at);
    actions.push(
      ...notifyTeam(input, key, (lang) =>
        reopenedMessage(
          lang,
          refOf(snapshot),
          event.actor?.displayName ?? null,
          comment ? textFromAdf(comment.body, lang) || null : null,
        ),
      ),
    );
  }
  return actions;
};

/** How far from a reopen a comment of its author may be dated and still be the reopen's own comment. */
const REOPEN_COMMENT_WINDOW_MS = 60_000;

/**
 * The comment a customer left with their reopen (JSM's `additionalComment` on the customer transition): their
 * public comment dated within a minute of the move, the latest such.
 */
function reopenComment(
  comments: readonly JiraComment[],
  actorId: string | undefined,
  atMs: number,
): JiraComment | null {
  if (!actorId) return null;
  const near = comments.filter((c) => {
    const created = Date.parse(c.created ?? '');
    return (
      c.author?.accountId === actorId &&
      !isInternalComment(c) &&
      Number.isFinite(created) &&
      Math.abs(created - atMs) <= REOPEN_COMMENT_WINDOW_MS
    );
  });
  return near.sort((a, b) => Date.parse(b.created ?? '') - Date.parse(a.created ?? ''))[0] ?? null;
}

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
  if (leftToJsm({ kind: 'supportComment' }, config)) return [];
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
 * When such a comment does not reopen the request, the team is still told of it (`notifyTeamOnReopen`), quoted:
 * the support page lets a customer answer at any time.
 * Events are handled after the fact: each of these applies only when the request was in that status when the comment
 * was made (the event's status) and still is (the snapshot), so a comment written before the team asked for
 * information, or one the team has acted on since, never undoes the team's later move.
 * @example customerCommentRule({ event: { kind: 'commented', actor: reporter, ... }, snapshot: { status: waiting_for_customer }, ... }) //=> [transition in_progress]
 */
export const customerCommentRule: Rule = (input) => {
  const { event, snapshot, config } = input;
  if (event.kind !== 'commented' || event.internal || actorRole(event.actor, snapshot) !== 'customer') return [];
  const now = snapshot.status.canonical;
  const then = event.statusWhenMade ? statusResolver(config.statusMapping)(event.statusWhenMade) : now;
  const status = then === now || (isDone(then) && isDone(now)) ? now : undefined;
  if (status === 'waiting_for_customer' && config.rules.resumeOnCustomerComment) {
    return [moveToInProgress(snapshot, actionKey(snapshot.issueKey, 'resume', event.commentId), status)];
  }
  const who = event.actor?.displayName ?? null;
  if (status && isDone(status) && config.rules.reopenOnCustomerComment) {
    const actions: Action[] = [
      moveToInProgress(snapshot, actionKey(snapshot.issueKey, 'reopen-move', event.commentId), status),
    ];
    if (config.rules.notifyTeamOnReopen) {
      const key = actionKey(snapshot.issueKey, 'notify-reopen', event.commentId);
      actions.push(
        ...notifyTeam(input, key, (lang) =>
          reopenedMessage(lang, refOf(snapshot), who, textFromAdf(event.body, lang) || null),
        ),
      );
    }
    return actions;
  }
  if (status && isDone(status) && config.rules.notifyTeamOnReopen) {
    const key = actionKey(snapshot.issueKey, 'notify-closed-comment', event.commentId);
    return notifyTeam(input, key, (lang) =>
      closedCommentMessage(lang, refOf(snapshot), who, STATUS_NAMES[status][lang], textFromAdf(event.body, lang)),
    );
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

/** True for a status whose email tells the customer what "the latest comment" says, when there is one. */
function citesComment(status: CanonicalStatus): boolean {
  return status === 'waiting_for_customer' || status === 'scheduled_operation' || status === 'closed';
}

/** What the rules need beyond the event and the request, for the shell to read before {@link evaluateRules}. */
export interface NeededInputs {
  /** The agents (assignable users) to tell, when no support group is configured. */
  supportTeam: boolean;
  /** The request's comments: what the team wrote before a status email, a reopen's own comment. */
  comments: boolean;
  /** The site's name of the customer's reopen transition, for the closing email. */
  reopenAction: boolean;
}

/**
 * What the shell must read for one event: the support team's agents when the rules may notify the team and no
 * group is configured (a customer's reopen, or their comment on a resolved or closed request); the comments
 * for a status email that may cite "the latest comment" and for a reopen the team is told of; the reopen
 * transition's name for a closing email.
 * @example inputsNeeded({ event: { kind: 'created', ... }, snapshot, config }) //=> { supportTeam: false, comments: false, reopenAction: false }
 */
export function inputsNeeded(input: Omit<RuleInput, 'supportTeam' | 'comments' | 'reopenAction'>): NeededInputs {
  const { event, snapshot, config } = input;
  const none: NeededInputs = { supportTeam: false, comments: false, reopenAction: false };
  const byCustomer = actorRole(event.actor, snapshot) === 'customer';
  const noGroup = !config.escalation.supportTeamGroup && config.rules.notifyTeamOnReopen;
  if (event.kind === 'status_changed') {
    const move = statusMove(input);
    if (!move?.to) return none;
    const reopen = isReopen(move.from, move.to) && byCustomer;
    const announced =
      config.rules.notifyOnStatusChange &&
      move.from !== move.to &&
      ANNOUNCED_STATUSES.has(move.to) &&
      !(event.actor && event.actor.accountId === snapshot.reporter?.accountId);
    return {
      supportTeam: reopen && noGroup,
      comments: (reopen && config.rules.notifyTeamOnReopen) || (announced && citesComment(move.to)),
      reopenAction: announced && move.to === 'closed',
    };
  }
  if (event.kind === 'commented') {
    const onDone = snapshot.status.canonical !== undefined && isDone(snapshot.status.canonical);
    return { ...none, supportTeam: !event.internal && byCustomer && onDone && noGroup };
  }
  return none;
}
