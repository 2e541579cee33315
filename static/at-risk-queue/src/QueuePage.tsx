/**
 * The at-risk queue page (under the project's queues): counts on top, filters, then the open requests by breach
 * instant, overdue first. It asks the resolver again every minute, and the times left follow.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import {
  QUEUE_STATES,
  UNASSIGNED,
  type AtRiskQueueView,
  type QueueChoice,
  type QueueFilters,
  type QueueRow,
  type QueueState,
  type ResolverResult,
} from '../../../src/shared/contracts';
import { deskApi } from '../../common/src/api';
import { formatDuration, formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import { RequestLink } from '../../common/src/request-link';
import { inLanguage, type ScreenContext } from '../../common/src/screen-context';
import { Lozenge, type LozengeAppearance } from '../../common/src/status-ui';
import { Failure, Loading } from '../../common/src/ui';

/** How often the page asks for the queue again. */
export const REFRESH_MS = 60_000;

const APPEARANCE: Record<QueueState, LozengeAppearance> = {
  breached: 'removed',
  at_risk: 'moved',
  on_track: 'success',
  paused: 'default',
};

export function QueuePage({ ctx: initial }: { ctx: ScreenContext }) {
  const [filters, setFilters] = useState<QueueFilters>({});
  const [view, setView] = useState<ResolverResult<AtRiskQueueView> | null>(null);
  const load = useCallback(
    async (wanted: QueueFilters) => setView(await deskApi('getAtRiskQueue', { filters: wanted })),
    [],
  );
  useEffect(() => {
    void load(filters);
    const timer = setInterval(() => void load(filters), REFRESH_MS);
    return () => clearInterval(timer);
  }, [filters, load]);

  const ctx = view?.ok ? inLanguage(initial, view.data.lang) : initial;
  const t = strings(ctx.lang).queue;
  if (!view) return <Loading label={strings(ctx.lang).loading} />;
  if (!view.ok)
    return (
      <Failure failure={view} lang={ctx.lang} retryLabel={strings(ctx.lang).retry} onRetry={() => void load(filters)} />
    );
  const q = view.data;
  const set = (key: keyof QueueFilters, value: string) =>
    setFilters((f) => {
      const next = { ...f };
      if (value === '') delete next[key];
      else (next as Record<string, string>)[key] = value;
      return next;
    });
  const time = new Intl.DateTimeFormat(ctx.locale, { hour: '2-digit', minute: '2-digit', timeZone: ctx.timeZone });
  return (
    <main className="sr-stack" data-testid="at-risk-queue" data-lang={ctx.lang}>
      <h1>{t.title}</h1>
      <p className="sr-muted">{t.intro(q.atRiskPercent)}</p>
      <section aria-label={t.counts} className="sr-figures" data-testid="queue-counts">
        <Count label={t.total} value={q.counts.total} testId="count-total" />
        {QUEUE_STATES.map((s) => (
          <Count key={s} label={t.state[s]} value={q.counts[s]} testId={`count-${s}`} />
        ))}
      </section>
      <section aria-label={t.filters} className="sr-row" data-testid="queue-filters">
        <Select
          id="filter-organization"
          label={t.organization}
          all={t.all}
          value={filters.organization ?? ''}
          choices={q.facets.organizations}
          onChange={(v) => set('organization', v)}
        />
        <Select
          id="filter-priority"
          label={t.priority}
          all={t.all}
          value={filters.priority ?? ''}
          choices={q.facets.priorities}
          onChange={(v) => set('priority', v)}
        />
        <Select
          id="filter-assignee"
          label={t.assignee}
          all={t.all}
          value={filters.assignee ?? ''}
          choices={q.facets.assignees.map((a) => (a.id === UNASSIGNED ? { ...a, label: t.unassigned } : a))}
          onChange={(v) => set('assignee', v)}
        />
        <Select
          id="filter-state"
          label={t.stateFilter}
          all={t.all}
          value={filters.state ?? ''}
          choices={QUEUE_STATES.map((s) => ({ id: s, label: t.state[s], count: q.counts[s] }))}
          onChange={(v) => set('state', v)}
        />
      </section>
      <p className="sr-muted sr-row" data-testid="queue-updated">
        <span>{t.updated(time.format(new Date(q.measuredAt)))}</span>
        <Button onClick={() => void load(filters)}>{t.refresh}</Button>
      </p>
      {q.truncated ? <p className="sr-muted">{t.truncated}</p> : null}
      {q.rows.length === 0 ? (
        <p data-testid="queue-empty">{q.counts.total === 0 ? t.emptyAll : t.empty}</p>
      ) : (
        <>
          <table className="sr-table" data-testid="queue-table">
            <caption className="sr-visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.key}</th>
                <th scope="col">{t.summary}</th>
                <th scope="col">{t.organization}</th>
                <th scope="col">{t.priority}</th>
                <th scope="col">{t.assignee}</th>
                <th scope="col">{t.stateFilter}</th>
                <th scope="col">{t.timeLeft}</th>
                <th scope="col">{t.breachAt}</th>
              </tr>
            </thead>
            <tbody>
              {q.rows.map((row) => (
                <Row key={row.key} row={row} ctx={ctx} />
              ))}
            </tbody>
          </table>
          <p className="sr-muted" data-testid="queue-shown">
            {t.shown(q.rows.length, q.matching)}
          </p>
        </>
      )}
    </main>
  );
}

function Row({ row, ctx }: { row: QueueRow; ctx: ScreenContext }) {
  const t = strings(ctx.lang).queue;
  const left = formatDuration(Math.abs(row.remainingMs));
  return (
    <tr data-testid="queue-row" data-key={row.key} data-state={row.state}>
      <th scope="row">
        <RequestLink issueKey={row.key} />
      </th>
      <td>{row.summary}</td>
      <td>{row.organizations.map((o) => o.name).join(', ') || t.none}</td>
      <td>{row.priority ?? t.none}</td>
      <td>{row.assignee?.displayName ?? t.unassigned}</td>
      <td>
        <Lozenge appearance={APPEARANCE[row.state]}>{t.state[row.state]}</Lozenge>
      </td>
      <td data-testid="time-left">
        {row.remainingMs < 0 ? t.overdueBy(left) : row.clock === 'paused' ? t.pausedLeft(left) : t.left(left)}
      </td>
      <td data-testid="breach-at">
        {row.breachAt ? formatInstant(row.breachAt, ctx.locale, ctx.timeZone) : t.noBreachWhilePaused}
      </td>
    </tr>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <dl className="sr-figure" data-testid={testId} data-value={value}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </dl>
  );
}

function Select({
  id,
  label,
  all,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  all: string;
  value: string;
  choices: QueueChoice[];
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label} ({c.count})
          </option>
        ))}
      </select>
    </div>
  );
}
