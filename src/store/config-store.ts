/**
 * The configuration in @forge/kvs: read with its defaults filled in, written only when valid.
 */
import { kvs } from '@forge/kvs';
import { defaultConfig, type Config } from '../domain/config';
import { validateConfig, type ConfigValidation } from '../domain/config-errors';
import type { Language } from '../domain/language';

export const CONFIG_KEY = 'config';

/**
 * The stored configuration, or the defaults of a fresh install. A stored value that no longer validates
 * (say, written by an older version) is kept untouched and the defaults are used, with a log line.
 * @example const config = await loadConfig(); config.responseGoals.defaultMinutes //=> 240
 */
export async function loadConfig(): Promise<Config> {
  const stored = await kvs.get<unknown>(CONFIG_KEY);
  if (stored === undefined) return defaultConfig();
  const result = validateConfig(stored, 'en');
  if (result.ok) return result.config;
  console.error(
    '[support-rules] stored configuration is invalid; using the defaults until an admin fixes it:',
    JSON.stringify(result.errors),
  );
  return defaultConfig();
}

/**
 * The configuration as stored (what the admin page edits), or undefined on a fresh install.
 * @example await loadStoredConfig() //=> undefined
 */
export async function loadStoredConfig(): Promise<unknown> {
  return kvs.get<unknown>(CONFIG_KEY);
}

/**
 * Validates and, only when valid, saves the configuration (with its defaults filled in).
 * @example (await saveConfig({ reminders: { reminderDays: [6, 3] } }, 'fr')).ok //=> false, nothing saved
 */
export async function saveConfig(input: unknown, lang: Language): Promise<ConfigValidation> {
  const result = validateConfig(input, lang);
  if (result.ok) await kvs.set(CONFIG_KEY, result.config);
  return result;
}
