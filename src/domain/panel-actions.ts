/**
 * The agent panel's actions as decisions: the form input checked, then the actions each one takes (the details
 * kept in `supportRulesDetails`, the public comment in the customer's language, the move), with idempotency
 * keys like the rules' own, so the shell runs them through the same ledger and dead letters. The comment and
 * the move are made as the agent (their name on them). Pure: the form input in, data out.
 */
import { actionKey, type Action } from './actions';
import type { AdfDocument } from './adf';
import type { Config } from './config';
import type { Language } from './language';
import { consultingComment, scheduledOperationComment, thirdPartyComment } from './messages/panel-comments';
import {
  DETAILS_PROPERTY,
  mergeDetails,
  type RequestDetails,
  type ScheduledOperation,
  type ThirdParty,
} from './request-details';
import { textsFor } from './texts';
import { THIRD_PARTY_KINDS, type ThirdPartyKind } from './third-party';
import type { CanonicalStatus } from './workflow';

export type InputCheck<T> = { ok: true; value: T } | { ok: false; field: 'kind' | 'at' | 'who'; message: string };

const MAX_TEXT = 200;

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_TEXT);
}

/**
 * Checks the "waiting for a third party" form: a known kind, optional name and reference (trimmed, 200 characters at most).
 * @example checkThirdParty({ kind: 'atlassian', reference: ' PS-123 ' }, 'en') //=> { ok: true, value: { kind: 'atlassian', reference: 'PS-123' } }
 */
export function checkThirdParty(
  input: { kind?: unknown; name?: unknown; reference?: unknown },
  lang: Language,
): InputCheck<ThirdParty> {
  if (!(THIRD_PARTY_KINDS as readonly unknown[]).includes(input.kind))
    return { ok: false, field: 'kind', message: textsFor(lang).panel.invalid.kind };
  const value: ThirdParty = { kind: input.kind as ThirdPartyKind };
  const name = clean(input.name);
  const reference = clean(input.reference);
  if (name) value.name = name;
  if (reference) value.reference = reference;
  return { ok: true, value };
}

/**
 * Checks the "scheduled operation" form: a valid instant still to come (an operation is planned, not recorded
 * after the fact) and who carries it out.
 * @example checkScheduledOperation({ at: '2026-12-01T08:00:00Z', who: 'Ops' }, 'en', Date.parse('2026-11-30T08:00:00Z')).ok //=> true
 */
export function checkScheduledOperation(
  input: { at?: unknown; who?: unknown },
  lang: Language,
  nowMs: number,
): InputCheck<ScheduledOperation> {
  const at = typeof input.at === 'string' ? Date.parse(input.at) : NaN;
  if (!Number.isFinite(at)) return { ok: false, field: 'at', message: textsFor(lang).panel.invalid.at };
  if (at <= nowMs) return { ok: false, field: 'at', message: textsFor(lang).panel.invalid.past };
  const who = clean(input.who);
  if (!who) return { ok: false, field: 'who', message: textsFor(lang).panel.invalid.who };
  return { ok: true, value: { at: new Date(at).toISOString(), who } };
}

/** What every panel action starts from: the request as the agent sees it. */
export interface PanelContext {
  issueKey: string;
  /**
   * The id of the request's latest changelog entry ('' when it has none): the same click sent twice, or retried
   * after a failure, yields the same keys, while the same action taken again after the request moved does not.
   */
  occurrence: string;
  status: CanonicalStatus | undefined;
  /** The language of the request's creator, who reads the comment. */
  customerLang: Language;
  /** The `supportRulesDetails` property as stored (other details are kept). */
  storedDetails: unknown;
  config: Config;
}

/** The panel's actions, named as in their idempotency keys. */
export type PanelActionKind = 'consulting' | 'third-party' | 'scheduled-operation';

/** The key of a panel action's move (the step whose failure the agent is told about). */
export function panelTransitionKey(ctx: Pick<PanelContext, 'issueKey' | 'occurrence'>, kind: PanelActionKind): string {
  return actionKey(ctx.issueKey, `panel-${kind}`, ctx.occurrence, 'transition');
}

function plan(
  ctx: PanelContext,
  kind: PanelActionKind,
  comment: AdfDocument,
  move: { toStatus: CanonicalStatus; resolution?: string },
  details?: RequestDetails,
): Action[] {
  const base = actionKey(ctx.issueKey, `panel-${kind}`, ctx.occurrence);
  const actions: Action[] = [];
  if (details)
    actions.push({
      type: 'setProperty',
      key: actionKey(base, 'details'),
      issueKey: ctx.issueKey,
      propertyKey: DETAILS_PROPERTY,
      value: mergeDetails(ctx.storedDetails, details),
    });
  actions.push({
    type: 'comment',
    key: actionKey(base, 'comment'),
    issueKey: ctx.issueKey,
    body: comment,
    internal: false,
    as: 'user',
  });
  if (ctx.status !== move.toStatus || move.resolution)
    actions.push({
      type: 'transition',
      key: panelTransitionKey(ctx, kind),
      issueKey: ctx.issueKey,
      toStatus: move.toStatus,
      ...(move.resolution ? { resolution: move.resolution } : {}),
      as: 'user',
    });
  return actions;
}

/**
 * Closing as Consulting: the customer's comment, then the move to closed with the Consulting resolution.
 * @example consultingActions(ctx).map((a) => a.type) //=> ['comment', 'transition']
 */
export function consultingActions(ctx: PanelContext): Action[] {
  return plan(ctx, 'consulting', consultingComment(ctx.customerLang), {
    toStatus: 'closed',
    resolution: ctx.config.consultingResolution,
  });
}

/**
 * Waiting for a third party: the details kept, the customer's comment, the move to waiting_for_third_party.
 * @example thirdPartyActions(ctx, { kind: 'hosting' }).map((a) => a.type) //=> ['setProperty', 'comment', 'transition']
 */
export function thirdPartyActions(ctx: PanelContext, thirdParty: ThirdParty): Action[] {
  return plan(
    ctx,
    'third-party',
    thirdPartyComment(thirdParty, ctx.customerLang),
    { toStatus: 'waiting_for_third_party' },
    { thirdParty },
  );
}

/**
 * A scheduled operation: the details kept, the customer's comment (the instant in the desk's time zone), the
 * move to scheduled_operation.
 * @example scheduledOperationActions(ctx, { at: '2026-12-01T08:00:00.000Z', who: 'Ops' }).length //=> 3
 */
export function scheduledOperationActions(ctx: PanelContext, operation: ScheduledOperation): Action[] {
  const timeZone = ctx.config.calendars.businessHours.timeZone;
  return plan(
    ctx,
    'scheduled-operation',
    scheduledOperationComment(operation, ctx.customerLang, timeZone),
    { toStatus: 'scheduled_operation' },
    { scheduledOperation: operation },
  );
}
