/**
 * Scope enforcement as Forge does it: a product REST call is allowed only when the manifest's scopes hold one
 * of the scope sets its operation asks for (Jira platform: Atlassian's OpenAPI spec, through jira-scopes.json;
 * JSM: the scopes its REST documentation gives per operation). A call the manifest does not allow answers
 * 401 `{"code":401,"message":"Unauthorized; scope does not match"}`, as Atlassian's API gateway answers it.
 */
import jiraScopes from './jira-scopes.json';

/** JSM's REST API is not in the platform spec; its documentation gives these classic scopes. */
const SERVICEDESK_SCOPES: Record<string, string[][]> = {
  'GET /rest/servicedeskapi/request': [['read:servicedesk-request']],
  'POST /rest/servicedeskapi/request': [['write:servicedesk-request']],
  'GET /rest/servicedeskapi/request/{issueIdOrKey}': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/comment': [['read:servicedesk-request']],
  'POST /rest/servicedeskapi/request/{issueIdOrKey}/comment': [['write:servicedesk-request']],
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/transition': [['read:servicedesk-request']],
  'POST /rest/servicedeskapi/request/{issueIdOrKey}/transition': [['write:servicedesk-request']],
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/participant': [['read:servicedesk-request']],
  'POST /rest/servicedeskapi/request/{issueIdOrKey}/participant': [['write:servicedesk-request']],
  'GET /rest/servicedeskapi/request/{issueIdOrKey}/status': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/organization': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/organization/{organizationId}': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/organization/{organizationId}/user': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/servicedesk': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype': [['read:servicedesk-request']],
  'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization': [['read:servicedesk-request']],
};

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  scopeSets: string[][];
}

const OPERATIONS: Operation[] = Object.entries({ ...(jiraScopes as Record<string, string[][]>), ...SERVICEDESK_SCOPES })
  .map(([operation, scopeSets]) => {
    const [method, template] = operation.split(' ') as [string, string];
    const segments = template.split('/');
    const pattern = new RegExp(
      `^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
    );
    return { method, template, pattern, literalSegments: segments.filter((s) => !s.startsWith('{')).length, scopeSets };
  })
  // A literal segment wins over a parameter (/issue/picker before /issue/{issueIdOrKey}).
  .sort((a, b) => b.literalSegments - a.literalSegments);

/**
 * The REST operation a call maps to (its path template), if the sandbox knows it.
 * @example findOperation('GET', '/rest/api/3/issue/SUP-1?expand=changelog')?.template //=> '/rest/api/3/issue/{issueIdOrKey}'
 */
export function findOperation(method: string, url: string): { template: string; scopeSets: string[][] } | undefined {
  const path = url.split('?')[0]!.replace(/\/+$/, '');
  const upper = method.toUpperCase();
  return OPERATIONS.find((op) => op.method === upper && op.pattern.test(path));
}

/**
 * The scope check of one call: allowed, or the scope sets the operation would have needed.
 * An operation the sandbox does not know is let through (the site then answers it, or 404s).
 * @example checkScopes(['read:jira-work'], 'POST', '/rest/api/3/issue/SUP-1/comment') //=> { allowed: false, needed: [['write:jira-work'], [...]] }
 */
export function checkScopes(
  granted: readonly string[],
  method: string,
  url: string,
): { allowed: true } | { allowed: false; needed: string[][] } {
  const operation = findOperation(method, url);
  if (!operation) return { allowed: true };
  const have = new Set(granted);
  if (operation.scopeSets.some((set) => set.every((scope) => have.has(scope)))) return { allowed: true };
  return { allowed: false, needed: operation.scopeSets };
}

/** Atlassian's answer to a call whose scopes the app lacks. */
export const SCOPE_MISMATCH = {
  status: 401,
  body: { code: 401, message: 'Unauthorized; scope does not match' },
} as const;
