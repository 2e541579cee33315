/**
 * Which requests the rules apply to: issues of Jira Service Management projects (project type `service_desk`),
 * and among them the projects the admin picked (`projects.keys`; none picked: every JSM project). A Software or
 * business project's issue gets nothing from the app: no email, no comment, no property, no transition.
 */
import type { Config } from './config';

/** A project as Jira describes it (`fields.project`: key and `projectTypeKey`). */
export interface ProjectRef {
  key?: string | null;
  projectTypeKey?: string | null;
}

/** JSM's project type key. */
export const SERVICE_DESK = 'service_desk';

/**
 * True when the rules apply to issues of `project`.
 * @example appliesToProject({ key: 'DEV', projectTypeKey: 'software' }, config) //=> false
 * @example appliesToProject({ key: 'SUP', projectTypeKey: 'service_desk' }, defaultConfig()) //=> true
 */
export function appliesToProject(project: ProjectRef | null | undefined, config: Pick<Config, 'projects'>): boolean {
  if (!project?.key || project.projectTypeKey !== SERVICE_DESK) return false;
  const keys = config.projects.keys;
  return keys.length === 0 || keys.includes(project.key);
}

/**
 * The JQL clause that keeps a search to the picked projects, or '' when every JSM project counts (the issues of
 * other projects are then left out by {@link appliesToProject} once read).
 * @example projectClause({ projects: { keys: ['SUP', 'IT'] } }) //=> 'project in ("SUP", "IT") AND '
 */
export function projectClause(config: Pick<Config, 'projects'>): string {
  const keys = config.projects.keys;
  return keys.length === 0 ? '' : `project in (${keys.map((k) => `"${k}"`).join(', ')}) AND `;
}
