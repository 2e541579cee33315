/**
 * Reads an export file's bytes (GET /rest/api/3/issue/{key}?expand=changelog, a list of them, or a search
 * result) into the JSON value the `sla` command works on.
 *
 * Decoding a file from UTF-8 costs about as much as `JSON.parse` itself, because an export holds French text.
 * So the bytes are given to `JSON.parse` one character each (latin1: a plain copy), which reads the same JSON:
 * every byte of UTF-8's multi-byte characters is 0x80 or above, so quotes, backslashes and the structure are
 * the same bytes either way, and the text is valid JSON in one reading exactly when it is in the other. Only the
 * strings holding such characters differ. Those the SLA reads are then decoded from UTF-8 where they stand (no
 * copy of the document): an issue's `key` and `id`, the values of `names`, of `fields`: `created`, `status`'s
 * `id` and `name`, `priority`'s `name`, the `id` and `name` of the objects in any list (organizations), and of
 * `changelog.histories`: each entry's `id`, `created` and its items' `field`, `fieldId`, `fieldtype`, `from`,
 * `fromString`, `to`, `toString`; likewise for each issue of a list or of a search result's `issues`.
 *
 * Every other string, and every key, stays as read: one character per byte. The SLA reads keys only to find
 * members by ASCII names (which read the same either way) and to match `names`' and `schema`'s keys with
 * `fields`' keys (which read alike, since each key is read the same way), so its results are those of the
 * decoded text. A file of ASCII bytes needs nothing decoded.
 *
 * That holds for text that is valid UTF-8 and has no `\u` escape above U+007F (an escaped "é" and a written
 * one would read alike in latin1): otherwise, and for text that is not JSON, it returns undefined and the
 * caller decodes the text and uses `JSON.parse`, whose error message the user sees.
 */
import { isAscii, isUtf8 } from 'node:buffer';

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

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Decodes the string members `keys` of `target` (an own member only: a missing one is not created). */
function decodeMembers(target: unknown, keys: readonly string[]): void {
  if (!isObject(target)) return;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(target, key)) continue;
    const value = target[key];
    if (typeof value === 'string') target[key] = utf8(value);
  }
}

const ISSUE_KEYS = ['key', 'id'];
const STATUS_KEYS = ['id', 'name'];
const PRIORITY_KEYS = ['name'];
const HISTORY_KEYS = ['id', 'created'];
const ITEM_KEYS = ['field', 'fieldId', 'fieldtype', 'from', 'fromString', 'to', 'toString'];

/** Own member, or undefined (never one of Object.prototype's). */
function member(target: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}

function decodeFields(fields: Json): void {
  decodeMembers(fields, ['created']);
  decodeMembers(member(fields, 'status'), STATUS_KEYS);
  decodeMembers(member(fields, 'priority'), PRIORITY_KEYS);
  for (const key in fields) {
    const value = fields[key];
    if (Array.isArray(value)) for (const element of value) decodeMembers(element, STATUS_KEYS);
  }
}

function decodeIssue(issue: unknown): void {
  if (Array.isArray(issue)) {
    for (const element of issue) decodeIssue(element);
    return;
  }
  if (!isObject(issue)) return;
  decodeMembers(issue, ISSUE_KEYS);
  const names = member(issue, 'names');
  if (isObject(names)) decodeMembers(names, Object.keys(names));
  const fields = member(issue, 'fields');
  if (isObject(fields)) decodeFields(fields);
  const changelog = member(issue, 'changelog');
  const histories = isObject(changelog) ? member(changelog, 'histories') : undefined;
  if (Array.isArray(histories))
    for (const history of histories) {
      decodeMembers(history, HISTORY_KEYS);
      const items = isObject(history) ? member(history, 'items') : undefined;
      if (Array.isArray(items)) for (const item of items) decodeMembers(item, ITEM_KEYS);
    }
  const issues = member(issue, 'issues');
  if (Array.isArray(issues)) decodeIssue(issues);
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
 * The JSON value of an export's bytes, the strings the `sla` command reads decoded (see the module's header);
 * undefined when the caller must decode the text and use JSON.parse (not JSON, not UTF-8, or a \u escape above
 * U+007F).
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
  if (!ascii) decodeIssue(value);
  return value;
}
