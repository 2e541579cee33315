// AssemblyScript (compiled to WebAssembly by scripts/build-cli.mjs, not by tsc): what the `sla` command reads of
// an export (GET /rest/api/3/issue/{key}?expand=changelog, a list of them, or a search result), as a JSON text
// of its own, for src/cli/read-export.ts to give to JSON.parse.
//
// The export is checked and indexed by json-scan.ts; then the members the SLA reads are copied, bytes as they
// stand, in their order, a key given twice copied twice (so that JSON.parse keeps the last value at the first
// place, as it does in the export):
// - of an issue: `key`, `id`, `names`, `schema`, `fields`, `changelog`;
// - of `fields`: `created`, `status` (its `id` and `name`), `priority` (its `name`); the lists held by `customfield_*` fields, or, when the issue has
//   `names` or `schema`, by any field; those fields holding anything else written `null` (to organizationsOf, a
//   value that is not a list is no organization, whatever it is); the other fields left out;
// - of `changelog`: `histories` and `total`; of each history: `id`, `created`, `items`, and of each item its
//   `field`, `fieldId`, `fieldtype`, `from`, `fromString`, `to` and `toString`; an item that surely is no status
//   change (its `fieldId` says another field: see surelyNoStatus) written {}, and a history with no other item {}
//   (the SLA reads nothing of them, and they still count as entries);
// - each issue of a list, and of a search result's `issues` (an `issues` list and no `fields`).
// A `status`, `priority`, `items` or item of another kind than expected is copied whole. Characters above U+007F
// are written as escapes (see copy). Anything else (not JSON, a key with an escape in an object it walks, a `fields` or a history that is not an
// object, a `histories` that is not a list, a document that is neither an object nor a list) gives -1: the
// caller parses the whole text.
import { ARRAY, ESCAPED, NUMBER, OBJECT, STRING, keyCodes, scanJson } from './json-scan';

// Codes of the keys read: their place in the table written by `init`, from 1.
const KEY: i32 = 1;
const ID: i32 = 2;
const NAMES: i32 = 3;
const SCHEMA: i32 = 4;
const FIELDS: i32 = 5;
const CHANGELOG: i32 = 6;
const ISSUES: i32 = 7;
const CREATED: i32 = 8;
const STATUS: i32 = 9;
const PRIORITY: i32 = 10;
const HISTORIES: i32 = 11;
const TOTAL: i32 = 12;
const ITEMS: i32 = 13;
const NAME: i32 = 14;
const FIELD: i32 = 15;
const FIELD_ID: i32 = 16;
const FIELD_TYPE: i32 = 17;
const FROM: i32 = 18;
const FROM_STRING: i32 = 19;
const TO: i32 = 20;
const TO_STRING: i32 = 21;
const CUSTOM_FIELD: i32 = 22;

const NAME_ROOM: usize = 32;

let table: usize = 0;
let names: i32 = 0;

/** Adds a name to the table: `prefix`, any key it begins matches; `walked`, the content of its members is read. */
function addName(name: string, prefix: bool, walked: bool): void {
  const at = table + <usize>names * NAME_ROOM;
  store<i32>(at, name.length);
  store<i32>(at, (<i32>prefix) | ((<i32>walked) << 1), 4);
  for (let k = 0; k < name.length; k++) store<u8>(at + 8 + <usize>k, <u8>name.charCodeAt(k));
  names++;
}

/** Writes the table of the names read at `at` (`tableBytes` long: see keyCodes in json-scan.ts). */
export function init(at: usize): void {
  table = at;
  names = 0;
  memory.fill(at, 0, tableBytes());
  addName('key', false, false);
  addName('id', false, false);
  addName('names', false, false);
  addName('schema', false, false);
  addName('fields', false, true);
  addName('changelog', false, true);
  addName('issues', false, true);
  addName('created', false, false);
  addName('status', false, true);
  addName('priority', false, true);
  addName('histories', false, true);
  addName('total', false, false);
  addName('items', false, true);
  addName('name', false, false);
  addName('field', false, false);
  addName('fieldId', false, false);
  addName('fieldtype', false, false);
  addName('from', false, false);
  addName('fromString', false, false);
  addName('to', false, false);
  addName('toString', false, false);
  addName('customfield_', true, false);
  keyCodes(table, names, NAME_ROOM);
}

/** The bytes the table takes. */
export function tableBytes(): i32 {
  return 32 * <i32>NAME_ROOM + 256 * 8;
}

// The tape being read, the input it indexes, the output's end.
let tape: usize = 0;
let input: usize = 0;
let out: usize = 0;

function kindOf(i: i32): i32 {
  return load<i32>(tape + ((<usize>i) << 4)) & 15;
}
function flagsOf(i: i32): i32 {
  return load<i32>(tape + ((<usize>i) << 4)) >> 4;
}
function startOf(i: i32): usize {
  return input + <usize>load<i32>(tape + ((<usize>i) << 4), 4);
}
function endOf(i: i32): usize {
  return input + <usize>load<i32>(tape + ((<usize>i) << 4), 8);
}
/** The entry after value `i`'s subtree; for a key, its code. */
function nextOf(i: i32): i32 {
  return load<i32>(tape + ((<usize>i) << 4), 12);
}

function put(byte: i32): void {
  store<u8>(out, <u8>byte);
  out++;
}

function hexDigit(n: u32): u8 {
  return <u8>(n < 10 ? 0x30 + n : 0x57 + n);
}

/** Writes `\uXXXX` for a UTF-16 code unit. */
function putEscape(unit: u32): void {
  store<u16>(out, 0x755c); // "\u"
  store<u8>(out, hexDigit(unit >> 12), 2);
  store<u8>(out, hexDigit((unit >> 8) & 15), 3);
  store<u8>(out, hexDigit((unit >> 4) & 15), 4);
  store<u8>(out, hexDigit(unit & 15), 5);
  out += 6;
}

/**
 * Copies the bytes from `from` to `to`, each character above U+007F written as its JSON escape (a surrogate pair
 * above U+FFFF), so that the output is ASCII: the caller reads it as one byte a character, which costs less than
 * decoding UTF-8. Such characters are only found in strings (keys included), where an escape reads the same. The
 * bytes are valid UTF-8 (the caller checked them).
 */
function copy(from: usize, to: usize): void {
  while (from < to) {
    // Sixteen bytes at a time, those of ASCII characters: stored whole, counted up to `to` (the output has room
    // past its end, and the input 16 bytes).
    const chunk = v128.load(from);
    const left = to - from;
    let high = i8x16.bitmask(chunk);
    if (left < 16) high &= (1 << (<i32>left)) - 1;
    v128.store(out, chunk);
    if (high == 0) {
      const n = left < 16 ? left : 16;
      out += n;
      from += n;
      continue;
    }
    const ascii = <usize>ctz(high);
    out += ascii;
    from += ascii;
    const b0 = <u32>load<u8>(from);
    if (b0 < 0xe0) {
      putEscape(((b0 & 0x1f) << 6) | ((<u32>load<u8>(from + 1)) & 0x3f));
      from += 2;
    } else if (b0 < 0xf0) {
      putEscape(((b0 & 0x0f) << 12) | (((<u32>load<u8>(from + 1)) & 0x3f) << 6) | ((<u32>load<u8>(from + 2)) & 0x3f));
      from += 3;
    } else {
      const point =
        ((b0 & 0x07) << 18) |
        (((<u32>load<u8>(from + 1)) & 0x3f) << 12) |
        (((<u32>load<u8>(from + 2)) & 0x3f) << 6) |
        ((<u32>load<u8>(from + 3)) & 0x3f);
      putEscape(0xd800 + ((point - 0x10000) >> 10));
      putEscape(0xdc00 + ((point - 0x10000) & 0x3ff));
      from += 4;
    }
  }
}

/** Copies entry `i`, a value (a string with its quotes) or a key (with its quotes and a colon). */
function copyEntry(i: i32): void {
  const kind = kindOf(i);
  if (kind == STRING || kind == 8) {
    copy(startOf(i) - 1, endOf(i) + 1);
    if (kind == 8) put(0x3a);
  } else copy(startOf(i), endOf(i));
}

function putNull(): void {
  store<u32>(out, 0x6c6c756e); // "null"
  out += 4;
}

/** A comma unless `first`. */
function separate(first: bool): void {
  if (!first) put(0x2c);
}

/**
 * Copies object entry `i` with only its members coded `a` to `d` (0: none), or entry `i` whole when it is not an
 * object; false for an escaped key.
 */
function members(i: i32, a: i32, b: i32, c: i32, d: i32): bool {
  if (kindOf(i) != OBJECT) {
    copyEntry(i);
    return true;
  }
  put(0x7b);
  let first = true;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    const code = nextOf(k);
    if (code != 0 && (code == a || code == b || code == c || code == d)) {
      separate(first);
      first = false;
      copyEntry(k);
      copyEntry(k + 1);
    }
  }
  put(0x7d);
  return true;
}

/**
 * Whether item entry `i` surely is no status change to the SLA (src/domain/changelog.ts reads an item that has a
 * `fieldId` by it alone): an object whose last `fieldId` is a number, or a string without escape other than
 * "status"; anything but an object (never read as an item).
 */
function surelyNoStatus(i: i32): bool {
  if (kindOf(i) != OBJECT) return true;
  let fieldId: i32 = -1;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    if (nextOf(k) == FIELD_ID) fieldId = k + 1;
  }
  if (fieldId < 0) return false;
  if (kindOf(fieldId) == NUMBER) return true;
  if (kindOf(fieldId) != STRING || (flagsOf(fieldId) & ESCAPED) != 0) return false;
  const start = startOf(fieldId);
  // "status", read as little-endian words.
  return endOf(fieldId) - start != 6 || load<u32>(start) != 0x74617473 || load<u16>(start, 4) != 0x7375;
}

/** A changelog item: the members telling a status change and its statuses; {} for one surely no status change. */
function item(i: i32): bool {
  if (kindOf(i) != OBJECT) {
    copyEntry(i);
    return true;
  }
  put(0x7b);
  if (surelyNoStatus(i)) {
    put(0x7d);
    return true;
  }
  let first = true;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    const code = nextOf(k);
    if (code >= FIELD && code <= TO_STRING) {
      separate(first);
      first = false;
      copyEntry(k);
      copyEntry(k + 1);
    }
  }
  put(0x7d);
  return true;
}

/** A changelog entry: {} when it has no item that may be a status change (nothing of it is then read). */
function history(i: i32): bool {
  if (kindOf(i) != OBJECT) return false;
  let items: i32 = -1;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    if (nextOf(k) == ITEMS) items = k + 1;
  }
  let noStatus = items < 0 || kindOf(items) == ARRAY;
  if (items >= 0 && noStatus)
    for (let e = items + 1; e < nextOf(items) && noStatus; e = nextOf(e)) noStatus = surelyNoStatus(e);
  put(0x7b);
  if (noStatus) {
    put(0x7d);
    return true;
  }
  let first = true;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    const code = nextOf(k);
    if (code == ID || code == CREATED) {
      separate(first);
      first = false;
      copyEntry(k);
      copyEntry(k + 1);
    } else if (code == ITEMS) {
      separate(first);
      first = false;
      copyEntry(k);
      const list = k + 1;
      if (kindOf(list) != ARRAY) copyEntry(list);
      else {
        put(0x5b);
        for (let e = list + 1; e < nextOf(list); e = nextOf(e)) {
          separate(e == list + 1);
          if (!item(e)) return false;
        }
        put(0x5d);
      }
    }
  }
  put(0x7d);
  return true;
}

function changelog(i: i32): bool {
  if (kindOf(i) != OBJECT) return false;
  put(0x7b);
  let first = true;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    const code = nextOf(k);
    if (code == HISTORIES) {
      const list = k + 1;
      if (kindOf(list) != ARRAY) return false;
      separate(first);
      first = false;
      copyEntry(k);
      put(0x5b);
      for (let h = list + 1; h < nextOf(list); h = nextOf(h)) {
        separate(h == list + 1);
        if (!history(h)) return false;
      }
      put(0x5d);
    } else if (code == TOTAL) {
      separate(first);
      first = false;
      copyEntry(k);
      copyEntry(k + 1);
    }
  }
  put(0x7d);
  return true;
}

/** `fields`; `anyList`: every field's list is read (the issue has `names` or `schema`), not only custom fields'. */
function fields(i: i32, anyList: bool): bool {
  if (kindOf(i) != OBJECT) return false;
  put(0x7b);
  let first = true;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    const code = nextOf(k);
    if (code == CREATED) {
      separate(first);
      first = false;
      copyEntry(k);
      copyEntry(k + 1);
    } else if (code == STATUS || code == PRIORITY) {
      separate(first);
      first = false;
      copyEntry(k);
      if (!(code == STATUS ? members(k + 1, ID, NAME, 0, 0) : members(k + 1, NAME, 0, 0, 0))) return false;
    } else if (anyList || code == CUSTOM_FIELD) {
      separate(first);
      first = false;
      copyEntry(k);
      if (kindOf(k + 1) == ARRAY) copyEntry(k + 1);
      else putNull();
    }
  }
  put(0x7d);
  return true;
}

function issue(i: i32): bool {
  if (kindOf(i) != OBJECT) return false;
  let named = false;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return false;
    const code = nextOf(k);
    if (code == NAMES || code == SCHEMA) named = true;
  }
  put(0x7b);
  let first = true;
  for (let k = i + 1; k < nextOf(i); k = nextOf(k + 1)) {
    const code = nextOf(k);
    if (code == KEY || code == ID || code == NAMES || code == SCHEMA) {
      separate(first);
      first = false;
      copyEntry(k);
      copyEntry(k + 1);
    } else if (code == FIELDS || code == CHANGELOG) {
      separate(first);
      first = false;
      copyEntry(k);
      if (!(code == FIELDS ? fields(k + 1, named) : changelog(k + 1))) return false;
    }
  }
  put(0x7d);
  return true;
}

/** The issues of list entry `i`, as a list. */
function issues(i: i32): bool {
  put(0x5b);
  for (let k = i + 1; k < nextOf(i); k = nextOf(k)) {
    separate(k == i + 1);
    if (!issue(k)) return false;
  }
  put(0x5d);
  return true;
}

/** A search result's `issues` list (the last, as JSON.parse keeps it), or -1. */
function searchResult(): i32 {
  let list: i32 = -1;
  for (let k = 1; k < nextOf(0); k = nextOf(k + 1)) {
    if (flagsOf(k) & ESCAPED) return -1;
    const code = nextOf(k);
    if (code == FIELDS) return -1;
    if (code == ISSUES) list = k + 1;
  }
  return list >= 0 && kindOf(list) == ARRAY ? list : -1;
}

/** Whether the `len` bytes at `at` are one JSON text (see scanJson; the tape needs one entry). */
export function check(at: usize, len: i32, stack: usize, maxDepth: i32, tapeAt: usize): bool {
  return scanJson(at, len, tapeAt, stack, maxDepth, false) >= 0;
}

/**
 * Reads the `len` bytes at `at` (16 bytes after them free): writes what the SLA reads of them at `output` (room
 * for 4 × `len` + 64 bytes) and returns its length, or -1 (see the header). `stack` holds `maxDepth` i32, the
 * tape, at `tapeAt`, one entry of 16 bytes per byte of the input and one more.
 */
export function read(at: usize, len: i32, stack: usize, maxDepth: i32, tapeAt: usize, output: usize): i32 {
  input = at;
  tape = tapeAt;
  out = output;
  let p = at;
  while (p < at + <usize>len && load<u8>(p) <= 0x20) p++;
  const list = p < at + <usize>len && load<u8>(p) == 0x5b;
  if (scanJson(at, len, tapeAt, stack, maxDepth, true) < 0) return -1;
  if (list) {
    if (!issues(0)) return -1;
  } else {
    if (kindOf(0) != OBJECT) return -1;
    const found = searchResult();
    if (found >= 0) {
      put(0x7b);
      copy(startOf(found - 1) - 1, endOf(found - 1) + 1);
      put(0x3a);
      if (!issues(found)) return -1;
      put(0x7d);
    } else if (!issue(0)) return -1;
  }
  return <i32>(out - output);
}
