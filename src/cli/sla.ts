/**
 * The `sla` command (DESIGN.md section 4): prints the response SLA of requests exported from Jira, one JSON
 * line per request, so an admin can audit them.
 *
 *   npm run --silent sla -- [--now <ISO>] [--coverage business_hours|24x7] [--config <file>] <issue.json>...
 *
 * Each file holds the body of GET /rest/api/3/issue/{key}?expand=changelog (or a list of them, or a search
 * result with `issues`). A file that cannot be read is reported on stderr and the others still print; the
 * exit code is then 1 (2 for a usage or configuration error, when nothing is computed).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseJiraInstant } from '../domain/changelog';
import { defaultConfig, type Config } from '../domain/config';
import { validateConfig } from '../domain/config-errors';
import { COVERAGES, type Coverage } from '../domain/contract';
import type { SlaResult } from '../domain/sla';
import { slaFromIssue, type JiraIssueJson } from '../domain/sla-from-issue';
import { readExport } from './read-export';

export const USAGE =
  'usage: npm run --silent sla -- [--now <ISO>] [--coverage business_hours|24x7] [--config <file>] <issue.json>...';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /**
   * A file's content: its bytes (read with {@link readExport}), or its text (read with JSON.parse). Bytes may be
   * lent: they are read before the next call.
   */
  readFile(path: string): string | Uint8Array;
  nowMs(): number;
}

/**
 * The contract's line: DESIGN.md section 4's keys, in its order (the timeline and unmapped statuses stay out).
 * @example slaLine(result) //=> '{"issueKey":"SUP-1","coverage":"business_hours","state":"running",...,"breachAt":null}'
 */
export function slaLine(r: SlaResult): string {
  const {
    issueKey,
    coverage,
    state,
    breached,
    startedAt,
    stoppedAt,
    stopStatus,
    elapsedMs,
    goalMs,
    remainingMs,
    breachAt,
  } = r;
  return JSON.stringify({
    issueKey,
    coverage,
    state,
    breached,
    startedAt,
    stoppedAt,
    stopStatus,
    elapsedMs,
    goalMs,
    remainingMs,
    breachAt,
  });
}

class UsageError extends Error {}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function loadConfig(path: string | undefined, io: Io): Config {
  if (path === undefined) return defaultConfig();
  let json: unknown;
  try {
    json = JSON.parse(textOf(io.readFile(path)));
  } catch (error) {
    throw new UsageError(`--config ${path}: ${errorMessage(error)}`);
  }
  const validation = validateConfig(json, 'en');
  if (!validation.ok)
    throw new UsageError(
      validation.errors.map((e) => `--config ${path}: ${e.path || '(root)'}: ${e.message}`).join('\n'),
    );
  return validation.config;
}

/** A file's content as text (bytes decoded from UTF-8). */
function textOf(content: string | Uint8Array): string {
  return typeof content === 'string'
    ? content
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
}

/**
 * The JSON value of a file's content. Bytes go through {@link readExport}, which builds only what the SLA
 * reads; when it declines (invalid JSON, or a case it leaves to JSON.parse), the decoded text goes to JSON.parse.
 */
function parseJson(content: string | Uint8Array): unknown {
  if (typeof content !== 'string') {
    const value = readExport(content);
    if (value !== undefined) return value;
  }
  try {
    return JSON.parse(textOf(content));
  } catch (error) {
    throw new Error(`not valid JSON (${errorMessage(error)})`);
  }
}

/** The issues a file holds: one issue, a list of issues, or a search result's `issues`. */
function issuesIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object' && Array.isArray((json as { issues?: unknown }).issues) && !('fields' in json))
    return (json as { issues: unknown[] }).issues;
  return [json];
}

/**
 * Runs the command; returns its exit code.
 * @example runSla(['--now', '2024-03-04T12:00:00Z', 'SUP-1.json'], io) //=> 0, after io.out('{"issueKey":"SUP-1",...}')
 */
export function runSla(args: string[], io: Io): number {
  let options: { now?: string; coverage?: string; config?: string };
  let files: string[];
  let config: Config;
  let nowMs: number;
  let coverage: Coverage | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { now: { type: 'string' }, coverage: { type: 'string' }, config: { type: 'string' } },
      });
    } catch (error) {
      throw new UsageError(errorMessage(error));
    }
    options = parsed.values;
    files = parsed.positionals;
    if (files.length === 0) throw new UsageError('no issue file given');
    if (options.coverage !== undefined && !(COVERAGES as readonly string[]).includes(options.coverage))
      throw new UsageError(`--coverage must be one of ${COVERAGES.join(', ')}, not "${options.coverage}"`);
    coverage = options.coverage as Coverage | undefined;
    if (options.now === undefined) nowMs = io.nowMs();
    else {
      const parsedNow = parseJiraInstant(options.now);
      if (parsedNow === undefined)
        throw new UsageError(
          `--now must be an ISO instant with its offset, such as 2024-03-04T12:00:00Z, not "${options.now}"`,
        );
      nowMs = parsedNow;
    }
    config = loadConfig(options.config, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    for (const line of error.message.split('\n')) io.err(`sla: ${line}`);
    io.err(USAGE);
    return 2;
  }

  let failed = false;
  for (const file of files) {
    let issues: unknown[];
    try {
      issues = issuesIn(parseJson(io.readFile(file)));
      if (issues.length === 0)
        throw new Error(
          'holds no issue (expected the JSON of GET /rest/api/3/issue/{key}?expand=changelog, a list of them, or a search result with "issues")',
        );
    } catch (error) {
      io.err(`sla: ${file}: ${errorMessage(error)}`);
      failed = true;
      continue;
    }
    for (const issue of issues) {
      try {
        if (
          issue &&
          typeof issue === 'object' &&
          !Array.isArray(issue) &&
          (issue as JiraIssueJson).changelog === undefined
        ) {
          const key = (issue as JiraIssueJson).key;
          throw new Error(
            `${typeof key === 'string' ? key : 'an issue'}: no changelog: the SLA is computed from it, so export the issue with ?expand=changelog`,
          );
        }
        const result = slaFromIssue(issue as JiraIssueJson, config, nowMs, coverage ? { coverage } : {});
        io.out(slaLine(result));
        const changelog = (issue as JiraIssueJson).changelog;
        const held = changelog?.histories?.length ?? 0;
        if (typeof changelog?.total === 'number' && changelog.total > held) {
          io.err(
            `sla: ${file}: warning: ${result.issueKey}: the export holds ${held} of ${changelog.total} changelog entries; the SLA is computed from those only`,
          );
        }
        for (const status of result.unmappedStatuses) {
          const shown = [
            status.name === null ? null : `"${status.name}"`,
            status.id === null ? null : `id ${status.id}`,
          ]
            .filter(Boolean)
            .join(', ');
          io.err(
            `sla: ${file}: warning: ${result.issueKey}: status ${shown} is not mapped (counted as running); map it in the configuration's statusMapping`,
          );
        }
      } catch (error) {
        io.err(`sla: ${file}: ${errorMessage(error)}`);
        failed = true;
      }
    }
  }
  return failed ? 1 : 0;
}

/** The bytes read by the last {@link readInto}. */
let bytesRead = 0;

/**
 * Reads a file into `buffer` (a larger one if it does not fit, which it returns) until its end, as readFileSync
 * does, without a new buffer for each file; sets {@link bytesRead}.
 */
function readInto(buffer: Buffer, path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    bytesRead = 0;
    for (;;) {
      if (bytesRead === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, bytesRead);
        buffer = larger;
      }
      const n = readSync(fd, buffer, bytesRead, buffer.length - bytesRead, null);
      if (n === 0) return buffer;
      bytesRead += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The process's Io: files read as bytes (into one buffer, lent until the next read), output lines gathered and
 * written in blocks (an error line first writes the lines before it, so a terminal shows both streams in order).
 * Call `flush` at the end.
 * @example const io = nodeIo(); runSla(args, io); io.flush();
 */
export function nodeIo(
  stdout: { write(text: string): unknown } = process.stdout,
  stderr: { write(text: string): unknown } = process.stderr,
): Io & { flush(): void } {
  let pending: string[] = [];
  let size = 0;
  let buffer: Buffer = Buffer.allocUnsafe(1 << 16);
  const flush = (): void => {
    if (pending.length === 0) return;
    stdout.write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    out: (line) => {
      pending.push(`${line}\n`);
      size += line.length + 1;
      if (size >= 65_536) flush();
    },
    err: (line) => {
      flush();
      stderr.write(`${line}\n`);
    },
    readFile: (path) => (buffer = readInto(buffer, path)).subarray(0, bytesRead),
    nowMs: () => Date.now(),
    flush,
  };
}

if (require.main === module) {
  const io = nodeIo();
  process.exitCode = runSla(process.argv.slice(2), io);
  io.flush();
}
