import { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { Config, ResolverResult, SlaJobsView } from '../../../src/shared/contracts';
import { slaConfigFingerprint } from '../../../src/shared/contracts';
import { adminApi } from '../../common/src/api';
import { formatDuration } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Message } from '../../common/src/status-ui';

/**
 * Before saving a change of how SLAs are measured (calendars, holidays, coverage, goals): how many requests of
 * the last 90 days would change outcome, met <-> breached, with a few examples. Shown only when the draft differs
 * from the settings in force on those points; a preview made for other settings than the draft's says so.
 */
export function WhatIfCard({
  ctx,
  draft,
  saved,
  jobs,
  onStarted,
}: {
  ctx: ScreenContext;
  draft: Config;
  saved: Config;
  jobs: ResolverResult<SlaJobsView> | null;
  onStarted: () => Promise<void>;
}) {
  const t = strings(ctx.lang).whatIf;
  const [refusal, setRefusal] = useState<string | null>(null);
  const draftPrint = slaConfigFingerprint(draft);
  if (draftPrint === slaConfigFingerprint(saved)) return null;
  const job = jobs?.ok ? jobs.data.whatIf : null;
  const current = job !== null && job.fingerprint === draftPrint;

  async function start() {
    setRefusal(null);
    const result = await adminApi('startSlaWhatIf', { config: draft });
    if (!result.ok) return setRefusal(result.message);
    await onStarted();
  }

  const tally = current ? job?.whatIf : null;
  return (
    <Message appearance="warning" title={t.title} testId="what-if">
      <p>{t.intro}</p>
      <div className="sr-row">
        <Button onClick={() => void start()} testId="what-if-start" isDisabled={current && job?.status === 'running'}>
          {t.start}
        </Button>
        {refusal ? (
          <span role="alert" style={{ color: 'var(--ds-text-danger)' }}>
            {refusal}
          </span>
        ) : null}
      </div>
      {current && job?.status === 'running' ? (
        <p data-testid="what-if-status" data-status="running">
          {t.working(tally?.scanned ?? 0)}
        </p>
      ) : null}
      {current && job?.status === 'failed' ? (
        <p data-testid="what-if-status" data-status="failed">
          {t.failed(job.error ?? '')}
        </p>
      ) : null}
      {current && job?.status === 'done' && tally ? (
        <div data-testid="what-if-status" data-status="done">
          <p data-testid="what-if-result" data-changed={Object.values(tally.changes).reduce((a, b) => a + b, 0)}>
            {t.result(
              tally.scanned,
              tally.changes.met_to_breached,
              tally.changes.breached_to_met,
              tally.changes.now_breached,
              tally.changes.no_longer_breached,
            )}
          </p>
          {tally.examples.length > 0 ? (
            <ul data-testid="what-if-examples">
              {tally.examples.map((e) => (
                <li key={e.issueKey}>
                  <strong>{e.issueKey}</strong>
                  {strings(ctx.lang).sep}
                  {t.example(
                    e.change,
                    formatDuration(e.elapsedMs),
                    formatDuration(e.newElapsedMs),
                    formatDuration(e.newGoalMs),
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Message>
  );
}
