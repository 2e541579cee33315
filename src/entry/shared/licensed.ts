/**
 * Marketplace licensing. Forge tells an invocation whether the site's license is active in the context it
 * passes (`context.license`, for triggers, scheduled triggers, consumers and resolvers) and in
 * `getAppContext().license`. `isActive === false` means unlicensed; no license at all (development and
 * staging installs) means go on. The manifest's `filter.appIsLicensed` already keeps Forge from invoking the
 * triggers of an unlicensed app; these wrappers are the app's own check, for every entry point.
 */
import { getAppContext } from '@forge/api';
import { DEFAULT_LANGUAGE_SETTINGS, languageFor, type LanguageSettings } from '../../domain/language';
import { textsFor } from '../../domain/texts';
import type { ResolverFailure } from '../../shared/contracts';
import { loadConfig } from '../../store/config-store';

interface LicenseHolder {
  license?: { isActive?: unknown } | null;
}

/**
 * True only when Forge says the license is inactive: the `license` of the invocation context when it holds
 * one, else `getAppContext().license`.
 * @example isUnlicensed({ license: { isActive: false } }) //=> true
 * @example isUnlicensed({}) //=> false (a development install has no license)
 */
export function isUnlicensed(context: unknown): boolean {
  const fromContext = (context as LicenseHolder | null | undefined)?.license;
  if (fromContext && typeof fromContext === 'object') return fromContext.isActive === false;
  try {
    return getAppContext().license?.isActive === false;
  } catch {
    // Outside a Forge invocation (unit tests, the sla command): nothing says the app is unlicensed.
    return false;
  }
}

/**
 * Wraps a trigger, scheduled trigger or consumer handler `(event, context)`: when the app is unlicensed it logs
 * one line and returns without acting; otherwise it runs the handler.
 * @example export const sweepReminders = whenLicensed('sweep-reminders', sweep);
 */
export function whenLicensed<E, C, R>(
  name: string,
  handler: (event: E, context: C) => Promise<R>,
): (event: E, context: C) => Promise<R | undefined> {
  return async (event, context) => {
    if (isUnlicensed(context)) {
      console.log(`[support-rules] ${name}: the app is not licensed on this site; nothing done`);
      return undefined;
    }
    return handler(event, context);
  };
}

/** The typed answer a resolver gives when the app is unlicensed (the panels show its message as is). */
export type UnlicensedFailure = ResolverFailure & { code: 'unlicensed' };

/**
 * The `unlicensed` answer, in the viewer's language (their Jira locale, `context.locale`, by the app's policy).
 * @example unlicensedAnswer({ locale: 'en-US' }, defaultConfig().languages).code //=> 'unlicensed'
 */
export function unlicensedAnswer(context: unknown, languages: LanguageSettings): UnlicensedFailure {
  const locale = (context as { locale?: unknown } | null | undefined)?.locale;
  const lang = languageFor(typeof locale === 'string' ? locale : null, languages);
  return { ok: false, status: 403, code: 'unlicensed', message: textsFor(lang).refusals.unlicensed };
}

/** The part of Forge's resolver invocation `{ call, context }` the check reads. */
interface ResolverRequest {
  call: { payload?: unknown };
  context?: unknown;
}

/**
 * Wraps a Custom UI resolver (`makeResolver(...)`): when the app is unlicensed every function answers
 * {@link unlicensedAnswer} without calling Jira or writing anything (it reads the configuration's languages).
 * @example export const portalResolver = resolverWhenLicensed(definitions);
 */
export function resolverWhenLicensed<R extends ResolverRequest, B, T>(
  handler: (request: R, backend?: B) => Promise<T>,
): (request: R, backend?: B) => Promise<T | UnlicensedFailure> {
  return async (request, backend) => {
    if (isUnlicensed(backend)) {
      const languages = await loadConfig()
        .then((config) => config.languages)
        .catch(() => DEFAULT_LANGUAGE_SETTINGS);
      return unlicensedAnswer(request?.context, languages);
    }
    return handler(request, backend);
  };
}
