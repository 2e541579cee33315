/**
 * Who is calling a resolver and what they may do, always asked of Jira as the calling user: the identity
 * comes from the Forge context (never from the payload), the rights from Jira's own answers, the language
 * from the caller's Jira locale (`context.locale`) by the app's one policy (src/domain/language.ts).
 */
import type { Config } from '../../domain/config';
import { DEFAULT_LANGUAGE_SETTINGS, languageFor, type Language, type LanguageSettings } from '../../domain/language';
import { textsFor } from '../../domain/texts';
import { hasGlobalPermission } from '../../jira/get-my-global-permission';
import { hasIssuePermission } from '../../jira/get-my-permissions';
import { loadConfig } from '../../store/config-store';
import type { ResolverFailure, ResolverResult } from '../../shared/contracts';
import { answer, fail } from './result';

/** The part of Forge's resolver request the access checks read. */
export interface ResolverRequest<P = unknown> {
  payload?: P;
  context: {
    accountId?: string;
    locale?: unknown;
    extension?: { issue?: { key?: string }; request?: { key?: string } };
    [key: string]: unknown;
  };
}

export interface Caller {
  accountId: string;
  /** The caller's language: their Jira locale when the app offers it, else the configured default. */
  lang: Language;
  /** The request the module is shown on (issue panel: the issue; portal: the customer request). */
  issueKey: string | undefined;
}

/** A caller shown a request whose key has a request key's shape. */
export type RequestCaller = Caller & { issueKey: string };

/**
 * The caller, from the Forge context, in their language.
 * @example callerOf({ context: { accountId: 'a1', locale: 'en-US', extension: { issue: { key: 'SUP-1' } } } }, defaultConfig().languages) //=> { accountId: 'a1', lang: 'en', issueKey: 'SUP-1' }
 */
export function callerOf(req: ResolverRequest, languages: LanguageSettings): Caller | ResolverFailure {
  const locale = req.context.locale;
  const lang = languageFor(typeof locale === 'string' ? locale : null, languages);
  const accountId = req.context.accountId;
  if (!accountId) return fail(403, 'anonymous', textsFor(lang).refusals.anonymous);
  const extension = req.context.extension;
  return { accountId, lang, issueKey: extension?.issue?.key ?? extension?.request?.key };
}

/** A Jira issue key: a project key (a letter, then letters, digits or _) and a number. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-[1-9][0-9]*$/;

/**
 * The caller, when they are shown a request; a failure otherwise (no request, or a key that is not one, which
 * never reaches Jira).
 * @example callerOnRequest({ context: { accountId: 'a1', extension: { issue: { key: 'SUP-1/../SUP-2' } } } }, languages) //=> { ok: false, status: 400, ... }
 */
export function callerOnRequest(req: ResolverRequest, languages: LanguageSettings): RequestCaller | ResolverFailure {
  const caller = callerOf(req, languages);
  if ('ok' in caller) return caller;
  const t = textsFor(caller.lang).refusals;
  if (!caller.issueKey) return fail(400, 'no_request', t.noRequest);
  if (!ISSUE_KEY.test(caller.issueKey)) return fail(400, 'invalid_request_key', t.badKey);
  return { ...caller, issueKey: caller.issueKey };
}

/**
 * Runs a resolver function: the configuration in force is read, the caller found (and, for a module shown on a
 * request, its key checked), then `work` runs with what it throws turned into a typed failure.
 * @example export const getView = (req) => resolveFor(req, 'request', async (caller, config) => ok(...))
 */
export async function resolveFor<T, C extends 'request' | 'any'>(
  req: ResolverRequest,
  shownOn: C,
  work: (caller: C extends 'request' ? RequestCaller : Caller, config: Config) => Promise<ResolverResult<T>>,
): Promise<ResolverResult<T>> {
  let config: Config;
  try {
    config = await loadConfig();
  } catch (error) {
    console.error('[support-rules] resolver: the configuration could not be read:', error);
    const locale = req.context.locale;
    const lang = languageFor(typeof locale === 'string' ? locale : null, DEFAULT_LANGUAGE_SETTINGS);
    return fail(500, 'failed', textsFor(lang).refusals.failed);
  }
  const caller = shownOn === 'request' ? callerOnRequest(req, config.languages) : callerOf(req, config.languages);
  if ('ok' in caller) return caller;
  return answer(caller.lang, () => work(caller as C extends 'request' ? RequestCaller : Caller, config));
}

/**
 * An admin page function: for Jira administrators only (asked of Jira as the caller), then `work`.
 * @example export const getConfig = asAdmin<object, ConfigView>(async (caller, payload, config) => ok(...))
 */
export function asAdmin<P, T>(
  work: (caller: Caller, payload: Partial<P>, config: Config) => Promise<ResolverResult<T>>,
) {
  return (req: ResolverRequest<Partial<P>>): Promise<ResolverResult<T>> =>
    resolveFor(
      req,
      'any',
      async (caller, config) => (await requireJiraAdmin(caller)) ?? work(caller, req.payload ?? {}, config),
    );
}

/**
 * True when the calling user is an agent of the request's service desk (may transition it).
 * @example await isAgentOf('SUP-1') //=> true for an agent
 */
export async function isAgentOf(issueKey: string): Promise<boolean> {
  return hasIssuePermission(issueKey, 'TRANSITION_ISSUES');
}

/** A failure unless the caller is an agent of the request's service desk (may transition it). */
export async function requireAgent(caller: RequestCaller): Promise<ResolverFailure | null> {
  return (await isAgentOf(caller.issueKey))
    ? null
    : fail(403, 'agents_only', textsFor(caller.lang).refusals.agentsOnly);
}

/** A failure unless the caller is a Jira administrator. */
export async function requireJiraAdmin(caller: Caller): Promise<ResolverFailure | null> {
  return (await hasGlobalPermission('ADMINISTER'))
    ? null
    : fail(403, 'admins_only', textsFor(caller.lang).refusals.adminsOnly);
}
