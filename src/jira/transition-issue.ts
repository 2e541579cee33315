import { route } from '@forge/api';
import type { CanonicalStatus, StatusResolver } from '../domain/workflow';
import { requestJira, requestJiraJson, type Actor } from './client';

interface Transition {
  id: string;
  name: string;
  to?: { id?: string; name?: string };
}

export class NoTransitionError extends Error {
  constructor(
    readonly issueKey: string,
    readonly toStatus: CanonicalStatus,
    readonly available: string[],
  ) {
    super(`${issueKey}: no transition leads to "${toStatus}" (available: ${available.join(', ') || 'none'})`);
    this.name = 'NoTransitionError';
  }
}

/**
 * Moves an issue to the site status that maps onto `toStatus`, setting a resolution when given
 * (GET then POST /rest/api/3/issue/{key}/transitions).
 * @example await transitionIssue('SUP-1', 'closed', statusResolver(config.statusMapping), { resolution: 'Done' })
 */
export async function transitionIssue(
  issueKey: string,
  toStatus: CanonicalStatus,
  resolveStatus: StatusResolver,
  opts: { resolution?: string; as?: Actor } = {},
): Promise<void> {
  const { transitions } = await requestJiraJson<{ transitions: Transition[] }>(
    route`/rest/api/3/issue/${issueKey}/transitions`,
    { as: opts.as },
  );
  const transition = transitions.find((t) => t.to && resolveStatus(t.to) === toStatus);
  if (!transition)
    throw new NoTransitionError(
      issueKey,
      toStatus,
      transitions.map((t) => t.to?.name ?? t.name),
    );
  const body: Record<string, unknown> = { transition: { id: transition.id } };
  if (opts.resolution) body.fields = { resolution: { name: opts.resolution } };
  await requestJira(route`/rest/api/3/issue/${issueKey}/transitions`, { method: 'POST', body, as: opts.as });
}
