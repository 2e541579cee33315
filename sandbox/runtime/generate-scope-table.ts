/**
 * Regenerates sandbox/runtime/jira-scopes.json from Atlassian's Jira platform OpenAPI spec: for each operation,
 * the scope sets that allow it (each `x-atlassian-oauth2-scopes` entry whose state is Current or Beta: the
 * classic scopes and the granular ones). Run when the spec changes:
 *   npx tsx sandbox/runtime/generate-scope-table.ts ../shared/reference/jira-platform-openapi.v3.json
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

interface ScopeEntry {
  scopes?: string[];
  state?: string;
}

const specFile = process.argv[2];
if (!specFile) throw new Error('usage: tsx sandbox/runtime/generate-scope-table.ts <jira-platform-openapi.v3.json>');
const spec = JSON.parse(readFileSync(specFile, 'utf8')) as {
  paths: Record<string, Record<string, { 'x-atlassian-oauth2-scopes'?: ScopeEntry[] }>>;
};
const table: Record<string, string[][]> = {};
for (const [path, operations] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(operations)) {
    const entries = operation['x-atlassian-oauth2-scopes'] ?? [];
    const sets = entries.filter((e) => e.state === 'Current' || e.state === 'Beta').map((e) => e.scopes ?? []);
    if (sets.length) table[`${method.toUpperCase()} ${path}`] = sets;
  }
}
writeFileSync(join(__dirname, 'jira-scopes.json'), JSON.stringify(table, null, 0).replace(/\],"/g, '],\n"') + '\n');
console.log(`${Object.keys(table).length} operations`);
