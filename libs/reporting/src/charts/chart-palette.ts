import { createCanvas, type Canvas } from '@napi-rs/canvas';

/**
 * Series colours, each at least 4.5:1 against white (so also the 3:1 WCAG 1.4.11 asks of graphics),
 * in an order that stays distinguishable for the common colour-vision deficiencies.
 */
export const SERIES_COLOURS = ['#1d4f91', '#00665e', '#8a3b00', '#5b2c83', '#3d4a55'] as const;

/** Dark text colour for labels and axes (GOV.UK text colour). */
export const INK = '#0b0c0c';

/** The fill pattern drawn over each series, so colour is never the only cue. */
export type SeriesPattern = 'solid' | 'diagonal' | 'dots' | 'crosshatch' | 'horizontal';

const PATTERNS: SeriesPattern[] = ['solid', 'diagonal', 'dots', 'crosshatch', 'horizontal'];

/** The colour and pattern of the series at `index`; both cycle after five series. */
export function seriesStyle(index: number): { colour: string; pattern: SeriesPattern } {
  return {
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length],
    pattern: PATTERNS[index % PATTERNS.length],
  };
}

/** A small repeating tile of the series colour with its white pattern drawn on top. */
export function patternTile(colour: string, pattern: SeriesPattern, scale: number): Canvas {
  const size = Math.round(10 * scale);
  const tile = createCanvas(size, size);
  const ctx = tile.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#ffffff';
  ctx.lineWidth = 1.5 * scale;
  ctx.beginPath();
  switch (pattern) {
    case 'solid':
      return tile;
    case 'diagonal':
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
      ctx.moveTo(-size / 2, size / 2);
      ctx.lineTo(size / 2, -size / 2);
      ctx.moveTo(size / 2, size * 1.5);
      ctx.lineTo(size * 1.5, size / 2);
      break;
    case 'dots':
      ctx.arc(size / 2, size / 2, 1.6 * scale, 0, Math.PI * 2);
      ctx.fill();
      return tile;
    case 'crosshatch':
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      ctx.moveTo(size / 2, 0);
      ctx.lineTo(size / 2, size);
      break;
    case 'horizontal':
      ctx.moveTo(0, size / 2);
      ctx.lineTo(size, size / 2);
      break;
  }
  ctx.stroke();
  return tile;
}
