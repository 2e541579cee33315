/**
 * In-memory stand-ins for @forge/kvs and @forge/events, for unit tests of the shell (the end-to-end tests use the
 * real packages through the sandbox). The key-value store answers as Forge's does where the app relies on it:
 * `set` with `keyPolicy: 'FAIL_IF_EXISTS'` on an existing key fails with `code: 'KEY_CONFLICT'`; `query()` finds
 * keys by prefix, in key order, a page at a time.
 *
 * Use (jest.mock factories may only require, so the module is taken from the registry):
 *   jest.mock('@forge/kvs', () => jest.requireActual('<path>/test/support/forge-mocks').forgeKvs);
 *   jest.mock('@forge/events', () => jest.requireActual('<path>/test/support/forge-mocks').forgeEvents);
 *   import { kvsStore, queued } from '<path>/test/support/forge-mocks';
 *   beforeEach(() => resetForgeMocks());
 */

/** What the app stored, by key. */
export const kvsStore = new Map<string, unknown>();

/** What the app pushed to its queues: each push's `{ body, delayInSeconds }`, with the queue's key. */
export const queued: Array<{ queue: string; body: unknown; delayInSeconds?: number }> = [];

/** Empties the store and the queue. */
export function resetForgeMocks(): void {
  kvsStore.clear();
  queued.length = 0;
}

class KeyConflictError extends Error {
  readonly code = 'KEY_CONFLICT';
  constructor(key: string) {
    super(`the key ${key} already exists`);
  }
}

interface Condition {
  condition: 'BEGINS_WITH';
  value: string;
}

class Query {
  private prefix = '';
  private max = 20;
  private after: string | undefined;

  where(_field: 'key', condition: Condition): this {
    this.prefix = condition.value;
    return this;
  }

  limit(max: number): this {
    this.max = max;
    return this;
  }

  cursor(cursor: string): this {
    this.after = cursor;
    return this;
  }

  async getMany<T>(): Promise<{ results: Array<{ key: string; value: T }>; nextCursor?: string }> {
    const keys = [...kvsStore.keys()]
      .filter((k) => k.startsWith(this.prefix) && (this.after === undefined || k > this.after))
      .sort();
    const page = keys.slice(0, this.max);
    const results = page.map((key) => ({ key, value: kvsStore.get(key) as T }));
    return keys.length > page.length ? { results, nextCursor: page.at(-1) } : { results };
  }
}

/** The module `@forge/kvs` as the app imports it. */
export const forgeKvs = {
  kvs: {
    get: async <T>(key: string): Promise<T | undefined> => kvsStore.get(key) as T | undefined,
    set: async (key: string, value: unknown, opts?: { keyPolicy?: string }): Promise<void> => {
      if (opts?.keyPolicy === 'FAIL_IF_EXISTS' && kvsStore.has(key)) throw new KeyConflictError(key);
      kvsStore.set(key, value);
    },
    delete: async (key: string): Promise<void> => void kvsStore.delete(key),
    query: () => new Query(),
  },
  WhereConditions: {
    beginsWith: (value: string): Condition => ({ condition: 'BEGINS_WITH', value }),
  },
};

/** The module `@forge/events` as the app imports it. */
export const forgeEvents = {
  Queue: class {
    private readonly key: string;
    constructor(opts: { key: string }) {
      this.key = opts.key;
    }
    async push(event: { body: unknown; delayInSeconds?: number }): Promise<void> {
      queued.push({ queue: this.key, ...event });
    }
  },
};
