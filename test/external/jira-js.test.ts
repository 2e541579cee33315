/**
 * A check from outside the project: a request's life driven through jira.js v6 (a widely used client whose
 * response schemas come from Atlassian's OpenAPI specs) with `onSchemaMismatch: 'throw'`
 * (https://mrrefactoring.github.io/jira.js/guide/response-validation: "'throw' — raise SchemaMismatchError",
 * "'throw' belongs in tests"), against the sandbox: no answer may differ from Jira Cloud's schemas. jira.js is ESM
 * only, so the life runs as its own Node process (jira-js-life.mjs), which first proves on a lying server that a
 * mismatch does throw.
 */
import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
}, 60_000);
afterAll(async () => sandbox?.close());

it("drives a request's life through jira.js with onSchemaMismatch 'throw': no schema mismatch", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'jira-js-life.mjs'), sandbox.url], {
    cwd: join(__dirname, '..', '..'),
    timeout: 120_000,
  });
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('ok control: a mismatching answer throws SchemaMismatchError');
  expect(lines.filter((l) => l.startsWith('ok ')).length).toBeGreaterThanOrEqual(25);
  expect(lines.at(-1)).toMatch(/^done 24 calls on SUP-\d+$/);
}, 180_000);
