/**
 * The screen's context from the Forge bridge: the user's language, locale, time zone and theme, and the module
 * it is shown in. Applies the theme (light or dark) with Atlassian's design tokens.
 */
import { useEffect, useState } from 'react';
import { events, view } from '@forge/bridge';
import type { Language } from '../../../src/shared/contracts';
import { intlLocale, languageOf } from './format';

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
 * Reads Forge's context into what the screens need.
 * @example screenContextOf({ locale: 'fr_FR', timezone: 'Europe/Paris', theme: { colorMode: 'dark' }, moduleKey: 'sla-panel' }).lang //=> 'fr'
 */
export function screenContextOf(context: ForgeContext | null | undefined): ScreenContext {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    lang: languageOf(context?.locale),
    locale: intlLocale(context?.locale),
    timeZone: context?.timezone || browserZone || 'UTC',
    colorMode: context?.theme?.colorMode === 'dark' ? 'dark' : 'light',
    moduleKey: context?.moduleKey ?? '',
  };
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
