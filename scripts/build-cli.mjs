#!/usr/bin/env node
// Bundles the `sla` command (src/cli/sla.ts and all it imports, packages included) into one CommonJS file,
// build/cli/sla.cjs, with esbuild, so that it starts as plain JavaScript without a TypeScript loader.
// First compiles the command's export reader (assembly/read-export.ts and json-scan.ts, AssemblyScript) to
// WebAssembly, build/cli/read-export.wasm, when it is older than its sources; the bundle carries it as base64
// (JSON_SCAN_WASM).
// With --if-stale, does nothing while the bundle is newer than every file it was built from (listed in
// build/cli/sla.inputs.json). With --wasm-only, only compiles the scanner when stale (for the code run from the
// sources: src/cli/read-export.ts). Every output is written beside and renamed, so a reader (another build, a test
// running the command at the same time) never sees half of one.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build', 'cli', 'sla.cjs');
const INPUTS = join(ROOT, 'build', 'cli', 'sla.inputs.json');
const WASM_SOURCES = ['assembly/read-export.ts', 'assembly/json-scan.ts'];
const WASM = join(ROOT, 'build', 'cli', 'read-export.wasm');
const SELF = fileURLToPath(import.meta.url);

/** Compiles the reader unless its WebAssembly is newer than its sources and this script. */
async function buildWasm() {
  try {
    const built = statSync(WASM).mtimeMs;
    if ([...WASM_SOURCES.map((source) => join(ROOT, source)), SELF].every((file) => statSync(file).mtimeMs <= built))
      return;
  } catch {
    // Not built yet.
  }
  mkdirSync(dirname(WASM), { recursive: true });
  const part = `${WASM}.${process.pid}.part`;
  const { default: asc } = await import('assemblyscript/asc');
  // The stub runtime: the reader allocates nothing. SIMD: 16 bytes of a string at a time (Node 20+ has it).
  const { error, stderr } = await asc.main([
    WASM_SOURCES[0],
    '--outFile',
    part,
    '-O3',
    '--runtime',
    'stub',
    '--noAssert',
    '--enable',
    'simd',
    '--baseDir',
    ROOT,
  ]);
  if (error) {
    process.stderr.write(stderr.toString());
    throw error;
  }
  renameSync(part, WASM);
}

if (process.argv.includes('--wasm-only')) {
  await buildWasm();
  process.exit(0);
}

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
  await buildWasm();
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
    define: { JSON_SCAN_WASM: JSON.stringify(readFileSync(WASM).toString('base64')) },
    logLevel: 'warning',
  });
  const inputs = [...Object.keys(result.metafile.inputs), 'scripts/build-cli.mjs', ...WASM_SOURCES];
  writeFileSync(`${INPUTS}.${process.pid}.part`, JSON.stringify(inputs));
  renameSync(`${INPUTS}.${process.pid}.part`, INPUTS);
  renameSync(part, OUT);
}
