/**
 * Reads an export file's bytes (GET /rest/api/3/issue/{key}?expand=changelog, a list of them, or a search
 * result) into the part of its JSON value that the `sla` command reads, without building the rest.
 *
 * The bytes are checked as UTF-8 (Node's `isUtf8`), then read by a WebAssembly module (AssemblyScript sources in
 * assembly/): it checks them as JSON (refusing what JSON.parse refuses) and writes a JSON text of its own
 * holding only what the SLA reads, copied from the export as it stands, which JSON.parse then reads: an
 * issue's `key`, `id`, `names`, `schema`, `fields` (its `created`, `status`, `priority`, and the lists that may
 * be organizations, other values there written null), `changelog` (`histories`, each with its `id`, `created` and
 * `items`, and `total`); each issue of a list or of a search result. A key given twice is copied twice, so JSON.parse
 * keeps its last value at its first place, as it does in the export. The details are in
 * assembly/read-export.ts.
 *
 * It returns undefined when the caller must decode the text and give it all to JSON.parse, whose value or error
 * message the user then gets: bytes that are not UTF-8 or not JSON, files over 4 MiB, and shapes the module leaves
 * to JSON.parse (an escaped key where it looks members up, a `fields` that is not an object...).
 *
 * The module is compiled by scripts/build-cli.mjs: the `sla` bundle carries it (base64, as JSON_SCAN_WASM); code
 * run from the sources (tests) has the script build it into build/cli/read-export.wasm when stale. It is
 * instantiated once per process, synchronously: WebAssembly is compiled at once, without the interpreted first
 * runs of JavaScript.
 */
import { isUtf8 } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by scripts/build-cli.mjs in the bundle: the module's WebAssembly, base64. */
declare const JSON_SCAN_WASM: string | undefined;

interface Reader {
  memory: WebAssembly.Memory;
  init(table: number): void;
  tableBytes(): number;
  read(input: number, length: number, stack: number, maxDepth: number, tape: number, output: number): number;
  check(input: number, length: number, stack: number, maxDepth: number, tape: number): number;
}

/** Deeper documents are left to JSON.parse. */
const MAX_DEPTH = 4_096;
/**
 * Larger files are left to JSON.parse: the module's memory takes ~21 bytes per byte of the file (the input, its
 * tape, the output) and keeps them for the process.
 */
const MAX_BYTES = 4 * 1024 * 1024;
const PAGE = 65_536;
/** The module's memory: 64 KiB left to it; the table of key names; the stack of open containers; the input... */
const TABLE = 65_536;

let reader: { exports: Reader; stack: number; input: number } | undefined;

function wasmBytes(): Uint8Array<ArrayBuffer> {
  if (typeof JSON_SCAN_WASM === 'string') return new Uint8Array(Buffer.from(JSON_SCAN_WASM, 'base64'));
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), '--wasm-only'], { stdio: 'inherit' });
  return new Uint8Array(readFileSync(join(root, 'build', 'cli', 'read-export.wasm')));
}

function theReader(): NonNullable<typeof reader> {
  if (reader === undefined) {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(wasmBytes()), {}).exports as unknown as Reader;
    const stack = TABLE + exports.tableBytes();
    const input = stack + MAX_DEPTH * 4;
    if (exports.memory.buffer.byteLength < input) exports.memory.grow(Math.ceil(input / PAGE));
    exports.init(TABLE);
    reader = { exports, stack, input };
  }
  return reader;
}

/** The module's memory with `bytes` copied in, and where its tape and output go. */
function load(bytes: Buffer): {
  exports: Reader;
  memory: Buffer;
  stack: number;
  input: number;
  tape: number;
  output: number;
} {
  const { exports, stack, input } = theReader();
  const { length } = bytes;
  // The input, 16 bytes (read past its end), the tape (16 bytes for each byte and one more), the output.
  const tape = (input + length + 16 + 15) & ~15;
  const output = tape + (length + 1) * 16;
  const needed = output + length * 4 + 64;
  if (exports.memory.buffer.byteLength < needed)
    exports.memory.grow(Math.ceil((needed - exports.memory.buffer.byteLength) / PAGE));
  const memory = Buffer.from(exports.memory.buffer);
  bytes.copy(memory, input);
  return { exports, memory, stack, input, tape, output };
}

/**
 * Whether bytes are one JSON text as JSON.parse reads them (UTF-8 aside), as the module checks them: nesting
 * deeper than 4,096 levels is refused.
 * @example isJsonText(Buffer.from('{"a":[1,2]}')) //=> true
 */
export function isJsonText(bytes: Buffer): boolean {
  const { exports, stack, input, tape } = load(bytes);
  return exports.check(input, bytes.length, stack, MAX_DEPTH, tape) !== 0;
}

/**
 * What the `sla` command reads of an export's bytes (see the module's header), or undefined when the caller must
 * decode the text and use JSON.parse.
 * @example readExport(Buffer.from('{"key":"SUP-1","fields":{"status":{"name":"Résolu"},"summary":"…"}}')) //=> { key: 'SUP-1', fields: { status: { name: 'Résolu' } } }
 */
export function readExport(bytes: Uint8Array): unknown {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length > MAX_BYTES || !isUtf8(buffer)) return undefined;
  const { exports, memory, stack, input, tape, output } = load(buffer);
  const written = exports.read(input, buffer.length, stack, MAX_DEPTH, tape, output);
  if (written < 0) return undefined;
  // ASCII: characters above U+007F are escaped.
  return JSON.parse(memory.toString('latin1', output, output + written));
}
