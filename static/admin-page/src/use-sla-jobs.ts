import { useCallback, useEffect, useState } from 'react';
import type { ResolverResult, SlaJobsView } from '../../../src/shared/contracts';
import { adminApi } from '../../common/src/api';

/** How often the page asks again while a job works. */
const POLL_MS = 2_000;

/**
 * The SLA jobs (recompute, refresh, what-if) as the server reports them, asked again every two seconds while one
 * of them works; `reload` asks at once (after starting one).
 */
export function useSlaJobs(): [ResolverResult<SlaJobsView> | null, () => Promise<void>] {
  const [jobs, setJobs] = useState<ResolverResult<SlaJobsView> | null>(null);
  const reload = useCallback(async () => setJobs(await adminApi('getSlaJobs')), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const working =
    jobs?.ok === true &&
    [jobs.data.recompute, jobs.data.refresh, jobs.data.whatIf].some(
      (job) => job !== null && (job.status === 'collecting' || job.status === 'running') && !job.stalled,
    );
  useEffect(() => {
    if (!working) return undefined;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [working, reload]);
  return [jobs, reload];
}
