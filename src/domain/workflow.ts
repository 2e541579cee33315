/**
 * The support workflow: canonical statuses, their names, the mapping of a site's statuses onto them,
 * and the moves that matter to the rules (reopen, SLA stop, SLA pause, the statuses announced to the
 * customer). Pure: no I/O, no clock, no import: the screens use it too.
 */
import type { Language } from './language';

export const CANONICAL_STATUSES = [
  'submitted',
  'in_progress',
  'waiting_for_customer',
  'waiting_for_third_party',
  'scheduled_operation',
  'resolved',
  'closed',
] as const;

export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

/** The customer-facing names of each canonical status (DESIGN.md section 1). */
export const STATUS_NAMES: Record<CanonicalStatus, Record<Language, string>> = {
  submitted: { fr: 'Soumise', en: 'Submitted' },
  in_progress: { fr: 'En cours', en: 'In progress' },
  waiting_for_customer: { fr: 'En attente du client', en: 'Waiting for customer' },
  waiting_for_third_party: { fr: "En attente d'un tiers", en: 'Waiting for third party' },
  scheduled_operation: { fr: 'Opération planifiée', en: 'Scheduled operation' },
  resolved: { fr: 'Résolu', en: 'Resolved' },
  closed: { fr: 'Fermée', en: 'Closed' },
};

/** Names recognised out of the box besides {@link STATUS_NAMES}: JSM's own defaults and common French variants. */
const EXTRA_STATUS_ALIASES: Partial<Record<CanonicalStatus, string[]>> = {
  submitted: ['Waiting for support', 'En attente du support'],
  resolved: ['Résolue'],
  closed: ['Fermé'],
};

/** Every name recognised out of the box: the French and English names, then the extra aliases. */
function defaultStatusAliases(status: CanonicalStatus): string[] {
  return [...Object.values(STATUS_NAMES[status]), ...(EXTRA_STATUS_ALIASES[status] ?? [])];
}

/** Statuses whose first entry stops the response SLA for good. */
export const SLA_STOP_STATUSES: ReadonlySet<CanonicalStatus> = new Set([
  'scheduled_operation',
  'waiting_for_customer',
  'resolved',
  'closed',
]);

/** Statuses during which the response SLA clock does not run. */
export const SLA_PAUSE_STATUSES: ReadonlySet<CanonicalStatus> = new Set([
  'waiting_for_customer',
  'waiting_for_third_party',
]);

/** Statuses from which a customer may reopen a request. */
export const DONE_STATUSES: ReadonlySet<CanonicalStatus> = new Set(['resolved', 'closed']);

/** The statuses whose entry is announced to the creator (DESIGN.md section 1). */
export const ANNOUNCED_STATUSES: ReadonlySet<CanonicalStatus> = new Set([
  'in_progress',
  'waiting_for_customer',
  'waiting_for_third_party',
  'scheduled_operation',
  'closed',
]);

/**
 * True once the request is resolved or closed (the screens offer no more work on it; a customer may reopen it).
 * @example isDone('resolved') //=> true
 */
export function isDone(status: CanonicalStatus | null | undefined): boolean {
  return status != null && DONE_STATUSES.has(status);
}

/** A site's status as Jira reports it (`id` is the status id; `name` its current name). */
export interface SiteStatus {
  id?: string | null;
  name?: string | null;
}

/** The admin's mapping: explicit ids first, then extra names, then the defaults. */
export interface StatusMapping {
  byId: Record<string, CanonicalStatus>;
  byName: Record<string, CanonicalStatus>;
}

/** Names normalized lately: a site's few status names come back with every request and changelog entry. */
const normalizedNames = new Map<string, string>();

/**
 * Lower-cases, strips accents, unifies apostrophes and collapses spaces, so names compare as people read them.
 * @example normalizeStatusName("  EN ATTENTE d’un  Tiers ") //=> "en attente d'un tiers"
 */
export function normalizeStatusName(name: string): string {
  const known = normalizedNames.get(name);
  if (known !== undefined) return known;
  const normalized = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  if (normalizedNames.size >= 1024) normalizedNames.clear();
  normalizedNames.set(name, normalized);
  return normalized;
}

/** Prebuilt lookup for {@link mapStatus}; build once per configuration. */
export interface StatusResolver {
  (status: SiteStatus): CanonicalStatus | undefined;
}

/**
 * Builds the resolver of a mapping: by id when the id is mapped, else by name (the admin's names first,
 * then the defaults), case- and accent-insensitive.
 * @example statusResolver({ byId: { '10001': 'in_progress' }, byName: {} })({ id: '10001', name: 'Doing' }) //=> 'in_progress'
 */
export function statusResolver(mapping: StatusMapping): StatusResolver {
  const byName = new Map<string, CanonicalStatus>();
  for (const key of CANONICAL_STATUSES) {
    for (const alias of defaultStatusAliases(key)) byName.set(normalizeStatusName(alias), key);
  }
  for (const [name, key] of Object.entries(mapping.byName)) byName.set(normalizeStatusName(name), key);
  return (status) => {
    if (status.id != null && Object.prototype.hasOwnProperty.call(mapping.byId, status.id)) {
      return mapping.byId[status.id];
    }
    if (status.name == null) return undefined;
    return byName.get(normalizeStatusName(status.name));
  };
}

/**
 * Maps one site status onto its canonical key, or undefined when nothing matches.
 * @example mapStatus({ name: 'EN COURS' }, { byId: {}, byName: {} }) //=> 'in_progress'
 */
export function mapStatus(status: SiteStatus, mapping: StatusMapping): CanonicalStatus | undefined {
  return statusResolver(mapping)(status);
}

/**
 * True when a move takes a resolved or closed request back into the work (a reopen).
 * @example isReopen('closed', 'in_progress') //=> true
 */
export function isReopen(from: CanonicalStatus | undefined, to: CanonicalStatus | undefined): boolean {
  return from !== undefined && to !== undefined && isDone(from) && !isDone(to);
}

/**
 * True when entering `to` stops the response SLA (the first such entry counts; later ones change nothing).
 * @example isSlaStop('waiting_for_customer') //=> true
 */
export function isSlaStop(to: CanonicalStatus | undefined): boolean {
  return to !== undefined && SLA_STOP_STATUSES.has(to);
}

/**
 * True while the response SLA clock is paused in `status`.
 * @example isSlaPause('waiting_for_third_party') //=> true
 */
export function isSlaPause(status: CanonicalStatus | undefined): boolean {
  return status !== undefined && SLA_PAUSE_STATUSES.has(status);
}

/**
 * Type guard for a canonical key read from untrusted input.
 * @example isCanonicalStatus('closed') //=> true
 */
export function isCanonicalStatus(value: unknown): value is CanonicalStatus {
  return typeof value === 'string' && (CANONICAL_STATUSES as readonly string[]).includes(value);
}
