/**
 * Who may see the desk's pages (the at-risk queue, the SLA report): the agents of the service project the page
 * is shown on, asked of Jira as the caller (`SERVICEDESK_AGENT` on the project), when the rules apply to it
 * (`projects.keys`, service projects only). Customers never reach them: Jira does not render these modules for
 * them, and the check refuses them all the same.
 */
import type { Config } from '../../../domain/config';
import { appliesToProject, SERVICE_DESK } from '../../../domain/project-scope';
import { textsFor } from '../../../domain/texts';
import { hasProjectPermission } from '../../../jira/get-my-permissions';
import type { ResolverResult } from '../../../shared/contracts';
import { fail } from '../result';
import { resolveFor, type Caller, type ResolverRequest } from '../access';

/** A Jira project key. */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

export type DeskCaller = Caller & { projectKey: string };

/**
 * Runs a desk page's function for an agent of the project in the page's context, then `work`.
 * @example export const getAtRiskQueue = (req) => asDeskAgent(req, async (caller, config) => ok(...))
 */
export function asDeskAgent<T>(
  req: ResolverRequest,
  work: (caller: DeskCaller, config: Config) => Promise<ResolverResult<T>>,
): Promise<ResolverResult<T>> {
  return resolveFor(req, 'any', async (caller, config) => {
    const t = textsFor(caller.lang).refusals;
    const extension = req.context.extension as
      { type?: unknown; project?: { key?: unknown; type?: unknown } } | undefined;
    const project = extension?.project;
    const projectKey = typeof project?.key === 'string' ? project.key : '';
    if (!PROJECT_KEY.test(projectKey)) return fail(400, 'no_project', t.noProject);
    // A queue page is shown in a service project's queues only; a project page says the project's type.
    const projectTypeKey =
      extension?.type === 'jiraServiceManagement:queuePage' ? SERVICE_DESK : (project?.type as string | undefined);
    if (!appliesToProject({ key: projectKey, projectTypeKey }, config))
      return fail(400, 'out_of_scope', t.projectOutOfScope);
    if (!(await hasProjectPermission(projectKey, 'SERVICEDESK_AGENT'))) return fail(403, 'agents_only', t.agentsOnly);
    return work({ ...caller, projectKey }, config);
  });
}
