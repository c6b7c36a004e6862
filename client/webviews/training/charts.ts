// The training view's charts: one uPlot line chart per ChartModel, in a
// grid of cards. A chart whose series stay the same only gets new data
// (cheap: batch series are decimated to 2,000 points); one whose series
// change is rebuilt; all are rebuilt on a theme change and resized with
// their cards.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { l10n } from '../../l10n.js';
import { formatCount, formatValue } from '../../runs/format.js';
import type { ChartModel } from './chart-data.js';
import { h } from './dom.js';
import { seriesColor, type ChartTheme } from './theme.js';

const HEIGHT = 190;
const DASHES = [[6, 4], [2, 3], [10, 3, 2, 3]];
const EPOCH_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

interface Chart {
  card: HTMLElement;
  plot: uPlot;
  signature: string;
  version: string;
  hovered: boolean;
}

export class ChartBoard {
  private readonly charts = new Map<string, Chart>();
  private resizeQueued = false;

  constructor(private readonly container: HTMLElement) {
    new ResizeObserver(() => this.queueResize()).observe(container);
  }

  /** Draws these charts, in this order; charts not listed go away. */
  update(models: readonly ChartModel[], theme: ChartTheme): void {
    const wanted = new Set(models.map((m) => m.id));
    for (const [id, chart] of this.charts) {
      if (!wanted.has(id)) {
        chart.plot.destroy();
        chart.card.remove();
        this.charts.delete(id);
      }
    }
    let order = 0;
    for (const model of models) {
      const signature = signatureOf(model);
      let chart = this.charts.get(model.id);
      if (chart && chart.signature !== signature) {
        chart.plot.destroy();
        chart.card.remove();
        chart = undefined;
      }
      if (!chart) {
        chart = this.create(model, theme, signature);
        this.charts.set(model.id, chart);
      } else if (chart.version !== model.version) {
        chart.plot.setData(model.data as uPlot.AlignedData);
        chart.version = model.version;
        if (!chart.hovered) showLatest(chart.plot);
      }
      if (this.container.children[order] !== chart.card) this.container.insertBefore(chart.card, this.container.children[order] ?? null);
      order++;
    }
  }

  /** Forgets every chart (after a theme change): the next update builds them with the new colours. */
  clear(): void {
    for (const chart of this.charts.values()) {
      chart.plot.destroy();
      chart.card.remove();
    }
    this.charts.clear();
  }

  private create(model: ChartModel, theme: ChartTheme, signature: string): Chart {
    const body = h('div', { class: 'chart-body' });
    const card = h('figure', { class: 'chart', 'data-chart': model.id }, h('figcaption', {}, model.title), body);
    this.container.append(card);
    const plot = new uPlot(chartOptions(model, theme, this.widthFor(card)), model.data as uPlot.AlignedData, body);
    const chart: Chart = { card, plot, signature, version: model.version, hovered: false };
    // the legend reads the latest values, and those under the cursor while it is over the chart
    card.addEventListener('mouseenter', () => (chart.hovered = true));
    card.addEventListener('mouseleave', () => {
      chart.hovered = false;
      showLatest(plot);
    });
    return chart;
  }

  private widthFor(card: HTMLElement): number {
    return Math.max(200, Math.floor(card.clientWidth - 16));
  }

  private queueResize(): void {
    if (this.resizeQueued) return;
    this.resizeQueued = true;
    requestAnimationFrame(() => {
      this.resizeQueued = false;
      for (const chart of this.charts.values()) {
        const width = this.widthFor(chart.card);
        if (width !== chart.plot.width) chart.plot.setSize({ width, height: HEIGHT });
      }
    });
  }
}

function showLatest(plot: uPlot): void {
  const length = plot.data[0]?.length ?? 0;
  if (length > 0) plot.setLegend({ idx: length - 1 });
}

function signatureOf(model: ChartModel): string {
  return JSON.stringify([model.x, model.title, model.series]);
}

function chartOptions(model: ChartModel, theme: ChartTheme, width: number): uPlot.Options {
  const lineWidth = theme.highContrast ? 2.5 : 1.75;
  const axis = (extra: uPlot.Axis): uPlot.Axis => ({
    stroke: theme.muted,
    font: theme.font,
    labelFont: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
    ...extra,
  });
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false } },
    legend: { show: true, live: true },
    cursor: { sync: { key: model.x }, drag: { x: true, y: false } },
    hooks: { ready: [showLatest] },
    axes: [
      axis({
        label: model.x === 'epoch' ? l10n.t('epoch') : l10n.t('step'),
        labelSize: 18,
        ...(model.x === 'epoch' ? { incrs: EPOCH_STEPS } : {}),
        values: (_u, splits) => splits.map((v) => formatCount(v)),
      }),
      axis({ size: 52, values: (_u, splits) => splits.map((v) => formatValue(v)) }),
    ],
    series: [
      { label: model.x, value: (_u, v) => (v === null ? '–' : formatCount(v)) },
      ...model.series.map(
        (s): uPlot.Series => ({
          label: s.label,
          stroke: seriesColor(theme, s.kind),
          width: s.faint ? 1 : s.overlay !== undefined ? lineWidth * 0.75 : lineWidth,
          alpha: s.faint ? (theme.highContrast ? 0.6 : 0.35) : 1,
          ...(s.overlay !== undefined ? { dash: DASHES[s.overlay % DASHES.length] } : {}),
          spanGaps: true,
          value: (_u, v) => (v === null ? '–' : formatValue(v)),
        }),
      ),
    ],
  };
}
