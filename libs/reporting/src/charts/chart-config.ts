import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartSpec } from '../model/report-model';
import { chartBaseLine, chartScaleValue, formatChartValue } from './chart-format';
import { INK, seriesStyle } from './chart-palette';

/*
 * What a chart is, whatever it is drawn on: its size, chart.js's configuration and the plugins that write
 * each bar's value and the chart's n. A canvas draws it as a PNG for screens (chart-image.ts); a PDF takes
 * the same drawing as vector paths and text (chart-vector.ts).
 */

/** The family chart.js is told to use; the canvas registers DejaVu Sans under it, a PDF draws with its own DejaVu. */
export const FONT_FAMILY = 'DejaVu Sans';
/** Fixed pixel density so the same spec always gives the same bytes: ~165 dpi at 16 cm, sharp in print. */
export const SCALE = 1.5;
const WIDTH = 720;
/** Room under the axis for the line giving the chart's n. */
const BASE_LINE = 22;

let registered = false;
/** Registers the parts of chart.js the charts use (once per process). */
export function registerChartParts(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);
  registered = true;
}

/** The CSS-pixel size a chart is drawn at, known before drawing it (for page layout). */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  return { width: WIDTH, height: Math.round(chartHeight(spec)) };
}

function chartHeight(spec: ChartSpec): number {
  const base = chartBaseLine(spec) ? BASE_LINE : 0;
  if (spec.type === 'horizontal_bar') return base + Math.max(200, 90 + spec.categories.length * 34 * Math.max(1, spec.series.length * 0.7));
  return base + 360;
}

/** Writes every bar's value on or beside it, so a reader never has to estimate from the axis. */
function valueLabels(spec: ChartSpec): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const horizontal = spec.type === 'horizontal_bar';
      const stacked = spec.type === 'stacked_bar';
      ctx.save();
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((_, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        meta.data.forEach((element, i) => {
          const raw = spec.series[datasetIndex].values[i];
          const text = formatChartValue(raw ?? null, spec.valueFormat);
          const bar = element as unknown as { x: number; y: number; base: number };
          const width = ctx.measureText(text).width + 8;
          let x: number;
          let y: number;
          if (stacked) {
            if (raw === null || Math.abs(bar.base - bar.y) < 18) return;
            x = bar.x;
            y = (bar.y + bar.base) / 2;
          } else if (horizontal) {
            x = (raw === null ? bar.base : bar.x) + width / 2 + 4;
            y = bar.y;
          } else {
            x = bar.x;
            y = (raw === null ? bar.base : bar.y) - 11;
          }
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(x - width / 2, y - 9, width, 18);
          ctx.fillStyle = INK;
          ctx.textAlign = 'center';
          ctx.fillText(text, x, y);
        });
      });
      ctx.restore();
    },
  };
}

/** Writes the chart's n at its foot, in the room the layout leaves under the axis. */
function baseLine(spec: ChartSpec): Plugin<'bar'> {
  return {
    id: 'baseLine',
    afterDraw(chart) {
      const text = chartBaseLine(spec);
      if (!text) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `12px "${FONT_FAMILY}"`;
      ctx.fillStyle = INK;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, 4, chart.height - 4);
      ctx.restore();
    },
  };
}

/** Breaks a long category label into lines: chart.js cuts a single long line off at the canvas edge. */
function wrapLabel(label: string, width = 26): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * chart.js's configuration of a chart: `fills` are each series' fill (a canvas pattern, or what the drawing
 * context takes for one), `pixelRatio` the device pixels per CSS pixel (1 for vector drawing), `scriptFamilies` the
 * font families a canvas falls back on for labels in scripts DejaVu does not draw.
 */
export function chartConfiguration(
  spec: ChartSpec,
  fills: unknown[],
  pixelRatio: number,
  scriptFamilies: readonly string[] = [],
): ChartConfiguration<'bar'> {
  const horizontal = spec.type === 'horizontal_bar';
  const stacked = spec.type === 'stacked_bar';
  // DejaVu first; the families of other scripts after it, for the characters DejaVu lacks.
  const font = { family: [FONT_FAMILY, ...scriptFamilies].map((family) => `"${family}"`).join(', '), size: 12 };
  const valueAxis = {
    stacked,
    beginAtZero: true,
    grace: stacked ? 0 : '12%',
    title: { display: Boolean(spec.unit), text: spec.unit, color: INK, font },
    // Counts are whole: without a precision, small counts get ticks at 0.2, 0.4...
    ticks: { color: INK, font, ...((spec.valueFormat ?? 'integer') === 'integer' ? { precision: 0 } : {}) },
    grid: { color: '#d8dadc' },
    border: { color: INK },
  };
  const categoryAxis = { stacked, ticks: { color: INK, font, autoSkip: false }, grid: { display: false }, border: { color: INK } };
  return {
    type: 'bar',
    data: {
      labels: spec.categories.map((c) => wrapLabel(c, horizontal ? 26 : 16)),
      datasets: spec.series.map((series, index) => ({
        label: series.name,
        data: series.values.map((v) => (v === null ? null : chartScaleValue(v, spec.valueFormat))),
        backgroundColor: fills[index] as string,
        borderColor: seriesStyle(index).colour,
        borderWidth: 1.5,
        borderSkipped: false,
        // A chart of one or two categories would otherwise fill the width with a single slab.
        maxBarThickness: 160,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: false,
      devicePixelRatio: pixelRatio,
      layout: { padding: { top: 8, right: horizontal ? 70 : 12, bottom: 4 + (chartBaseLine(spec) ? BASE_LINE : 0), left: 4 } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: 'top',
          labels: { color: INK, font, boxWidth: 28, boxHeight: 14 },
        },
        tooltip: { enabled: false },
      },
    },
    plugins: [valueLabels(spec), baseLine(spec)],
  };
}
