/**
 * JQL search: POST and GET /rest/api/3/search/jql, paged by an opaque, stateless `nextPageToken` (the next
 * offset bound to a hash of the query), with `fields` (default `id`, as Jira), `expand=changelog` and
 * `properties`. Customers find only the requests they may see. A query the sandbox does not understand is a
 * 400 naming the part it does not support.
 */
import { createHash } from 'crypto';
import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context';
import { badRequest } from '../errors';
import { IssueRenderer, selectFields } from '../issue-json';
import { JqlError, parseJql } from '../jql';
import { compileJql } from '../jql-sql';
import { visibilityFilter } from '../permissions';
import type { SiteUser } from '../users';
import { listParam } from './params';

/** Jira's page sizes: up to 5000 issues when only ids or keys are asked, 100 when fields come along. */
export const MAX_RESULTS_IDS = 5000;
export const MAX_RESULTS_FIELDS = 100;
const DEFAULT_MAX_RESULTS = 50;

interface SearchInput {
  jql?: unknown;
  nextPageToken?: unknown;
  maxResults?: unknown;
  fields?: unknown;
  expand?: unknown;
  properties?: unknown;
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

/**
 * Mounts POST and GET /rest/api/3/search/jql.
 * @example searchRoutes(app, ctx)
 */
export function searchRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const renderer = new IssueRenderer(ctx);

  const search = (user: SiteUser, input: SearchInput) => {
    if (typeof input.jql !== 'string') throw badRequest('The jql parameter is required.');
    const jql = input.jql;
    const fields = selectFields(listParam(input.fields as string | string[] | undefined), ['id']);
    const expand = listParam(input.expand as string | string[] | undefined);
    const cap = fields.size === 0 && !expand.includes('changelog') ? MAX_RESULTS_IDS : MAX_RESULTS_FIELDS;
    const requested =
      input.maxResults === undefined || input.maxResults === '' ? DEFAULT_MAX_RESULTS : Number(input.maxResults);
    if (!Number.isInteger(requested) || requested < 0)
      throw badRequest("The 'maxResults' parameter must be a non-negative integer.");
    // A page holds at least one issue, so that paging always moves forward.
    const maxResults = Math.max(1, Math.min(requested, cap));
    const offset =
      typeof input.nextPageToken === 'string' && input.nextPageToken ? decodePageToken(input.nextPageToken, jql) : 0;

    let compiled;
    try {
      compiled = compileJql(parseJql(jql), {
        currentAccountId: user.accountId,
        keyExists: (key) => ctx.issues.find(key) !== undefined,
        timeZone: user.timeZone,
      });
    } catch (error) {
      if (error instanceof JqlError) throw badRequest(error.message);
      throw error;
    }
    const visibility = visibilityFilter(user);
    const ids = ctx.db
      .prepare<unknown[], number>(
        `SELECT i.id FROM issues i WHERE ${compiled.where} AND ${visibility.sql} ORDER BY ${compiled.orderBy} LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(...compiled.params, ...visibility.params, maxResults + 1, offset);
    const pageIds = ids.slice(0, maxResults);
    const isLast = ids.length <= maxResults;
    const properties = listParam(input.properties as string | string[] | undefined).slice(0, 5);
    const issues = ctx.issues
      .findMany(pageIds)
      .map((issue) =>
        renderer.issue(issue, user, { fields, expandChangelog: expand.includes('changelog'), properties }),
      );
    return { issues, isLast, ...(isLast ? {} : { nextPageToken: encodePageToken(jql, offset + pageIds.length) }) };
  };

  app.post<{ Body: SearchInput }>('/rest/api/3/search/jql', async (request) =>
    search(ctx.auth.require(request), request.body ?? {}),
  );
  app.get<{ Querystring: SearchInput }>('/rest/api/3/search/jql', async (request) =>
    search(ctx.auth.require(request), request.query),
  );
}
