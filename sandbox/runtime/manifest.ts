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

/** The kinds of user Forge tells apart ("Access to Forge apps for unlicensed users"). */
export type AccountKind = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

/** A Custom UI module (issue panel or context, portal panel or action, admin page) and its resolver function. */
export interface UiModule {
  type: string;
  key: string;
  resource: string;
  resolverFunction: string | undefined;
  /** The module's title, or its i18n key (`{ i18n: key }` in the manifest). */
  title: { text: string } | { i18n: string };
  /** The unlicensed kinds of user the module runs for (`unlicensedAccess`); licensed users always. */
  unlicensedAccess: AccountKind[];
  /** The manifest's `displayConditions`, as written. */
  displayConditions: Record<string, unknown>;
}

export interface AppManifest {
  appId: string;
  /** Function key → handler reference (`<file>.<export>`). */
  functions: Map<string, string>;
  /** Function key → its `timeoutSeconds`, when the manifest declares one. */
  timeoutSeconds: Map<string, number>;
  triggers: TriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  consumers: ConsumerModule[];
  uiModules: UiModule[];
  /** Resource key → absolute folder. */
  resources: Map<string, string>;
  scopes: string[];
  /** `permissions.content` (Custom UI's CSP additions: `styles`, `scripts`) and `permissions.external`. */
  content: { styles?: string[]; scripts?: string[] };
  external: Record<string, unknown>;
}

type Raw = Record<string, unknown>;

const UI_MODULE_TYPES = [
  'jira:issuePanel',
  'jira:issueContext',
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
  const timeoutSeconds = new Map(
    list('function')
      .filter((f) => typeof f.timeoutSeconds === 'number')
      .map((f) => [String(f.key), f.timeoutSeconds as number]),
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
          unlicensedAccess: ((m.unlicensedAccess as AccountKind[] | undefined) ?? []).filter((k) => k !== 'licensed'),
          displayConditions: (m.displayConditions as Record<string, unknown> | undefined) ?? {},
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
    timeoutSeconds,
    triggers,
    scheduledTriggers,
    consumers,
    uiModules,
    resources,
    scopes: (permissions.scopes as string[] | undefined) ?? [],
    content: (permissions.content as AppManifest['content'] | undefined) ?? {},
    external: (permissions.external as Record<string, unknown> | undefined) ?? {},
  };
}

/** Forge's function time limits, in ms ("Invocation limits", developer.atlassian.com/platform/forge/limits-invocation). */
export const FORGE_TIME_LIMITS_MS = { interactive: 25_000, defaultAsync: 55_000, maxAsync: 900_000 } as const;

/**
 * A function's time limit as Forge applies it: 25 s when a trigger or a Custom UI module uses it (no
 * timeoutSeconds extends that; a shorter one is honoured); for a function only consumers or scheduled triggers
 * use, its timeoutSeconds (at most 900) or 55 s.
 * @example functionTimeLimitMs(manifest, 'consume-work') //=> 900_000 with timeoutSeconds: 900
 */
export function functionTimeLimitMs(manifest: AppManifest, functionKey: string): number {
  const declared = manifest.timeoutSeconds.get(functionKey);
  const interactive =
    manifest.triggers.some((t) => t.function === functionKey) ||
    manifest.uiModules.some((m) => m.resolverFunction === functionKey);
  if (interactive) return Math.min(FORGE_TIME_LIMITS_MS.interactive, (declared ?? Infinity) * 1000);
  if (declared === undefined) return FORGE_TIME_LIMITS_MS.defaultAsync;
  return Math.min(Math.max(declared, 1), 900) * 1000;
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
