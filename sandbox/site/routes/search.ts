/**
 * JQL search: POST and GET /rest/api/3/search/jql, as Atlassian's OpenAPI spec describes them
 * (SearchAndReconcileRequestBean, SearchAndReconcileResults):
 *
 * - `fields`: the default is `id`, and then each issue is `{id}` only, no key ("By default, this resource
 *   returns IDs only"); `key` or any field brings the issue's `self`, `key` and `fields`; `*all`, `*navigable`
 *   and `-name` exclusions as for GET issue;
 * - `expand` (a comma-delimited string): `names` and `schema` on the results, `changelog` and `transitions` on
 *   each issue; `properties`: up to 5 issue properties; `fieldsByKeys` and `failFast`: booleans;
 * - paging by an opaque, stateless `nextPageToken` (the next offset bound to a hash of the query), `maxResults`
 *   50 by default, at most 5000 with ids or keys only and 100 with fields;
 * - `reconcileIssues` (up to 50 issue ids): those issues are matched as they are now, the others as the
 *   eventually consistent index has them (see ../search-index.ts).
 *
 * Customers find only the requests they may see. A query the sandbox does not understand is a 400 naming the
 * part it does not support; so is a parameter of the wrong type.
 */
import { createHash } from 'crypto';
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { badRequest } from '../errors';
import { FIELD_META, ISSUE_FIELDS, IssueRenderer, selectFields } from '../issue-json';
import type { IssueRecord } from '../issue-store';
import { JqlError, parseJql } from '../jql';
import { compileJql } from '../jql-sql';
import type { SiteOperations } from '../operations';
import { visibilityFilter } from '../permissions';
import { LIVE_TABLES, type SearchTables } from '../search-index';
import type { SiteUser } from '../users';
import { listParam } from './params';
import { transitionsJson } from './transitions';

/** Jira's page sizes: up to 5000 issues when only ids or keys are asked, 100 when fields come along. */
export const MAX_RESULTS_IDS = 5000;
export const MAX_RESULTS_FIELDS = 100;
const DEFAULT_MAX_RESULTS = 50;
/** The spec: "A list of up to 5 issue properties"; "reconcileIssues ... Accepts max 50 ids". */
export const MAX_PROPERTIES = 5;
export const MAX_RECONCILE = 50;

interface SearchInput {
  jql?: unknown;
  nextPageToken?: unknown;
  maxResults?: unknown;
  fields?: unknown;
  expand?: unknown;
  properties?: unknown;
  fieldsByKeys?: unknown;
  failFast?: unknown;
  reconcileIssues?: unknown;
}

const queryHash = (jql: string) => createHash('sha256').update(jql).digest('base64url').slice(0, 16);

/**
 * The token of the page starting at `offset` of this query.
 * @example decodePageToken(encodePageToken('project = SUP', 50), 'project = SUP') //=> 50
 */
export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, h: queryHash(jql) })).toString('base64url');
}

/** The offset a token stands for; a 400 when it is malformed or was made for another query. */
export function decodePageToken(token: string, jql: string): number {
  try {
    const { o, h } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; h?: unknown };
    if (Number.isInteger(o) && (o as number) >= 0 && h === queryHash(jql)) return o as number;
  } catch {
    // fall through to the 400
  }
  throw badRequest('The nextPageToken is invalid or was issued for another query.');
}

/** The parameters of one search, checked. */
interface SearchRequest {
  jql: string;
  offset: number;
  maxResults: number;
  /** The fields asked for; null when only ids are (the default). */
  fields: Set<string> | null;
  expand: string[];
  properties: string[];
  reconcile: number[];
}

/** A list parameter: an array of strings in a POST body; repeated or comma-separated in a query string. */
function stringList(value: unknown, name: string, fromBody: boolean): string[] {
  if (value === undefined || value === null) return [];
  if (fromBody && !Array.isArray(value)) throw badRequest(`The '${name}' parameter must be a list of strings.`);
  const list = Array.isArray(value) ? value : [value];
  if (list.some((v) => typeof v !== 'string')) throw badRequest(`The '${name}' parameter must be a list of strings.`);
  return listParam(list as string[]);
}

function booleanParam(value: unknown, name: string): void {
  if (value === undefined || typeof value === 'boolean' || value === 'true' || value === 'false') return;
  throw badRequest(`The '${name}' parameter must be true or false.`);
}

function parseSearch(input: SearchInput, fromBody: boolean): SearchRequest {
  if (typeof input.jql !== 'string' || !input.jql.trim()) throw badRequest('The jql parameter is required.');
  const jql = input.jql;
  const requested = stringList(input.fields, 'fields', fromBody);
  const idsOnly = requested.length === 0 || requested.every((f) => f === 'id');
  // Exclusions alone ("-description") mean every navigable field but those.
  const exclusionsOnly = requested.every((f) => f.startsWith('-'));
  const fields = idsOnly ? null : selectFields(exclusionsOnly ? ['*navigable', ...requested] : requested, []);
  if (input.expand !== undefined && typeof input.expand !== 'string' && !(!fromBody && Array.isArray(input.expand)))
    throw badRequest('The \'expand\' parameter is a comma-delimited string, such as "names,changelog".');
  const expand = listParam(input.expand as string | string[] | undefined);
  const properties = stringList(input.properties, 'properties', fromBody);
  if (properties.length > MAX_PROPERTIES)
    throw badRequest(`A search returns up to ${MAX_PROPERTIES} issue properties, not ${properties.length}.`);
  booleanParam(input.fieldsByKeys, 'fieldsByKeys');
  booleanParam(input.failFast, 'failFast');
  const reconcileRaw =
    input.reconcileIssues === undefined
      ? []
      : Array.isArray(input.reconcileIssues)
        ? input.reconcileIssues
        : [input.reconcileIssues];
  const reconcile = reconcileRaw.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => Number(v));
  if (reconcile.some((id) => !Number.isInteger(id) || id <= 0))
    throw badRequest("The 'reconcileIssues' parameter lists issue ids (integers).");
  if (reconcile.length > MAX_RECONCILE)
    throw badRequest(`The 'reconcileIssues' parameter accepts at most ${MAX_RECONCILE} issue ids.`);
  // "The greatest number of items returned per page is achieved when requesting `id` or `key` only."
  const idsOrKeys = (fields === null || fields.size === 0) && !expand.includes('changelog');
  const cap = idsOrKeys ? MAX_RESULTS_IDS : MAX_RESULTS_FIELDS;
  const asked =
    input.maxResults === undefined || input.maxResults === '' ? DEFAULT_MAX_RESULTS : Number(input.maxResults);
  if (!Number.isInteger(asked) || asked < 0)
    throw badRequest("The 'maxResults' parameter must be a non-negative integer.");
  if (input.nextPageToken !== undefined && input.nextPageToken !== null && typeof input.nextPageToken !== 'string')
    throw badRequest("The 'nextPageToken' parameter must be a string.");
  const offset =
    typeof input.nextPageToken === 'string' && input.nextPageToken ? decodePageToken(input.nextPageToken, jql) : 0;
  // A page holds at least one issue, so that paging always moves forward.
  return { jql, offset, maxResults: Math.max(1, Math.min(asked, cap)), fields, expand, properties, reconcile };
}

/**
 * Mounts POST and GET /rest/api/3/search/jql.
 * @example searchRoutes(app, ctx, ops)
 */
export function searchRoutes(app: FastifyInstance, ctx: SiteContext, ops: SiteOperations): void {
  const renderer = new IssueRenderer(ctx);

  /** The ids of the issues the query matches, in its order: the index's view, the reconciled issues' live one. */
  const matchingIds = (user: SiteUser, request: SearchRequest, limit: number): number[] => {
    let query;
    try {
      query = parseJql(request.jql);
    } catch (error) {
      if (error instanceof JqlError) throw badRequest(error.message);
      throw error;
    }
    ctx.searchIndex.refresh(Date.now());
    const part = (tables: SearchTables, idFilter: string) => {
      let compiled;
      try {
        compiled = compileJql(query, {
          currentAccountId: user.accountId,
          keyExists: (key) => ctx.issues.find(key) !== undefined,
          propertiesTable: tables.properties,
          indexedProperties: ctx.indexedProperties,
        });
      } catch (error) {
        if (error instanceof JqlError) throw badRequest(error.message);
        throw error;
      }
      const visibility = visibilityFilter(user, tables.participants);
      return {
        sql: `SELECT i.id AS id, i.project_key AS project_key, i.num AS num, i.created AS created, i.updated AS updated
              FROM ${tables.issues} i WHERE ${compiled.where} AND ${visibility.sql}${idFilter}`,
        params: [...compiled.params, ...visibility.params],
        orderBy: compiled.orderBy,
        orderParams: compiled.orderParams,
      };
    };
    const reconciled = request.reconcile;
    const inList = reconciled.map(() => '?').join(', ');
    const indexed = part(ctx.searchIndex.tables(), reconciled.length ? ` AND i.id NOT IN (${inList})` : '');
    const parts = [indexed];
    const params: unknown[] = [...indexed.params, ...reconciled];
    if (reconciled.length) {
      const live = part(LIVE_TABLES, ` AND i.id IN (${inList})`);
      parts.push(live);
      params.push(...live.params, ...reconciled);
    }
    return ctx.db
      .prepare<unknown[], number>(
        `SELECT id FROM (${parts.map((p) => p.sql).join(' UNION ALL ')}) i ORDER BY ${indexed.orderBy} LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(...params, ...indexed.orderParams, limit, request.offset);
  };

  const render = (issue: IssueRecord, user: SiteUser, request: SearchRequest): Record<string, unknown> => {
    const { fields, expand, properties } = request;
    const extras: Record<string, unknown> = {};
    if (expand.includes('transitions')) extras.transitions = transitionsJson(ctx, ops, user, issue);
    if (fields === null) {
      // Ids only: no key, no self, no fields (the spec's default); asked-for properties and expansions still come.
      const bare = renderer.issue(issue, user, {
        fields: new Set(),
        expandChangelog: expand.includes('changelog'),
        properties,
      });
      return {
        id: bare.id,
        ...(bare.properties !== undefined ? { properties: bare.properties } : {}),
        ...(bare.changelog !== undefined ? { changelog: bare.changelog } : {}),
        ...extras,
      };
    }
    return {
      ...renderer.issue(issue, user, { fields, expandChangelog: expand.includes('changelog'), properties }),
      ...extras,
    };
  };

  const search = (user: SiteUser, input: SearchInput, fromBody: boolean) => {
    const request = parseSearch(input, fromBody);
    const ids = matchingIds(user, request, request.maxResults + 1);
    const pageIds = ids.slice(0, request.maxResults);
    const isLast = ids.length <= request.maxResults;
    const issues = ctx.issues.findMany(pageIds).map((issue) => render(issue, user, request));
    const returned = request.fields === null ? [] : ISSUE_FIELDS.filter((name) => request.fields!.has(name));
    return {
      issues,
      ...(request.expand.includes('names')
        ? { names: Object.fromEntries(returned.map((name) => [name, FIELD_META[name].name])) }
        : {}),
      ...(request.expand.includes('schema')
        ? { schema: Object.fromEntries(returned.map((name) => [name, FIELD_META[name].schema])) }
        : {}),
      isLast,
      ...(isLast ? {} : { nextPageToken: encodePageToken(request.jql, request.offset + pageIds.length) }),
    };
  };

  // POST /rest/api/3/search/approximate-count (spec: JQLCountRequestBean `{jql}` → JQLCountResultsBean `{count}`,
  // "Recent updates might not be immediately visible"): what the caller may see of what the JQL finds, counted in
  // the same eventually consistent index as the search.
  app.post<{ Body: { jql?: unknown } }>('/rest/api/3/search/approximate-count', async (request) => {
    const user = ctx.auth.require(request);
    const body = request.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.jql !== 'string')
      throw badRequest('The request body must be a JSON object with a "jql" string.');
    const unknownKeys = Object.keys(body).filter((k) => k !== 'jql');
    if (unknownKeys.length) throw badRequest(`Unrecognized field "${unknownKeys[0]}".`);
    const request_ = parseSearch({ jql: body.jql } as SearchInput, true);
    return { count: matchingIds(user, request_, Number.MAX_SAFE_INTEGER).length };
  });
  app.post<{ Body: SearchInput }>('/rest/api/3/search/jql', async (request) => {
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw badRequest('The request body must be a JSON object.');
    return search(ctx.auth.require(request), body, true);
  });
  app.get<{ Querystring: SearchInput }>('/rest/api/3/search/jql', async (request) =>
    search(ctx.auth.require(request), request.query, false),
  );
}
