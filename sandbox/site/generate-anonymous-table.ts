/**
 * Regenerates sandbox/site/anonymous-operations.json from Atlassian's Jira platform OpenAPI spec: the operations
 * whose description says "This operation can be accessed anonymously" (a call without credentials is answered as
 * an anonymous user: without permissions, so what needs one is hidden). Run when the spec changes:
 *   npx tsx sandbox/site/generate-anonymous-table.ts ../shared/reference/jira-platform-openapi.v3.json
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { anonymousOperations } from './anonymous';

const specFile = process.argv[2];
if (!specFile) throw new Error('usage: tsx sandbox/site/generate-anonymous-table.ts <jira-platform-openapi.v3.json>');
const operations = anonymousOperations(JSON.parse(readFileSync(specFile, 'utf8')));
writeFileSync(
  join(__dirname, 'anonymous-operations.json'),
  JSON.stringify(operations, null, 0).replace(/","/g, '",\n"') + '\n',
);
console.log(`${operations.length} operations`);
