/**
 * The Forge context of a Custom UI module as Jira gives it to `view.getContext()` and to its resolver:
 * the extension (issue and project for the issue panel, the request for the portal modules), the viewer's
 * locale and time zone, the theme.
 */
import type { AccountKind, UiModule } from '../runtime/manifest';

export interface ShownIssue {
  id: string;
  key: string;
  typeId: string;
  typeName: string;
  projectId: string;
  projectKey: string;
  projectType: string;
}

/** The project a project-level module (a queue page, a project page) is shown in. */
export interface ShownProject {
  id: string;
  key: string;
  /** Jira's projectTypeKey: service_desk, software, business. */
  type: string;
}

export interface Viewer {
  accountId: string;
  /** The kind of user for Forge (licensed, customer, ...); licensed when not said. */
  accountType?: AccountKind;
  /** Jira's form: fr_FR, en_US. */
  locale: string;
  timeZone: string;
}

/**
 * The context of `module` shown to `viewer` (on `issue` for issue and portal modules).
 * @example uiContext(panel, viewer, issue, 'dark', 'http://127.0.0.1:3000').extension.issue.key //=> 'SUP-1'
 */
export function uiContext(
  module: UiModule,
  viewer: Viewer,
  issue: ShownIssue | undefined,
  theme: 'light' | 'dark',
  siteUrl: string,
  project?: ShownProject,
): Record<string, unknown> {
  return {
    moduleKey: module.key,
    localId: `${module.key}-${issue?.key ?? project?.key ?? 'page'}`,
    accountId: viewer.accountId,
    accountType: viewer.accountType ?? 'licensed',
    cloudId: 'sandbox-cloud-0000',
    siteUrl,
    environmentType: 'DEVELOPMENT',
    locale: viewer.locale.replace('_', '-'),
    timezone: viewer.timeZone,
    theme: { colorMode: theme },
    extension: project ? projectExtension(module, project, siteUrl) : extensionOf(module, issue),
  };
}

function extensionOf(module: UiModule, issue: ShownIssue | undefined): Record<string, unknown> {
  if (!issue) return { type: module.type };
  if (module.type.startsWith('jiraServiceManagement:')) {
    return { type: module.type, request: { key: issue.key, typeId: issue.typeId }, portal: { id: 1 } };
  }
  return {
    type: module.type,
    issue: { id: issue.id, key: issue.key, type: issue.typeName, typeId: issue.typeId },
    project: { id: issue.projectId, key: issue.projectKey, type: issue.projectType },
    isNewToIssue: false,
  };
}

/**
 * The extension of a module shown in a project: a JSM queue page gets the project's id and key and the page's
 * location (as @forge/bridge's own context definition of `jiraServiceManagement:queuePage` has it:
 * `{ type, project: { id, key }, location }`, the page at /jira/servicedesk/projects/{projectKey}/queues/apps/…,
 * "Jira Service Management queue page", developer.atlassian.com/platform/forge/manifest-reference/modules/
 * jira-service-management-queue-page/); a project page the project's id, key and type ("Jira project page").
 */
function projectExtension(module: UiModule, project: ShownProject, siteUrl: string): Record<string, unknown> {
  if (module.type === 'jiraServiceManagement:queuePage')
    return {
      type: module.type,
      project: { id: project.id, key: project.key },
      location: `${siteUrl}/jira/servicedesk/projects/${project.key}/queues/apps/${module.key}`,
    };
  return { type: module.type, project: { id: project.id, key: project.key, type: project.type } };
}

/**
 * True when the module's display conditions hold on `issue`, or in `project` for a project page ("Display conditions",
 * https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/: Jira renders the module
 * only then). The sandbox evaluates `projectType`, `projectKey` and `issueType` (a value or a list); a module with
 * any other condition is not rendered, so a condition the sandbox cannot judge never shows a module by mistake.
 * @example displayed({ ...panel, displayConditions: { projectType: 'service_desk' } }, softwareIssue) //=> false
 */
export function displayed(module: UiModule, issue: ShownIssue | undefined, project?: ShownProject): boolean {
  const values: Record<string, string | undefined> = {
    projectType: issue?.projectType ?? project?.type,
    projectKey: issue?.projectKey ?? project?.key,
    issueType: issue?.typeName,
  };
  return Object.entries(module.displayConditions).every(([name, wanted]) => {
    if (!(name in values)) return false;
    const allowed = Array.isArray(wanted) ? wanted.map(String) : [String(wanted)];
    return values[name] !== undefined && allowed.includes(values[name]!);
  });
}
