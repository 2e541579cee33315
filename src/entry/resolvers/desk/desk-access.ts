/**
 * Who may see the desk's pages (the at-risk queue, the SLA report): the agents of the service project the page
 * is shown on, asked of Jira as the caller (`SERVICEDESK_AGENT` on the project). Customers never reach them: Jira
 * does not render these modules for them, and the check refuses them all the same.
 */
import type { Config } from '../../../domain/config';
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
    const project = (req.context.extension as { project?: { key?: unknown } } | undefined)?.project;
    const projectKey = typeof project?.key === 'string' ? project.key : '';
    if (!PROJECT_KEY.test(projectKey)) return fail(400, 'no_project', t.noProject);
    if (!(await hasProjectPermission(projectKey, 'SERVICEDESK_AGENT'))) return fail(403, 'agents_only', t.agentsOnly);
    return work({ ...caller, projectKey }, config);
  });
}
