import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Chart, type Plugin } from 'chart.js';
import { BoundedCache } from '../bounded-cache';
import type { ChartSpec, ReportModel, ReportSection } from '../model/report-model';
import { chartConfiguration, chartSize, FONT_FAMILY, registerChartParts, SCALE } from './chart-config';
import { patternTile, seriesStyle } from './chart-palette';
import { baseFont, chooseFonts, drawnByBaseFont } from '../render/pdf/pdf-font-choice';
import { fontFile } from '../render/pdf/pdf-fonts';
import { FONT } from '../render/pdf/pdf-theme';

/** A chart drawn as a lossless PNG, with its size in CSS pixels (the image holds `scale` times more). */
export interface ChartImage {
  data: Buffer;
  mimeType: 'image/png';
  width: number;
  height: number;
  scale: number;
}

let fontReady = false;
function prepare(): void {
  registerChartParts();
  if (fontReady) return;
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT_FAMILY);
  fontReady = true;
}

const registeredScripts = new Set<string>();

/**
 * The fonts a chart's labels need beyond DejaVu (Noto by script, as the PDF chooses them), registered with the
 * canvas the first time a chart needs them: a label in Urdu or Chinese is drawn, not left as empty boxes. A
 * character no font has is refused naming the chart.
 */
function scriptFamilies(spec: ChartSpec): string[] {
  const names = new Set<string>();
  for (const text of [...spec.categories, ...spec.series.map((s) => s.name), spec.unit ?? '']) {
    if (drawnByBaseFont(text, FONT.regular)) continue;
    for (const name of chooseFonts(text, baseFont(FONT.regular), undefined, `the chart "${spec.title}"`)) if (name !== FONT.regular) names.add(name);
  }
  for (const name of names) {
    if (registeredScripts.has(name)) continue;
    GlobalFonts.registerFromPath(fontFile(name), name);
    registeredScripts.add(name);
  }
  return [...names].sort();
}

/** Paints the canvas white first, so the picture reads the same on any background it is pasted on. */
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
  const config = chartConfiguration(spec, patterns, SCALE, scriptFamilies(spec));
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
// Up to 96 charts: a long report drawn ahead never pushes out its own first charts.
const drawn = new BoundedCache<Buffer>(96, 16 * 1024 * 1024, (data) => data.length);

const keyOf = (spec: ChartSpec) => JSON.stringify(spec);

/** Every chart of a report, in reading order. */
export function chartsOf(model: Pick<ReportModel, 'sections'>): ChartSpec[] {
  const walk = (sections: readonly ReportSection[]): ChartSpec[] =>
    sections.flatMap((section) => [
      ...section.blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : [])),
      ...walk(section.subsections ?? []),
    ]);
  return walk(model.sections);
}

/*
 * Canvases for drawing a report's charts ahead of it: while one encodes its PNG on a thread of libuv's pool,
 * the next chart is drawn on the other. Two, as the machine a council runs this on may have two cores.
 */
const ahead: { canvas: Canvas; encoded: Promise<void> }[] = [];

/**
 * Draws every chart of a report (HTML or Word) that is not kept already, before the report is laid out, so the
 * layout finds them all kept. Drawing happens on this thread, but the canvas encodes its PNG on another while
 * the next chart is drawn: after a change to the record, when every chart is new, the report spends less of its
 * time on charts. Without it the layout draws each chart as it meets it, to the same bytes.
 */
export async function drawChartsAhead(specs: readonly ChartSpec[]): Promise<void> {
  const missing = [...new Map(specs.map((spec) => [keyOf(spec), spec])).entries()].filter(([key]) => drawn.get(key) === undefined);
  const encodings: Promise<void>[] = [];
  let turn = 0;
  for (const [key, spec] of missing) {
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
        drawn.set(key, png);
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
 * of a JPEG's ringing. For HTML and Word, which show it as it is; a PDF draws the chart as vectors instead.
 */
export function renderChartImage(spec: ChartSpec): ChartImage {
  const data = drawn.getOrMake(keyOf(spec), () => drawChart(spec));
  const { width, height } = chartSize(spec);
  return { data: Buffer.from(data), mimeType: 'image/png', width, height, scale: SCALE };
}
