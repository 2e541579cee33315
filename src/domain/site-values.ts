/**
 * The settings that name something of the site (a priority, a resolution, a JSM organization), checked against the
 * site's own lists: a name the site lacks could never apply, so it is refused, field by field. A list the app could
 * not read refuses the values that need it (stricter than taking them on trust). Pure: the lists are inputs.
 */
import type { Config } from './config';
import type { ConfigError } from './config-errors';
import type { Language } from './language';
import { textsFor } from './texts';

export type SiteListKind = 'priorities' | 'resolutions' | 'organizations';

/** One entry of a site's list. */
export interface SiteValue {
  id: string;
  name: string;
}

/** Each list as read from the site, or why it could not be read. */
export type SiteLists = Record<SiteListKind, SiteValue[] | { unreadable: string }>;

/** The settings naming a value of a list, with where each sits in the configuration. */
function namedValues(config: Config): { kind: SiteListKind; path: string; value: string; byId: boolean }[] {
  return [
    ...Object.keys(config.responseGoals.byPriority).map((value) => ({
      kind: 'priorities' as const,
      path: `responseGoals.byPriority.${value}`,
      value,
      byId: false,
    })),
    ...Object.keys(config.coverage.byOrganization).map((value) => ({
      kind: 'organizations' as const,
      path: `coverage.byOrganization.${value}`,
      value,
      byId: true,
    })),
    {
      kind: 'resolutions',
      path: 'reminders.autoCloseResolution',
      value: config.reminders.autoCloseResolution,
      byId: false,
    },
    { kind: 'resolutions', path: 'consultingResolution', value: config.consultingResolution, byId: false },
  ];
}

/**
 * The lists a configuration's values must be checked against (a list is read only when some setting names one of
 * its values).
 * @example listsNeeded(defaultConfig()) //=> ['resolutions']
 */
export function listsNeeded(config: Config): SiteListKind[] {
  return [...new Set(namedValues(config).map((v) => v.kind))];
}

/**
 * The settings naming a priority, a resolution or an organization the site lacks (organizations by id or name;
 * names as Jira spells them), each with a message in `lang` that suggests the site's value spelt differently, if any.
 * @example siteValueErrors(config, { priorities: [{ id: '2', name: 'High' }], ... }, 'en')
 * //=> [{ path: 'responseGoals.byPriority.high', message: '"high" is not a priority of this site: ... Did you mean "High"?' }]
 */
export function siteValueErrors(config: Config, lists: Partial<SiteLists>, lang: Language): ConfigError[] {
  const t = textsFor(lang).siteValues;
  const errors: ConfigError[] = [];
  for (const { kind, path, value, byId } of namedValues(config)) {
    const list = lists[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ path, message: t.unreadable(kind, list.unreadable) });
      continue;
    }
    if (list.some((v) => v.name === value || (byId && v.id === value))) continue;
    const closest = list.find((v) => v.name.trim().toLowerCase() === value.trim().toLowerCase())?.name ?? null;
    errors.push({ path, message: t.unknown(kind, value, closest) });
  }
  return errors;
}
