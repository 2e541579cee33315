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
import { Answer, Figure, Table } from '../../common/src/desk';

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
  return (
    <Answer view={view} lang={ctx.lang} onRetry={() => void load(filters)}>
      {(q) => <Queue q={q} ctx={ctx} filters={filters} setFilters={setFilters} reload={() => void load(filters)} />}
    </Answer>
  );
}

/** The filters: each a select over the queue's facets (and the states), "All" first. */
const FILTERS = ['organization', 'priority', 'assignee', 'state'] as const satisfies readonly (keyof QueueFilters)[];

function Queue({
  q,
  ctx,
  filters,
  setFilters,
  reload,
}: {
  q: AtRiskQueueView;
  ctx: ScreenContext;
  filters: QueueFilters;
  setFilters: (update: (filters: QueueFilters) => QueueFilters) => void;
  reload: () => void;
}) {
  const t = strings(ctx.lang).queue;
  const set = (key: keyof QueueFilters, value: string) =>
    setFilters((f) => {
      const next = { ...f };
      if (value === '') delete next[key];
      else (next as Record<string, string>)[key] = value;
      return next;
    });
  const filter: Record<(typeof FILTERS)[number], { label: string; choices: QueueChoice[] }> = {
    organization: { label: t.organization, choices: q.facets.organizations },
    priority: { label: t.priority, choices: q.facets.priorities },
    assignee: {
      label: t.assignee,
      choices: q.facets.assignees.map((a) => (a.id === UNASSIGNED ? { ...a, label: t.unassigned } : a)),
    },
    state: {
      label: t.stateFilter,
      choices: QUEUE_STATES.map((s) => ({ id: s, label: t.state[s], count: q.counts[s] })),
    },
  };
  const time = new Intl.DateTimeFormat(ctx.locale, { hour: '2-digit', minute: '2-digit', timeZone: ctx.timeZone });
  return (
    <main className="sr-stack" data-testid="at-risk-queue" data-lang={ctx.lang}>
      <h1>{t.title}</h1>
      <p className="sr-muted">{t.intro(q.atRiskPercent)}</p>
      <section aria-label={t.counts} className="sr-figures" data-testid="queue-counts">
        <Figure label={t.total} value={q.counts.total} dataValue={q.counts.total} testId="count-total" />
        {QUEUE_STATES.map((s) => (
          <Figure key={s} label={t.state[s]} value={q.counts[s]} dataValue={q.counts[s]} testId={`count-${s}`} />
        ))}
      </section>
      <section aria-label={t.filters} className="sr-row" data-testid="queue-filters">
        {FILTERS.map((name) => (
          <Select
            key={name}
            id={`filter-${name}`}
            label={filter[name].label}
            all={t.all}
            value={filters[name] ?? ''}
            choices={filter[name].choices}
            onChange={(v) => set(name, v)}
          />
        ))}
      </section>
      <p className="sr-muted sr-row" data-testid="queue-updated">
        <span>{t.updated(time.format(new Date(q.measuredAt)))}</span>
        <Button onClick={reload}>{t.refresh}</Button>
      </p>
      {q.truncated ? <p className="sr-muted">{t.truncated}</p> : null}
      {q.rows.length === 0 ? (
        <p data-testid="queue-empty">{q.counts.total === 0 ? t.emptyAll : t.empty}</p>
      ) : (
        <>
          <Table
            testId="queue-table"
            caption={t.caption}
            heads={[t.key, t.summary, t.organization, t.priority, t.assignee, t.stateFilter, t.timeLeft, t.breachAt]}
          >
            {q.rows.map((row) => (
              <Row key={row.key} row={row} ctx={ctx} />
            ))}
          </Table>
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
