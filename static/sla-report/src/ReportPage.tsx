/**
 * The SLA report page (a project page of the service project): a period of months, then its figures by month,
 * organization and priority, a chart, the breaches, and the CSV of the rows behind every figure. A report still
 * being read (in the queue, for a large period) shows its progress and is asked for again every two seconds.
 */
import { Fragment, useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import {
  reportCsv,
  type ReportFigures,
  type ReportRow,
  type ResolverResult,
  type SlaReportRows,
  type SlaReportView,
} from '../../../src/shared/contracts';
import { deskApi } from '../../common/src/api';
import { formatDuration, formatInstant } from '../../common/src/format';
import { strings } from '../../common/src/i18n';
import { RequestLink } from '../../common/src/request-link';
import { inLanguage, type ScreenContext } from '../../common/src/screen-context';
import { Message } from '../../common/src/status-ui';
import { Answer, Figure, Table } from '../../common/src/desk';
import { Loading } from '../../common/src/ui';
import { ShareChart } from './ShareChart';

const POLL_MS = 2_000;

/** The month of an instant in a time zone, YYYY-MM. */
function monthIn(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone }).formatToParts(ms);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** The month `n` months before `month`. */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function ReportPage({ ctx: initial }: { ctx: ScreenContext }) {
  const thisMonth = monthIn(Date.now(), initial.timeZone);
  const [period, setPeriod] = useState({ from: monthsBefore(thisMonth, 2), to: thisMonth });
  const [asked, setAsked] = useState<{ from: string; to: string; refresh: boolean }>({ ...period, refresh: false });
  const [view, setView] = useState<ResolverResult<SlaReportView> | null>(null);
  const load = useCallback(
    async (wanted: { from: string; to: string; refresh: boolean }) => setView(await deskApi('getSlaReport', wanted)),
    [],
  );
  useEffect(() => {
    setView(null);
    void load(asked);
  }, [asked, load]);
  const running = view?.ok === true && view.data.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void load({ from: asked.from, to: asked.to, refresh: false }), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, view, asked, load]);

  const ctx = view?.ok ? inLanguage(initial, view.data.lang) : initial;
  const all = strings(ctx.lang);
  const t = all.report;
  return (
    <main className="sr-stack" data-testid="sla-report" data-lang={ctx.lang}>
      <h1>{t.title}</h1>
      <p className="sr-muted">{t.intro}</p>
      <form
        className="sr-row"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ ...period, refresh: false });
        }}
      >
        {(['from', 'to'] as const).map((end) => (
          <Fragment key={end}>
            <label htmlFor={`report-${end}`}>{t[end]}</label>
            <input
              id={`report-${end}`}
              type="month"
              required
              value={period[end]}
              onChange={(e) => setPeriod((p) => ({ ...p, [end]: e.target.value }))}
            />
          </Fragment>
        ))}
        <Button type="submit" appearance="primary">
          {t.show}
        </Button>
      </form>
      <Answer view={view} lang={ctx.lang} onRetry={() => void load(asked)}>
        {(data) => (
          <Report view={data} ctx={ctx} onRefresh={() => setAsked({ from: data.from, to: data.to, refresh: true })} />
        )}
      </Answer>
    </main>
  );
}

function Report({ view, ctx, onRefresh }: { view: SlaReportView; ctx: ScreenContext; onRefresh: () => void }) {
  const t = strings(ctx.lang).report;
  if (view.status === 'running')
    return (
      <div role="status" data-testid="report-progress" data-read={view.read}>
        <Loading label={t.reading(view.read, view.expected)} />
        <progress max={Math.max(view.expected, 1)} value={view.read} aria-label={t.title} />
      </div>
    );
  if (view.status === 'failed' || !view.figures)
    return (
      <Message appearance="error">
        <p>{t.failed(view.error ?? '')}</p>
        <p>
          <Button onClick={onRefresh}>{t.refresh}</Button>
        </p>
      </Message>
    );
  const figures = view.figures;
  const org = (o: string) => o || t.noOrganization;
  return (
    <div className="sr-stack" data-testid="report-figures" data-rows={view.rowCount}>
      <p className="sr-muted sr-row">
        <span>
          {t.computedAt(formatInstant(view.finishedAt ?? view.startedAt, ctx.locale, ctx.timeZone), view.timeZone)}
        </span>
        <Button onClick={onRefresh}>{t.refresh}</Button>
        <CsvButton view={view} ctx={ctx} />
      </p>
      {view.rowCount === 0 ? (
        <p data-testid="report-empty">{t.empty}</p>
      ) : (
        <>
          <TotalFigures figures={figures.total} ctx={ctx} />
          <ShareChart figures={figures} title={t.chartTitle} organizationLabel={org} colorMode={ctx.colorMode} />
          <FiguresTable
            title={t.byMonth}
            testId="report-months"
            heads={[t.month]}
            rows={figures.months.map((m) => ({ key: m.month, labels: [m.month], figures: m }))}
            ctx={ctx}
          />
          <FiguresTable
            title={t.byOrganization}
            testId="report-organizations"
            heads={[t.organization]}
            rows={figures.organizations.map((o) => ({
              key: o.organization,
              labels: [org(o.organization)],
              figures: o,
            }))}
            ctx={ctx}
          />
          <FiguresTable
            title={t.cells}
            testId="report-cells"
            heads={[t.month, t.organization, t.priority]}
            rows={figures.cells.map((c) => ({
              key: `${c.month}|${c.organization}|${c.priority}`,
              labels: [c.month, org(c.organization), c.priority || t.noPriority],
              figures: c,
            }))}
            ctx={ctx}
          />
          <Breaches view={view} ctx={ctx} />
        </>
      )}
    </div>
  );
}

function share(value: number | null, ctx: ScreenContext): string {
  if (value === null) return strings(ctx.lang).report.dash;
  return new Intl.NumberFormat(ctx.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

const duration = (ms: number | null, ctx: ScreenContext) =>
  ms === null ? strings(ctx.lang).report.dash : formatDuration(ms);

function TotalFigures({ figures, ctx }: { figures: ReportFigures; ctx: ScreenContext }) {
  const t = strings(ctx.lang).report;
  const items: [string, string, string][] = [
    ['total-requests', t.requests, String(figures.requests)],
    ['total-within-goal', t.withinGoal, share(figures.withinGoal, ctx)],
    ['total-breached', t.breached, String(figures.breached)],
    ['total-open', t.open, String(figures.open)],
    ['total-median', t.median, duration(figures.medianMs, ctx)],
    ['total-p90', t.p90, duration(figures.p90Ms, ctx)],
  ];
  return (
    <section aria-label={t.total} className="sr-figures" data-testid="report-total">
      {items.map(([id, label, value]) => (
        <Figure key={id} label={label} value={value} testId={id} />
      ))}
    </section>
  );
}

function FiguresTable({
  title,
  testId,
  heads,
  rows,
  ctx,
}: {
  title: string;
  testId: string;
  heads: string[];
  rows: { key: string; labels: string[]; figures: ReportFigures }[];
  ctx: ScreenContext;
}) {
  const t = strings(ctx.lang).report;
  return (
    <section className="sr-card" data-testid={testId}>
      <h2>{title}</h2>
      <Table heads={[...heads, t.requests, t.answered, t.met, t.breached, t.open, t.withinGoal, t.median, t.p90]}>
        {rows.map((r) => (
          <tr key={r.key} data-testid="figures-row" data-key={r.key}>
            {r.labels.map((l, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {l}
                </th>
              ) : (
                <td key={i}>{l}</td>
              ),
            )}
            <td>{r.figures.requests}</td>
            <td>{r.figures.answered}</td>
            <td>{r.figures.met}</td>
            <td>{r.figures.breached}</td>
            <td>{r.figures.open}</td>
            <td data-testid="within-goal">{share(r.figures.withinGoal, ctx)}</td>
            <td data-testid="median">{duration(r.figures.medianMs, ctx)}</td>
            <td data-testid="p90">{duration(r.figures.p90Ms, ctx)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

function Breaches({ view, ctx }: { view: SlaReportView; ctx: ScreenContext }) {
  const t = strings(ctx.lang).report;
  return (
    <section className="sr-card" data-testid="report-breaches" data-count={view.breachCount}>
      <h2>{t.breaches(view.breachCount)}</h2>
      {view.breachCount === 0 ? (
        <p>{t.noBreach}</p>
      ) : (
        <>
          {view.breaches.length < view.breachCount ? (
            <p className="sr-muted">{t.breachesShown(view.breaches.length, view.breachCount)}</p>
          ) : null}
          <Table
            heads={[
              strings(ctx.lang).queue.key,
              strings(ctx.lang).queue.summary,
              t.organization,
              t.priority,
              t.breachAt,
              t.response,
            ]}
          >
            {view.breaches.map((r: ReportRow) => (
              <tr key={r.key} data-testid="breach-row" data-key={r.key}>
                <th scope="row">
                  <RequestLink issueKey={r.key} />
                </th>
                <td>{r.summary}</td>
                <td>{r.organization || t.noOrganization}</td>
                <td>{r.priority || t.noPriority}</td>
                <td>{r.breachAt ? formatInstant(r.breachAt, ctx.locale, ctx.timeZone) : t.dash}</td>
                <td>{r.responseMs === null ? t.stillOpen : formatDuration(r.responseMs)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

/** Reads every row of the report, several chunks a call, and hands the CSV to the browser as a file. */
function CsvButton({ view, ctx }: { view: SlaReportView; ctx: ScreenContext }) {
  const t = strings(ctx.lang).report;
  const [state, setState] = useState<'idle' | 'busy' | { failed: string }>('idle');
  async function exportCsv() {
    setState('busy');
    const rows: ReportRow[] = [];
    let chunk: number | null = 0;
    while (chunk !== null) {
      const page: ResolverResult<SlaReportRows> = await deskApi('getSlaReportRows', {
        from: view.from,
        to: view.to,
        chunk,
      });
      if (!page.ok) return setState({ failed: page.message });
      rows.push(...page.data.rows);
      chunk = page.data.nextChunk;
    }
    // A byte order mark, so that spreadsheets read the file as UTF-8.
    const blob = new Blob(['\ufeff', reportCsv(rows)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `sla-report-${view.projectKey}-${view.from}-${view.to}.csv`;
    link.dataset.testid = 'csv-download';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setState('idle');
  }
  return (
    <>
      <Button onClick={() => void exportCsv()} isDisabled={state === 'busy'}>
        {state === 'busy' ? t.exporting : t.exportCsv}
      </Button>
      {typeof state === 'object' ? <span role="alert">{state.failed}</span> : null}
    </>
  );
}
