import { useCallback, useEffect, useState } from 'react';
import type { IssuePanelView, ResolverResult } from '../../../src/shared/contracts';
import { issuePanelApi } from '../../common/src/api';
import { strings } from '../../common/src/i18n';
import { inLanguage, onIssueChanged, type ScreenContext } from '../../common/src/screen-context';
import { Failure, Loading } from '../../common/src/ui';
import { PanelActions } from './PanelActions';
import { RequestFacts } from './RequestFacts';
import { SlaSummary } from './SlaSummary';

/** The agent's panel: the response SLA, its timeline, the waiting countdown, the escalation and the actions. */
export function IssuePanel({ ctx: bridgeCtx }: { ctx: ScreenContext }) {
  const [result, setResult] = useState<ResolverResult<IssuePanelView> | null>(null);
  const load = useCallback(async () => setResult(await issuePanelApi('getIssuePanelView')), []);
  useEffect(() => {
    void load();
    return onIssueChanged(() => void load());
  }, [load]);

  const ctx = result?.ok ? inLanguage(bridgeCtx, result.data.lang) : bridgeCtx;
  const t = strings(ctx.lang);
  if (!result) return <Loading shape="issue-panel" label={t.loading} />;
  if (!result.ok) return <Failure failure={result} lang={ctx.lang} retryLabel={t.retry} onRetry={() => void load()} />;
  const view = result.data;
  return (
    <main
      className="sr-stack"
      data-testid="issue-panel"
      data-issue={view.issueKey}
      aria-label={t.slaTitle}
      lang={ctx.lang}
    >
      {/* The frame is a document of its own: its level-one heading is the panel's title, which Jira shows above it. */}
      <h1 className="sr-visually-hidden">{t.slaTitle}</h1>
      <SlaSummary view={view} ctx={ctx} />
      <RequestFacts view={view} ctx={ctx} />
      <PanelActions view={view} ctx={ctx} onDone={load} />
    </main>
  );
}
