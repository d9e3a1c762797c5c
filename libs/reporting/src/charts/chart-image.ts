import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, type ChartConfiguration, type Plugin } from 'chart.js';
import { BoundedCache } from '../bounded-cache';
import type { ChartSpec, ReportModel, ReportSection } from '../model/report-model';
import { chartBaseLine, chartScaleValue, formatChartValue } from './chart-format';
import { INK, patternTile, seriesStyle } from './chart-palette';
import { opaqueRgbPng } from './opaque-png';

/** A chart drawn as a lossless PNG, with its size in CSS pixels (the image holds `scale` times more). */
export interface ChartImage {
  data: Buffer;
  mimeType: 'image/png';
  width: number;
  height: number;
  scale: number;
}

const FONT_FAMILY = 'DejaVu Sans';
/** Fixed pixel density so the same spec always gives the same bytes: ~165 dpi at 16 cm, sharp in print. */
const SCALE = 1.5;
const WIDTH = 720;
/** Room under the axis for the line giving the chart's n. */
const BASE_LINE = 22;

let ready = false;
function prepare(): void {
  if (ready) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT_FAMILY);
  ready = true;
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

function configuration(spec: ChartSpec, patterns: unknown[]): ChartConfiguration<'bar'> {
  const horizontal = spec.type === 'horizontal_bar';
  const stacked = spec.type === 'stacked_bar';
  const font = { family: FONT_FAMILY, size: 12 };
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
        backgroundColor: patterns[index] as string,
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
      devicePixelRatio: SCALE,
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

/** Paints the canvas white first: the PNG must be opaque so it can be stored as RGB. */
const whiteBackground: Plugin<'bar'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    chart.ctx.save();
    chart.ctx.fillStyle = '#ffffff';
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
    chart.ctx.restore();
  },
};

/*
 * One canvas serves every chart (chart.js resizes it for each), encoded natively: in @napi-rs/canvas
 * reading pixels back leaks the pixel buffer, and encoding a fresh canvas per chart keeps megabytes each.
 */
let shared: Canvas | undefined;

/** Draws a chart on `canvas`, sized for it; the chart must be destroyed once the canvas has been encoded. */
function drawOn(canvas: Canvas, spec: ChartSpec): Chart<'bar'> {
  prepare();
  const { width, height } = chartSize(spec);
  // chart.js reads the CSS size from the canvas and multiplies it by the fixed pixel ratio itself.
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.resetTransform();
  const patterns = spec.series.map((_, index) => {
    const { colour, pattern } = seriesStyle(index);
    return ctx.createPattern(patternTile(colour, pattern, 1), 'repeat');
  });
  const config = configuration(spec, patterns);
  config.plugins = [whiteBackground, ...(config.plugins ?? [])];
  // With animation off, constructing the chart draws it; destroying it clears the canvas.
  try {
    return new Chart(ctx as never, config);
  } catch (error) {
    // chart.js claims the canvas before drawing: a chart that failed half-way would hold it, and every later chart
    // drawn on it would be refused as "already in use" until the process ended.
    Chart.getChart(canvas as never)?.destroy();
    throw error;
  }
}

function drawChart(spec: ChartSpec): Buffer {
  const { width, height } = chartSize(spec);
  shared ??= createCanvas(width, height);
  const chart = drawOn(shared, spec);
  try {
    return shared.encodeSync('png');
  } finally {
    chart.destroy();
  }
}

/*
 * Drawing and encoding a chart costs more than laying out the pages around it, and a report asked for
 * again draws the same charts. An image depends on nothing but its spec, so images are kept by the
 * spec's content; every caller gets its own copy, so none can spoil another's.
 */
// Up to 96 charts, each kept for the screen and for print: a long report drawn ahead never pushes out its own first charts.
const drawn = new BoundedCache<Buffer>(192, 16 * 1024 * 1024, (data) => data.length);

function kept(spec: ChartSpec, data: Buffer): ChartImage {
  const { width, height } = chartSize(spec);
  return { data: Buffer.from(data), mimeType: 'image/png', width, height, scale: SCALE };
}

const keyOf = (use: ChartUse, spec: ChartSpec) => `${use}\n${JSON.stringify(spec)}`;

function canvasPng(spec: ChartSpec): Buffer {
  return drawn.getOrMake(keyOf('screen', spec), () => drawChart(spec));
}

/** Every chart of a report, in reading order. */
export function chartsOf(model: Pick<ReportModel, 'sections'>): ChartSpec[] {
  const walk = (sections: readonly ReportSection[]): ChartSpec[] =>
    sections.flatMap((section) => [
      ...section.blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : [])),
      ...walk(section.subsections ?? []),
    ]);
  return walk(model.sections);
}

/** What a chart is drawn for: a screen (HTML, Word) takes the canvas's PNG, print (PDF) its RGB copy. */
export type ChartUse = 'screen' | 'print';

/*
 * Canvases for drawing a report's charts ahead of it: while one encodes its PNG on a thread of libuv's pool,
 * the next chart is drawn on the other. Two, as the machine a council runs this on may have two cores.
 */
const ahead: { canvas: Canvas; encoded: Promise<void> }[] = [];

/**
 * Draws every chart of a report that is not kept already, before the report is laid out, so the layout finds
 * them all kept. Drawing happens on this thread, but the canvas encodes its PNG on another while the next
 * chart is drawn, and the RGB copy for print is made as each encoding ends: after a change to the record,
 * when every chart is new, the report spends less of its time on charts. Without it the layout draws each
 * chart as it meets it, to the same bytes.
 */
export async function drawChartsAhead(specs: readonly ChartSpec[], use: ChartUse): Promise<void> {
  const missing = [...new Map(specs.map((spec) => [keyOf(use, spec), spec])).entries()].filter(([key]) => drawn.get(key) === undefined);
  const encodings: Promise<void>[] = [];
  let turn = 0;
  for (const [key, spec] of missing) {
    const screenKey = keyOf('screen', spec);
    const screen = drawn.get(screenKey);
    if (screen !== undefined) {
      drawn.set(key, opaqueRgbPng(screen));
      continue;
    }
    const slot = (ahead[turn++ % 2] ??= { canvas: createCanvas(1, 1), encoded: Promise.resolve() });
    // Waits until the canvas is free: its last encoding has ended and no other report took it meanwhile. From the
    // check to the assignment below nothing waits, so no other report can draw on this canvas in between.
    for (let last = slot.encoded; ; last = slot.encoded) {
      await last;
      if (slot.encoded === last) break;
    }
    const chart = drawOn(slot.canvas, spec);
    const encoded = slot.canvas
      .encode('png')
      .then((png) => {
        drawn.set(screenKey, png);
        if (use === 'print') drawn.set(key, opaqueRgbPng(png));
      })
      .finally(() => chart.destroy());
    slot.encoded = encoded.catch(() => undefined);
    encodings.push(encoded);
  }
  await Promise.all(encodings);
}

/**
 * Draws a chart with chart.js on a server-side canvas (white background, patterned series, value labels,
 * its n at the foot) as a lossless PNG, as the canvas encodes it: text and bar edges stay sharp, with none
 * of a JPEG's ringing. For HTML and Word, which show it as it is.
 */
export function renderChartImage(spec: ChartSpec): ChartImage {
  return kept(spec, canvasPng(spec));
}

/** The same chart as an RGB PNG, which pdfkit embeds without decoding it (see `opaqueRgbPng`). */
export function renderChartImageForPdf(spec: ChartSpec): ChartImage {
  return kept(
    spec,
    drawn.getOrMake(keyOf('print', spec), () => opaqueRgbPng(canvasPng(spec))),
  );
}
