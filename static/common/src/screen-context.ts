/**
 * The screen's context from the Forge bridge: the user's language, locale, time zone and theme, and the module
 * it is shown in. Applies the theme (light or dark) with Atlassian's design tokens.
 */
import { useEffect, useState } from 'react';
import { events, view } from '@forge/bridge';
import { DEFAULT_LANGUAGE_SETTINGS, languageFor, type Language } from '../../../src/shared/contracts';
import { intlLocale } from './format';

export interface ScreenContext {
  lang: Language;
  /** BCP 47 locale for Intl. */
  locale: string;
  timeZone: string;
  colorMode: 'light' | 'dark';
  moduleKey: string;
}

interface ForgeContext {
  locale?: string;
  timezone?: string;
  moduleKey?: string;
  theme?: { colorMode?: string } | null;
}

/**
 * Reads Forge's context into what the screens need. The language is the app's policy with the default
 * settings, until the resolver's answer says which one the configuration gives the viewer ({@link inLanguage}).
 * @example screenContextOf({ locale: 'fr_FR', timezone: 'Europe/Paris', theme: { colorMode: 'dark' }, moduleKey: 'sla-panel' }).lang //=> 'fr'
 */
export function screenContextOf(context: ForgeContext | null | undefined): ScreenContext {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const lang = languageFor(context?.locale, DEFAULT_LANGUAGE_SETTINGS);
  return {
    lang,
    locale: intlLocale(context?.locale, lang),
    timeZone: context?.timezone || browserZone || 'UTC',
    colorMode: context?.theme?.colorMode === 'dark' ? 'dark' : 'light',
    moduleKey: context?.moduleKey ?? '',
  };
}

/**
 * The context in the language the server chose for the viewer (each view carries it): texts and dates follow.
 * @example inLanguage(screenContextOf({ locale: 'de_DE' }), 'en').locale //=> 'en-GB'
 */
export function inLanguage(ctx: ScreenContext, lang: Language): ScreenContext {
  if (lang === ctx.lang) return ctx;
  return { ...ctx, lang, locale: intlLocale(ctx.locale, lang) };
}

/** The screen's context once the bridge has answered (null before); the theme is applied on the way. */
export function useScreenContext(): ScreenContext | null {
  const [context, setContext] = useState<ScreenContext | null>(null);
  useEffect(() => {
    let live = true;
    view.theme.enable().catch(() => undefined);
    view
      .getContext()
      .then((raw) => screenContextOf(raw as ForgeContext))
      .catch(() => screenContextOf(null))
      .then(async (ctx) => {
        document.documentElement.lang = ctx.lang;
        // Loaded on the side (a chunk of its own): the screen's code does not wait for the theme loader's download.
        await import('@atlaskit/tokens/set-global-theme')
          .then(({ setGlobalTheme }) => setGlobalTheme({ colorMode: ctx.colorMode }))
          .catch(() => undefined);
        if (live) setContext(ctx);
      });
    return () => {
      live = false;
    };
  }, []);
  return context;
}

/**
 * Calls `onChange` whenever Jira tells the issue view its issue changed (JIRA_ISSUE_CHANGED); returns the
 * unsubscribe. A host that does not relay events (the bridge refuses `on`) leaves the screen to reload after its
 * own actions.
 */
export function onIssueChanged(onChange: () => void): () => void {
  const subscription = events.on('JIRA_ISSUE_CHANGED', onChange).catch(() => null);
  return () => {
    void subscription.then((s) => s?.unsubscribe());
  };
}
