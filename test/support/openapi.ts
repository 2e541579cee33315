/**
 * Checks response bodies against Atlassian's Jira platform OpenAPI spec (reference/jira-platform-openapi.v3.json):
 * the spec is loaded once, the operation is found by method and concrete path, and its response schema for the
 * status is compiled with ajv (refs resolved by ajv from the spec's components).
 *
 * Two relaxations, as Jira itself behaves: additional properties are allowed everywhere (the spec says
 * `additionalProperties: false` on beans Jira extends), and a property may be null (the spec rarely says
 * `nullable`, yet Jira answers null for empty fields such as a changelog item's `from`).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';

const SPEC_FILE = join(__dirname, '..', '..', '..', 'shared', 'reference', 'jira-platform-openapi.v3.json');

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let loaded: { spec: Spec; ajv: Ajv; routes: Array<{ pattern: RegExp; template: string }> } | undefined;
const compiled = new Map<string, ValidateFunction>();

/** Makes a schema tolerant as described above; recursive over the whole spec. */
function relax(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relax);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = relax(value);
  }
  if (out.type !== undefined && typeof out.type === 'string') out.nullable = true;
  if (out.$ref !== undefined || out.allOf !== undefined)
    return out.$ref !== undefined ? { anyOf: [{ $ref: out.$ref }, { type: 'null' }] } : out;
  return out;
}

function load() {
  if (loaded) return loaded;
  const raw = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec;
  const spec = { ...raw, components: { schemas: relax(raw.components.schemas) as Record<string, unknown> } };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'jira', components: spec.components });
  // Longest literal templates first, so /issue/{id}/comment wins over /issue/{id}.
  const routes = Object.keys(raw.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(
        '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+') + '$',
      ),
    }))
    .sort((a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length);
  loaded = { spec: raw, ajv, routes };
  return loaded;
}

/** Rewrites the spec's local refs to the registered document. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `jira${value}` : rebase(value);
  }
  return out;
}

/**
 * The spec's operation for a method and a concrete path (query string ignored), or undefined.
 * @example findOperation('GET', '/rest/api/3/issue/SUP-1')?.operationId //=> 'getIssue'
 */
export function findOperation(method: string, path: string): { template: string; operation: Operation } | undefined {
  const { spec, routes } = load();
  const bare = path.split('?')[0]!;
  for (const route of routes) {
    if (!route.pattern.test(bare)) continue;
    const operation = spec.paths[route.template]![method.toLowerCase()];
    if (operation) return { template: route.template, operation };
  }
  return undefined;
}

/**
 * Validates a response body against the spec; returns the list of problems (empty when valid).
 * Throws when the spec has no such operation or no JSON schema for that status.
 * @example validateResponse('GET', '/rest/api/3/myself', 200, body) //=> []
 */
export function validateResponse(method: string, path: string, status: number, body: unknown): string[] {
  const found = findOperation(method, path);
  if (!found) throw new Error(`The Jira OpenAPI spec has no operation ${method} ${path}`);
  const cacheKey = `${method} ${found.template} ${status}`;
  let validate = compiled.get(cacheKey);
  if (!validate) {
    const schema = found.operation.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema || Object.keys(schema).length === 0)
      throw new Error(`The spec has no JSON response schema for ${status} of ${found.operation.operationId}`);
    const root = (schema as { $ref?: string }).$ref ? schema : relax(schema);
    validate = load().ajv.compile(rebase(root) as object);
    compiled.set(cacheKey, validate);
  }
  // The body itself is never null (the relaxed schemas would accept it).
  if (body === null || body === undefined) return ['/ the body is empty'];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
