import { Chart } from 'chart.js';
import type { ChartSpec } from '../model/report-model';
import { chartSize } from './chart-config';
import { hoursByRole as stackedHours } from './chart.fixture';
import { INK, SERIES_COLOURS } from './chart-palette';
import { chartDrawing, RecordingContext, SeriesFill, type ChartDrawing, type ChartMark, type PathStep, type TextMark } from './chart-vector';
import { layoutText } from '../render/pdf/pdf-text-layout';
import { baseFont } from '../render/pdf/pdf-font-choice';
import { FONT } from '../render/pdf/pdf-theme';

const hoursByRole: ChartSpec = { ...stackedHours, n: 14 };

/*
 * Each test draws its own chart (a spec no other test draws), so the drawing happens inside the test rather than
 * coming from the kept drawings of another.
 */
let drawn = 0;
const draw = (spec: Partial<ChartSpec> = {}): ChartDrawing => chartDrawing({ ...hoursByRole, ...spec, id: `chart-${++drawn}` });

const textMarks = (marks: readonly ChartMark[]) => marks.flatMap((m) => (m.kind === 'text' ? [m] : []));
const texts = (marks: readonly ChartMark[]) => textMarks(marks).map((m) => m.text);
const fills = (marks: readonly ChartMark[]) => marks.flatMap((m) => (m.kind === 'fill' ? [m] : []));
const strokes = (marks: readonly ChartMark[]) => marks.flatMap((m) => (m.kind === 'stroke' ? [m] : []));
const textAt = (marks: readonly ChartMark[], text: string): TextMark => {
  const mark = textMarks(marks).find((m) => m.text === text);
  if (!mark) throw new Error(`no text "${text}" in the chart`);
  return mark;
};

function points(path: readonly PathStep[]): { x: number; y: number }[] {
  return path.flatMap((step) => {
    if (step.op === 'close') return [];
    if (step.op === 'rect')
      return [
        { x: step.x, y: step.y },
        { x: step.x + step.w, y: step.y + step.h },
      ];
    return [{ x: step.x, y: step.y }];
  });
}

/** The left, right, top and bottom of a rectangle step. */
function box(step: PathStep | undefined): { left: number; right: number; top: number; bottom: number } {
  if (step?.op !== 'rect') throw new Error('expected a rectangle');
  return {
    left: Math.min(step.x, step.x + step.w),
    right: Math.max(step.x, step.x + step.w),
    top: Math.min(step.y, step.y + step.h),
    bottom: Math.max(step.y, step.y + step.h),
  };
}

/** The outlines of a series' bars, in drawing order: the outer rectangle of each border ring (the legend's box has none). */
function barsOf(drawing: ChartDrawing, series: number) {
  return fills(drawing.marks)
    .filter((f) => f.paint.colour === SERIES_COLOURS[series] && f.evenOdd)
    .map((f) => box(f.path[0]));
}

/** The width of `text` as the chart sets its labels (12 px DejaVu Sans). */
function labelWidth(text: string): number {
  const ctx = new RecordingContext(1, 1);
  ctx.font = '12px "DejaVu Sans"';
  return ctx.measureText(text).width;
}

describe('a chart drawn as vector marks for print', () => {
  it('writes every category, every value, the legend, the unit and the n as text', () => {
    const written = texts(draw().marks);
    for (const text of [
      'Residents',
      'Carers',
      'Council officers',
      'Co-design',
      'Co-delivery',
      'hours',
      'n = 14 people',
      '21.0',
      '15.0',
      '8.0',
      '4.0',
    ]) {
      expect(written).toContain(text);
    }
    // A value not shown has no label on a stacked bar: nothing is drawn for it.
    expect(written).not.toContain('not shown');
  });

  it('fills the first series plainly and later ones with a pattern over their colour, so colour is never the only cue', () => {
    const marks = draw().marks;
    const first = fills(marks).filter((f) => f.paint.colour === SERIES_COLOURS[0]);
    const second = fills(marks).filter((f) => f.paint.colour === SERIES_COLOURS[1]);
    // Each bar is its border ring (filled even-odd) and its inside; the legend's box and the three insides are plain.
    expect(first.filter((f) => !f.evenOdd && !('pattern' in f.paint))).toHaveLength(4);
    expect(first.filter((f) => f.evenOdd)).toHaveLength(3);
    // The second series: its legend box and two bars (none for Carers), patterned.
    expect(second.filter((f) => 'pattern' in f.paint && f.paint.pattern === 'diagonal')).toHaveLength(3);
    // The ring is the bar's outline less its inside: two rectangles, one inside the other.
    const ring = first.find((f) => f.evenOdd);
    const [outer, inner] = [box(ring?.path[0]), box(ring?.path[1])];
    expect(inner.left).toBeGreaterThan(outer.left);
    expect(inner.right).toBeLessThan(outer.right);
  });

  it('draws inside its own box, at the size the layout keeps for it', () => {
    const drawing = draw();
    expect(chartSize(hoursByRole)).toEqual({ width: drawing.width, height: drawing.height });
    for (const mark of drawing.marks) {
      if (mark.kind === 'text') {
        expect(mark.matrix[4]).toBeGreaterThanOrEqual(0);
        expect(mark.matrix[4]).toBeLessThan(drawing.width);
        expect(mark.matrix[5]).toBeGreaterThanOrEqual(0);
        expect(mark.matrix[5]).toBeLessThanOrEqual(drawing.height);
      }
      if (mark.kind === 'fill' || mark.kind === 'stroke') {
        for (const p of points(mark.path)) {
          expect(p.x).toBeGreaterThanOrEqual(-1);
          expect(p.x).toBeLessThanOrEqual(drawing.width + 1);
          expect(p.y).toBeGreaterThanOrEqual(-1);
          expect(p.y).toBeLessThanOrEqual(drawing.height + 1);
        }
      }
    }
  });

  it('stacks bars to their values: Residents reach 21 + 15 hours, Council officers 8 + 4, on one axis', () => {
    const drawing = draw();
    const [codesign, codelivery] = [barsOf(drawing, 0), barsOf(drawing, 1)];
    expect(codesign).toHaveLength(3);
    expect(codelivery).toHaveLength(2);
    // One axis for all bars: the bottom of every first-series bar is the same line.
    expect(new Set(codesign.map((b) => Math.round(b.bottom))).size).toBe(1);
    const perHour = (codesign[0].bottom - codesign[0].top) / 21;
    expect((codesign[2].bottom - codesign[2].top) / perHour).toBeCloseTo(8, 0);
    // The second stage sits on the first: Residents' co-delivery starts where co-design ends, 15 hours high.
    expect(codelivery[0].bottom).toBeCloseTo(codesign[0].top, 0);
    expect((codelivery[0].bottom - codelivery[0].top) / perHour).toBeCloseTo(15, 0);
  });

  it('centres each category under its bar and each value label on its bar', () => {
    const drawing = draw({ type: 'bar', series: [{ name: 'Co-design', values: [1260, 300, 480] }] });
    const bars = barsOf(drawing, 0);
    expect(bars).toHaveLength(3);
    hoursByRole.categories.forEach((category, i) => {
      const label = textAt(drawing.marks, category);
      const width = labelWidth(category);
      expect(label.matrix[4] + width / 2).toBeCloseTo((bars[i].left + bars[i].right) / 2, 0);
      // Under the axis, below the bar.
      expect(label.matrix[5]).toBeGreaterThan(bars[i].bottom);
    });
    const value = textAt(drawing.marks, '21.0');
    expect(value.matrix[5]).toBeLessThan(bars[0].top);
  });

  it('sets the category labels of a horizontal chart right-aligned against the axis, each at its bar', () => {
    const drawing = draw({ type: 'horizontal_bar', series: [{ name: 'Co-design', values: [1260, 300, 480] }] });
    const bars = barsOf(drawing, 0);
    const axis = Math.min(...bars.map((b) => b.left));
    hoursByRole.categories.forEach((category, i) => {
      const label = textAt(drawing.marks, category);
      const right = label.matrix[4] + labelWidth(category);
      expect(right).toBeLessThan(axis);
      expect(axis - right).toBeLessThan(20);
      // Its baseline is moved to the middle of the text, level with the middle of its bar.
      expect(label.matrix[5] + label.baseline - (bars[i].top + bars[i].bottom) / 2).toBeGreaterThan(0);
      expect(label.matrix[5] + label.baseline - (bars[i].top + bars[i].bottom) / 2).toBeLessThan(6);
    });
    // The longest bar is Residents'.
    expect(bars[0].right - bars[0].left).toBeGreaterThan(bars[2].right - bars[2].left);
  });

  it('draws the grid and the axes as lines, the grid in grey and the axes in ink', () => {
    const lines = strokes(draw().marks);
    const grid = lines.filter((s) => s.colour === '#d8dadc');
    const axes = lines.filter((s) => s.colour === INK);
    // Value ticks at 0, 5 ... 40 hours or so: several grid lines, each a straight line across the chart.
    expect(grid.length).toBeGreaterThanOrEqual(4);
    for (const line of grid) expect(line.path.map((s) => s.op)).toEqual(['move', 'line']);
    expect(axes.length).toBeGreaterThanOrEqual(2);
    for (const line of [...grid, ...axes]) expect(line.width).toBeGreaterThan(0);
  });

  it('clips the bars to the chart area and restores what it saved', () => {
    const marks = draw().marks;
    const clip = marks.findIndex((m) => m.kind === 'clip');
    expect(clip).toBeGreaterThan(0);
    expect(marks[clip - 1].kind).toBe('save');
    const firstBar = marks.findIndex((m) => m.kind === 'fill' && m.evenOdd);
    expect(firstBar).toBeGreaterThan(clip);
    let depth = 0;
    for (const mark of marks) {
      if (mark.kind === 'save') depth++;
      if (mark.kind === 'restore') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    // The saves chart.js makes around clearing a canvas draw nothing, and are left out.
    marks.forEach((mark, i) => {
      if (mark.kind === 'save') expect(marks[i + 1]?.kind).not.toBe('restore');
    });
  });

  it('is the same for the same chart, and differs where a number differs', () => {
    expect(JSON.stringify(draw())).toBe(JSON.stringify(draw()));
    const changed = draw({ series: [{ name: 'Co-design', values: [600, 300, 480] }, hoursByRole.series[1]] });
    expect(texts(changed.marks)).toContain('10.0');
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(draw()));
  });

  it('keeps a drawing for its spec, and no caller can change it for the next', () => {
    const spec = { ...hoursByRole, id: 'kept' };
    const drawing = chartDrawing(spec);
    expect(chartDrawing(spec)).toBe(drawing);
    expect(() => (drawing.marks as ChartMark[]).push({ kind: 'save' })).toThrow(TypeError);
    const text = textMarks(drawing.marks)[0];
    expect(() => Object.assign(text, { text: 'changed' })).toThrow(TypeError);
    const filled = fills(drawing.marks)[0];
    expect(Object.isFrozen(filled.path)).toBe(true);
    expect(Object.isFrozen(filled.path[0])).toBe(true);
    expect(Object.isFrozen(filled.paint)).toBe(true);
    expect(Object.isFrozen(text.matrix)).toBe(true);
  });

  it('releases chart.js when drawing fails half-way, and draws the next chart', () => {
    const before = Object.keys(Chart.instances).length;
    const failure = jest.spyOn(Chart.prototype, 'draw').mockImplementationOnce(() => {
      throw new Error('drawing failed');
    });
    expect(() => draw()).toThrow('drawing failed');
    failure.mockRestore();
    expect(Object.keys(Chart.instances)).toHaveLength(before);
    expect(texts(draw().marks)).toContain('Residents');
  });

  it('lays out a label in another script with the script fonts, and refuses one no font can draw, naming the chart', () => {
    const drawing = draw({ categories: ['اردو بولنے والے', 'Carers', '社区居民'] });
    const urdu = textAt(drawing.marks, 'اردو بولنے والے');
    expect(urdu.line?.runs.map((r) => r.font)).toEqual([expect.stringMatching(/naskh|nastaliq|arabic/i)]);
    expect(urdu.line?.runs[0].rtl).toBe(true);
    expect(textAt(drawing.marks, '社区居民').line?.runs[0].font).toMatch(/^Noto-/);
    expect(textAt(drawing.marks, 'Carers').line).toBeUndefined();
    expect(() => draw({ title: 'Roles', categories: ['\u{10FFFD} private use', 'Carers', 'Council officers'] })).toThrow(/the chart "Roles"/);
  });
});

describe('the recording context', () => {
  it('keeps text turned with the canvas, centred by its width in DejaVu', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.font = 'bold 20px "DejaVu Sans"';
    ctx.fillStyle = '#0b0c0c';
    ctx.textAlign = 'center';
    ctx.translate(50, 50);
    ctx.rotate(Math.PI / 2);
    ctx.fillText('Carers', 0, 0);
    const [mark] = ctx.marks;
    if (mark.kind !== 'text') throw new Error('expected text');
    const width = ctx.measureText('Carers').width;
    expect(width).toBeGreaterThan(50);
    expect(mark).toMatchObject({ text: 'Carers', bold: true, size: 20, colour: '#0b0c0c', opacity: 1, baseline: 0 });
    // Turned a quarter: the text runs down the page, starting half its width above the point it is centred on.
    const [a, b, c, d, e, f] = mark.matrix;
    expect([a, b, c, d].map((v) => Math.round(v))).toEqual([0, 1, -1, 0]);
    expect(e).toBeCloseTo(50);
    expect(f).toBeCloseTo(50 - width / 2);
  });

  it('places text by its alignment: left and start at the point, right and end ending there, centre across it', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.font = '12px "DejaVu Sans"';
    const width = ctx.measureText('Residents').width;
    const starts: Record<string, number> = { left: 40, start: 40, right: 40 - width, end: 40 - width, center: 40 - width / 2 };
    for (const align of Object.keys(starts)) {
      ctx.textAlign = align;
      ctx.fillText('Residents', 40, 10);
    }
    expect(textMarks(ctx.marks).map((m) => m.matrix[4])).toEqual(Object.values(starts));
  });

  it('moves the baseline for each textBaseline by DejaVu ascent and descent', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.font = '10px "DejaVu Sans"';
    for (const baseline of ['alphabetic', 'top', 'hanging', 'middle', 'bottom', 'ideographic']) {
      ctx.textBaseline = baseline;
      ctx.fillText('x', 0, 0);
    }
    const [alphabetic, top, hanging, middle, bottom, ideographic] = textMarks(ctx.marks).map((m) => m.baseline);
    // DejaVu Sans: ascent 0.928 em and descent -0.236 em.
    expect(alphabetic).toBe(0);
    expect(top).toBeCloseTo(9.28, 1);
    expect(hanging).toBeCloseTo(0.8 * 9.28, 1);
    expect(middle).toBeCloseTo((9.28 - 2.36) / 2, 1);
    expect(bottom).toBeCloseTo(-2.36, 1);
    expect(ideographic).toBe(bottom);
  });

  it('narrows text wider than its maxWidth, as a canvas does, and leaves narrower text alone', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.font = '12px "DejaVu Sans"';
    const width = ctx.measureText('Council officers').width;
    ctx.textAlign = 'center';
    ctx.fillText('Council officers', 50, 10, width / 2);
    ctx.fillText('Council officers', 50, 30, width * 2);
    const [narrowed, natural] = textMarks(ctx.marks);
    expect(narrowed.matrix[0]).toBeCloseTo(0.5);
    expect(narrowed.matrix[4]).toBeCloseTo(50 - width / 4);
    expect(natural.matrix[0]).toBe(1);
    expect(natural.matrix[4]).toBeCloseTo(50 - width / 2);
    // Exactly the room it needs is room enough; no room at all draws nothing.
    ctx.fillText('Council officers', 50, 50, width);
    ctx.fillText('Council officers', 50, 70, 0);
    ctx.fillText('Council officers', 50, 90, -5);
    expect(textMarks(ctx.marks).map((m) => m.matrix[0])).toEqual([expect.closeTo(0.5), 1, 1]);
  });

  it('measures bold text wider than regular, and longer text wider', () => {
    const ctx = new RecordingContext(10, 10);
    ctx.font = '12px "DejaVu Sans"';
    const regular = ctx.measureText('Council officers').width;
    expect(regular).toBeGreaterThan(80);
    expect(regular).toBeLessThan(110);
    expect(ctx.measureText('Council officers and more').width).toBeGreaterThan(regular);
    ctx.font = 'bold 12px "DejaVu Sans"';
    expect(ctx.measureText('Council officers').width).toBeGreaterThan(regular);
    ctx.font = '600 12px "DejaVu Sans"';
    expect(ctx.measureText('Council officers').width).toBeGreaterThan(regular);
  });

  it('turns arcs into curves that follow the circle, in either direction and for any sweep', () => {
    const arc = (start: number, end: number, anticlockwise: boolean) => {
      const ctx = new RecordingContext(100, 100);
      ctx.beginPath();
      ctx.arc(50, 50, 10, start, end, anticlockwise);
      ctx.fill();
      const [mark] = ctx.marks;
      if (mark.kind !== 'fill') throw new Error('expected a fill');
      return mark.path;
    };
    // A bezier's middle, which lies on the circle only where the control points are right.
    const middle = (from: { x: number; y: number }, s: Extract<PathStep, { op: 'curve' }>) => ({
      x: (from.x + 3 * s.x1 + 3 * s.x2 + s.x) / 8,
      y: (from.y + 3 * s.y1 + 3 * s.y2 + s.y) / 8,
    });
    const onCircle = (path: PathStep[]) => {
      let at = { x: 0, y: 0 };
      for (const step of path) {
        if (step.op === 'curve') {
          expect(Math.hypot(middle(at, step).x - 50, middle(at, step).y - 50)).toBeCloseTo(10, 2);
        }
        if (step.op !== 'close' && step.op !== 'rect') {
          expect(Math.hypot(step.x - 50, step.y - 50)).toBeCloseTo(10, 5);
          at = step;
        }
      }
    };
    const whole = arc(0, Math.PI * 2, false);
    expect(whole.filter((s) => s.op === 'curve')).toHaveLength(4);
    onCircle(whole);
    // Round by each quarter: 6, 9, 12 and back to 3 o'clock.
    expect(whole.slice(1).map((s) => (s.op === 'curve' ? [Math.round(s.x), Math.round(s.y)] : []))).toEqual([
      [50, 60],
      [40, 50],
      [50, 40],
      [60, 50],
    ]);
    // A quarter clockwise from 3 o'clock ends at 6 o'clock (y grows downwards), by one curve; clockwise unless told.
    const quarter = arc(0, Math.PI / 2, undefined as unknown as boolean);
    expect(quarter[0]).toMatchObject({ op: 'move', x: 60, y: 50 });
    expect(quarter).toHaveLength(2);
    expect(quarter[1]).toMatchObject({ op: 'curve', x: expect.closeTo(50, 5), y: expect.closeTo(60, 5) });
    onCircle(quarter);
    // The same ends anticlockwise take the long way round: three quarters.
    const longWay = arc(0, Math.PI / 2, true);
    expect(longWay.filter((s) => s.op === 'curve')).toHaveLength(3);
    expect(longWay[1]).toMatchObject({ x: expect.closeTo(50, 5), y: expect.closeTo(40, 5) });
    onCircle(longWay);
    // A sweep past a whole turn draws one turn; a negative clockwise sweep goes round the other way to its end.
    expect(arc(0, Math.PI * 5, false).filter((s) => s.op === 'curve')).toHaveLength(4);
    expect(arc(0, -Math.PI * 5, true).filter((s) => s.op === 'curve')).toHaveLength(4);
    // Clockwise from 6 o'clock back to 3 o'clock is three quarters of a turn.
    const backwards = arc(Math.PI / 2, 0, false);
    expect(backwards.filter((s) => s.op === 'curve')).toHaveLength(3);
    expect(backwards[3]).toMatchObject({ x: expect.closeTo(60, 5), y: expect.closeTo(50, 5) });
    onCircle(backwards);
    const forwardsAnticlockwise = arc(0, -Math.PI / 2, true);
    expect(forwardsAnticlockwise.filter((s) => s.op === 'curve')).toHaveLength(1);
    expect(forwardsAnticlockwise[1]).toMatchObject({ x: expect.closeTo(50, 5), y: expect.closeTo(40, 5) });
  });

  it('joins an arc to the path before it with a line', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.arc(50, 50, 10, 0, Math.PI / 2);
    ctx.fill();
    const [mark] = ctx.marks;
    if (mark.kind !== 'fill') throw new Error('expected a fill');
    expect(mark.path.slice(0, 2)).toEqual([
      { op: 'move', x: 0, y: 0 },
      { op: 'line', x: 60, y: 50 },
    ]);
  });

  it('turns a quadratic curve into the cubic through the same points, from the current point in user space', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.translate(5, 7);
    ctx.scale(2, 3);
    ctx.beginPath();
    ctx.moveTo(10, 20);
    ctx.quadraticCurveTo(40, 80, 70, 20);
    ctx.strokeStyle = '#1d4f91';
    ctx.stroke();
    const [mark] = ctx.marks;
    if (mark.kind !== 'stroke') throw new Error('expected a stroke');
    // In user space the control points are two thirds of the way to (40, 80): (30, 60) and (50, 60).
    expect(mark.path[0]).toEqual({ op: 'move', x: 25, y: 67 });
    expect(mark.path[1]).toMatchObject({ op: 'curve', x: 145, y: 67 });
    expect(mark.path[1]).toMatchObject({
      x1: expect.closeTo(65, 5),
      y1: expect.closeTo(187, 5),
      x2: expect.closeTo(105, 5),
      y2: expect.closeTo(187, 5),
    });
    // With no current point, the curve starts at its control point; after a close, from the subpath's start.
    const fresh = new RecordingContext(100, 100);
    fresh.beginPath();
    fresh.quadraticCurveTo(40, 80, 70, 20);
    fresh.rect(6, 9, 10, 10);
    fresh.closePath();
    fresh.quadraticCurveTo(0, 30, 30, 30);
    fresh.moveTo(3, 3);
    fresh.lineTo(12, 6);
    fresh.closePath();
    fresh.quadraticCurveTo(0, 30, 30, 30);
    fresh.fill();
    const [curves] = fresh.marks;
    if (curves.kind !== 'fill') throw new Error('expected a fill');
    expect(curves.path[0]).toEqual({ op: 'move', x: 40, y: 80 });
    expect(curves.path[1]).toMatchObject({ op: 'curve', x1: 40, y1: 80, x: 70, y: 20 });
    // From the rectangle's corner (6, 9): two thirds of the way to (0, 30).
    expect(curves.path[4]).toMatchObject({ op: 'curve', x1: 2, y1: 23, x: 30, y: 30 });
    // From the start of the closed triangle (3, 3), not from its last point.
    expect(curves.path[8]).toMatchObject({ op: 'curve', x1: 1, y1: 21, x: 30, y: 30 });
    // Under a turned canvas the current point is found in user space again.
    const turned = new RecordingContext(100, 100);
    turned.translate(50, 50);
    turned.rotate(Math.PI / 2);
    turned.beginPath();
    turned.moveTo(10, 0);
    turned.quadraticCurveTo(10, 30, 40, 30);
    turned.fill();
    const [turnedCurve] = turned.marks;
    if (turnedCurve.kind !== 'fill') throw new Error('expected a fill');
    // User (10, 20) is two thirds of the way from (10, 0) to (10, 30); turned a quarter about (50, 50) it is (30, 60).
    expect(turnedCurve.path[1]).toMatchObject({ x1: expect.closeTo(30, 5), y1: expect.closeTo(60, 5) });
  });

  it('records lines, rectangles and closes in chart coordinates, and a turned rectangle as its four corners', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.fillStyle = '#1d4f91';
    ctx.beginPath();
    ctx.moveTo(1, 2);
    ctx.lineTo(3, 4);
    ctx.closePath();
    ctx.rect(5, 6, 7, 8);
    ctx.fill('evenodd');
    ctx.translate(10, 0);
    ctx.rotate(Math.PI / 2);
    ctx.fillRect(0, 0, 4, 2);
    const [path, turned] = fills(ctx.marks);
    expect(path.evenOdd).toBe(true);
    expect(path.path).toEqual([{ op: 'move', x: 1, y: 2 }, { op: 'line', x: 3, y: 4 }, { op: 'close' }, { op: 'rect', x: 5, y: 6, w: 7, h: 8 }]);
    expect(turned.evenOdd).toBe(false);
    expect(
      turned.path.map((s) => (s.op === 'close' ? 'close' : `${s.op} ${Math.round((s as { x: number }).x)},${Math.round((s as { y: number }).y)}`)),
    ).toEqual(['move 10,0', 'line 10,4', 'line 8,4', 'line 8,0', 'close']);
  });

  it('composes turns and moves as a canvas does', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.font = '12px "DejaVu Sans"';
    ctx.rotate(Math.PI / 4);
    ctx.rotate(Math.PI / 4);
    ctx.translate(10, 20);
    ctx.fillText('x', 0, 0);
    ctx.setTransform(1, 0, 0.5, 1, 0, 0);
    ctx.fillText('y', 0, 10);
    const [turned, slanted] = textMarks(ctx.marks);
    // Two eighths of a turn are a quarter; (10, 20) then lands at (-20, 10).
    expect(turned.matrix.map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 1, -1, 0, -20, 10]);
    expect(slanted.matrix).toEqual([1, 0, 0.5, 1, 5, 10]);
  });

  it('keeps line widths under a turn, and draws a slanted rectangle by its corners', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.strokeStyle = '#0b0c0c';
    ctx.lineWidth = 2;
    ctx.rotate(Math.PI / 4);
    ctx.strokeRect(0, 0, 1, 1);
    ctx.setTransform(1, 0, 0.5, 1, 0, 0);
    ctx.strokeRect(0, 0, 4, 4);
    const [turned, slanted] = strokes(ctx.marks);
    expect(turned.width).toBeCloseTo(2, 5);
    expect(slanted.path.map((s) => s.op)).toEqual(['move', 'line', 'line', 'line', 'close']);
    expect(slanted.path[2]).toEqual({ op: 'line', x: 6, y: 4 });
  });

  it('starts with a canvas default state: black, 10px, butt caps, mitre joins, no dash, text from its start on the baseline', () => {
    const ctx = new RecordingContext(100, 100);
    expect([ctx.fillStyle, ctx.font, ctx.textAlign, ctx.textBaseline, ctx.globalAlpha, ctx.getLineDash()]).toEqual([
      '#000000',
      '10px sans-serif',
      'start',
      'alphabetic',
      1,
      [],
    ]);
    ctx.strokeRect(0, 0, 1, 1);
    ctx.fillText('x', 5, 6);
    const [line] = strokes(ctx.marks);
    expect([line.colour, line.width, line.cap, line.join, line.dash, line.dashOffset]).toEqual(['#000000', 1, 'butt', 'miter', [], 0]);
    expect(textMarks(ctx.marks)[0]).toMatchObject({ size: 10, bold: false, colour: '#000000', baseline: 0, matrix: [1, 0, 0, 1, 5, 6] });
  });

  it('measures a label in another script by its laid-out line, as the PDF will set it', () => {
    const ctx = new RecordingContext(1, 1);
    ctx.font = '12px "DejaVu Sans"';
    const line = layoutText({
      text: '社区居民',
      base: baseFont(FONT.regular),
      size: 12,
      width: 10_000,
      lineGap: 0,
      direction: 'ltr',
      origin: 'a test',
    }).lines[0];
    expect(ctx.measureText('社区居民').width).toBeCloseTo(line.width, 5);
    expect(ctx.measureText('社区居民').width).toBeCloseTo(48, 0);
  });

  it('names what it draws for when a label holds a character no font has', () => {
    expect(() => new RecordingContext(1, 1).measureText('\u{10FFFD}')).toThrow(/a chart/);
    expect(() => new RecordingContext(1, 1, 'the chart "Roles"').measureText('\u{10FFFD}')).toThrow(/the chart "Roles"/);
  });

  it('passes a series fill to chart.js as a canvas pattern, faded by the global alpha', () => {
    expect(Object.prototype.toString.call(new SeriesFill('#1d4f91', 'dots'))).toBe('[object CanvasPattern]');
    const ctx = new RecordingContext(10, 10);
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = new SeriesFill('#1d4f91', 'dots');
    ctx.fillRect(0, 0, 1, 1);
    ctx.fillStyle = new SeriesFill('#1d4f91', 'solid');
    ctx.fillRect(0, 0, 1, 1);
    expect(fills(ctx.marks).map((f) => f.paint)).toEqual([
      { colour: '#1d4f91', opacity: 0.5, pattern: 'dots' },
      { colour: '#1d4f91', opacity: 0.5 },
    ]);
  });

  it('records a clip with its rule and its path as it stands', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, 50, 40);
    ctx.clip();
    ctx.clip('evenodd');
    ctx.restore();
    ctx.restore();
    expect(ctx.marks).toEqual([
      { kind: 'save' },
      { kind: 'clip', path: [{ op: 'rect', x: 0, y: 0, w: 50, h: 40 }], evenOdd: false },
      { kind: 'clip', path: [{ op: 'rect', x: 0, y: 0, w: 50, h: 40 }], evenOdd: true },
      { kind: 'restore' },
    ]);
  });

  it('scales line widths and dashes with the canvas, and restores the style it saved', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.strokeStyle = 'rgba(11, 12, 12, 0.5)';
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'bevel';
    ctx.setLineDash([4, 2]);
    ctx.lineDashOffset = 1;
    ctx.save();
    ctx.scale(3, 3);
    ctx.strokeStyle = '#ffffff';
    ctx.lineCap = 'square';
    ctx.setLineDash([5]);
    ctx.strokeRect(1, 1, 10, 10);
    ctx.restore();
    ctx.strokeRect(1, 1, 10, 10);
    expect(strokes(ctx.marks).map((s) => [s.colour, s.opacity, s.width, s.cap, s.join, s.dash, s.dashOffset])).toEqual([
      ['#ffffff', 1, 6, 'square', 'bevel', [15, 15], 3],
      ['#0b0c0c', 0.5, 2, 'round', 'bevel', [4, 2], 1],
    ]);
    expect(strokes(ctx.marks)[0].path).toEqual([{ op: 'rect', x: 3, y: 3, w: 30, h: 30 }]);
    expect(ctx.getLineDash()).toEqual([4, 2]);
    expect([ctx.lineWidth, ctx.lineCap, ctx.lineJoin, ctx.lineDashOffset, ctx.strokeStyle]).toEqual([
      2,
      'round',
      'bevel',
      1,
      'rgba(11, 12, 12, 0.5)',
    ]);
  });

  it('ignores a dash list with a negative length, as a canvas does', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.setLineDash([3, 1]);
    ctx.setLineDash([3, -1]);
    expect(ctx.getLineDash()).toEqual([3, 1]);
    ctx.setLineDash([3, Number.NaN]);
    expect(ctx.getLineDash()).toEqual([3, 1]);
    ctx.setLineDash([0, 3]);
    expect(ctx.getLineDash()).toEqual([0, 3]);
  });

  it('fades marks by the global alpha, and draws nothing transparent, empty or unstroked', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx.fillRect(0, 0, 10, 10);
    ctx.fillText('hidden', 0, 0);
    ctx.fillStyle = '#000000';
    ctx.beginPath();
    ctx.fill();
    ctx.stroke();
    ctx.fillText('', 0, 0);
    ctx.lineWidth = 0;
    ctx.strokeRect(0, 0, 10, 10);
    ctx.globalAlpha = 0;
    ctx.fillRect(0, 0, 10, 10);
    ctx.lineWidth = 1;
    ctx.strokeRect(0, 0, 10, 10);
    expect(ctx.marks).toEqual([]);
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.5)';
    ctx.fillRect(0, 0, 10, 10);
    ctx.fillText('faded', 0, 0);
    ctx.strokeRect(0, 0, 10, 10);
    expect(ctx.marks.map((m) => ('paint' in m ? m.paint.opacity : 'opacity' in m ? m.opacity : null))).toEqual([0.25, 0.25, 0.5]);
  });

  it('hands chart.js its canvas and itself as the canvas context, and nothing for any other kind', () => {
    const ctx = new RecordingContext(120, 80);
    expect([ctx.canvas.width, ctx.canvas.height]).toEqual([120, 80]);
    expect(ctx.canvas.getContext('2d')).toBe(ctx);
    expect(ctx.canvas.getContext('webgl')).toBeNull();
    ctx.setTransform(2, 0, 0, 2, 5, 5);
    ctx.resetTransform();
    ctx.transform(1, 0, 0, 1, 3, 4);
    ctx.clearRect();
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, 1, 1);
    expect(fills(ctx.marks)[0].path).toEqual([{ op: 'rect', x: 3, y: 4, w: 1, h: 1 }]);
  });

  it('refuses a colour, a fill or a font it cannot read, naming it', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.fillStyle = 'not-a-colour';
    expect(() => ctx.fillRect(0, 0, 1, 1)).toThrow('the chart asked for the colour "not-a-colour", which is not a CSS colour');
    ctx.fillStyle = { gradient: true } as never;
    expect(() => ctx.fillRect(0, 0, 1, 1)).toThrow('the chart asked for a fill that is neither a colour nor a series pattern');
    ctx.font = 'large serif';
    expect(() => ctx.measureText('x')).toThrow('the chart asked for the font "large serif", which gives no size in px');
  });
});
