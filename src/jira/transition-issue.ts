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
 * (GET then POST /rest/api/3/issue/{key}/transitions). With `from`, the move is made only while the issue is in one
 * of those statuses (its status and transitions read in one call: GET issue with `expand=transitions`): 'left' when
 * someone has moved it elsewhere since.
 * @example await transitionIssue('SUP-1', 'closed', statusResolver(config.statusMapping), { resolution: 'Done' }) //=> 'moved'
 */
export async function transitionIssue(
  issueKey: string,
  toStatus: CanonicalStatus,
  resolveStatus: StatusResolver,
  opts: { resolution?: string; as?: Actor; from?: readonly CanonicalStatus[] } = {},
): Promise<'moved' | 'left'> {
  let transitions: Transition[];
  if (opts.from) {
    const issue = await requestJiraJson<{
      fields?: { status?: { id?: string; name?: string } };
      transitions?: Transition[];
    }>(route`/rest/api/3/issue/${issueKey}?fields=status&expand=transitions`, { as: opts.as });
    const status = issue.fields?.status;
    const now = status ? resolveStatus({ id: status.id ?? null, name: status.name ?? null }) : undefined;
    if (!now || !opts.from.includes(now)) return 'left';
    transitions = issue.transitions ?? [];
  } else {
    ({ transitions } = await requestJiraJson<{ transitions: Transition[] }>(
      route`/rest/api/3/issue/${issueKey}/transitions`,
      { as: opts.as },
    ));
  }
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
  return 'moved';
}
