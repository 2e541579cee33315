/**
 * The site's fixed configuration, with Jira's ids and shapes: three company-managed projects and their
 * workflows, the global statuses they use, issue types, priorities, resolutions, and the two service desks.
 *
 * - SUP "Support" (service_desk): the rules' workflow with the French names of DESIGN.md section 1;
 * - IT "IT Help" (service_desk): JSM's own English workflow (Waiting for support, In Progress, Waiting for
 *   customer, Pending, Resolved, Closed), so that the same canonical status has another id and name there;
 * - DEV "Platform Engineering" (software): To Do, In Progress, Done, Closed.
 *
 * Statuses are global, as in company-managed projects: IT and DEV share "In Progress" (id 3) and "Closed"
 * (id 6), so a status id alone does not tell which project an issue is in.
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
  category: StatusCategory;
  /** The rules' status this one is named after (SUP's workflow only). */
  canonical?: CanonicalStatus;
}

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  subtask: false;
  hierarchyLevel: 0;
}

export type ProjectTypeKey = 'service_desk' | 'software';

export interface SiteProject {
  id: string;
  key: string;
  name: string;
  description: string;
  projectTypeKey: ProjectTypeKey;
  /** The project lead's account. */
  leadAccountId: string;
  /** The workflow's statuses; the first is where a new issue starts. */
  statuses: readonly SiteStatusDef[];
  issueTypes: readonly IssueTypeDef[];
  /** JSM projects: their service desk, request type and the customer transition that reopens a request. */
  serviceDesk?: {
    id: string;
    requestType: { id: string; name: string; description: string };
    reopen: { id: string; name: string; toStatusId: string };
  };
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

/** SUP's workflow: ids 10001.. in the order of DESIGN.md section 1, French names. */
export const STATUSES: readonly SiteStatusDef[] = CANONICAL_STATUSES.map((canonical, i) => ({
  id: String(10001 + i),
  name: STATUS_NAMES[canonical].fr,
  canonical,
  category: categoryOf(canonical),
}));

const status = (id: string, name: string, category: StatusCategory['key']): SiteStatusDef => ({
  id,
  name,
  category: CATEGORIES[category],
});
const IN_PROGRESS = status('3', 'In Progress', 'indeterminate');
const CLOSED = status('6', 'Closed', 'done');

/** IT's workflow (JSM's default English names). */
const IT_STATUSES: readonly SiteStatusDef[] = [
  status('10102', 'Waiting for support', 'new'),
  IN_PROGRESS,
  status('10103', 'Waiting for customer', 'indeterminate'),
  status('10104', 'Pending', 'indeterminate'),
  status('5', 'Resolved', 'done'),
  CLOSED,
];

/** DEV's workflow (Jira Software's). */
const DEV_STATUSES: readonly SiteStatusDef[] = [
  status('10100', 'To Do', 'new'),
  IN_PROGRESS,
  status('10101', 'Done', 'done'),
  CLOSED,
];

const issueType = (id: string, name: string, description: string): IssueTypeDef => ({
  id,
  name,
  description,
  subtask: false,
  hierarchyLevel: 0,
});
const SERVICE_REQUEST = issueType('10004', 'Service request', 'A request raised through the customer portal.');

export const PROJECTS: readonly SiteProject[] = [
  {
    id: '10000',
    key: 'SUP',
    name: 'Support',
    description: 'The support desk of DESIGN.md: its customers, its workflow, its rules.',
    projectTypeKey: 'service_desk',
    leadAccountId: 'sandbox-team-lead',
    statuses: STATUSES,
    issueTypes: [SERVICE_REQUEST],
    serviceDesk: {
      id: '1',
      requestType: { id: '1', name: 'Demande de support', description: 'Ask the support team for help' },
      reopen: { id: '901', name: 'Rouvrir', toStatusId: STATUSES.find((s) => s.canonical === 'in_progress')!.id },
    },
  },
  {
    id: '10010',
    key: 'IT',
    name: 'IT Help',
    description: 'Internal IT requests, on JSM’s default workflow.',
    projectTypeKey: 'service_desk',
    leadAccountId: 'sandbox-agent-2',
    statuses: IT_STATUSES,
    issueTypes: [SERVICE_REQUEST, issueType('10005', 'Incident', 'An unplanned interruption of a service.')],
    serviceDesk: {
      id: '2',
      requestType: { id: '2', name: 'Get IT help', description: 'Ask the IT team for help' },
      reopen: { id: '901', name: 'Reopen', toStatusId: IN_PROGRESS.id },
    },
  },
  {
    id: '10020',
    key: 'DEV',
    name: 'Platform Engineering',
    description: 'The engineering team’s backlog (Jira Software).',
    projectTypeKey: 'software',
    leadAccountId: 'sandbox-agent-1',
    statuses: DEV_STATUSES,
    issueTypes: [
      issueType('10006', 'Task', 'A small, distinct piece of work.'),
      issueType('10007', 'Bug', 'A problem or error.'),
      issueType('10008', 'Story', 'Functionality or a feature expressed as a user goal.'),
    ],
  },
];

/** Every status of the site, once, in the order of the projects' workflows. */
export const ALL_STATUSES: readonly SiteStatusDef[] = [
  ...new Map(PROJECTS.flatMap((p) => p.statuses).map((s) => [s.id, s])).values(),
];

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

/** SUP, the rules' service project. */
export const PROJECT = {
  id: PROJECTS[0]!.id,
  key: PROJECTS[0]!.key,
  name: PROJECTS[0]!.name,
  projectTypeKey: PROJECTS[0]!.projectTypeKey,
} as const;
export const ISSUE_TYPE = SERVICE_REQUEST;

/** JSM's customer transition that reopens a resolved or closed SUP request (back to in_progress). */
export const REOPEN_TRANSITION = { id: '901', name: 'Rouvrir' } as const;

/**
 * The project with this key or id (case-sensitive, as the REST API's projectIdOrKey), or undefined.
 * @example findProject('IT')?.name //=> 'IT Help'
 */
export function findProject(idOrKey: string): SiteProject | undefined {
  return PROJECTS.find((p) => p.key === idOrKey || p.id === idOrKey);
}

/**
 * The project an issue key belongs to.
 * @example projectByKey('DEV').projectTypeKey //=> 'software'
 */
export function projectByKey(key: string): SiteProject {
  const project = PROJECTS.find((p) => p.key === key);
  if (!project) throw new Error(`No project ${key} on the sandbox site`);
  return project;
}

/**
 * The service desk with this id, and its project.
 * @example findServiceDesk('2')?.key //=> 'IT'
 */
export function findServiceDesk(id: string): SiteProject | undefined {
  return PROJECTS.find((p) => p.serviceDesk?.id === id);
}

/**
 * The status with this id, or undefined.
 * @example statusById('10002')?.canonical //=> 'in_progress'
 */
export function statusById(id: string): SiteStatusDef | undefined {
  return ALL_STATUSES.find((s) => s.id === id);
}

/**
 * SUP's status named after a canonical key.
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
  return ALL_STATUSES.find((s) => s.id === wanted || s.name.toLowerCase() === wanted);
}

/**
 * The agent transition into a status of a project's workflow: one per target status, id
 * `<position in the workflow>1` (11, 21, ...).
 * @example transitionInto(statusOf('in_progress')).id //=> '21'
 */
export function transitionInto(
  status: SiteStatusDef,
  project: SiteProject = PROJECTS[0]!,
): { id: string; name: string } {
  const index = project.statuses.findIndex((s) => s.id === status.id);
  if (index < 0) throw new Error(`Status ${status.name} is not in ${project.key}'s workflow`);
  return { id: `${index + 1}1`, name: status.name };
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

/** True when a status is in the done category (a resolution is set there). */
export function isDoneStatus(status: SiteStatusDef): boolean {
  return status.category.key === 'done';
}
