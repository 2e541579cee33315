/**
 * The configuration's validation: every problem the schema finds, field by field, explained in the reader's
 * language with the catalog's texts. Pure: no I/O.
 */
import type { z } from 'zod';
import { configSchema, type Config } from './config';
import type { Language } from './language';
import { textsFor } from './texts';

/** One field's problem, with its path (`calendars.businessHours.timeZone`) and a message in the asked language. */
export interface ConfigError {
  path: string;
  message: string;
}

export type ConfigValidation = { ok: true; config: Config } | { ok: false; errors: ConfigError[] };

/**
 * Validates an admin's configuration (missing parts take their defaults) and explains every problem
 * in the given language, field by field.
 * @example validateConfig({ reminders: { reminderDays: [6, 3] } }, 'en').ok //=> false
 */
export function validateConfig(input: unknown, lang: Language): ConfigValidation {
  const parsed = configSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: describeIssue(issue, lang) })),
  };
}

type Params = Record<string, string | number>;

function describeIssue(issue: z.core.$ZodIssue, lang: Language): string {
  const texts = textsFor(lang);
  const t = texts.configIssue;
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as Params & { key?: string };
      const entry =
        params.key !== undefined && Object.prototype.hasOwnProperty.call(texts.config, params.key)
          ? (texts.config[params.key as keyof typeof texts.config] as (p: Params) => string)
          : undefined;
      return entry ? entry(params) : issue.message;
    }
    case 'invalid_type':
      return t.expected(t.typeNames[issue.expected] ?? issue.expected);
    case 'invalid_value':
      return t.invalidValue(issue.values.map((v) => JSON.stringify(v)).join(', '));
    case 'invalid_key':
      return t.noKey;
    case 'unrecognized_keys':
      return t.unknownSetting(issue.keys.join(', '));
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return t.listTooShort(min);
      if (issue.origin === 'string') return t.empty;
      return t.tooSmall(min);
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return t.listTooLong(max);
      if (issue.origin === 'string') return t.textTooLong(max);
      return t.tooBig(max);
    }
    default:
      return issue.message;
  }
}
