/**
 * The site's fixed configuration: the service project SUP, its workflow (DESIGN.md section 1, French names),
 * priorities, resolutions and request type, with Jira's ids and shapes.
 */
import { CANONICAL_STATUSES, DONE_STATUSES, STATUS_NAMES, type CanonicalStatus } from '../../src/domain/workflow';

export interface StatusCategory {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  colorName: string;
  name: string;
}

export interface SiteStatusDef {
  id: string;
  name: string;
  canonical: CanonicalStatus;
  category: StatusCategory;
}

const CATEGORIES: Record<StatusCategory['key'], StatusCategory> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

function categoryOf(status: CanonicalStatus): StatusCategory {
  if (status === 'submitted') return CATEGORIES.new;
  return DONE_STATUSES.has(status) ? CATEGORIES.done : CATEGORIES.indeterminate;
}

/** The workflow's statuses, ids 10001.. in the order of DESIGN.md section 1. */
export const STATUSES: readonly SiteStatusDef[] = CANONICAL_STATUSES.map((canonical, i) => ({
  id: String(10001 + i),
  name: STATUS_NAMES[canonical].fr,
  canonical,
  category: categoryOf(canonical),
}));

export const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;

export const RESOLUTIONS = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this request.' },
  { id: '10001', name: 'Consulting', description: 'The request was a consulting need.' },
] as const;

export const PROJECT = { id: '10000', key: 'SUP', name: 'Support', projectTypeKey: 'service_desk' } as const;
export const SERVICE_DESK = {
  id: '1',
  projectId: PROJECT.id,
  projectKey: PROJECT.key,
  projectName: PROJECT.name,
} as const;
export const ISSUE_TYPE = { id: '10004', name: 'Service request', subtask: false, hierarchyLevel: 0 } as const;
export const REQUEST_TYPE = {
  id: '1',
  name: 'Demande de support',
  description: 'Ask the support team for help',
  serviceDeskId: SERVICE_DESK.id,
} as const;

/** JSM's customer transition that reopens a resolved or closed request (back to in_progress). */
export const REOPEN_TRANSITION = { id: '901', name: 'Rouvrir' } as const;

/**
 * The status with this id, or undefined.
 * @example statusById('10002')?.canonical //=> 'in_progress'
 */
export function statusById(id: string): SiteStatusDef | undefined {
  return STATUSES.find((s) => s.id === id);
}

/**
 * The status a canonical key is named after on this site.
 * @example statusOf('closed').name //=> 'Fermée'
 */
export function statusOf(canonical: CanonicalStatus): SiteStatusDef {
  return STATUSES.find((s) => s.canonical === canonical)!;
}

/**
 * A status by its id or by its name (case-insensitive), as JQL and the REST API accept either.
 * @example findStatus('en cours')?.id //=> '10002'
 */
export function findStatus(idOrName: string): SiteStatusDef | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return STATUSES.find((s) => s.id === wanted || s.name.toLowerCase() === wanted);
}

/**
 * The agent transition into a status: one per target status, id `<target index + 1>1` (11, 21, ... 71).
 * @example transitionInto(statusOf('in_progress')).id //=> '21'
 */
export function transitionInto(status: SiteStatusDef): { id: string; name: string } {
  return { id: `${STATUSES.indexOf(status) + 1}1`, name: status.name };
}

/**
 * A resolution by id or name (case-insensitive).
 * @example findResolution({ name: 'consulting' })?.id //=> '10001'
 */
export function findResolution(ref: { id?: unknown; name?: unknown }): (typeof RESOLUTIONS)[number] | undefined {
  return RESOLUTIONS.find(
    (r) => r.id === String(ref.id) || (typeof ref.name === 'string' && r.name.toLowerCase() === ref.name.toLowerCase()),
  );
}

/**
 * A priority by id or name (case-insensitive).
 * @example findPriority({ name: 'High' })?.id //=> '2'
 */
export function findPriority(ref: { id?: unknown; name?: unknown }): (typeof PRIORITIES)[number] | undefined {
  return PRIORITIES.find(
    (p) => p.id === String(ref.id) || (typeof ref.name === 'string' && p.name.toLowerCase() === ref.name.toLowerCase()),
  );
}

/** True when a status is resolved or closed (a resolution is set there). */
export function isDoneStatus(status: SiteStatusDef): boolean {
  return DONE_STATUSES.has(status.canonical);
}
