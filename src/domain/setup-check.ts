/**
 * The admin page's setup check: what the site lacks for the configuration in force
 * (a canonical status no site status maps onto, a site status the rules ignore, a missing resolution, an
 * escalation contact not set or unknown, a picked project that is not a JSM project, no JSM project at all), each
 * with how to fix it, in the admin's language; and the JSM customer notifications that double the app's emails
 * (or that the app leaves to JSM, which must then keep them on).
 */
import type { Config } from './config';
import { JSM_NOTIFICATIONS, JSM_NOTIFICATION_NAMES, type JsmNotification } from './jsm-notifications';
import type { Language } from './language';
import { textsFor } from './texts';
import {
  CANONICAL_STATUSES,
  STATUS_NAMES,
  normalizeStatusName,
  statusResolver,
  type CanonicalStatus,
} from './workflow';

export interface SetupProblem {
  code:
    | 'status_unmapped'
    | 'canonical_missing'
    | 'consulting_resolution_missing'
    | 'autoclose_resolution_missing'
    | 'contact_missing'
    | 'contact_unknown'
    | 'project_not_service_desk'
    | 'no_service_project'
    | 'jsm_notification'
    | 'jsm_notification_kept';
  /** What is missing, in the admin's language. */
  message: string;
  /** How to fix it, in the admin's language. */
  fix: string;
}

/** What the setup check answers: the problems, and the site's statuses with the canonical key each maps onto. */
export interface SetupCheck {
  problems: SetupProblem[];
  /**
   * Reminders the check cannot verify itself: JSM's own customer notifications that double the app's emails while
   * both are on (JSM has no API to read them), each with how to leave that email to one of the two; and those the
   * app leaves to JSM, which JSM must keep on.
   */
  reminders: SetupProblem[];
  statuses: { id: string; name: string; canonical: CanonicalStatus | null }[];
  resolutions: string[];
}

export interface SiteFacts {
  /** The site's JSM projects (GET /rest/api/3/project/search?typeKey=service_desk). */
  serviceProjects: { key: string; name: string }[];
  statuses: { id: string; name: string }[];
  resolutions: { name: string }[];
  /** The escalation contacts that exist on the site (accountId → found). */
  knownAccounts: Record<string, boolean>;
}

/**
 * The app's rules whose customer emails each JSM notification also sends (jsm-notifications.ts says when): the
 * reminders and the auto-close post a public comment, which JSM's "Public comment added" emails too, and the
 * auto-close sets a resolution.
 */
const JSM_OVERLAPS: Record<JsmNotification, Array<keyof Config['rules']>> = {
  requestCreated: ['notifyOnCreation'],
  publicCommentAdded: ['notifyOnSupportComment', 'reminders', 'autoClose'],
  customerVisibleStatusChanged: ['notifyOnStatusChange'],
  requestResolved: ['notifyOnStatusChange', 'autoClose'],
};

function problem(code: SetupProblem['code'], [message, fix]: string[]): SetupProblem {
  return { code, message: message!, fix: fix! };
}

/**
 * Lists what the site lacks for `config`, and the site's statuses with the canonical key each maps onto.
 * @example setupProblems(defaultConfig(), { serviceProjects: [], statuses: [], resolutions: [], knownAccounts: {} }, 'en').problems.length //=> 12
 */
export function setupProblems(config: Config, site: SiteFacts, lang: Language): SetupCheck {
  const T = textsFor(lang).setup;
  const resolve = statusResolver(config.statusMapping);
  const statuses = site.statuses.map((s) => ({ id: s.id, name: s.name, canonical: resolve(s) ?? null }));
  const problems: SetupProblem[] = [];
  for (const key of CANONICAL_STATUSES) {
    if (!statuses.some((s) => s.canonical === key))
      problems.push(problem('canonical_missing', T.canonicalMissing(STATUS_NAMES[key][lang])));
  }
  for (const s of statuses)
    if (s.canonical === null) problems.push(problem('status_unmapped', T.statusUnmapped(s.name)));
  const resolutions = site.resolutions.map((r) => r.name);
  const hasResolution = (name: string) => resolutions.some((r) => normalizeStatusName(r) === normalizeStatusName(name));
  if (config.rules.consulting && !hasResolution(config.consultingResolution)) {
    problems.push(
      problem('consulting_resolution_missing', T.resolutionMissing(config.consultingResolution, T.consulting)),
    );
  }
  if (config.rules.autoClose && !hasResolution(config.reminders.autoCloseResolution)) {
    problems.push(
      problem('autoclose_resolution_missing', T.resolutionMissing(config.reminders.autoCloseResolution, T.autoClose)),
    );
  }
  if (config.rules.escalation) {
    const contacts = [
      [config.escalation.teamLeadAccountId, T.lead],
      [config.escalation.offerManagerAccountId, T.manager],
    ] as const;
    for (const [id, who] of contacts) {
      if (id === null) problems.push(problem('contact_missing', T.contactMissing(who)));
      else if (site.knownAccounts[id] === false) problems.push(problem('contact_unknown', T.contactUnknown(who, id)));
    }
  }
  for (const key of config.projects.keys) {
    if (!site.serviceProjects.some((p) => p.key === key))
      problems.push(problem('project_not_service_desk', T.projectNotServiceDesk(key)));
  }
  if (site.serviceProjects.length === 0) problems.push(problem('no_service_project', T.noServiceProject()));
  const reminders: SetupProblem[] = [];
  for (const notification of JSM_NOTIFICATIONS) {
    const jsm = JSM_NOTIFICATION_NAMES[notification];
    if (config.leaveToJsm[notification]) reminders.push(problem('jsm_notification_kept', T.jsmNotificationKept(jsm)));
    else
      for (const rule of JSM_OVERLAPS[notification].filter((r) => config.rules[r]))
        reminders.push(problem('jsm_notification', T.jsmNotification(jsm, rule)));
  }
  return { problems, reminders, statuses, resolutions };
}
