/**
 * The issue property values Jira indexes for JQL: those the installed app's `jira:entityProperty` (and
 * `jira:entityPropertySet`) modules declare, each with its type and optional `searchAlias`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/: "requests
 * that fields of an entity property are indexed by Jira to make the fields available to query in JQL").
 */
import { readFileSync } from 'fs';
import { parse } from 'yaml';

/** "number", "text" (tokenized words), "string" (the exact value), "user" (an account id), "date". */
export type ExtractionType = 'number' | 'string' | 'text' | 'user' | 'date';

export interface IndexedProperty {
  propertyKey: string;
  /** The value's path in the property's JSON, '.'-separated. */
  path: string;
  type: ExtractionType;
  searchAlias?: string;
}

const TYPES: readonly ExtractionType[] = ['number', 'string', 'text', 'user', 'date'];

type Raw = Record<string, unknown>;

/**
 * The issue property values a manifest's modules declare for indexing.
 * @example indexedProperties(parse(readFileSync('manifest.yml', 'utf8')))[0] //=> { propertyKey: 'supportRulesState', path: 'waiting', type: 'string', searchAlias: 'srWaiting' }
 */
export function indexedProperties(manifest: unknown): IndexedProperty[] {
  const modules = ((manifest as Raw | null)?.modules ?? {}) as Record<string, Raw[] | undefined>;
  const declarations: Raw[] = [
    ...(modules['jira:entityProperty'] ?? []),
    ...(modules['jira:entityPropertySet'] ?? []).flatMap((set) => (set.properties as Raw[] | undefined) ?? []),
  ];
  return declarations
    .filter((d) => (d.entityType ?? 'issue') === 'issue' && typeof d.propertyKey === 'string')
    .flatMap((d) =>
      ((d.values as Raw[] | undefined) ?? []).flatMap((v) => {
        const type = String(v.type ?? '').toLowerCase() as ExtractionType;
        if (typeof v.path !== 'string' || !TYPES.includes(type)) return [];
        return [
          {
            propertyKey: d.propertyKey as string,
            path: v.path,
            type,
            ...(typeof v.searchAlias === 'string' ? { searchAlias: v.searchAlias } : {}),
          },
        ];
      }),
    );
}

/**
 * The issue property values a manifest file declares.
 * @example readIndexedProperties('manifest.yml').length //=> 4
 */
export function readIndexedProperties(manifestFile: string): IndexedProperty[] {
  return indexedProperties(parse(readFileSync(manifestFile, 'utf8')));
}
