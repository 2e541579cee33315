/**
 * Forge's Jira product events (avi:jira:created:issue, avi:jira:updated:issue, avi:jira:commented:issue) as the
 * rules' RequestEvents. Validated with zod: a payload that does not have the documented shape is rejected with
 * a reason, never half-read. Shapes: https://developer.atlassian.com/platform/forge/events-reference/jira/
 */
import { z } from 'zod';
import type { Person, RequestEvent } from '../../domain/request';
import { commentIsPublic } from '../../domain/comments';

export type TriggerKind = 'created' | 'updated' | 'commented';

export const EVENT_TYPES: Record<TriggerKind, string> = {
  created: 'avi:jira:created:issue',
  updated: 'avi:jira:updated:issue',
  commented: 'avi:jira:commented:issue',
};

const id = z.union([z.string().min(1), z.number()]).transform(String);
const account = z.object({
  accountId: z.string().min(1),
  displayName: z.string().optional(),
  accountType: z.string().optional(),
});

const project = z.object({ key: z.string().optional(), projectTypeKey: z.string().optional() }).loose();
const issueStatus = z.object({ id: id.optional(), name: z.string().optional() }).loose();
const issue = z.object({
  id,
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'is not an issue key'),
  fields: z
    .object({
      created: z.string().optional(),
      updated: z.string().optional(),
      project: project.optional(),
      // Read for the rules' sake only: a status of another shape is dropped, never the event.
      status: issueStatus.nullable().optional().catch(undefined),
    })
    .loose()
    .optional(),
});

const base = z.object({ eventType: z.string(), issue, atlassianId: z.string().min(1).optional() });

/**
 * A changelog item. Its `toString` / `fromString` keys shadow Object.prototype's names, so only own keys are
 * read (a missing `toString` must not read as the inherited function), renamed `toName` / `fromName`.
 */
const changeItem = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const own = (key: string): unknown =>
      Object.prototype.hasOwnProperty.call(raw, key) ? (raw as Record<string, unknown>)[key] : undefined;
    return {
      field: own('field'),
      fieldId: own('fieldId'),
      from: own('from'),
      to: own('to'),
      fromName: own('fromString'),
      toName: own('toString'),
    };
  },
  z.object({
    field: z.string(),
    fieldId: z.string().optional(),
    from: z.string().nullable().optional(),
    fromName: z.string().nullable().optional(),
    to: z.string().nullable().optional(),
    toName: z.string().nullable().optional(),
  }),
);

const updated = base.extend({ changelog: z.object({ id, items: z.array(changeItem) }) });

const commentProperty = z.object({ key: z.string(), value: z.unknown() });
const commented = base.extend({
  comment: z.object({
    id,
    author: account.nullable().optional(),
    body: z.unknown(),
    created: z.string().optional(),
    jsdPublic: z.boolean().optional(),
    properties: z.array(commentProperty).optional(),
    visibility: z.unknown().optional(),
  }),
});

export type ParseResult =
  | {
      ok: true;
      issueKey: string;
      issueId: string;
      events: RequestEvent[];
      /** The issue's project as the event gives it (`fields.project`), when it does. */
      project?: { key?: string; projectTypeKey?: string };
      /** A comment whose event proves neither public nor internal: parsed as internal until the comment is read. */
      commentToCheck?: string;
    }
  | { ok: false; reason: string };

function fail(error: z.ZodError): ParseResult {
  const issueText = error.issues[0];
  return {
    ok: false,
    reason: issueText ? `${issueText.path.join('.') || 'payload'}: ${issueText.message}` : 'invalid payload',
  };
}

function at(...candidates: (string | undefined)[]): number | undefined {
  for (const c of candidates) {
    const ms = c ? Date.parse(c) : NaN;
    if (Number.isFinite(ms)) return ms;
  }
  return undefined;
}

function actorOf(accountId: string | undefined, author?: z.infer<typeof account> | null): Person | null {
  if (author) return { accountId: author.accountId, displayName: author.displayName, accountType: author.accountType };
  return accountId ? { accountId } : null;
}

/**
 * Parses one Forge event. An update becomes a status change (with the resolution set in the same changelog)
 * and/or a change of other fields; `nowMs` dates an event whose payload carries no date.
 * @example parseEvent('commented', payload, Date.now()) //=> { ok: true, issueKey: 'SUP-1', events: [{ kind: 'commented', commentId: '10400', internal: false, ... }] }
 */
export function parseEvent(kind: TriggerKind, payload: unknown, nowMs: number): ParseResult {
  const expected = EVENT_TYPES[kind];
  const envelope = base.safeParse(payload);
  if (!envelope.success) return fail(envelope.error);
  if (envelope.data.eventType !== expected)
    return { ok: false, reason: `eventType: expected ${expected}, got ${envelope.data.eventType}` };
  const { issue: i, atlassianId } = envelope.data;
  const common = { issueKey: i.key, actor: actorOf(atlassianId) };
  const inProject = i.fields?.project ? { project: i.fields.project } : {};
  const done = (events: RequestEvent[]): ParseResult => ({
    ok: true,
    issueKey: i.key,
    issueId: i.id,
    events,
    ...inProject,
  });

  if (kind === 'created') return done([{ kind: 'created', ...common, at: at(i.fields?.created) ?? nowMs }]);

  if (kind === 'updated') {
    const parsed = updated.safeParse(payload);
    if (!parsed.success) return fail(parsed.error);
    const { changelog } = parsed.data;
    const when = at(i.fields?.updated) ?? nowMs;
    const status = changelog.items.find((item) => item.field === 'status' || item.fieldId === 'status');
    const resolution = changelog.items.find((item) => item.field === 'resolution' || item.fieldId === 'resolution');
    const others = changelog.items
      .filter((item) => item !== status && item !== resolution)
      .map((item) => item.fieldId ?? item.field);
    const events: RequestEvent[] = [];
    if (status) {
      if (!status.to && !status.toName)
        return { ok: false, reason: 'changelog.items: the status change has no target status' };
      events.push({
        kind: 'status_changed',
        ...common,
        at: when,
        changelogId: changelog.id,
        from: status.from || status.fromName ? { id: status.from ?? null, name: status.fromName ?? null } : null,
        to: { id: status.to ?? null, name: status.toName ?? null },
        resolution: resolution?.toName ?? null,
      });
    }
    const fields = [...others, ...(resolution && !status ? ['resolution'] : [])];
    if (fields.length > 0)
      events.push({ kind: 'fields_changed', ...common, at: when, changelogId: changelog.id, fields });
    return done(events);
  }

  const parsed = commented.safeParse(payload);
  if (!parsed.success) return fail(parsed.error);
  const { comment } = parsed.data;
  const said = i.fields?.status;
  const statusWhenMade = said?.id || said?.name ? { id: said.id ?? null, name: said.name ?? null } : undefined;
  // Public only when proven so (jsdPublic, or the sd.public.comment property, and no role or group restriction).
  const isPublic = commentIsPublic(comment);
  const result = done([
    {
      kind: 'commented',
      issueKey: i.key,
      actor: actorOf(atlassianId, comment.author),
      at: at(comment.created) ?? nowMs,
      commentId: comment.id,
      internal: isPublic !== true,
      body: comment.body,
      ...(statusWhenMade ? { statusWhenMade } : {}),
    },
  ]);
  return isPublic === null && result.ok ? { ...result, commentToCheck: comment.id } : result;
}
