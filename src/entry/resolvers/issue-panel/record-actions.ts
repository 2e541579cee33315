/**
 * The agent's panel actions: close as Consulting, record the third party awaited, record a scheduled operation.
 * Each is done as the agent (their name on the comment and the transition), after checking on the server
 * that they are an agent of the request's service desk.
 */
import type { Config } from '../../../domain/config';
import { languageFor } from '../../../domain/messages';
import {
  DETAILS_PROPERTY,
  checkScheduledOperation,
  checkThirdParty,
  consultingComment,
  mergeDetails,
  scheduledOperationComment,
  thirdPartyComment,
  type InputCheck,
  type RequestDetails,
} from '../../../domain/panel-actions';
import type { AdfDocument } from '../../../domain/actions';
import { statusResolver, type CanonicalStatus, type Language } from '../../../domain/workflow';
import { addComment } from '../../../jira/add-comment';
import { getIssueWithChangelog } from '../../../jira/get-issue-with-changelog';
import { getUser } from '../../../jira/get-user';
import { getIssueProperty, setIssueProperty } from '../../../jira/issue-property';
import { NoTransitionError, transitionIssue } from '../../../jira/transition-issue';
import { loadConfig } from '../../../store/config-store';
import type { ResolverResult, ScheduledOperationPayload, ThirdPartyPayload } from '../../../shared/contracts';
import { callerOnRequest, requireAgent, type Caller, type ResolverRequest } from '../access';
import { answer, fail, ok } from '../result';

const TEXTS = {
  ruleOff: {
    en: 'This rule is switched off on the admin page.',
    fr: "Cette règle est désactivée dans la page d'administration.",
  },
  noTransition: {
    en: (to: string) => `The workflow offers no transition to "${to}" from the current status.`,
    fr: (to: string) => `Le workflow ne propose aucune transition vers « ${to} » depuis le statut actuel.`,
  },
} as const;

interface Plan {
  comment: (customerLang: Language, config: Config) => AdfDocument;
  toStatus: CanonicalStatus;
  resolution?: string;
  details?: RequestDetails;
}

async function carryOut(
  caller: Caller & { issueKey: string },
  config: Config,
  plan: Plan,
): Promise<ResolverResult<null>> {
  const issue = await getIssueWithChangelog(caller.issueKey, 'user');
  const reporterId = issue.fields.reporter?.accountId;
  const reporter = reporterId ? await getUser(reporterId) : undefined;
  const customerLang = languageFor(reporter?.locale, config);
  if (plan.details) {
    const stored = await getIssueProperty<unknown>(issue.key, DETAILS_PROPERTY);
    await setIssueProperty(issue.key, DETAILS_PROPERTY, mergeDetails(stored, plan.details));
  }
  await addComment(issue.key, plan.comment(customerLang, config), { internal: false, as: 'user' });
  const resolve = statusResolver(config.statusMapping);
  if (resolve(issue.fields.status ?? {}) !== plan.toStatus || plan.resolution) {
    try {
      await transitionIssue(issue.key, plan.toStatus, resolve, { resolution: plan.resolution, as: 'user' });
    } catch (error) {
      if (error instanceof NoTransitionError)
        return fail(409, 'no_transition', TEXTS.noTransition[caller.lang](plan.toStatus));
      throw error;
    }
  }
  return ok(null);
}

type Work = (caller: Caller & { issueKey: string }, config: Config) => Promise<ResolverResult<null>>;

function asAgent<P extends { lang?: unknown }>(work: (payload: P) => Work) {
  return async (req: ResolverRequest<P>): Promise<ResolverResult<null>> => {
    const caller = callerOnRequest(req);
    if ('ok' in caller) return caller;
    return answer(caller.lang, async () => {
      const refused = await requireAgent(caller);
      if (refused) return refused;
      return work(req.payload ?? ({} as P))(caller, await loadConfig());
    });
  };
}

function checked<T>(
  check: InputCheck<T>,
  then: (value: T) => Promise<ResolverResult<null>>,
): Promise<ResolverResult<null>> {
  return check.ok ? then(check.value) : Promise.resolve(fail(400, `invalid_${check.field}`, check.message));
}

/** Closes the request with the Consulting resolution and tells the customer why, in their language. */
export const closeAsConsulting = asAgent(() => async (caller, config) => {
  if (!config.rules.consulting) return fail(403, 'rule_off', TEXTS.ruleOff[caller.lang]);
  return carryOut(caller, config, {
    comment: (lang) => consultingComment(lang),
    toStatus: 'closed',
    resolution: config.consultingResolution,
  });
});

/** Records who the request waits for, tells the customer, and moves it to waiting for third party. */
export const recordThirdParty = asAgent(
  (payload: ThirdPartyPayload) => (caller, config) =>
    checked(checkThirdParty(payload, caller.lang), (thirdParty) =>
      carryOut(caller, config, {
        comment: (lang) => thirdPartyComment(thirdParty, lang),
        toStatus: 'waiting_for_third_party',
        details: { thirdParty },
      }),
    ),
);

/** Records when and by whom an operation is planned, tells the customer, and moves the request to scheduled operation. */
export const recordScheduledOperation = asAgent(
  (payload: ScheduledOperationPayload) => (caller, config) =>
    checked(checkScheduledOperation(payload, caller.lang), (scheduledOperation) =>
      carryOut(caller, config, {
        comment: (lang, cfg) =>
          scheduledOperationComment(scheduledOperation, lang, cfg.calendars.businessHours.timeZone),
        toStatus: 'scheduled_operation',
        details: { scheduledOperation },
      }),
    ),
);
