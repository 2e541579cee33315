/**
 * JQL on issue properties, as Jira indexes them: only the values the installed app declares
 * (`jira:entityProperty`, see entity-properties.ts) are searchable, by `issue.property[key].path` or by their
 * `searchAlias`, each with its declared type:
 *
 * - number: `=`, `!=`, `<`, `<=`, `>`, `>=`, `IN`, `NOT IN`, `IS [NOT] EMPTY` on JSON numbers;
 * - date: the same on ISO dates or date-times (`[YYYY]-[MM]-[DD]`, `…T[hh]:[mm]:[ss][TZ]`), compared as instants;
 *   JQL dates as `yyyy-MM-dd`, `yyyy/MM/dd` (optionally ` HH:mm`, UTC) or a period from now (`-5d`, `2w`, `4h`);
 * - string: `=`, `!=`, `IN`, `NOT IN`, `IS [NOT] EMPTY`, the exact value ("indexed as is and allows searching for
 *   the exact phrase only"); a JSON number or boolean is indexed as its text;
 * - user: the same on account ids, `currentUser()` included;
 * - text: `~` and `!~` (every word of the query appears in the value, case aside; the sandbox does no stemming).
 *
 * A path holding an array indexes each element. A value of another JSON type than declared is not indexed.
 * An undeclared property or path is not indexed: Jira answers no error and no match (`IS EMPTY` holds for every
 * issue). Another operator than the type allows is a JqlError.
 */
import type { IndexedProperty } from './entity-properties';
import { JqlError, type CompareOp, type Field, type Value } from './jql';

export interface PropertyContext {
  currentAccountId: string;
  indexedProperties: readonly IndexedProperty[];
  /** The issue properties table to read. */
  propertiesTable: string;
  /** Now (ms), for relative dates. */
  now: number;
}

/** A property the query names: its declaration, when the app declares it, and how the query named it. */
export interface PropertyRef {
  key: string;
  path: string;
  label: string;
  declared: IndexedProperty | undefined;
}

export type PropertyTest =
  | { kind: 'compare'; op: CompareOp; values: Value[] }
  | { kind: 'in'; negated: boolean; values: Value[] }
  | { kind: 'empty'; negated: boolean };

const RANGE: readonly string[] = ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'empty'];
const EXACT: readonly string[] = ['=', '!=', 'in', 'not in', 'empty'];
const OPERATORS: Record<IndexedProperty['type'], readonly string[]> = {
  number: RANGE,
  date: RANGE,
  string: EXACT,
  user: EXACT,
  text: ['~', '!~', 'empty'],
};

/**
 * The property a JQL field names (`issue.property[key].path`, or a declared searchAlias), or undefined when the
 * field is not a property.
 * @example propertyRef({ kind: 'field', name: 'srwaiting' }, ctx)?.declared?.path //=> 'waiting'
 */
export function propertyRef(field: Field, ctx: Pick<PropertyContext, 'indexedProperties'>): PropertyRef | undefined {
  if (field.kind === 'property') {
    const key = field.key.replace(/^(['"])(.*)\1$/, '$2');
    return {
      key,
      path: field.path,
      label: `issue.property[${key}]${field.path ? '.' + field.path : ''}`,
      declared: ctx.indexedProperties.find((p) => p.propertyKey === key && p.path === field.path),
    };
  }
  const declared = ctx.indexedProperties.find((p) => p.searchAlias?.toLowerCase() === field.name);
  return declared && { key: declared.propertyKey, path: declared.path, label: declared.searchAlias!, declared };
}

/**
 * The SQL condition (on `issues` aliased `i`) of a test on a property, pushing its parameters.
 * @example propertyCondition(ref, { kind: 'compare', op: '<=', values: [{ kind: 'literal', text: '5', quoted: false }] }, ctx, params)
 */
export function propertyCondition(
  ref: PropertyRef,
  test: PropertyTest,
  ctx: PropertyContext,
  params: unknown[],
): string {
  const declared = ref.declared;
  if (!declared) {
    // Not indexed: nothing matches a value, every issue is empty.
    if (test.kind === 'empty') return test.negated ? '0' : '1';
    return '0';
  }
  const op = test.kind === 'compare' ? test.op : test.kind === 'in' ? (test.negated ? 'not in' : 'in') : 'empty';
  if (!OPERATORS[declared.type].includes(op))
    throw new JqlError(
      `The operator '${op === 'empty' ? 'IS EMPTY' : op.toUpperCase()}' is not supported by the '${ref.label}' field (a ${declared.type} property).`,
    );
  const exists = (condition: string, values: unknown[]) => {
    params.push(jsonPath(declared.path), declared.propertyKey, ...values);
    return `EXISTS (SELECT 1 FROM ${ctx.propertiesTable} p, json_each(p.value, ?) j WHERE p.issue_id = i.id AND p.key = ? AND (j.key IS NULL OR typeof(j.key) = 'integer') AND ${INDEXED[declared.type]}${condition ? ` AND ${condition}` : ''})`;
  };
  if (test.kind === 'empty') return test.negated ? exists('', []) : `NOT ${exists('', [])}`;

  const value = VALUE[declared.type];
  const literals = test.values.map((v) => operand(v, declared.type, ref.label, ctx));
  switch (op) {
    case '=':
      return exists(`${value} = ?`, literals);
    case 'in':
      return exists(`${value} IN (${literals.map(() => '?').join(', ')})`, literals);
    case '!=':
    case 'not in': {
      // As for fields: an issue without a value matches neither = nor !=.
      const some = exists('', []);
      return `(${some} AND NOT ${exists(`${value} IN (${literals.map(() => '?').join(', ')})`, literals)})`;
    }
    case '~':
    case '!~': {
      const words = String(literals[0])
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.length === 0) throw new JqlError(`The text to search for in '${ref.label}' has no word.`);
      // Parameters are pushed in the order the placeholders appear.
      const some = op === '!~' ? exists('', []) : '';
      const contains = exists(
        words.map(() => `lower(j.atom) LIKE ?`).join(' AND '),
        words.map((w) => `%${w}%`),
      );
      return op === '~' ? contains : `(${some} AND NOT ${contains})`;
    }
    default:
      return exists(`${value} ${op} ?`, literals);
  }
}

/**
 * The ORDER BY term of a declared number, date or string property (the smallest of an array's values); issues
 * without a value come last. An undeclared property cannot be ordered by.
 * @example propertyOrder(ref, 'DESC', ctx, params) //=> '(SELECT MIN(...) ...) IS NULL, (SELECT MIN(...) ...) DESC'
 */
export function propertyOrder(
  ref: PropertyRef,
  direction: 'ASC' | 'DESC',
  ctx: PropertyContext,
  params: unknown[],
): string {
  const declared = ref.declared;
  if (!declared || declared.type === 'text')
    throw new JqlError(`Not able to sort using field '${ref.label}': it is not an indexed number, date or string.`);
  const value = `(SELECT MIN(${VALUE[declared.type]}) FROM ${ctx.propertiesTable} p, json_each(p.value, ?) j WHERE p.issue_id = i.id AND p.key = ? AND (j.key IS NULL OR typeof(j.key) = 'integer') AND ${INDEXED[declared.type]})`;
  params.push(jsonPath(declared.path), declared.propertyKey, jsonPath(declared.path), declared.propertyKey);
  return `${value} IS NULL, ${value} ${direction}`;
}

/** What an indexed value of each type is (json_each's `j` row). */
const INDEXED: Record<IndexedProperty['type'], string> = {
  number: `j.type IN ('integer', 'real')`,
  string: `j.type IN ('text', 'integer', 'real', 'true', 'false')`,
  text: `j.type = 'text'`,
  user: `j.type = 'text'`,
  date: `j.type = 'text' AND strftime('%s', j.atom) IS NOT NULL`,
};

/** The indexed value, as compared. */
const VALUE: Record<IndexedProperty['type'], string> = {
  number: 'j.atom',
  string: `CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END`,
  text: 'j.atom',
  user: 'j.atom',
  date: `CAST(strftime('%s', j.atom) AS INTEGER) * 1000`,
};

function jsonPath(path: string): string {
  return `$.${path
    .split('.')
    .map((p) => `"${p.replace(/"/g, '')}"`)
    .join('.')}`;
}

function operand(value: Value, type: IndexedProperty['type'], label: string, ctx: PropertyContext): unknown {
  if (value.kind === 'function') {
    if (type === 'user' && value.name.toLowerCase() === 'currentuser') return ctx.currentAccountId;
    throw new JqlError(`The function '${value.name}()' is not supported for the field '${label}'.`);
  }
  const text = value.text;
  switch (type) {
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n))
        throw new JqlError(`The value '${text}' is not a valid number for the field '${label}'.`);
      return n;
    }
    case 'date':
      return jqlDate(text, label, ctx.now);
    default:
      return text;
  }
}

const PERIOD_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/**
 * A JQL date: `yyyy-MM-dd` or `yyyy/MM/dd`, optionally followed by ` HH:mm` (UTC), or a period from now.
 * @example jqlDate('2026-12-01', 'due', 0) //=> 1796083200000
 */
export function jqlDate(text: string, label: string, now: number): number {
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute.map(Number) as number[];
    const ms = Date.UTC(y!, mo! - 1, d!, absolute[4] ? h! : 0, absolute[5] ? mi! : 0);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo! - 1 && check.getUTCDate() === d) return ms;
  }
  const period = /^([-+]?)((?:\d+[wdhm]\s*)+)$/.exec(text.trim());
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    const total = [...period[2]!.matchAll(/(\d+)([wdhm])/g)].reduce(
      (sum, [, n, u]) => sum + Number(n) * PERIOD_MS[u!]!,
      0,
    );
    return now + sign * total;
  }
  throw new JqlError(
    `Date value '${text}' for field '${label}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}
