/**
 * A link to a request's issue view: Jira's own route (Forge's router, so the host page navigates, not the iframe).
 */
import type { MouseEvent } from 'react';
import { router } from '@forge/bridge';

export function RequestLink({ issueKey }: { issueKey: string }) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void router.navigate({ target: 'issue', issueKey }).catch(() => undefined);
  };
  return (
    <a href={`/browse/${issueKey}`} onClick={open} data-testid="request-link">
      {issueKey}
    </a>
  );
}
