import { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ResolverResult, SlaJobView, SlaJobsView } from '../../../src/shared/contracts';
import { adminApi } from '../../common/src/api';
import { formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import type { ScreenContext } from '../../common/src/screen-context';
import { Message } from '../../common/src/status-ui';

/**
 * The SLA records: recompute chosen requests (a JQL) with the settings in force, and where the last recompute and
 * the refresh of running SLAs after a settings change stand.
 */
export function SlaRecordsCard({
  ctx,
  jobs,
  onStarted,
}: {
  ctx: ScreenContext;
  jobs: ResolverResult<SlaJobsView> | null;
  onStarted: () => Promise<void>;
}) {
  const t = strings(ctx.lang);
  const [jql, setJql] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setRefusal(null);
    const result = await adminApi('startSlaRecompute', { jql });
    setBusy(false);
    if (!result.ok) return setRefusal(result.message);
    await onStarted();
  }

  async function resume(kind: SlaJobView['kind']) {
    const result = await adminApi('resumeSlaJob', { kind });
    if (!result.ok) return setRefusal(result.message);
    await onStarted();
  }

  const recompute = jobs?.ok ? jobs.data.recompute : null;
  const refresh = jobs?.ok ? jobs.data.refresh : null;
  return (
    <section className="sr-stack" aria-labelledby="sla-records-title" data-testid="sla-records">
      <h2 id="sla-records-title">{t.slaRecords.title}</h2>
      <p className="sr-muted">{t.slaRecords.intro}</p>
      <label htmlFor="recompute-jql">{t.slaRecords.jqlLabel}</label>
      <textarea
        id="recompute-jql"
        className="sr-input"
        rows={2}
        value={jql}
        placeholder='project = SUP AND srSlaState = stopped AND created >= "2026-11-01"'
        onChange={(e) => setJql(e.target.value)}
        data-testid="recompute-jql"
      />
      <div className="sr-row">
        <Button onClick={() => void start()} isDisabled={busy || jql.trim() === ''} testId="recompute-start">
          {t.slaRecords.recompute}
        </Button>
        {refusal ? (
          <span role="alert" data-testid="recompute-refused" style={{ color: 'var(--ds-text-danger)' }}>
            {refusal}
          </span>
        ) : null}
      </div>
      {recompute ? <JobLine job={recompute} ctx={ctx} onResume={() => void resume('recompute')} /> : null}
      {refresh ? <JobLine job={refresh} ctx={ctx} onResume={() => void resume('refresh')} /> : null}
    </section>
  );
}

/** Where a recompute or a refresh stands, in one message. */
function JobLine({ job, ctx, onResume }: { job: SlaJobView; ctx: ScreenContext; onResume: () => void }) {
  const t = strings(ctx.lang).slaRecords;
  const when = (iso: string) => formatInstant(iso, ctx.locale, ctx.timeZone);
  const finished = job.status === 'done';
  const canResume = job.stalled || job.status === 'failed';
  const text =
    job.status === 'failed'
      ? t.failed(job.error ?? '')
      : finished
        ? t.done(job.total, job.changed, job.unchanged, job.failed)
        : job.status === 'collecting'
          ? t.collecting(job.total)
          : t.progress(job.done, job.total, job.changed);
  return (
    <Message
      appearance={job.status === 'failed' ? 'error' : finished ? 'success' : 'information'}
      title={job.kind === 'recompute' ? t.recomputeTitle(when(job.startedAt)) : t.refreshTitle(when(job.startedAt))}
      testId={`sla-job-${job.kind}`}
      actions={
        canResume
          ? [
              <Button key="resume" appearance="subtle" onClick={onResume} testId={`sla-job-${job.kind}-resume`}>
                {t.resume}
              </Button>,
            ]
          : []
      }
    >
      <p data-testid={`sla-job-${job.kind}-status`} data-status={job.status} data-changed={job.changed}>
        {text}
        {job.stalled ? ` ${t.stalled}` : ''}
      </p>
      {job.kind === 'recompute' ? <p className="sr-muted">{job.jql}</p> : null}
      {job.changedExamples.length > 0 ? (
        <p className="sr-muted">
          {t.changedExamples}
          {strings(ctx.lang).sep}
          {job.changedExamples.join(', ')}
        </p>
      ) : null}
    </Message>
  );
}
