import Resolver from '@forge/resolver';

// STUB (issue #7): each resolver answers a placeholder until its issue fills it in.
function placeholder(name: string) {
  const resolver = new Resolver();
  resolver.define('ping', () => ({ resolver: name, implemented: false }));
  return resolver.getDefinitions();
}

export const issuePanelResolver = placeholder('issue-panel');
export const portalResolver = placeholder('portal');
export const adminResolver = placeholder('admin');
