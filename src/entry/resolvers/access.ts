/**
 * Who is calling a resolver and what they may do, always asked of Jira as the calling user: the identity
 * comes from the Forge context (never from the payload), the rights from Jira's own answers.
 */
import { hasGlobalPermission } from '../../jira/get-my-global-permission';
import { hasIssuePermission } from '../../jira/get-my-permissions';
import type { Language, ResolverFailure } from '../../shared/contracts';
import { fail } from './result';

/** The part of Forge's resolver request the access checks read. */
export interface ResolverRequest<P = unknown> {
  payload?: P;
  context: {
    accountId?: string;
    extension?: { issue?: { key?: string }; request?: { key?: string } };
    [key: string]: unknown;
  };
}

export interface Caller {
  accountId: string;
  lang: Language;
  /** The request the module is shown on (issue panel: the issue; portal: the customer request). */
  issueKey: string | undefined;
}

const TEXTS = {
  anonymous: { en: 'Sign in to use this.', fr: 'Connectez-vous pour utiliser cette fonction.' },
  noRequest: { en: 'This screen is not shown on a request.', fr: "Cet écran n'est pas affiché sur une demande." },
  badKey: { en: 'This is not a request key.', fr: "Ce n'est pas une clé de demande." },
  agentsOnly: { en: 'Only the support team can do this.', fr: "Seule l'équipe support peut faire cela." },
  adminsOnly: {
    en: 'Only Jira administrators can change the support rules.',
    fr: 'Seuls les administrateurs Jira peuvent modifier les règles de support.',
  },
} as const;

/**
 * The caller, from the Forge context, with the language the UI asked for.
 * @example callerOf({ context: { accountId: 'a1', extension: { issue: { key: 'SUP-1' } } }, payload: { lang: 'fr' } }) //=> { accountId: 'a1', lang: 'fr', issueKey: 'SUP-1' }
 */
export function callerOf(req: ResolverRequest<{ lang?: unknown }>): Caller | ResolverFailure {
  const lang: Language = req.payload?.lang === 'fr' ? 'fr' : 'en';
  const accountId = req.context.accountId;
  if (!accountId) return fail(403, 'anonymous', TEXTS.anonymous[lang]);
  const extension = req.context.extension;
  return { accountId, lang, issueKey: extension?.issue?.key ?? extension?.request?.key };
}

/** A Jira issue key: a project key (a letter, then letters, digits or _) and a number. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/;

/**
 * The caller, when they are shown a request; a failure otherwise (no request, or a key that is not one, which
 * never reaches Jira).
 * @example callerOnRequest({ context: { accountId: 'a1', extension: { issue: { key: 'SUP-1/../SUP-2' } } } }) //=> { ok: false, status: 400, ... }
 */
export function callerOnRequest(
  req: ResolverRequest<{ lang?: unknown }>,
): (Caller & { issueKey: string }) | ResolverFailure {
  const caller = callerOf(req);
  if ('ok' in caller) return caller;
  if (!caller.issueKey) return fail(400, 'no_request', TEXTS.noRequest[caller.lang]);
  if (!ISSUE_KEY.test(caller.issueKey)) return fail(400, 'invalid_request_key', TEXTS.badKey[caller.lang]);
  return { ...caller, issueKey: caller.issueKey };
}

/** A failure unless the caller is an agent of the request's service desk (may transition it). */
export async function requireAgent(caller: Caller & { issueKey: string }): Promise<ResolverFailure | null> {
  return (await hasIssuePermission(caller.issueKey, 'TRANSITION_ISSUES'))
    ? null
    : fail(403, 'agents_only', TEXTS.agentsOnly[caller.lang]);
}

/** A failure unless the caller is a Jira administrator. */
export async function requireJiraAdmin(caller: Caller): Promise<ResolverFailure | null> {
  return (await hasGlobalPermission('ADMINISTER')) ? null : fail(403, 'admins_only', TEXTS.adminsOnly[caller.lang]);
}
