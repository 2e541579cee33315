/**
 * Reads an export file's bytes (GET /rest/api/3/issue/{key}?expand=changelog, a list of them, or a search
 * result) into the JSON value the `sla` command works on.
 *
 * Decoding a file from UTF-8 costs about as much as `JSON.parse` itself, because an export holds French text.
 * So the bytes are given to `JSON.parse` one character each (latin1: a plain copy), which reads the same JSON:
 * every byte of UTF-8's multi-byte characters is 0x80 or above, so quotes, backslashes and the structure are
 * the same bytes either way, and the text is valid JSON in one reading exactly when it is in the other. Only the
 * strings holding such characters differ: those the SLA reads are decoded from UTF-8 afterwards, in a copy of
 * what it reads (an issue's `key`, `id`, `names`, `schema`, `issues`, `changelog` with its histories' `id`,
 * `created` and `items`, and of `fields`: `created`, `status`, `priority`, and the lists that may hold its
 * organizations: custom fields, and fields `names` or `schema` name). A file of ASCII bytes needs no copy.
 *
 * That holds for text that is valid UTF-8 and has no `\u` escape above U+007F (an escaped "é" and a written
 * one would read alike in latin1): otherwise, and for text that is not JSON, it returns undefined and the
 * caller decodes the text and uses `JSON.parse`, whose error message the user sees.
 */
import { isAscii, isUtf8 } from 'node:buffer';

type Shape = 'whole' | 'issue' | 'issues' | 'fields' | 'changelog' | 'histories' | 'history' | 'items' | 'item';

/** Per shape of object, the members copied and their shape; the other members are left out. */
const MEMBERS: Partial<Record<Shape, ReadonlyMap<string, Shape>>> = {
  issue: new Map<string, Shape>([
    ['key', 'whole'],
    ['id', 'whole'],
    ['names', 'whole'],
    ['schema', 'whole'],
    ['fields', 'fields'],
    ['changelog', 'changelog'],
    ['issues', 'issues'],
  ]),
  history: new Map<string, Shape>([
    ['id', 'whole'],
    ['created', 'whole'],
    ['items', 'items'],
  ]),
  item: new Map<string, Shape>(
    ['field', 'fieldId', 'fieldtype', 'from', 'fromString', 'to', 'toString'].map((key) => [key, 'whole']),
  ),
};
/** The shape of the elements of a list of a shape. */
const ELEMENTS: Partial<Record<Shape, Shape>> = {
  issue: 'issue',
  issues: 'issue',
  histories: 'history',
  items: 'item',
};
const ALWAYS_READ_FIELDS = new Set(['created', 'status', 'priority']);

/** Texts decoded lately: status, priority and organization names repeat across entries and files. */
const recentlyDecoded = new Map<string, string>();

/** A string read as latin1, decoded from UTF-8 (when it holds a byte above 0x7F). */
function utf8(text: string): string {
  let k = 0;
  while (k < text.length && text.charCodeAt(k) < 0x80) k++;
  if (k === text.length) return text;
  const known = recentlyDecoded.get(text);
  if (known !== undefined) return known;
  const decoded = Buffer.from(text, 'latin1').toString('utf8');
  if (text.length <= 64) {
    if (recentlyDecoded.size >= 1024) recentlyDecoded.clear();
    recentlyDecoded.set(text, decoded);
  }
  return decoded;
}

/** Sets a property as JSON.parse does (a "__proto__" key is an own property, not the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** The part of `value` (parsed from latin1) that the SLA reads, as a value of `shape`, its strings decoded. */
function decoded(value: unknown, shape: Shape): unknown {
  if (typeof value === 'string') return utf8(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const element = ELEMENTS[shape] ?? 'whole';
    return value.map((v) => decoded(v, element));
  }
  const source = value as Record<string, unknown>;
  const target: Record<string, unknown> = {};
  const members = MEMBERS[shape];
  let fields: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const inner =
      shape === 'changelog' ? (key === 'histories' ? 'histories' : 'whole') : members ? members.get(key) : 'whole';
    if (inner === undefined) continue;
    const member = source[key];
    if (inner === 'fields' && member !== null && typeof member === 'object' && !Array.isArray(member)) {
      // Built once `names` and `schema` are known (they may come after it); its place is kept.
      fields = member as Record<string, unknown>;
      target[key] = undefined;
    } else define(target, members ? key : utf8(key), decoded(member, inner));
  }
  if (fields) target.fields = decodedFields(fields, [target.names, target.schema]);
  return target;
}

/**
 * An issue's fields that the SLA reads: created, status, priority, and the lists it may take for organizations:
 * every custom field holding a list, and the fields holding a list that its `names` or `schema` name (it reads
 * another field only as a list of organizations, so a named field holding anything else reads as no list).
 */
function decodedFields(fields: Record<string, unknown>, tables: unknown[]): Record<string, unknown> {
  let named: Set<string> | undefined;
  for (const table of tables)
    if (table !== undefined && table !== null)
      for (const key of Object.keys(Object(table))) (named ??= new Set()).add(key);
  const target: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const name = utf8(key);
    const value = fields[key];
    if (
      ALWAYS_READ_FIELDS.has(name) ||
      (Array.isArray(value) && (name.startsWith('customfield_') || named?.has(name) === true))
    )
      define(target, name, decoded(value, 'whole'));
  }
  return target;
}

/** True when the text has a \u escape above U+007F (or what looks like one). */
function escapesNonAscii(bytes: Buffer): boolean {
  for (let at = bytes.indexOf('\\u'); at !== -1; at = bytes.indexOf('\\u', at + 2)) {
    const hex = bytes.toString('latin1', at + 2, at + 6);
    if (!/^00[0-7][0-9a-fA-F]$/.test(hex)) return true;
  }
  return false;
}

/**
 * The JSON value of an export's bytes, as far as the `sla` command reads it; undefined when the caller must
 * decode the text and use JSON.parse (not JSON, not UTF-8, or a \u escape above U+007F).
 * @example readExport(Buffer.from('{"key":"SUP-1","fields":{"status":{"name":"Résolu"}}}')) //=> { key: 'SUP-1', fields: { status: { name: 'Résolu' } } }
 */
export function readExport(bytes: Uint8Array): unknown {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = isAscii(buffer);
  if (!ascii && (!isUtf8(buffer) || escapesNonAscii(buffer))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(buffer.toString('latin1'));
  } catch {
    return undefined;
  }
  return ascii ? value : decoded(value, 'issue');
}
