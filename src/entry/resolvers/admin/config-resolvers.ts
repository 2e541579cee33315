/**
 * The admin page's resolvers: read, validate, save, export and import the configuration (a save that changes how
 * SLAs are measured has the running SLAs' records measured again), check the site's setup, and find the people,
 * groups and JSM projects its pickers offer. Every one first asks Jira, as the caller,
 * whether they are a Jira administrator.
 */
import { defaultConfig, type Config } from '../../../domain/config';
import { validateConfig } from '../../../domain/config-errors';
import { holidayCountries, holidayRegions } from '../../../domain/holiday-places';
import { setupProblems } from '../../../domain/setup-check';
import { listsNeeded, siteValueErrors, type SiteLists } from '../../../domain/site-values';
import { slaSettingsDiffer } from '../../../domain/sla-fingerprint';
import { textsFor } from '../../../domain/texts';
import { getUser } from '../../../jira/get-user';
import { listResolutions } from '../../../jira/list-resolutions';
import { listServiceProjects } from '../../../jira/list-service-projects';
import { listStatuses } from '../../../jira/list-statuses';
import { pickGroups } from '../../../jira/pick-groups';
import { searchUsers } from '../../../jira/search-users';
import { loadConfig, loadStoredConfig, saveConfig as storeConfig } from '../../../store/config-store';
import type {
  ConfigPayload,
  ConfigView,
  ExportedConfig,
  FindPeoplePayload,
  FoundPeople,
  HolidayPlaces,
  HolidayPlacesPayload,
  ImportPayload,
  PickerOption,
  ResolverResult,
  ServiceProjects,
  SetupCheck,
  SiteValuesView,
} from '../../../shared/contracts';
import { asAdmin, type Caller } from '../access';
import { fail, ok } from '../result';
import { readSiteLists } from '../../shared/site-lists';
import { runningSlasJql, startSlaJob } from '../../shared/sla-jobs';

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

async function validated(input: unknown, caller: Caller, save: boolean): Promise<ResolverResult<Config>> {
  const t = textsFor(caller.lang).refusals;
  // Missing parts take their defaults, but a missing configuration is not "all defaults": it would wipe the stored one.
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail(400, 'invalid_config', t.invalidConfig, [{ path: '', message: t.notObject }]);
  }
  const checked = validateConfig(input, caller.lang);
  if (!checked.ok) return fail(400, 'invalid_config', t.invalidConfig, checked.errors);
  // A priority, resolution or organization the site lacks could never apply: refused, like a schema error.
  const lists = await readSiteLists(listsNeeded(checked.config));
  const unknown = siteValueErrors(checked.config, lists, caller.lang);
  if (unknown.length > 0) return fail(400, 'invalid_config', t.invalidConfig, unknown);
  if (!save) return ok(checked.config);
  const previous = await loadConfig();
  const result = await storeConfig(checked.config, caller.lang);
  if (!result.ok) return fail(400, 'invalid_config', t.invalidConfig, result.errors);
  // Running and paused SLAs follow the settings: their records are measured again (stopped ones stay as measured).
  if (slaSettingsDiffer(previous, result.config))
    await startSlaJob('refresh', { jql: runningSlasJql(result.config), by: caller.accountId });
  return ok(result.config);
}

/** The configuration in force (defaults filled in), and whether an admin ever saved one. */
export const getConfig = asAdmin<object, ConfigView>(async (caller, _payload, config) => {
  const stored = await loadStoredConfig();
  return ok({
    config: stored === undefined ? defaultConfig() : config,
    stored: stored !== undefined,
    lang: caller.lang,
  });
});

/** Field-level errors of a draft, in the admin's language; nothing is saved. */
export const checkConfig = asAdmin<ConfigPayload, Config>((caller, payload) =>
  validated(payload.config, caller, false),
);

/** Saves the draft when, and only when, it is valid. */
export const saveConfig = asAdmin<ConfigPayload, Config>((caller, payload) => validated(payload.config, caller, true));

/** The configuration in force as JSON, in the format `npm run sla -- --config <file>` reads. */
export const exportConfig = asAdmin<object, ExportedConfig>(async (_caller, _payload, config) =>
  ok({ json: `${JSON.stringify(config, null, 2)}\n`, fileName: 'support-rules-config.json' }),
);

/** Reads an exported file and saves it when valid (field-level errors otherwise, nothing saved). */
export const importConfig = asAdmin<ImportPayload, Config>(async (caller, payload) => {
  let input: unknown;
  try {
    input = JSON.parse(String(payload.json ?? ''));
  } catch (error) {
    return fail(400, 'invalid_json', textsFor(caller.lang).refusals.notJson((error as Error).message));
  }
  return validated(input, caller, true);
});

/** What the site lacks for the configuration in force, with how to fix each. */
export const setupCheck = asAdmin<object, SetupCheck>(async (caller, _payload, config) => {
  const contacts = [config.escalation.teamLeadAccountId, config.escalation.offerManagerAccountId].filter(
    (id): id is string => id !== null,
  );
  const [statuses, resolutions, users, serviceProjects] = await Promise.all([
    listStatuses(),
    listResolutions(),
    Promise.all(contacts.map((id) => getUser(id))),
    listServiceProjects(),
  ]);
  const knownAccounts = Object.fromEntries(contacts.map((id, i) => [id, users[i] !== null]));
  return ok(setupProblems(config, { serviceProjects, statuses, resolutions, knownAccounts }, caller.lang));
});

/** The people or groups matching what the admin typed, or the names of the accounts already chosen. */
export const findPeople = asAdmin<FindPeoplePayload, FoundPeople>(async (caller, payload) => {
  const { kind, query, ids } = payload;
  const validQuery = typeof query === 'string' && query.trim().length >= 1 && query.length <= 100;
  const validIds =
    Array.isArray(ids) &&
    ids.length >= 1 &&
    ids.length <= 10 &&
    ids.every((id) => typeof id === 'string' && ACCOUNT_ID.test(id));
  if ((kind !== 'user' && kind !== 'group') || validQuery === validIds || (kind === 'group' && validIds)) {
    return fail(400, 'invalid_search', textsFor(caller.lang).refusals.badSearch);
  }
  if (kind === 'group')
    return ok({ options: (await pickGroups(query!.trim())).map((name): PickerOption => ({ id: name, label: name })) });
  if (validIds) {
    // Names only: the app reads these accounts as itself, so it does not pass on their email addresses.
    const people = (await Promise.all(ids!.map((id) => getUser(id)))).filter((p) => p !== null);
    return ok({ options: people.map((p): PickerOption => ({ id: p.accountId, label: p.displayName ?? p.accountId })) });
  }
  // Searched as the admin: Jira shows them the emails their profile settings allow.
  const people = await searchUsers(query!.trim());
  return ok({
    options: people.map((p): PickerOption => ({
      id: p.accountId,
      label: p.displayName ?? p.accountId,
      ...(p.emailAddress ? { detail: p.emailAddress } : {}),
    })),
  });
});

/** The site's JSM projects (type service_desk), by name: what the rules may be limited to. */
export const listProjects = asAdmin<object, ServiceProjects>(async () => {
  const projects = await listServiceProjects();
  return ok({ projects: [...projects].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)) });
});

/**
 * The site's priorities, resolutions and JSM organizations, for the admin page's pickers: each list as Jira gives
 * it, or why it could not be read (the page then says so, and a save naming such a value is refused).
 */
export const listSiteValues = asAdmin<object, SiteValuesView>(async () => {
  const lists = await readSiteLists(['priorities', 'resolutions', 'organizations']);
  return ok(lists as SiteLists);
});

/** The countries whose public holidays the calendar can close on, and a country's regions, named in the admin's language. */
export const listHolidayPlaces = asAdmin<HolidayPlacesPayload, HolidayPlaces>(async (caller, payload) => {
  const country = typeof payload.country === 'string' && /^[A-Z]{2,3}$/.test(payload.country) ? payload.country : null;
  return ok({
    countries: holidayCountries(caller.lang),
    regions: country ? holidayRegions(country, caller.lang) : [],
  });
});
