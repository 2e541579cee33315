/**
 * The SLA report's rows as CSV (RFC 4180), as the report page exports them. Imports nothing but a type, so the
 * Custom UI bundles take it through src/shared/contracts.ts at no cost.
 */
import type { ReportRow } from './sla-report';

/** The CSV's columns, in order: each a row field. */
export const CSV_COLUMNS = [
  'key',
  'summary',
  'month',
  'organization',
  'priority',
  'coverage',
  'state',
  'outcome',
  'responseMs',
  'goalMs',
  'startedAt',
  'stoppedAt',
  'breachAt',
] as const satisfies readonly (keyof ReportRow)[];

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a leading =+-@ is neutralised. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula (CSV injection): a quote keeps it text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV (RFC 4180, CRLF line ends), with a header line of the column names.
 * @example reportCsv([row]).split('\r\n')[0] //=> 'key,summary,month,organization,priority,coverage,state,outcome,responseMs,goalMs,startedAt,stoppedAt,breachAt'
 */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
