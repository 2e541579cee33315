/**
 * Reads a Forge manifest (manifest.yml) into what the runtime wires: functions and their handlers, product
 * triggers, scheduled triggers, queue consumers, Custom UI modules with their resources, and the app's scopes.
 */
import { readFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { parse } from 'yaml';

export type ScheduleInterval = 'fiveMinute' | 'hour' | 'day' | 'week';

export const INTERVAL_MS: Record<ScheduleInterval, number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

export interface TriggerModule {
  key: string;
  function: string;
  events: string[];
  ignoreSelf: boolean;
}

export interface ScheduledTriggerModule {
  key: string;
  function: string;
  interval: ScheduleInterval;
}

export interface ConsumerModule {
  key: string;
  queue: string;
  function: string;
  method: string;
}

/** A Custom UI module (issue panel, portal panel or action, admin page) and its resolver function, if any. */
export interface UiModule {
  type: string;
  key: string;
  resource: string;
  resolverFunction: string | undefined;
  /** The module's title, or its i18n key (`{ i18n: key }` in the manifest). */
  title: { text: string } | { i18n: string };
}

export interface AppManifest {
  appId: string;
  /** Function key → handler reference (`<file>.<export>`). */
  functions: Map<string, string>;
  triggers: TriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  consumers: ConsumerModule[];
  uiModules: UiModule[];
  /** Resource key → absolute folder. */
  resources: Map<string, string>;
  scopes: string[];
}

type Raw = Record<string, unknown>;

const UI_MODULE_TYPES = [
  'jira:issuePanel',
  'jira:adminPage',
  'jira:projectPage',
  'jira:globalPage',
  'jiraServiceManagement:portalRequestDetailPanel',
  'jiraServiceManagement:portalRequestViewAction',
  'jiraServiceManagement:portalRequestDetail',
  'jiraServiceManagement:queuePage',
];

/**
 * Loads and reads a manifest file; resource paths are resolved against the manifest's folder.
 * @example loadManifest('manifest.yml').triggers[0] //=> { key: 'request-created', function: 'on-request-created', events: ['avi:jira:created:issue'], ignoreSelf: true }
 */
export function loadManifest(file: string): AppManifest {
  const raw = (parse(readFileSync(file, 'utf8')) ?? {}) as Raw;
  const modules = (raw.modules ?? {}) as Record<string, Raw[]>;
  const list = (type: string): Raw[] => modules[type] ?? [];
  const str = (value: unknown, what: string): string => {
    if (typeof value !== 'string' || value === '') throw new Error(`manifest ${file}: ${what} is missing`);
    return value;
  };
  const functions = new Map(
    list('function').map((f) => [str(f.key, 'function.key'), str(f.handler, `function ${String(f.key)} handler`)]),
  );
  const needFunction = (key: unknown, where: string): string => {
    const name = str(key, `${where}.function`);
    if (!functions.has(name)) throw new Error(`manifest ${file}: ${where} refers to unknown function ${name}`);
    return name;
  };

  const triggers = list('trigger').map((t) => ({
    key: str(t.key, 'trigger.key'),
    function: needFunction(t.function, `trigger ${String(t.key)}`),
    events: (t.events as string[] | undefined) ?? [],
    ignoreSelf: (t.filter as Raw | undefined)?.ignoreSelf === true,
  }));
  const scheduledTriggers = list('scheduledTrigger').map((t) => {
    const interval = str(t.interval, `scheduledTrigger ${String(t.key)} interval`);
    if (!(interval in INTERVAL_MS)) throw new Error(`manifest ${file}: unknown interval ${interval}`);
    return {
      key: str(t.key, 'scheduledTrigger.key'),
      function: needFunction(t.function, `scheduledTrigger ${String(t.key)}`),
      interval: interval as ScheduleInterval,
    };
  });
  const consumers = list('consumer').map((c) => {
    const resolver = (c.resolver ?? {}) as Raw;
    return {
      key: str(c.key, 'consumer.key'),
      queue: str(c.queue, `consumer ${String(c.key)} queue`),
      function: needFunction(resolver.function, `consumer ${String(c.key)}`),
      method: str(resolver.method, `consumer ${String(c.key)} resolver.method`),
    };
  });
  const uiModules = UI_MODULE_TYPES.flatMap((type) =>
    list(type)
      .filter((m) => typeof m.resource === 'string')
      .map((m) => {
        const resolver = m.resolver as Raw | undefined;
        return {
          type,
          key: str(m.key, `${type}.key`),
          resource: str(m.resource, `${type}.resource`),
          resolverFunction: resolver ? needFunction(resolver.function, `${type} ${String(m.key)}`) : undefined,
          title:
            typeof m.title === 'object' && m.title !== null
              ? { i18n: String((m.title as Raw).i18n) }
              : { text: String(m.title ?? m.key) },
        };
      }),
  );
  const base = dirname(resolve(file));
  const resources = new Map(
    ((raw.resources as Raw[] | undefined) ?? []).map((r) => [
      str(r.key, 'resource.key'),
      resolve(base, str(r.path, 'resource.path')),
    ]),
  );
  const app = (raw.app ?? {}) as Raw;
  const permissions = (raw.permissions ?? {}) as Raw;
  return {
    appId: typeof app.id === 'string' ? app.id : 'ari:cloud:ecosystem::app/sandbox',
    functions,
    triggers,
    scheduledTriggers,
    consumers,
    uiModules,
    resources,
    scopes: (permissions.scopes as string[] | undefined) ?? [],
  };
}

/**
 * Resolves each function's handler (`<file>.<export>`) in the given modules, keyed by file name.
 * @example resolveHandlers(manifest, { index: require('../../src') }).get('on-request-created') //=> [Function]
 */
export function resolveHandlers(
  manifest: AppManifest,
  modules: Record<string, Record<string, unknown>>,
): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const [key, ref] of manifest.functions) {
    const dot = ref.lastIndexOf('.');
    const file = ref.slice(0, dot);
    const name = ref.slice(dot + 1);
    const handler = modules[file]?.[name];
    if (typeof handler !== 'function') throw new Error(`function ${key}: handler ${ref} is not exported by ${file}`);
    handlers.set(key, handler as Handler);
  }
  return handlers;
}

export type Handler = (event: unknown, context: unknown) => unknown;
