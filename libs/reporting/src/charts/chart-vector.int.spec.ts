import type { ChartSpec } from '../model/report-model';
import { chartSize } from './chart-config';
import { SERIES_COLOURS } from './chart-palette';
import { chartDrawing, RecordingContext, type ChartMark, type PathStep } from './chart-vector';

const hoursByRole: ChartSpec = {
  id: 'hours-by-role',
  type: 'stacked_bar',
  title: 'Hours given, by role and stage',
  alt: 'Residents gave the most hours in both stages.',
  categories: ['Residents', 'Carers', 'Council officers'],
  series: [
    { name: 'Co-design', values: [1260, 300, 480] },
    { name: 'Co-delivery', values: [900, null, 240] },
  ],
  unit: 'hours',
  valueFormat: 'hours',
  n: 14,
};

const texts = (marks: readonly ChartMark[]) => marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
const fills = (marks: readonly ChartMark[]) => marks.flatMap((m) => (m.kind === 'fill' ? [m] : []));

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

describe('a chart drawn as vector marks for print', () => {
  it('writes every category, every value, the legend, the unit and the n as text', () => {
    const written = texts(chartDrawing(hoursByRole).marks);
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
    const bars = fills(chartDrawing(hoursByRole).marks).filter((f) => f.paint.colour !== '#ffffff');
    const first = bars.filter((f) => f.paint.colour === SERIES_COLOURS[0]);
    const second = bars.filter((f) => f.paint.colour === SERIES_COLOURS[1]);
    // Each bar is its border ring (filled even-odd) and its inside; the legend's box and the three insides are plain.
    expect(first.filter((f) => !f.evenOdd && !('pattern' in f.paint))).toHaveLength(4);
    expect(first.filter((f) => f.evenOdd)).toHaveLength(3);
    // The second series: its legend box and two bars (none for Carers), patterned.
    expect(second.filter((f) => 'pattern' in f.paint && f.paint.pattern === 'diagonal')).toHaveLength(3);
  });

  it('draws inside its own box', () => {
    const drawing = chartDrawing(hoursByRole);
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

  it('puts a taller bar higher: the bar for 21 hours reaches above the bar for 8', () => {
    const bars = fills(chartDrawing(hoursByRole).marks).filter((f) => f.paint.colour === SERIES_COLOURS[0] && f.path[0]?.op === 'rect');
    const tops = bars.map((f) => f.path[0]).flatMap((step) => (step.op === 'rect' ? [Math.min(step.y, step.y + step.h)] : []));
    // Residents (21.0) first, Council officers (8.0) third; y grows downwards.
    expect(tops[0]).toBeLessThan(tops[2]);
  });

  it('is the same for the same chart, and differs where a number differs', () => {
    const again = chartDrawing({ ...hoursByRole, id: 'hours-by-role-again' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(chartDrawing(hoursByRole)));
    const changed = chartDrawing({ ...hoursByRole, series: [{ name: 'Co-design', values: [600, 300, 480] }, hoursByRole.series[1]] });
    expect(texts(changed.marks)).toContain('10.0');
    expect(JSON.stringify(changed)).not.toBe(JSON.stringify(chartDrawing(hoursByRole)));
  });

  it('leaves no save without its restore', () => {
    let depth = 0;
    for (const mark of chartDrawing({ ...hoursByRole, type: 'horizontal_bar' }).marks) {
      if (mark.kind === 'save') depth++;
      if (mark.kind === 'restore') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
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
    expect(mark).toMatchObject({ text: 'Carers', bold: true, size: 20, colour: '#0b0c0c', opacity: 1 });
    // Turned a quarter: the text runs down the page, starting half its width above the point it is centred on.
    const [a, b, c, d, e, f] = mark.matrix;
    expect([a, b, c, d].map((v) => Math.round(v))).toEqual([0, 1, -1, 0]);
    expect(e).toBeCloseTo(50);
    expect(f).toBeCloseTo(50 - width / 2);
  });

  it('measures bold text wider than regular, and longer text wider', () => {
    const ctx = new RecordingContext(10, 10);
    ctx.font = '12px "DejaVu Sans"';
    const regular = ctx.measureText('Council officers').width;
    expect(ctx.measureText('Council officers and more').width).toBeGreaterThan(regular);
    ctx.font = 'bold 12px "DejaVu Sans"';
    expect(ctx.measureText('Council officers').width).toBeGreaterThan(regular);
  });

  it('turns an arc into curves that stay on its circle', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.beginPath();
    ctx.arc(50, 50, 10, 0, Math.PI * 2);
    ctx.fill();
    const [mark] = ctx.marks;
    if (mark.kind !== 'fill') throw new Error('expected a fill');
    const curves = mark.path.filter((s) => s.op === 'curve');
    expect(curves).toHaveLength(4);
    for (const p of points(mark.path)) expect(Math.hypot(p.x - 50, p.y - 50)).toBeCloseTo(10, 5);
  });

  it('ends a quadratic curve where it was asked to', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.quadraticCurveTo(50, 100, 100, 0);
    ctx.strokeStyle = '#1d4f91';
    ctx.stroke();
    const [mark] = ctx.marks;
    if (mark.kind !== 'stroke') throw new Error('expected a stroke');
    expect(mark.path[1]).toMatchObject({ op: 'curve', x: 100, y: 0 });
    expect(mark.path[1]).toMatchObject({ y1: expect.closeTo(66.67, 1), y2: expect.closeTo(66.67, 1) });
  });

  it('scales line widths and dashes with the canvas, and restores the style it saved', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.strokeStyle = 'rgba(11, 12, 12, 0.5)';
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 2]);
    ctx.save();
    ctx.scale(3, 3);
    ctx.strokeStyle = '#ffffff';
    ctx.strokeRect(1, 1, 10, 10);
    ctx.restore();
    ctx.strokeRect(1, 1, 10, 10);
    const strokes = ctx.marks.flatMap((m) => (m.kind === 'stroke' ? [m] : []));
    expect(strokes.map((s) => [s.colour, s.opacity, s.width, s.dash])).toEqual([
      ['#ffffff', 1, 6, [12, 6]],
      ['#0b0c0c', 0.5, 2, [4, 2]],
    ]);
    expect(strokes[0].path).toEqual([{ op: 'rect', x: 3, y: 3, w: 30, h: 30 }]);
  });

  it('draws nothing for a transparent fill or an empty path', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx.fillRect(0, 0, 10, 10);
    ctx.fillStyle = '#000000';
    ctx.beginPath();
    ctx.fill();
    ctx.globalAlpha = 0;
    ctx.fillRect(0, 0, 10, 10);
    expect(ctx.marks).toEqual([]);
  });

  it('refuses a colour or a font it cannot read, naming it', () => {
    const ctx = new RecordingContext(100, 100);
    ctx.fillStyle = 'not-a-colour';
    expect(() => ctx.fillRect(0, 0, 1, 1)).toThrow('the chart asked for the colour "not-a-colour", which is not a CSS colour');
    ctx.font = 'large serif';
    expect(() => ctx.measureText('x')).toThrow('the chart asked for the font "large serif", which gives no size in px');
  });
});
