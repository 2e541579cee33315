/**
 * The agent's panel actions: close as Consulting, record the third party awaited, record a scheduled operation.
 * Each checks on the server that the caller is an agent of the request's service desk, lets the domain decide
 * the actions (src/domain/panel-actions.ts), and runs them through the ledger as the agent (their name on the
 * comment and the move). A move the workflow does not offer is answered 409 and kept as a dead letter.
 */
import type { Action } from '../../../domain/actions';
import type { Config } from '../../../domain/config';
import { languageFor } from '../../../domain/language';
import {
  checkScheduledOperation,
  checkThirdParty,
  consultingActions,
  panelTransitionKey,
  scheduledOperationActions,
  thirdPartyActions,
  type InputCheck,
  type PanelActionKind,
  type PanelContext,
} from '../../../domain/panel-actions';
import { DETAILS_PROPERTY } from '../../../domain/request-details';
import { textsFor } from '../../../domain/texts';
import { statusResolver, STATUS_NAMES } from '../../../domain/workflow';
import { getIssueWithChangelog } from '../../../jira/get-issue-with-changelog';
import { getUser } from '../../../jira/get-user';
import { getIssueProperty } from '../../../jira/issue-property';
import { NoTransitionError } from '../../../jira/transition-issue';
import type { ResolverResult, ScheduledOperationPayload, ThirdPartyPayload } from '../../../shared/contracts';
import { executeActions } from '../../shared/execute-actions';
import { requireAgent, resolveFor, type RequestCaller, type ResolverRequest } from '../access';
import { fail, ok } from '../result';

/** The request as the agent sees it (read as them: Jira's 403/404 means they may not). */
async function panelContext(caller: RequestCaller, config: Config): Promise<PanelContext> {
  const issue = await getIssueWithChangelog(caller.issueKey, 'user');
  const reporterId = issue.fields.reporter?.accountId;
  const [reporter, storedDetails] = await Promise.all([
    reporterId ? getUser(reporterId) : Promise.resolve(null),
    getIssueProperty<unknown>(issue.key, DETAILS_PROPERTY),
  ]);
  return {
    issueKey: issue.key,
    occurrence: latestHistoryId(issue.changelog?.histories ?? []),
    status: statusResolver(config.statusMapping)(issue.fields.status ?? {}),
    customerLang: languageFor(reporter?.locale, config.languages),
    storedDetails,
    config,
  };
}

function latestHistoryId(histories: readonly unknown[]): string {
  let latest: { id: string; at: number } | null = null;
  for (const h of histories) {
    const entry = h as { id?: unknown; created?: unknown } | null;
    const at = typeof entry?.created === 'string' ? Date.parse(entry.created) : NaN;
    if (entry?.id == null || !Number.isFinite(at)) continue;
    if (!latest || at >= latest.at) latest = { id: String(entry.id), at };
  }
  return latest?.id ?? 'none';
}

/** Runs a panel action's actions; the agent is told when the move failed, or when Jira did not answer. */
async function carryOut(
  caller: RequestCaller,
  ctx: PanelContext,
  kind: PanelActionKind,
  actions: Action[],
): Promise<ResolverResult<null>> {
  const report = await executeActions(actions, ctx.config);
  const t = textsFor(caller.lang).refusals;
  const failed = report.failed[0];
  if (failed === undefined) return ok(null);
  const error = report.errors[failed];
  if (failed === panelTransitionKey(ctx, kind) && error instanceof NoTransitionError)
    return fail(409, 'no_transition', t.noTransition(STATUS_NAMES[error.toStatus][caller.lang]));
  return fail(500, 'failed', t.failed);
}

type PanelWork<P> = (caller: RequestCaller, ctx: PanelContext, payload: Partial<P>) => Promise<ResolverResult<null>>;

function asAgent<P>(work: PanelWork<P>) {
  return (req: ResolverRequest<Partial<P>>): Promise<ResolverResult<null>> =>
    resolveFor(req, 'request', async (caller, config) => {
      const refused = await requireAgent(caller);
      if (refused) return refused;
      return work(caller, await panelContext(caller, config), req.payload ?? {});
    });
}

function checked<T>(check: InputCheck<T>, then: (value: T) => Promise<ResolverResult<null>>) {
  return check.ok ? then(check.value) : Promise.resolve(fail(400, `invalid_${check.field}`, check.message));
}

/** Closes the request with the Consulting resolution and tells the customer why, in their language. */
export const closeAsConsulting = asAgent<object>(async (caller, ctx) => {
  if (!ctx.config.rules.consulting) return fail(403, 'rule_off', textsFor(caller.lang).refusals.ruleOff);
  return carryOut(caller, ctx, 'consulting', consultingActions(ctx));
});

/** Records who the request waits for, tells the customer, and moves it to waiting for third party. */
export const recordThirdParty = asAgent<ThirdPartyPayload>((caller, ctx, payload) =>
  checked(checkThirdParty(payload, caller.lang), (thirdParty) =>
    carryOut(caller, ctx, 'third-party', thirdPartyActions(ctx, thirdParty)),
  ),
);

/** Records when and by whom an operation is planned, tells the customer, and moves the request to scheduled operation. */
export const recordScheduledOperation = asAgent<ScheduledOperationPayload>((caller, ctx, payload) =>
  checked(checkScheduledOperation(payload, caller.lang, Date.now()), (operation) =>
    carryOut(caller, ctx, 'scheduled-operation', scheduledOperationActions(ctx, operation)),
  ),
);
