/**
 * The `sla` command on requests' exports with the configuration in force, for the end-to-end suites that hold the
 * app's answers to the command's: an admin exports the configuration (the config page's exportConfig, invoked as
 * Jira invokes it), each export is written to a file, and the command runs over them as `npm run sla` runs it (its
 * bundle, build/cli/sla.cjs, built first when stale by scripts/build-cli.mjs), in UTC. A file the command cannot
 * read fails the call; its lines are returned parsed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportedConfig, ResolverResult } from '../../src/shared/contracts';
import type { TestSandbox } from './sandbox';

/** The keys of a line of the `sla` command (DESIGN.md section 4) that the suites read. */
export interface SlaCommandLine {
  issueKey: string;
  coverage: string;
  state: 'running' | 'paused' | 'stopped';
  breached: boolean;
  startedAt: string;
  stoppedAt: string | null;
  elapsedMs: number;
  goalMs: number;
  remainingMs: number;
  breachAt: string | null;
}

/**
 * The `sla` command's lines for these exports (bodies of GET /rest/api/3/issue/{key}?expand=changelog), at `now`,
 * with the configuration the admin page exports.
 * @example const lines = await slaCommandLines(sandbox, [await sandbox.asUser(agent.emailAddress).ok('GET', '/rest/api/3/issue/SUP-1?expand=changelog')], now);
 */
export async function slaCommandLines(
  sandbox: TestSandbox,
  exports: ReadonlyArray<{ key: string }>,
  now: string,
): Promise<SlaCommandLine[]> {
  const admin = await sandbox.user('admin@sandbox.test');
  const exported = (
    await sandbox.invoke<{ result: ResolverResult<ExportedConfig> }>(admin.accountId, {
      moduleKey: 'config-page',
      functionKey: 'exportConfig',
      payload: {},
      issueKey: null,
    })
  ).result;
  if (!exported.ok) throw new Error(exported.message);
  const dir = mkdtempSync(join(tmpdir(), 'sla-command-'));
  try {
    writeFileSync(join(dir, 'config.json'), exported.data.json);
    const files = exports.map((issue) => {
      const file = join(dir, `${issue.key}.json`);
      writeFileSync(file, JSON.stringify(issue));
      return file;
    });
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`sla command's bundle: ${build.stderr}`);
    const run = spawnSync(
      process.execPath,
      ['build/cli/sla.cjs', '--now', now, '--config', join(dir, 'config.json'), ...files],
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
    );
    if (run.status !== 0 && run.status !== 1) throw new Error(`sla command: ${run.stderr}`);
    return run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SlaCommandLine);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
