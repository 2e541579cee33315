/**
 * The Forge key-value store, emulated on SQLite (table `kvs`, created by sandbox/db.ts): the endpoints the
 * real @forge/kvs package's StorageApi calls through `__forge_fetch__({ type: 'kvs' })`, with its error codes
 * (KEY_NOT_FOUND 404, KEY_CONFLICT 409 for keyPolicy FAIL_IF_EXISTS), TTLs, returnValue, BEGINS_WITH queries
 * with cursors, batches and transactions of sets and deletes. Secrets and custom entities are not emulated.
 */
import type { Database } from '../db';

export interface KvsReply {
  status: number;
  body?: unknown;
}

interface Row {
  key: string;
  value: string;
  expires_at: number | null;
}

interface SetOptions {
  ttl?: { value: number; unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' };
  keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS';
  returnValue?: 'PREVIOUS' | 'LATEST';
}

interface SetRequest {
  key: string;
  value: unknown;
  options?: SetOptions;
  entityName?: string;
  conditions?: unknown;
}

const TTL_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;
const MAX_QUERY_LIMIT = 100;

const error = (status: number, code: string, message: string): KvsReply => ({ status, body: { code, message } });
const keyNotFound = (key: string) => error(404, 'KEY_NOT_FOUND', `The key ${key} was not found`);

export class KvsEmulator {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * Answers one StorageApi request (POST path with a JSON body) as the Forge KVS service does.
   * @example kvs.handle('/api/v1/get', { key: 'config' }) //=> { status: 404, body: { code: 'KEY_NOT_FOUND', ... } }
   */
  handle(path: string, body: unknown): KvsReply {
    const request = (body ?? {}) as Record<string, unknown>;
    switch (path) {
      case '/api/v1/get':
        return this.get(String(request.key));
      case '/api/v1/set':
        return this.set(request as unknown as SetRequest);
      case '/api/v1/delete':
        this.remove(String(request.key));
        return { status: 204 };
      case '/api/v1/query':
        return this.query(request);
      case '/api/v1/batch/set':
        return this.batchSet(body as SetRequest[]);
      case '/api/v1/batch/get':
        return this.batchGet(body as Array<{ key: string }>);
      case '/api/v1/batch/delete':
        for (const item of body as Array<{ key: string }>) this.remove(item.key);
        return {
          status: 200,
          body: { successfulKeys: (body as Array<{ key: string }>).map(({ key }) => ({ key })), failedKeys: [] },
        };
      case '/api/v1/transaction':
        return this.transact(
          request as { set?: SetRequest[]; delete?: Array<{ key: string; conditions?: unknown }>; check?: unknown[] },
        );
      default:
        return error(
          400,
          'UNSUPPORTED',
          `The sandbox does not emulate ${path} (secrets and custom entities are not supported)`,
        );
    }
  }

  private row(key: string): Row | undefined {
    const row = this.db.prepare('SELECT key, value, expires_at FROM kvs WHERE key = ?').get(key) as Row | undefined;
    return row && (row.expires_at === null || row.expires_at > this.now()) ? row : undefined;
  }

  private get(key: string): KvsReply {
    const row = this.row(key);
    return row ? { status: 200, body: entry(row) } : keyNotFound(key);
  }

  private set(request: SetRequest): KvsReply {
    if (request.entityName || request.conditions)
      return error(400, 'UNSUPPORTED', 'Custom entities are not emulated by the sandbox');
    const previous = this.row(request.key);
    const options = request.options ?? {};
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous)
      return error(409, 'KEY_CONFLICT', `The key ${request.key} already exists`);
    const expiresAt = options.ttl ? this.now() + options.ttl.value * TTL_MS[options.ttl.unit] : null;
    const value = JSON.stringify(request.value ?? null);
    this.db
      .prepare(
        'INSERT INTO kvs (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      )
      .run(request.key, value, expiresAt);
    if (options.returnValue === 'LATEST')
      return { status: 200, body: entry({ key: request.key, value, expires_at: expiresAt }) };
    if (options.returnValue === 'PREVIOUS') return previous ? { status: 200, body: entry(previous) } : { status: 204 };
    return { status: 204 };
  }

  private remove(key: string): void {
    this.db.prepare('DELETE FROM kvs WHERE key = ?').run(key);
  }

  private query(request: Record<string, unknown>): KvsReply {
    const where =
      (request.where as Array<{ property: string; condition: string; values: unknown[] }> | undefined) ?? [];
    const unsupported = where.find((w) => w.property !== 'key' || w.condition !== 'BEGINS_WITH');
    if (unsupported)
      return error(
        400,
        'UNSUPPORTED',
        `The sandbox's kvs queries support key BEGINS_WITH only, not ${unsupported.property} ${unsupported.condition}`,
      );
    const prefix = where.length ? String(where[0]!.values[0] ?? '') : '';
    const limit = Math.min(Number(request.limit) || 10, MAX_QUERY_LIMIT);
    const after = typeof request.after === 'string' ? Buffer.from(request.after, 'base64url').toString('utf8') : '';
    const rows = this.db
      .prepare(
        `SELECT key, value, expires_at FROM kvs WHERE substr(key, 1, ?) = ? AND key > ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY key LIMIT ?`,
      )
      .all(prefix.length, prefix, after, this.now(), limit + 1) as Row[];
    const page = rows.slice(0, limit);
    const cursor =
      rows.length > limit ? Buffer.from(page[page.length - 1]!.key, 'utf8').toString('base64url') : undefined;
    return { status: 200, body: { data: page.map(entry), ...(cursor ? { cursor } : {}) } };
  }

  private batchSet(items: SetRequest[]): KvsReply {
    const successfulKeys: Array<{ key: string }> = [];
    const failedKeys: Array<{ key: string; error: { code: string; message: string } }> = [];
    for (const item of items) {
      const reply = this.set(item);
      if (reply.status < 300) successfulKeys.push({ key: item.key });
      else failedKeys.push({ key: item.key, error: reply.body as { code: string; message: string } });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(items: Array<{ key: string }>): KvsReply {
    const found = items.map(({ key }) => this.row(key));
    return {
      status: 200,
      body: {
        successfulKeys: found.filter((row): row is Row => row !== undefined).map(entry),
        failedKeys: items
          .filter((_, i) => !found[i])
          .map(({ key }) => ({ key, error: { code: 'KEY_NOT_FOUND', message: `The key ${key} was not found` } })),
      },
    };
  }

  private transact(request: {
    set?: SetRequest[];
    delete?: Array<{ key: string; conditions?: unknown }>;
    check?: unknown[];
  }): KvsReply {
    if (
      request.check?.length ||
      request.delete?.some((d) => d.conditions) ||
      request.set?.some((s) => s.conditions || s.entityName)
    ) {
      return error(400, 'UNSUPPORTED', 'Conditional transactions on custom entities are not emulated by the sandbox');
    }
    this.db.transaction(() => {
      for (const item of request.set ?? []) this.set({ key: item.key, value: item.value, options: item.options });
      for (const item of request.delete ?? []) this.remove(item.key);
    })();
    return { status: 204 };
  }
}

function entry(row: Row): { key: string; value: unknown; expireTime?: string } {
  return {
    key: row.key,
    value: JSON.parse(row.value),
    ...(row.expires_at !== null ? { expireTime: new Date(row.expires_at).toISOString() } : {}),
  };
}
