/**
 * Checks from outside the project, with Atlassian's own CLI packages (pinned: their entry points are internal to
 * the Forge CLI):
 * - `@forge/bundler` bundles src/index.ts as `forge deploy` does (its Node runtime bundler: webpack, ts-loader,
 *   target node), and the bundle, loaded, exports every handler manifest.yml names;
 * - `forge lint` reads tsconfig.json's `include` entries as file globs (@forge/cli-shared's
 *   listTSConfigIncludeExclude, then lints only the TypeScript files they match): every source file under src/ must
 *   be matched, or forge lint would skip it.
 */
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { FileSystemReader, listTSConfigIncludeExclude } from '@forge/cli-shared';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from 'yaml';

const REPO = resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const silent = { info: () => undefined, debug: () => undefined, trace: () => undefined, warn: () => undefined };
/** Forge's runtime wrapper comes from Atlassian's CDN at deploy time; the bundle itself does not need it. */
const noWrapper = {
  getNodeRuntimeWrapper: async () => ({ script: '', source: 'test', version: '0' }),
  getNodeRuntimeLoader: async () => ({ script: '', source: 'test', version: '0' }),
};

it('bundles src/index.ts with @forge/bundler, and the bundle exports every handler of the manifest', async () => {
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    const manifest = parse(readFileSync(join(REPO, 'manifest.yml'), 'utf8'));
    const bundler = getNodeBundler(silent as never, noWrapper, { readConfig: async () => manifest } as never);
    const output = await bundler.bundle({
      appDirectory: REPO,
      entryPoints: getEntryPoints([{ module: 'index' } as never]),
      i18nConfig: manifest.translations,
    });
    const bundle = (await import(join(output.outputDir, 'index.cjs'))) as Record<string, unknown>;
    const handlers: string[] = manifest.modules.function.map((f: { handler: string }) => f.handler);
    expect(handlers.length).toBeGreaterThan(0);
    for (const handler of handlers) {
      const [file, name] = handler.split('.');
      expect(file).toBe('index');
      expect(typeof bundle[name!]).toBe('function');
    }
  } finally {
    process.chdir(cwd);
  }
}, 300_000);

it("forge lint's reading of tsconfig.json covers every source file under src/", async () => {
  const cwd = process.cwd();
  process.chdir(REPO);
  try {
    const { include, exclude } = await listTSConfigIncludeExclude(new FileSystemReader());
    const included = new Set(include.map((p) => resolve(p)));
    const excluded = new Set(exclude.map((p) => resolve(p)));
    const missed = sourceFiles(join(REPO, 'src')).filter((f) => !included.has(f) || excluded.has(f));
    expect(missed).toEqual([]);
  } finally {
    process.chdir(cwd);
  }
});
