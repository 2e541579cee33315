// AssemblyScript (compiled to WebAssembly by scripts/build-cli.mjs with read-export.ts, not by tsc): a JSON
// scanner. scanJson checks that `len` bytes at `input` are one JSON text as JSON.parse reads it (RFC 8259:
// literals, numbers, strings with their escapes and no control character, nesting, nothing but whitespace after
// the value) and writes a tape at `tape`: four i32 per value and per object key, in document order:
//   kind (+ flags << 4), start, end, and the index of the entry after the value's subtree, or a key's code
//   (its place in the table of names set by keyCodes, from 1; 0 for none, and for a key holding an escape).
// Kinds: 1 object, 2 array, 3 string, 4 number, 5 true, 6 false, 7 null, 8 object key. Containers span their
// brackets; strings and keys their content between the quotes, with flag 1 when it holds an escape and flag 2
// when it holds a byte above 0x7F; numbers and literals their text. Offsets count from `input`. An object's
// entries are its members' keys, each followed by its value's entries. Only the content of the containers a
// reader walks is written (see scanJson: from the document's value down, through lists and the members whose
// names are walked); the others are checked, and written as one entry each where their container's content is.
// scanJson returns the number of entries, or -1 when the bytes are not JSON or nest deeper than `maxDepth` (the stack
// of open containers, one i32 each, is at `stack`). The memory must hold 16 bytes past the input (strings are
// read 16 bytes at a time). It does not check UTF-8: the caller does.

export const OBJECT: i32 = 1;
export const ARRAY: i32 = 2;
export const STRING: i32 = 3;
export const NUMBER: i32 = 4;
const TRUE: i32 = 5;
const FALSE: i32 = 6;
const NULL: i32 = 7;
const KEY: i32 = 8;
/** Flag of a string or key holding an escape. */
export const ESCAPED: i32 = 1;

/** The first byte at or after `p` that is not JSON whitespace (space, tab, line feed, carriage return). */
function skipSpace(p: usize, end: usize): usize {
  while (p < end) {
    const c = load<u8>(p);
    if (c != 0x20 && c != 0x0a && c != 0x0d && c != 0x09) break;
    p++;
  }
  return p;
}

function isHex(c: u32): bool {
  return c - 0x30 < 10 || (c | 0x20) - 0x61 < 6;
}

/** The end of the last string read by {@link scanString}: the position of its closing quote. */
let stringEnd: usize = 0;

/**
 * Reads the string whose content starts at `p` (after its quote): its flags (1: an escape, 2: a byte above
 * 0x7F), its end in {@link stringEnd}; -1 when it is not a JSON string. Sixteen bytes at a time: it may read up
 * to 15 bytes past `end` (the caller's memory holds them), never using them.
 */
function scanString(p: usize, end: usize): i32 {
  let flags: i32 = 0;
  const quote = i8x16.splat(0x22);
  const backslash = i8x16.splat(0x5c);
  const space = i8x16.splat(0x20);
  while (true) {
    const chunk = v128.load(p);
    const stops = i8x16.bitmask(
      v128.or(v128.or(i8x16.eq(chunk, quote), i8x16.eq(chunk, backslash)), i8x16.lt_u(chunk, space)),
    );
    const high = i8x16.bitmask(chunk);
    if (stops == 0) {
      if (high != 0) flags |= 2;
      p += 16;
      if (p >= end) return -1;
      continue;
    }
    const k = ctz(stops);
    if ((high & ((1 << k) - 1)) != 0) flags |= 2;
    p += <usize>k;
    if (p >= end) return -1;
    const c = <u32>load<u8>(p);
    if (c == 0x22) {
      stringEnd = p;
      return flags;
    }
    if (c != 0x5c) return -1; // a control character
    flags |= 1;
    if (p + 1 >= end) return -1;
    const e = <u32>load<u8>(p + 1);
    if (e == 0x75) {
      if (p + 6 > end) return -1;
      if (
        !isHex(<u32>load<u8>(p + 2)) ||
        !isHex(<u32>load<u8>(p + 3)) ||
        !isHex(<u32>load<u8>(p + 4)) ||
        !isHex(<u32>load<u8>(p + 5))
      )
        return -1;
      p += 6;
    } else if (e == 0x22 || e == 0x5c || e == 0x2f || e == 0x62 || e == 0x66 || e == 0x6e || e == 0x72 || e == 0x74)
      p += 2;
    else return -1;
  }
  return -1;
}

// The table of key names (see keyCodes), set by the reader; the codes of the names walked, as bits.
let names: usize = 0;
let nameCount: i32 = 0;
let nameRoom: usize = 0;
let walkedCodes: u64 = 0;
/** The code of the last key written on the tape (0 for one not written). */
let keyFound: i32 = 0;

/** Whether the content of a member whose key has this code is written (see scanJson). */
function walked(code: i32): bool {
  return ((walkedCodes >> (<u64>code)) & 1) != 0;
}

/**
 * Sets the table of names whose codes the tape gives its keys: `count` names (63 at most) at `table`, `room` bytes
 * each (its length; its flags: 1 when any key it begins matches, 2 when the content of a member so named is
 * written on the tape; then its bytes), then 256 filters of 64 bits, which this fills: bit L
 * of filter B is set when a name of length L (63: 63 or more) starts with byte B, so that most keys are told
 * apart by one load. A name's code is its place, from 1; 0 for a key that matches none.
 */
export function keyCodes(table: usize, count: i32, room: usize): void {
  names = table;
  nameCount = count;
  nameRoom = room;
  walkedCodes = 0;
  for (let i = 0; i < count; i++) {
    const name = table + <usize>i * room;
    const n = load<i32>(name);
    const filter = table + <usize>count * room + ((<usize>load<u8>(name + 8)) << 3);
    const flags = load<i32>(name, 4);
    const code = i + 1;
    if ((flags & 2) != 0) walkedCodes |= (<u64>1) << (<u64>code);
    const bits: u64 = (flags & 1) != 0 ? (<u64>-1) << (<u64>n) : (<u64>1) << (<u64>n);
    store<u64>(filter, load<u64>(filter) | bits);
  }
}

/** The code of the key from `p` to `end` (see keyCodes). */
function keyCode(p: usize, end: usize): i32 {
  const length = <i32>(end - p);
  if (length == 0) return 0;
  const filter = load<u64>(names + <usize>nameCount * nameRoom + ((<usize>load<u8>(p)) << 3));
  if (((filter >> (<u64>min(length, 63))) & 1) == 0) return 0;
  for (let i = 0; i < nameCount; i++) {
    const name = names + <usize>i * nameRoom;
    const n = load<i32>(name);
    if ((load<i32>(name, 4) & 1) != 0 ? length < n : length != n) continue;
    let k = 0;
    while (k < n && load<u8>(p + <usize>k) == load<u8>(name + 8 + <usize>k)) k++;
    if (k == n) return i + 1;
  }
  return 0;
}

/** The end of the number starting at `p`, or 0 when it is not a JSON number. */
function scanNumber(p: usize, end: usize): usize {
  if (p < end && load<u8>(p) == 0x2d) p++;
  if (p >= end) return 0;
  let c = <u32>load<u8>(p);
  if (c == 0x30) p++;
  else if (c - 0x31 < 9) {
    p++;
    while (p < end && <u32>load<u8>(p) - 0x30 < 10) p++;
  } else return 0;
  if (p < end && load<u8>(p) == 0x2e) {
    p++;
    if (p >= end || <u32>load<u8>(p) - 0x30 >= 10) return 0;
    while (p < end && <u32>load<u8>(p) - 0x30 < 10) p++;
  }
  if (p < end && (load<u8>(p) | 0x20) == 0x65) {
    p++;
    if (p < end && (load<u8>(p) == 0x2b || load<u8>(p) == 0x2d)) p++;
    if (p >= end || <u32>load<u8>(p) - 0x30 >= 10) return 0;
    while (p < end && <u32>load<u8>(p) - 0x30 < 10) p++;
  }
  return p;
}

function put(tape: usize, index: i32, kind: i32, start: usize, stop: usize, next: i32): void {
  const at = tape + ((<usize>index) << 4);
  store<i32>(at, kind);
  store<i32>(at, <i32>start, 4);
  store<i32>(at, <i32>stop, 8);
  store<i32>(at, next, 12);
}

/**
 * Reads an object key at `p` (its quote), its colon and the whitespace after: the position of its value, or 0.
 * Writes its entry when `record`.
 */
function scanKey(input: usize, p: usize, end: usize, tape: usize, index: i32, record: bool): usize {
  if (p >= end || load<u8>(p) != 0x22) return 0;
  const flags = scanString(p + 1, end);
  if (flags < 0) return 0;
  keyFound = 0;
  if (record) {
    keyFound = flags & 1 ? 0 : keyCode(p + 1, stringEnd);
    put(tape, index, KEY | (flags << 4), p + 1 - input, stringEnd - input, keyFound);
  }
  p = skipSpace(stringEnd + 1, end);
  if (p >= end || load<u8>(p) != 0x3a) return 0;
  return skipSpace(p + 1, end);
}

export function scanJson(input: usize, len: i32, tape: usize, stack: usize, maxDepth: i32, walk: bool): i32 {
  const end = input + <usize>len;
  let p = skipSpace(input, end);
  let count: i32 = 0;
  // Open containers: the innermost's depth; on the stack, for each, its entry << 3, + 4 when it has one, + 2 when
  // its content is written, + 1 for an object. `written`: whether the innermost's content is (or, at depth 0,
  // the document's value).
  let depth: i32 = 0;
  let written = true;
  let isObject = false;
  while (true) {
    // A value at p.
    if (p >= end) return -1;
    const c = <u32>load<u8>(p);
    if (c == 0x7b || c == 0x5b) {
      if (depth >= maxDepth) return -1;
      const opened = c == 0x7b;
      // Its content is written when it is the document's value (if `walk`), or, in a container whose content is,
      // an element of a list, or a member whose key's name is walked.
      const content = written && (depth == 0 ? walk : !isObject || walked(keyFound));
      if (written) put(tape, count, opened ? OBJECT : ARRAY, p - input, 0, 0);
      store<i32>(
        stack + ((<usize>depth) << 2),
        (count << 3) | ((<i32>written) << 2) | ((<i32>content) << 1) | (<i32>opened),
      );
      if (written) count++;
      depth++;
      written = content;
      isObject = opened;
      p = skipSpace(p + 1, end);
      if (p < end && <u32>load<u8>(p) == c + 2) {
        // Empty: closed below.
      } else {
        if (isObject) {
          p = scanKey(input, p, end, tape, count, written);
          if (p == 0) return -1;
          if (written) count++;
        }
        continue;
      }
    } else if (c == 0x22) {
      const flags = scanString(p + 1, end);
      if (flags < 0) return -1;
      if (written) put(tape, count++, STRING | (flags << 4), p + 1 - input, stringEnd - input, count);
      p = stringEnd + 1;
    } else if (c == 0x2d || c - 0x30 < 10) {
      const stop = scanNumber(p, end);
      if (stop == 0) return -1;
      if (written) put(tape, count++, NUMBER, p - input, stop - input, count);
      p = stop;
    } else if (c == 0x74) {
      if (p + 4 > end || load<u32>(p) != 0x65757274) return -1; // "true"
      if (written) put(tape, count++, TRUE, p - input, p + 4 - input, count);
      p += 4;
    } else if (c == 0x66) {
      if (p + 5 > end || load<u32>(p + 1) != 0x65736c61) return -1; // "alse"
      if (written) put(tape, count++, FALSE, p - input, p + 5 - input, count);
      p += 5;
    } else if (c == 0x6e) {
      if (p + 4 > end || load<u32>(p) != 0x6c6c756e) return -1; // "null"
      if (written) put(tape, count++, NULL, p - input, p + 4 - input, count);
      p += 4;
    } else return -1;
    // After a value (or at an empty container's closing bracket): a comma, a closing bracket, or the end.
    while (true) {
      p = skipSpace(p, end);
      if (depth == 0) return p == end ? count : -1;
      if (p >= end) return -1;
      const d = <u32>load<u8>(p);
      if (d == 0x2c) {
        p = skipSpace(p + 1, end);
        if (isObject) {
          p = scanKey(input, p, end, tape, count, written);
          if (p == 0) return -1;
          if (written) count++;
        }
        break;
      }
      if (d != (isObject ? 0x7d : 0x5d)) return -1;
      const top = load<i32>(stack + ((<usize>(depth - 1)) << 2));
      if ((top & 4) != 0) {
        const at = tape + ((<usize>(top >> 3)) << 4);
        store<i32>(at, <i32>(p + 1 - input), 8);
        store<i32>(at, count, 12);
      }
      depth--;
      p++;
      if (depth == 0) written = true;
      else {
        const parent = load<i32>(stack + ((<usize>(depth - 1)) << 2));
        written = (parent & 2) != 0;
        isObject = (parent & 1) != 0;
      }
    }
  }
  return -1;
}
