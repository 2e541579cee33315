import { useCallback, useEffect, useState } from 'react';
import type { IssuePanelView, ResolverResult } from '../../../src/shared/contracts';
import { getIssuePanelView } from '../../common/src/api/get-issue-panel-view';
import { strings } from '../../common/src/i18n';
import { onIssueChanged, type ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading } from '../../common/src/ui';
import { PanelActions } from './PanelActions';
import { RequestFacts } from './RequestFacts';
import { SlaSummary } from './SlaSummary';
import { Timeline } from './Timeline';

/** The agent's panel: the response SLA, its timeline, the waiting countdown, the escalation and the actions. */
export function IssuePanel({ ctx }: { ctx: ScreenContext }) {
  const t = strings(ctx.lang);
  const [result, setResult] = useState<ResolverResult<IssuePanelView> | null>(null);
  const load = useCallback(async () => setResult(await getIssuePanelView(ctx.lang)), [ctx.lang]);
  useEffect(() => {
    void load();
    return onIssueChanged(() => void load());
  }, [load]);

  if (!result) return <Loading label={t.loading} />;
  if (!result.ok) return <Failure failure={result} retryLabel={t.retry} onRetry={() => void load()} />;
  const view = result.data;
  return (
    <main className="sr-stack" data-testid="issue-panel" data-issue={view.issueKey} aria-label={t.slaTitle}>
      <SlaSummary view={view} ctx={ctx} />
      {view.sla ? <Timeline sla={view.sla} now={view.now} ctx={ctx} /> : null}
      <RequestFacts view={view} ctx={ctx} />
      <PanelActions view={view} ctx={ctx} onDone={load} />
    </main>
  );
}
