/**
 * The admin page's setup check, as a pure function: what the site lacks for the configuration in force
 * (a canonical status no site status maps onto, a site status the rules ignore, a missing resolution, an
 * escalation contact not set or unknown), each with how to fix it, in the admin's language.
 */
import type { Config } from '../../../domain/config';
import {
  CANONICAL_STATUSES,
  STATUS_NAMES,
  normalizeStatusName,
  statusResolver,
  type Language,
} from '../../../domain/workflow';
import type { SetupCheck, SetupProblem } from '../../../shared/contracts';

export interface SiteFacts {
  statuses: { id: string; name: string }[];
  resolutions: { name: string }[];
  /** The escalation contacts that exist on the site (accountId → found). */
  knownAccounts: Record<string, boolean>;
}

const T = {
  canonicalMissing: {
    en: (s: string) => [
      `No status of the site maps onto "${s}".`,
      `Create a status named "${s}" in the service desk's workflow, or map an existing one onto it under "Workflow mapping".`,
    ],
    fr: (s: string) => [
      `Aucun statut du site ne correspond à « ${s} ».`,
      `Créez un statut « ${s} » dans le workflow du centre de services, ou associez-lui un statut existant dans « Correspondance du workflow ».`,
    ],
  },
  statusUnmapped: {
    en: (s: string) => [
      `The status "${s}" is not mapped: the rules ignore it.`,
      `If it belongs to the support workflow, map it under "Workflow mapping".`,
    ],
    fr: (s: string) => [
      `Le statut « ${s} » n'a pas de correspondance : les règles l'ignorent.`,
      `S'il fait partie du workflow du support, associez-le dans « Correspondance du workflow ».`,
    ],
  },
  resolutionMissing: {
    en: (r: string, what: string) => [
      `The resolution "${r}" (${what}) does not exist on the site.`,
      `Create it in Jira settings → Issues → Resolutions, or choose an existing one.`,
    ],
    fr: (r: string, what: string) => [
      `La résolution « ${r} » (${what}) n'existe pas sur le site.`,
      `Créez-la dans Paramètres Jira → Tickets → Résolutions, ou choisissez-en une existante.`,
    ],
  },
  consulting: { en: 'closing consulting needs', fr: 'fermeture des besoins de conseil' },
  autoClose: { en: 'automatic closing', fr: 'fermeture automatique' },
  contactMissing: {
    en: (who: string) => [
      `The ${who} is not set: escalations cannot reach them.`,
      `Give their account under "Escalation contacts".`,
    ],
    fr: (who: string) => [
      `Le ${who} n'est pas renseigné : les escalades ne lui parviennent pas.`,
      `Indiquez son compte dans « Contacts d'escalade ».`,
    ],
  },
  contactUnknown: {
    en: (who: string, id: string) => [
      `The ${who} (${id}) is not an account of this site.`,
      `Choose an existing account under "Escalation contacts".`,
    ],
    fr: (who: string, id: string) => [
      `Le ${who} (${id}) n'est pas un compte de ce site.`,
      `Choisissez un compte existant dans « Contacts d'escalade ».`,
    ],
  },
  lead: { en: 'support team lead', fr: "responsable de l'équipe support" },
  manager: { en: 'Cloud/Support offer manager', fr: "responsable de l'offre Cloud/Support" },
} as const;

function problem(code: SetupProblem['code'], [message, fix]: string[]): SetupProblem {
  return { code, message: message!, fix: fix! };
}

/**
 * Lists what the site lacks for `config`, and the site's statuses with the canonical key each maps onto.
 * @example setupProblems(defaultConfig(), { statuses: [], resolutions: [], knownAccounts: {} }, 'en').problems.length //=> 11
 */
export function setupProblems(config: Config, site: SiteFacts, lang: Language): SetupCheck {
  const resolve = statusResolver(config.statusMapping);
  const statuses = site.statuses.map((s) => ({ id: s.id, name: s.name, canonical: resolve(s) ?? null }));
  const problems: SetupProblem[] = [];
  for (const key of CANONICAL_STATUSES) {
    if (!statuses.some((s) => s.canonical === key))
      problems.push(problem('canonical_missing', T.canonicalMissing[lang](STATUS_NAMES[key][lang])));
  }
  for (const s of statuses)
    if (s.canonical === null) problems.push(problem('status_unmapped', T.statusUnmapped[lang](s.name)));
  const resolutions = site.resolutions.map((r) => r.name);
  const hasResolution = (name: string) => resolutions.some((r) => normalizeStatusName(r) === normalizeStatusName(name));
  if (config.rules.consulting && !hasResolution(config.consultingResolution)) {
    problems.push(
      problem(
        'consulting_resolution_missing',
        T.resolutionMissing[lang](config.consultingResolution, T.consulting[lang]),
      ),
    );
  }
  if (config.rules.autoClose && !hasResolution(config.reminders.autoCloseResolution)) {
    problems.push(
      problem(
        'autoclose_resolution_missing',
        T.resolutionMissing[lang](config.reminders.autoCloseResolution, T.autoClose[lang]),
      ),
    );
  }
  if (config.rules.escalation) {
    const contacts = [
      [config.escalation.teamLeadAccountId, T.lead[lang]],
      [config.escalation.offerManagerAccountId, T.manager[lang]],
    ] as const;
    for (const [id, who] of contacts) {
      if (id === null) problems.push(problem('contact_missing', T.contactMissing[lang](who)));
      else if (site.knownAccounts[id] === false)
        problems.push(problem('contact_unknown', T.contactUnknown[lang](who, id)));
    }
  }
  return { problems, statuses, resolutions };
}
