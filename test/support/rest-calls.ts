/**
 * Finds every Jira REST call the app's code makes (each `route\`...\`` in src/, with the HTTP method written
 * beside it) and the OAuth scopes Atlassian's OpenAPI spec asks for each.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

export interface RestCall {
  file: string;
  method: string;
  path: string;
}

export interface ScopedCall extends RestCall {
  operation: string | null;
  scopes: string[] | null;
}

const SPEC_FILE = join(__dirname, '..', '..', '..', 'shared', 'reference', 'jira-platform-openapi.v3.json');

/**
 * JSM's REST API (/rest/servicedeskapi) is not in the platform spec; its reference gives each operation's classic
 * scope under "OAuth 2.0 scopes required" (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/):
 * reads of a customer request, its comments, participants, status and customer transitions need
 * read:servicedesk-request; adding a comment, a participant or performing a customer transition needs
 * write:servicedesk-request. Listing organizations (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-organization/,
 * GET /rest/servicedeskapi/organization) needs read:servicedesk-request too. A call elsewhere in JSM's API fails
 * the "knows the operation" test until its documented scope is added here.
 */
const SERVICEDESK_SCOPES: Array<{ method: string; pattern: RegExp; scopes: string[] }> = [
  { method: 'GET', pattern: /^\/rest\/servicedeskapi\/request\/[^/]+$/, scopes: ['read:servicedesk-request'] },
  { method: 'GET', pattern: /^\/rest\/servicedeskapi\/organization$/, scopes: ['read:servicedesk-request'] },
  {
    method: 'GET',
    pattern: /^\/rest\/servicedeskapi\/request\/[^/]+\/(comment|transition|participant|status)$/,
    scopes: ['read:servicedesk-request'],
  },
  {
    method: 'POST',
    pattern: /^\/rest\/servicedeskapi\/request\/[^/]+\/(comment|transition|participant)$/,
    scopes: ['write:servicedesk-request'],
  },
];

/** The app's source files under `dir`, tests excluded. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every `route\`...\`` of the app's source, with the method found in the same call (GET when none is written).
 * Template parameters become `{}` placeholders; the query string is dropped.
 */
export function findRestCalls(root = 'src'): RestCall[] {
  const calls: RestCall[] = [];
  for (const file of sourceFiles(root)) {
    // Doc comments show calls as examples: only code counts.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const re = /route`([^`]*)`/g;
    let match: RegExpExecArray | null;
    while ((match = re.exec(text))) {
      const rawPath = match[1]!;
      // The method is written in the options object of the same call: look until the call's closing parenthesis.
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 400);
      const end = closingParen(after);
      const method = /method:\s*'(GET|POST|PUT|DELETE|PATCH)'/.exec(after.slice(0, end))?.[1] ?? 'GET';
      const path = rawPath.replace(/\$\{[^}]*\}/g, '{}').split('?')[0]!;
      calls.push({ file, method, path });
    }
  }
  return calls;
}

function closingParen(text: string): number {
  let depth = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

let spec:
  | {
      paths: Record<
        string,
        Record<
          string,
          { operationId?: string; 'x-atlassian-oauth2-scopes'?: Array<{ scopes: string[]; state: string }> }
        >
      >;
    }
  | undefined;

/**
 * The spec operation behind a call and its classic ("Current") scopes; null when the spec has no such operation.
 */
export function scopesFor(call: RestCall): ScopedCall {
  if (call.path.startsWith('/rest/servicedeskapi/')) {
    const entry = SERVICEDESK_SCOPES.find((s) => s.method === call.method && s.pattern.test(call.path));
    return {
      ...call,
      operation: entry ? `servicedesk ${call.method} ${call.path}` : null,
      scopes: entry?.scopes ?? null,
    };
  }
  spec ??= JSON.parse(readFileSync(SPEC_FILE, 'utf8'));
  for (const [template, methods] of Object.entries(spec!.paths)) {
    const pattern = new RegExp(
      '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+') + '$',
    );
    const concrete = call.path.replace(/\{\}/g, 'X');
    if (!pattern.test(concrete)) continue;
    const op = methods[call.method.toLowerCase()];
    if (!op) continue;
    const current = op['x-atlassian-oauth2-scopes']?.find((s) => s.state === 'Current');
    return { ...call, operation: op.operationId ?? template, scopes: current?.scopes ?? [] };
  }
  return { ...call, operation: null, scopes: null };
}
