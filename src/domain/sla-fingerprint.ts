/**
 * Which configuration measured an SLA: a short fingerprint of the settings that measure one (status mapping,
 * calendars, holidays, coverage, goals, the at-risk share). Equal settings, equal fingerprint. Pure and light
 * (the admin page uses it to tell when a draft changes how SLAs are measured).
 */
import type { Config } from './config';

/** The parts of the configuration that measure an SLA. */
type SlaSettings = Pick<Config, 'statusMapping' | 'calendars' | 'coverage' | 'responseGoals' | 'sla'>;

/** A JSON value with its object keys sorted, so equal settings always serialise alike. */
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonicalJson((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * The fingerprint of the settings that measure an SLA.
 * @example slaConfigFingerprint(defaultConfig()) === slaConfigFingerprint(defaultConfig()) //=> true
 */
export function slaConfigFingerprint(config: SlaSettings): string {
  const { statusMapping, calendars, coverage, responseGoals, sla } = config;
  const text = JSON.stringify(canonicalJson({ statusMapping, calendars, coverage, responseGoals, sla }));
  // FNV-1a, 32 bits: a label, not a security measure.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * True when two configurations measure SLAs differently: what a what-if, and a refresh of the running records on
 * save, are for.
 * @example slaSettingsDiffer(config, { ...config, reminders: { ...config.reminders, autoCloseDays: 14 } }) //=> false
 */
export function slaSettingsDiffer(a: SlaSettings, b: SlaSettings): boolean {
  return slaConfigFingerprint(a) !== slaConfigFingerprint(b);
}
