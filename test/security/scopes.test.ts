import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { parse } from 'yaml';
import { findRestCalls, scopesFor, sourceFiles } from '../support/rest-calls';

const manifest = parse(readFileSync('manifest.yml', 'utf8'));
const declared: string[] = [...manifest.permissions.scopes].sort();
const calls = findRestCalls('src').map(scopesFor);

/** Scopes needed besides REST calls: product events need read:jira-work (@forge/manifest's mapping); kvs needs storage:app. */
function platformScopes(): string[] {
  const mappingFile = join(
    dirname(require.resolve('@forge/manifest')),
    'mapping',
    'product-event-to-scope-mapping.json',
  );
  const mapping = JSON.parse(readFileSync(mappingFile, 'utf8')).mapping as Array<{
    productEvent: string;
    oAuthScopes: { current: string[] };
  }>;
  const events: string[] = manifest.modules.trigger.flatMap((t: { events: string[] }) => t.events);
  const scopes = events.flatMap((e) => mapping.find((m) => m.productEvent === e)?.oAuthScopes.current ?? []);
  const usesStorage = sourceFiles('src').some((file) => readFileSync(file, 'utf8').includes("from '@forge/kvs'"));
  return [...scopes, ...(usesStorage ? ['storage:app'] : [])];
}

describe('OAuth scopes', () => {
  it('finds the REST calls the app makes', () => {
    expect(calls.length).toBeGreaterThan(3);
  });

  // One line per call the code makes, with the scopes the spec asks for it: the list a reviewer reads.
  it.each(
    calls.map((c) => [`${c.method} ${c.path}`, c.file, (c.scopes ?? ['unknown']).join(', ') || 'no scope', c] as const),
  )('%s (%s) needs %s', (_name, _file, _scopes, call) => {
    expect({ call: `${call.method} ${call.path}`, file: call.file, known: call.scopes !== null }).toEqual({
      call: `${call.method} ${call.path}`,
      file: call.file,
      known: true,
    });
  });

  it('declares exactly the scopes the code needs, no more', () => {
    const needed = [...new Set([...calls.flatMap((c) => c.scopes ?? []), ...platformScopes()])].sort();
    expect(declared).toEqual(needed);
  });

  it('asks for no admin scope and no egress', () => {
    expect(declared).not.toContain('manage:jira-configuration');
    expect(manifest.permissions.external).toBeUndefined();
  });
});
