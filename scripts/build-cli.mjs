#!/usr/bin/env node
// Bundles the `sla` command (src/cli/sla.ts and all it imports, packages included) into one CommonJS file,
// build/cli/sla.cjs, with esbuild, so that it starts as plain JavaScript without a TypeScript loader.
// With --if-stale, does nothing while the bundle is newer than every file it was built from (listed in
// build/cli/sla.inputs.json). Both are written beside and renamed, so a reader (another build, a test running
// the command at the same time) never sees half of them.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build', 'cli', 'sla.cjs');
const INPUTS = join(ROOT, 'build', 'cli', 'sla.inputs.json');

function upToDate() {
  try {
    const built = statSync(OUT).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return inputs.every((input) => {
      const path = join(ROOT, input);
      return existsSync(path) && statSync(path).mtimeMs <= built;
    });
  } catch {
    // No bundle yet, or no list of its inputs: build.
    return false;
  }
}

if (!(process.argv.includes('--if-stale') && upToDate())) {
  mkdirSync(dirname(OUT), { recursive: true });
  const part = `${OUT}.${process.pid}.part`;
  // Imported here: loading esbuild costs more than checking that nothing changed.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/sla.ts'],
    outfile: part,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...Object.keys(result.metafile.inputs), 'scripts/build-cli.mjs'];
  writeFileSync(`${INPUTS}.${process.pid}.part`, JSON.stringify(inputs));
  renameSync(`${INPUTS}.${process.pid}.part`, INPUTS);
  renameSync(part, OUT);
}
