/**
 * Compiles a parsed JQL query into SQL over the `issues` table (aliased `i`): which fields the sandbox
 * understands, the operators each takes and the values each accepts. Anything else is a JqlError naming it,
 * which the search route answers as a 400, as Jira does.
 */
import { ALL_STATUSES, PROJECTS, RESOLUTIONS } from './catalog';
import type { IndexedProperty } from './entity-properties';
import { jqlDate, propertyCondition, propertyOrder, propertyRef, type PropertyContext } from './jql-properties';
import { SERVICE_PROJECT_KEYS } from './permissions';
import { ORGANIZATIONS } from './seed';
import { JqlError, type CompareOp, type Expr, type Field, type Query, type Value } from './jql';

/** A field's name; a property never gets here (propertyRef resolves every issue.property[...]). */
const nameOf = (field: Field): string => (field.kind === 'field' ? field.name : `issue.property[${field.key}]`);

export interface CompiledQuery {
  where: string;
  params: unknown[];
  orderBy: string;
  /** The parameters of `orderBy` (ordering by an issue property reads it in a subquery). */
  orderParams: unknown[];
}

export interface CompileContext {
  /** The caller, for currentUser(). */
  currentAccountId: string;
  /** True when an issue key exists (JQL rejects unknown keys). */
  keyExists: (key: string) => boolean;
  /** The issue properties table to read (the search index's copy, or the live table); `issue_properties` by default. */
  propertiesTable?: string;
  /** The issue property values the installed app declares for indexing (none by default: none is searchable). */
  indexedProperties?: readonly IndexedProperty[];
  /** Now (ms), for relative dates; Date.now() by default. */
  now?: number;
}

const CHANNELS = ['portal', 'email', 'jira', 'api'];
const DATE_COLUMNS: Record<string, string> = {
  created: 'i.created',
  createddate: 'i.created',
  updated: 'i.updated',
  updateddate: 'i.updated',
};
const ORDER_COLUMNS: Record<string, string> = {
  created: 'i.created',
  updated: 'i.updated',
  key: 'i.project_key {dir}, i.num',
  id: 'i.id',
  issuekey: 'i.project_key {dir}, i.num',
  project: 'i.project_key',
};
const SUPPORTED =
  'project, key, status, resolution, reporter, assignee, organizations, created, updated, request-channel-type, issue properties';

/**
 * Compiles a query; a query without a condition is refused as Jira refuses unbounded searches.
 * @example compileJql(parseJql('status = "En cours"'), ctx).where //=> 'i.status_id = ?'
 */
export function compileJql(query: Query, ctx: CompileContext): CompiledQuery {
  if (!query.where)
    throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const params: unknown[] = [];
  const where = compileExpr(query.where, ctx, params);
  const orderParams: unknown[] = [];
  const properties = propertyContext(ctx);
  const order = query.orderBy.map((o) => {
    const ref = o.property
      ? propertyRef({ kind: 'property', key: o.property.key, path: o.property.path }, properties)
      : propertyRef({ kind: 'field', name: o.field }, properties);
    if (ref) return propertyOrder(ref, o.direction, properties, orderParams);
    const column = ORDER_COLUMNS[o.field];
    if (!column)
      throw new JqlError(
        `Not able to sort using field '${o.field}': the sandbox orders by created, updated, key, project and declared issue properties.`,
      );
    return `${column.replace('{dir}', o.direction)} ${o.direction}`;
  });
  return { where, params, orderBy: [...order, 'i.id ASC'].join(', '), orderParams };
}

function propertyContext(ctx: CompileContext): PropertyContext {
  return {
    currentAccountId: ctx.currentAccountId,
    indexedProperties: ctx.indexedProperties ?? [],
    propertiesTable: ctx.propertiesTable ?? 'issue_properties',
    now: ctx.now ?? Date.now(),
  };
}

function compileExpr(expr: Expr, ctx: CompileContext, params: unknown[]): string {
  if (expr.kind === 'compare' || expr.kind === 'in' || expr.kind === 'empty') {
    const properties = propertyContext(ctx);
    const ref = propertyRef(expr.field, properties);
    if (ref) {
      const test =
        expr.kind === 'compare'
          ? { kind: 'compare' as const, op: expr.op, values: [expr.value] }
          : expr.kind === 'in'
            ? { kind: 'in' as const, negated: expr.negated, values: expr.values }
            : { kind: 'empty' as const, negated: expr.negated };
      return propertyCondition(ref, test, properties, params);
    }
  }
  switch (expr.kind) {
    case 'and':
    case 'or':
      return `(${compileExpr(expr.left, ctx, params)} ${expr.kind.toUpperCase()} ${compileExpr(expr.right, ctx, params)})`;
    case 'not':
      return `NOT (${compileExpr(expr.expr, ctx, params)})`;
    case 'compare':
      if (expr.op === '~' || expr.op === '!~')
        throw new JqlError(`The operator '${expr.op}' (text search) is not supported by the sandbox's JQL.`);
      return columnCompare(
        nameOf(expr.field),
        expr.op === '=' ? 'in' : expr.op === '!=' ? 'not in' : expr.op,
        [expr.value],
        ctx,
        params,
      );
    case 'in':
      return columnCompare(nameOf(expr.field), expr.negated ? 'not in' : 'in', expr.values, ctx, params);
    case 'empty':
      return emptyCheck(nameOf(expr.field), expr.negated);
  }
}

function literal(value: Value, field: string): string {
  if (value.kind === 'function')
    throw new JqlError(
      `The function '${value.name}()' is not supported for the field '${field}' by the sandbox's JQL (only reporter/assignee take currentUser()).`,
    );
  return value.text;
}

/** IN / NOT IN; as in Jira, an empty value matches neither (`assignee != x` skips unassigned issues). */
function inList(column: string, op: 'in' | 'not in', values: unknown[], params: unknown[]): string {
  params.push(...values);
  return `${column} ${op === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`;
}

function columnCompare(
  field: string,
  op: 'in' | 'not in' | Exclude<CompareOp, '=' | '!=' | '~' | '!~'>,
  values: Value[],
  ctx: CompileContext,
  params: unknown[],
): string {
  const dateColumn = DATE_COLUMNS[field];
  if (dateColumn) {
    // created and updated: JQL dates (yyyy-MM-dd[ HH:mm], yyyy/MM/dd[ HH:mm], UTC) or periods from now (-90d).
    const instants = values.map((v) => jqlDate(literal(v, field), field, ctx.now ?? Date.now()));
    if (op === 'in' || op === 'not in') return inList(dateColumn, op, instants, params);
    params.push(instants[0]);
    return `${dateColumn} ${op} ?`;
  }
  if (op !== 'in' && op !== 'not in') {
    throw new JqlError(
      `The operator '${op}' is not supported for the field '${field}' by the sandbox's JQL (use =, !=, IN or NOT IN; <, >, <=, >= work on issue.property[...] values).`,
    );
  }
  switch (field) {
    case 'project':
      return inList(
        'i.project_key',
        op,
        values.map((v) => {
          const text = literal(v, field).toUpperCase();
          const project = PROJECTS.find((p) => p.key === text || p.id === text || p.name.toUpperCase() === text);
          if (!project) throw new JqlError(`The value '${literal(v, field)}' does not exist for the field 'project'.`);
          return project.key;
        }),
        params,
      );
    case 'key':
    case 'issuekey':
    case 'id': {
      // (project_key, num) pairs, so that the lookup uses the unique index rather than scanning.
      const parts = values.map((v) => {
        const text = literal(v, field).toUpperCase();
        if (field === 'id' && /^\d+$/.test(text)) {
          params.push(Number(text));
          return 'i.id = ?';
        }
        const match = /^([A-Z][A-Z0-9]*)-(\d+)$/.exec(text);
        if (!match) throw new JqlError(`The issue key '${literal(v, field)}' for field '${field}' is invalid.`);
        if (!ctx.keyExists(text))
          throw new JqlError(`An issue with key '${text}' does not exist for field '${field}'.`);
        params.push(match[1], Number(match[2]));
        return '(i.project_key = ? AND i.num = ?)';
      });
      const any = parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
      return op === 'in' ? any : `NOT ${any}`;
    }
    case 'status':
      // A name may stand for several statuses (one per project that has a status of that name).
      return inList(
        'i.status_id',
        op,
        values.flatMap((v) => {
          const wanted = literal(v, field).trim().toLowerCase();
          const ids = ALL_STATUSES.filter((s) => s.id === wanted || s.name.toLowerCase() === wanted).map((s) => s.id);
          if (ids.length === 0)
            throw new JqlError(`The value '${literal(v, field)}' does not exist for the field 'status'.`);
          return ids;
        }),
        params,
      );
    case 'resolution': {
      const ids = values.map((v) => {
        const text = literal(v, field);
        if (v.kind === 'literal' && !v.quoted && ['unresolved', 'empty', 'null'].includes(text.toLowerCase()))
          return null;
        const found = RESOLUTIONS.find((r) => r.id === text || r.name.toLowerCase() === text.toLowerCase());
        if (!found) throw new JqlError(`The value '${text}' does not exist for the field 'resolution'.`);
        return found.id as string;
      });
      const named = ids.filter((x): x is string => x !== null);
      const parts = [
        ...(named.length ? [`i.resolution_id IN (${named.map(() => '?').join(', ')})`] : []),
        ...(named.length < ids.length ? ['i.resolution_id IS NULL'] : []),
      ];
      params.push(...named);
      const positive = `(${parts.join(' OR ')})`;
      return op === 'in' ? positive : `NOT ${positive}`;
    }
    case 'reporter':
    case 'assignee': {
      const column = field === 'reporter' ? 'i.reporter_id' : 'i.assignee_id';
      return inList(
        column,
        op,
        values.map((v) => (v.kind === 'function' ? currentUser(v, ctx) : v.text)),
        params,
      );
    }
    case 'organizations':
      // JSM's "Organizations = \"name\"": the requests shared with that organization (by name, or by id); an unknown
      // organization is an error, as for any field value Jira does not know.
      return inList(
        'i.organization_id',
        op,
        values.map((v) => {
          const text = literal(v, field).trim();
          const org = ORGANIZATIONS.find((o) => String(o.id) === text || o.name.toLowerCase() === text.toLowerCase());
          if (!org) throw new JqlError(`The value '${text}' does not exist for the field 'organizations'.`);
          return org.id;
        }),
        params,
      );
    case 'request-channel-type':
      // Only requests of service projects have a channel.
      params.push(...SERVICE_PROJECT_KEYS);
      return `(i.project_key IN (${SERVICE_PROJECT_KEYS.map(() => '?').join(', ')}) AND ${inList(
        'i.channel',
        op,
        values.map((v) => {
          const text = literal(v, field).toLowerCase();
          if (!CHANNELS.includes(text))
            throw new JqlError(
              `The value '${literal(v, field)}' does not exist for the field 'request-channel-type' (the sandbox knows ${CHANNELS.join(', ')}).`,
            );
          return text;
        }),
        params,
      )})`;
    default:
      throw new JqlError(
        `Field '${field}' does not exist or is not supported by the sandbox's JQL (supported: ${SUPPORTED}).`,
      );
  }
}

function currentUser(value: Extract<Value, { kind: 'function' }>, ctx: CompileContext): string {
  if (value.name.toLowerCase() !== 'currentuser')
    throw new JqlError(`The function '${value.name}()' is not supported by the sandbox's JQL (only currentUser()).`);
  return ctx.currentAccountId;
}

function emptyCheck(field: string, negated: boolean): string {
  const column = { resolution: 'i.resolution_id', assignee: 'i.assignee_id', organizations: 'i.organization_id' }[
    field
  ];
  if (!column)
    throw new JqlError(
      `The operator 'IS EMPTY' is not supported for the field '${field}' by the sandbox's JQL (it works on resolution, assignee, organizations and issue properties).`,
    );
  return negated ? `${column} IS NOT NULL` : `${column} IS NULL`;
}
