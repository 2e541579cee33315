/**
 * The report's chart: the share answered within goal, by month (bars grouped by organization), drawn by Chart.js
 * on a canvas. The tables beside it hold the same figures for screen readers and for copying.
 */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ReportCell, SlaReportFigures } from '../../../src/shared/contracts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Distinct colours that read on light and dark surfaces alike. */
const PALETTE = ['#1d7afc', '#22a06b', '#e2b203', '#c9372c', '#8f7ee7', '#2898bd', '#e56910', '#94c748'];

/** The share within goal (0..100) of an organization's requests in a month, over every priority; null when none decided. */
export function monthlyShares(cells: readonly ReportCell[], months: readonly string[], organization: string) {
  return months.map((month) => {
    const mine = cells.filter((c) => c.month === month && c.organization === organization);
    const met = mine.reduce((n, c) => n + c.met, 0);
    const decided = met + mine.reduce((n, c) => n + c.breached, 0);
    return decided === 0 ? null : Math.round((met / decided) * 1000) / 10;
  });
}

export function ShareChart({
  figures,
  title,
  organizationLabel,
  colorMode,
}: {
  figures: SlaReportFigures;
  title: string;
  organizationLabel: (organization: string) => string;
  colorMode: 'light' | 'dark';
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const months = figures.months.map((m) => m.month);
    const text = colorMode === 'dark' ? '#b6c2cf' : '#44546f';
    const grid = colorMode === 'dark' ? '#38414a' : '#dcdfe4';
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months,
        datasets: figures.organizations.map((o, i) => ({
          label: organizationLabel(o.organization),
          data: monthlyShares(figures.cells, months, o.organization),
          backgroundColor: PALETTE[i % PALETTE.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { min: 0, max: 100, ticks: { color: text, callback: (v) => `${v} %` }, grid: { color: grid } },
          x: { ticks: { color: text }, grid: { color: grid } },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    return () => chart.destroy();
  }, [figures, organizationLabel, colorMode]);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      <div style={{ position: 'relative', height: 260 }}>
        <canvas ref={canvas} role="img" aria-label={title} data-testid="share-chart" />
      </div>
    </figure>
  );
}
