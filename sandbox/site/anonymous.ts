/**
 * Calls without credentials, as Jira Cloud answers them: an operation whose reference says "This operation can be
 * accessed anonymously" is answered for an anonymous user, who holds no permission (no issue, project, user or
 * group is visible to them: reads answer 404 or empty lists); any other operation answers 401. The table of those
 * operations (anonymous-operations.json) is generated from Atlassian's OpenAPI spec by generate-anonymous-table.ts.
 * JSM's REST API (/rest/servicedeskapi) is not in that spec: the sandbox answers it 401 without credentials.
 */
import table from './anonymous-operations.json';

const ANONYMOUS_PHRASE = 'This operation can be accessed anonymously';

/**
 * The operations ("METHOD /path/{template}") a spec says can be accessed anonymously, sorted.
 * @example anonymousOperations(spec).includes('GET /rest/api/3/issue/{issueIdOrKey}') //=> true
 */
export function anonymousOperations(spec: {
  paths: Record<string, Record<string, { description?: string } | unknown>>;
}): string[] {
  const found: string[] = [];
  for (const [path, operations] of Object.entries(spec.paths))
    for (const [method, operation] of Object.entries(operations)) {
      const description = (operation as { description?: unknown } | null)?.description;
      if (typeof description === 'string' && description.includes(ANONYMOUS_PHRASE))
        found.push(`${method.toUpperCase()} ${path}`);
    }
  return found.sort();
}

const PATTERNS = (table as string[]).map((operation) => {
  const [method, template] = operation.split(' ') as [string, string];
  const segments = template.split('/');
  return {
    method,
    literal: segments.filter((s) => !s.startsWith('{')).length,
    pattern: new RegExp(
      `^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
    ),
  };
});

/**
 * True when Jira answers this call without credentials (as an anonymous user) rather than with a 401.
 * @example allowsAnonymous('GET', '/rest/api/3/issue/SUP-1?fields=status') //=> true
 * @example allowsAnonymous('GET', '/rest/api/3/myself') //=> false
 */
export function allowsAnonymous(method: string, url: string): boolean {
  const path = url.split('?')[0]!.replace(/\/+$/, '');
  return PATTERNS.some((p) => p.method === method.toUpperCase() && p.pattern.test(path));
}
