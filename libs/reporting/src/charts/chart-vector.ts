import { Chart } from 'chart.js';
import { color as parseColour } from 'chart.js/helpers';
import { BoundedCache } from '../bounded-cache';
import type { ChartSpec } from '../model/report-model';
import { baseFont, drawnByBaseFont } from '../render/pdf/pdf-font-choice';
import { parsedFont } from '../render/pdf/pdf-fonts';
import { layoutText, type LaidLine } from '../render/pdf/pdf-text-layout';
import { FONT } from '../render/pdf/pdf-theme';
import { textDirection } from '../render/text/scripts';
import { chartConfiguration, chartSize, registerChartParts } from './chart-config';
import { seriesStyle, type SeriesPattern } from './chart-palette';

/*
 * A chart for print, drawn by chart.js as vector paths and text rather than pixels: sharp at any zoom,
 * a fraction of a picture's bytes, and its labels in the document's own DejaVu. chart.js draws on a
 * canvas's 2D context; here a context that writes down what it is asked to draw, in the chart's CSS
 * pixels, so the drawing can be kept and replayed onto any PDF page (render/pdf/pdf-chart.ts).
 */

/** A 2D affine matrix as the canvas writes it: x' = a x + c y + e, y' = b x + d y + f. */
export type Matrix = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** One step of a path, its points already in the chart's coordinates. */
export type PathStep =
  | { op: 'move' | 'line'; x: number; y: number }
  | { op: 'curve'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'rect'; x: number; y: number; w: number; h: number }
  | { op: 'close' };

/** What a closed area is filled with: a colour, or a series' pattern (white marks over its colour). */
export type Paint = { colour: string; opacity: number } | { colour: string; opacity: number; pattern: Exclude<SeriesPattern, 'solid'> };

/** One thing a chart draws, in drawing order. */
export type ChartMark =
  | { kind: 'save' | 'restore' }
  | { kind: 'fill'; path: PathStep[]; paint: Paint; evenOdd: boolean }
  | {
      kind: 'stroke';
      path: PathStep[];
      colour: string;
      opacity: number;
      width: number;
      cap: string;
      join: string;
      dash: number[];
      dashOffset: number;
    }
  | { kind: 'clip'; path: PathStep[]; evenOdd: boolean }
  | TextMark;

/**
 * A run of text: drawn from `matrix`'s origin, its baseline `baseline` units below that point (canvas
 * `textBaseline`, resolved against DejaVu's ascent and descent). Text DejaVu cannot draw alone (another script,
 * right to left) carries its line laid out by script, as the rest of the document lays such text out.
 */
export interface TextMark {
  kind: 'text';
  text: string;
  bold: boolean;
  size: number;
  colour: string;
  opacity: number;
  baseline: number;
  matrix: Matrix;
  line?: LaidLine;
}

/** A chart drawn as marks, with the size in CSS pixels it was laid out at. */
export interface ChartDrawing {
  width: number;
  height: number;
  marks: ChartMark[];
}

/** A series' fill as chart.js passes it to the context: chart.js treats it as a canvas pattern and hands it on untouched. */
export class SeriesFill {
  readonly [Symbol.toStringTag] = 'CanvasPattern';
  constructor(
    readonly colour: string,
    readonly pattern: SeriesPattern,
  ) {}
}

interface State {
  fillStyle: string | SeriesFill;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  lineDash: number[];
  lineDashOffset: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  globalAlpha: number;
  matrix: Matrix;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const colours = new Map<string, { colour: string; opacity: number }>();

/** A CSS colour as `#rrggbb` and an opacity; a colour chart.js cannot read is refused by name. */
function colourOf(style: string): { colour: string; opacity: number } {
  let known = colours.get(style);
  if (!known) {
    const rgb = parseColour(style).rgb as { r: number; g: number; b: number; a: number } | undefined;
    if (!rgb) throw new Error(`the chart asked for the colour "${style}", which is not a CSS colour`);
    const hex = (v: number) => Math.round(v).toString(16).padStart(2, '0');
    known = { colour: `#${hex(rgb.r)}${hex(rgb.g)}${hex(rgb.b)}`, opacity: rgb.a };
    colours.set(style, known);
  }
  return known;
}

/** The face and size a CSS font string asks for: charts use DejaVu Sans, bold where the weight says so. */
function fontOf(font: string): { bold: boolean; size: number } {
  const size = /(\d+(?:\.\d+)?)px/.exec(font);
  if (!size) throw new Error(`the chart asked for the font "${font}", which gives no size in px`);
  return { bold: /\b(bold|bolder|[6-9]00)\b/.test(font), size: Number(size[1]) };
}

const widths = new BoundedCache<number>(20_000);
const lines = new BoundedCache<LaidLine>(2_000);

/**
 * The line of a label DejaVu cannot draw alone, laid out by script and direction as the report's own text is;
 * undefined for text DejaVu draws. A character no font can draw is refused naming the chart (`origin`).
 */
function scriptLine(text: string, bold: boolean, size: number, origin: string): LaidLine | undefined {
  const font = bold ? FONT.bold : FONT.regular;
  if (drawnByBaseFont(text, font)) return undefined;
  return lines.getOrMake(`${font} ${size}\n${text}`, () => {
    const direction = textDirection(text) ?? 'ltr';
    return layoutText({ text, base: baseFont(font), size, width: Number.MAX_SAFE_INTEGER, lineGap: 0, direction, origin }).lines[0];
  });
}

/** The width of `text` at `size` px, as the PDF will set it: in DejaVu, or laid out by script where DejaVu cannot draw it. */
function widthOf(text: string, bold: boolean, size: number, origin: string): number {
  const line = scriptLine(text, bold, size, origin);
  if (line) return line.width;
  const font = bold ? FONT.bold : FONT.regular;
  const perEm = widths.getOrMake(`${font}\n${text}`, () => {
    const parsed = parsedFont(font);
    const { positions } = parsed.layout(text);
    return positions.reduce((sum, p) => sum + p.xAdvance, 0) / parsed.unitsPerEm;
  });
  return perEm * size;
}

/** How far below the point text is drawn from its baseline lies, for each canvas `textBaseline`, as pdfkit places it in DejaVu. */
function baselineShift(baseline: string, bold: boolean, size: number): number {
  const font = parsedFont(bold ? FONT.bold : FONT.regular) as unknown as { ascent: number; descent: number; unitsPerEm: number };
  const ascent = (font.ascent / font.unitsPerEm) * size;
  const descent = (font.descent / font.unitsPerEm) * size;
  switch (baseline) {
    case 'top':
      return ascent;
    case 'hanging':
      return 0.8 * ascent;
    case 'middle':
      return (ascent + descent) / 2;
    case 'bottom':
    case 'ideographic':
      return descent;
    default:
      return 0;
  }
}

/**
 * The part of the canvas 2D context chart.js uses to draw a bar chart, writing marks instead of pixels.
 * A method chart.js calls that is missing here fails the chart by name rather than drawing it wrongly.
 */
export class RecordingContext {
  readonly marks: ChartMark[] = [];
  readonly canvas: { width: number; height: number; getContext(kind: string): RecordingContext | null };
  private state: State = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    lineDash: [],
    lineDashOffset: 0,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    matrix: IDENTITY,
  };
  private readonly saved: State[] = [];
  private path: PathStep[] = [];

  /** @param origin what the text drawn here belongs to, named if it holds a character no font can draw */
  constructor(
    width: number,
    height: number,
    private readonly origin = 'a chart',
  ) {
    const context = this;
    this.canvas = { width, height, getContext: (kind) => (kind === '2d' ? context : null) };
  }

  get fillStyle(): string | SeriesFill {
    return this.state.fillStyle;
  }
  set fillStyle(value: string | SeriesFill) {
    this.state.fillStyle = value;
  }
  get strokeStyle(): string {
    return this.state.strokeStyle;
  }
  set strokeStyle(value: string) {
    this.state.strokeStyle = value;
  }
  get lineWidth(): number {
    return this.state.lineWidth;
  }
  set lineWidth(value: number) {
    this.state.lineWidth = value;
  }
  get lineCap(): string {
    return this.state.lineCap;
  }
  set lineCap(value: string) {
    this.state.lineCap = value;
  }
  get lineJoin(): string {
    return this.state.lineJoin;
  }
  set lineJoin(value: string) {
    this.state.lineJoin = value;
  }
  get lineDashOffset(): number {
    return this.state.lineDashOffset;
  }
  set lineDashOffset(value: number) {
    this.state.lineDashOffset = value;
  }
  get font(): string {
    return this.state.font;
  }
  set font(value: string) {
    this.state.font = value;
  }
  get textAlign(): string {
    return this.state.textAlign;
  }
  set textAlign(value: string) {
    this.state.textAlign = value;
  }
  get textBaseline(): string {
    return this.state.textBaseline;
  }
  set textBaseline(value: string) {
    this.state.textBaseline = value;
  }
  get globalAlpha(): number {
    return this.state.globalAlpha;
  }
  set globalAlpha(value: number) {
    this.state.globalAlpha = value;
  }

  /** As a canvas does: a list with a negative or non-finite length is ignored, and an odd list is repeated to make it even. */
  setLineDash(segments: number[]): void {
    if (segments.some((s) => !Number.isFinite(s) || s < 0)) return;
    this.state.lineDash = segments.length % 2 === 1 ? [...segments, ...segments] : [...segments];
  }
  getLineDash(): number[] {
    return [...this.state.lineDash];
  }

  save(): void {
    this.saved.push({ ...this.state, lineDash: [...this.state.lineDash] });
    this.marks.push({ kind: 'save' });
  }
  restore(): void {
    const state = this.saved.pop();
    if (!state) return;
    this.state = state;
    this.marks.push({ kind: 'restore' });
  }

  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.matrix = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.state.matrix = IDENTITY;
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.matrix = multiply(this.state.matrix, [a, b, c, d, e, f]);
  }
  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }
  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }
  rotate(angle: number): void {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }

  private point(x: number, y: number): { x: number; y: number } {
    const m = this.state.matrix;
    return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
  }

  private get axisAligned(): boolean {
    return this.state.matrix[1] === 0 && this.state.matrix[2] === 0;
  }

  /** How much the current transform scales lengths (line widths and dashes). */
  private get lengthScale(): number {
    const m = this.state.matrix;
    return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
  }

  beginPath(): void {
    this.path = [];
  }
  closePath(): void {
    this.path.push({ op: 'close' });
  }
  moveTo(x: number, y: number): void {
    this.path.push({ op: 'move', ...this.point(x, y) });
  }
  lineTo(x: number, y: number): void {
    this.path.push({ op: 'line', ...this.point(x, y) });
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    const c1 = this.point(x1, y1);
    const c2 = this.point(x2, y2);
    this.path.push({ op: 'curve', x1: c1.x, y1: c1.y, x2: c2.x, y2: c2.y, ...this.point(x, y) });
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    // With no current point a canvas starts the curve at its control point.
    if (this.path.length === 0) this.moveTo(cx, cy);
    const last = this.current();
    // A quadratic curve is the cubic with control points two thirds of the way to its control point.
    const c1 = { x: last.x + ((cx - last.x) * 2) / 3, y: last.y + ((cy - last.y) * 2) / 3 };
    const c2 = { x: x + ((cx - x) * 2) / 3, y: y + ((cy - y) * 2) / 3 };
    this.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, x, y);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(...this.rectSteps(x, y, w, h));
  }
  /** An arc as cubic curves, a quarter turn at most each (to within 0.03% of the circle). */
  arc(x: number, y: number, r: number, start: number, end: number, anticlockwise = false): void {
    let sweep = end - start;
    if (anticlockwise) sweep = sweep <= -2 * Math.PI ? -2 * Math.PI : sweep > 0 ? sweep - 2 * Math.PI * Math.ceil(sweep / (2 * Math.PI)) : sweep;
    else sweep = sweep >= 2 * Math.PI ? 2 * Math.PI : sweep < 0 ? sweep + 2 * Math.PI * Math.ceil(-sweep / (2 * Math.PI)) : sweep;
    const begin = { x: x + r * Math.cos(start), y: y + r * Math.sin(start) };
    // A canvas joins an arc to the current point with a straight line (after a closed subpath, from its start).
    if (this.path.length === 0) this.moveTo(begin.x, begin.y);
    else this.lineTo(begin.x, begin.y);
    const pieces = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2)));
    const step = sweep / pieces;
    const k = (4 / 3) * Math.tan(step / 4);
    for (let i = 0, a = start; i < pieces; i++, a += step) {
      const b = a + step;
      this.bezierCurveTo(
        x + r * (Math.cos(a) - k * Math.sin(a)),
        y + r * (Math.sin(a) + k * Math.cos(a)),
        x + r * (Math.cos(b) + k * Math.sin(b)),
        y + r * (Math.sin(b) - k * Math.cos(b)),
        x + r * Math.cos(b),
        y + r * Math.sin(b),
      );
    }
  }

  fill(rule?: string): void {
    this.fillPath(this.path, rule === 'evenodd');
  }
  stroke(): void {
    this.strokePath(this.path);
  }
  clip(rule?: string): void {
    this.marks.push({ kind: 'clip', path: [...this.path], evenOdd: rule === 'evenodd' });
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.fillPath(this.rectSteps(x, y, w, h), false);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.strokePath(this.rectSteps(x, y, w, h));
  }
  /** Clearing draws nothing: a PDF page under a chart is already blank. */
  clearRect(): void {}

  measureText(text: string): { width: number } {
    const { bold, size } = fontOf(this.state.font);
    return { width: widthOf(text, bold, size, this.origin) };
  }

  /** Text at (x, y), placed by `textAlign` and `textBaseline`, and narrowed to `maxWidth` where it is wider, as a canvas does. */
  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    if (text === '') return;
    const { bold, size } = fontOf(this.state.font);
    const paint = this.paintOf(this.state.fillStyle);
    if (paint.opacity === 0) return;
    // A canvas draws nothing where the room given is none.
    if (maxWidth !== undefined && !(maxWidth > 0)) return;
    const natural = widthOf(text, bold, size, this.origin);
    const narrow = maxWidth !== undefined && natural > maxWidth ? maxWidth / natural : 1;
    const width = natural * narrow;
    const align = this.state.textAlign;
    const shift = align === 'center' ? -width / 2 : align === 'right' || align === 'end' ? -width : 0;
    const line = scriptLine(text, bold, size, this.origin);
    this.marks.push({
      kind: 'text',
      text,
      bold,
      size,
      colour: paint.colour,
      opacity: paint.opacity,
      baseline: baselineShift(this.state.textBaseline, bold, size),
      matrix: multiply(this.state.matrix, [narrow, 0, 0, 1, x + shift, y]),
      ...(line ? { line } : {}),
    });
  }

  /** The current point, in user space: the end of the last step, or the start of the subpath a close or a rectangle leaves. */
  private current(): { x: number; y: number } {
    const last = this.path[this.path.length - 1];
    if (last === undefined) return { x: 0, y: 0 };
    let at: { x: number; y: number } = last.op === 'close' ? { x: 0, y: 0 } : last;
    if (last.op === 'close') {
      for (let i = this.path.length - 1; i >= 0; i--) {
        const step = this.path[i];
        if (step.op === 'move' || step.op === 'rect') {
          at = step;
          break;
        }
      }
    }
    const m = this.state.matrix;
    // Back into user space: the steps are kept in chart coordinates.
    const det = m[0] * m[3] - m[1] * m[2];
    const dx = at.x - m[4];
    const dy = at.y - m[5];
    return { x: (m[3] * dx - m[2] * dy) / det, y: (m[0] * dy - m[1] * dx) / det };
  }

  private rectSteps(x: number, y: number, w: number, h: number): PathStep[] {
    if (this.axisAligned) {
      const m = this.state.matrix;
      return [{ op: 'rect', x: m[0] * x + m[4], y: m[3] * y + m[5], w: m[0] * w, h: m[3] * h }];
    }
    return [
      { op: 'move', ...this.point(x, y) },
      { op: 'line', ...this.point(x + w, y) },
      { op: 'line', ...this.point(x + w, y + h) },
      { op: 'line', ...this.point(x, y + h) },
      { op: 'close' },
    ];
  }

  private paintOf(style: string | SeriesFill): Paint {
    if (style instanceof SeriesFill) {
      const { colour, opacity } = colourOf(style.colour);
      const paint = { colour, opacity: opacity * this.state.globalAlpha };
      return style.pattern === 'solid' ? paint : { ...paint, pattern: style.pattern };
    }
    if (typeof style !== 'string') throw new Error('the chart asked for a fill that is neither a colour nor a series pattern');
    const { colour, opacity } = colourOf(style);
    return { colour, opacity: opacity * this.state.globalAlpha };
  }

  private fillPath(path: PathStep[], evenOdd: boolean): void {
    const paint = this.paintOf(this.state.fillStyle);
    if (path.length === 0 || paint.opacity === 0) return;
    this.marks.push({ kind: 'fill', path: [...path], paint, evenOdd });
  }

  private strokePath(path: PathStep[]): void {
    const { colour, opacity } = colourOf(this.state.strokeStyle);
    const alpha = opacity * this.state.globalAlpha;
    if (path.length === 0 || alpha === 0 || this.state.lineWidth <= 0) return;
    const scale = this.lengthScale;
    this.marks.push({
      kind: 'stroke',
      path: [...path],
      colour,
      opacity: alpha,
      width: this.state.lineWidth * scale,
      cap: this.state.lineCap,
      join: this.state.lineJoin,
      dash: this.state.lineDash.map((d) => d * scale),
      dashOffset: this.state.lineDashOffset * scale,
    });
  }
}

/*
 * Laying out a chart with chart.js costs a few milliseconds; its marks depend on nothing but the spec, so
 * they are kept by the spec's content and replayed into every document that shows the chart.
 */
const drawings = new BoundedCache<ChartDrawing>(96, 200_000, (drawing) => drawing.marks.length);

/**
 * A chart as vector marks (the same chart.js layout, values, patterns and n as its PNG), kept by its spec. The
 * drawing is frozen: every document replays the same marks, so none may change them for the next.
 */
export function chartDrawing(spec: ChartSpec): ChartDrawing {
  return drawings.getOrMake(JSON.stringify(spec), () => deepFreeze(recordChart(spec)));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function recordChart(spec: ChartSpec): ChartDrawing {
  registerChartParts();
  const { width, height } = chartSize(spec);
  const context = new RecordingContext(width, height, `the chart "${spec.title}"`);
  const fills = spec.series.map((_, index) => {
    const { colour, pattern } = seriesStyle(index);
    return new SeriesFill(colour, pattern);
  });
  // With animation off, constructing the chart draws it; its marks are all written by the time it returns.
  let chart: Chart<'bar'> | undefined;
  try {
    chart = new Chart(context as never, chartConfiguration(spec, fills, 1));
    return { width, height, marks: withoutEmptySaves(context.marks) };
  } finally {
    // chart.js keeps every chart it makes until destroyed, one that failed half-way too (it is registered before drawing).
    (chart ?? Chart.getChart(context.canvas as never))?.destroy();
  }
}

/** The marks less every save that is restored with nothing drawn between (chart.js clears the canvas that way). */
function withoutEmptySaves(marks: readonly ChartMark[]): ChartMark[] {
  const kept: ChartMark[] = [];
  for (const mark of marks) {
    if (mark.kind === 'restore' && kept[kept.length - 1]?.kind === 'save') kept.pop();
    else kept.push(mark);
  }
  return kept;
}
