import { bidi, type Direction, scriptOf } from '../text/scripts';
import { BIDI_CONTROLS, type BaseFont, chooseFonts, type TextOrigin } from './pdf-font-choice';
import { parsedFont } from './pdf-fonts';
import { shape, type ShapedRun } from './pdf-glyph-runs';

const LineBreaker = require('linebreak') as new (text: string) => { nextBreak(): { position: number; required: boolean } | null };

/** What to lay out, and in what: the text, the style's DejaVu face and size, the width it must keep within. */
export interface TextRequest {
  text: string;
  base: BaseFont;
  size: number;
  width: number;
  lineGap: number;
  /** Language of the passage: it chooses the family for a script (Urdu's Nastaliq, Japanese kanji). */
  lang?: string;
  /** Direction of each paragraph: right-to-left paragraphs are ordered, and aligned, from the right. */
  direction: Direction;
  origin: TextOrigin;
}

/** One run of a line: one font, one direction, placed `x` points from the line's start. */
export interface PlacedRun {
  font: string;
  rtl: boolean;
  x: number;
  width: number;
  shaped: ShapedRun;
  /** The characters the run stands for, in the order they were written. */
  text: string;
}

/** One laid-out line: runs left to right, its width, and the ascent and height of its tallest font. */
export interface LaidLine {
  runs: PlacedRun[];
  width: number;
  ascent: number;
  height: number;
}

/** A text laid out into lines, each no wider than asked. */
export interface TextLayout {
  lines: LaidLine[];
  /** Height as pdfkit counts it: every line's height and the gap after it. */
  height: number;
  direction: Direction;
}

/** Scripts written without spaces between words, where UAX #14 finds no break: their words come from the ICU dictionary. */
const DICTIONARY_SCRIPTS: Record<string, string> = { Thai: 'th', Lao: 'lo', Khmer: 'km', Myanmar: 'my' };

/**
 * Lays out text the pdfkit way cannot: any script, the bidirectional algorithm (UAX #9) per paragraph,
 * line breaks by the Unicode rules (UAX #14, with dictionary words for Thai and its neighbours), and a
 * font per run chosen by script. No line is wider than `width`: a word longer than a line is broken
 * between its grapheme clusters.
 */
export function layoutText(request: TextRequest): TextLayout {
  const lines: LaidLine[] = [];
  for (const paragraph of request.text.replace(/\t/g, ' ').split('\n')) lines.push(...layoutParagraph(paragraph, request));
  const height = lines.reduce((sum, line) => sum + line.height + request.lineGap, 0);
  return { lines, height, direction: request.direction };
}

interface Segment {
  start: number;
  end: number;
  /** Width in points, with the white space that ends it. */
  width: number;
  /** Width without that white space, which may hang past the end of a line. */
  inkWidth: number;
  required: boolean;
}

interface Paragraph {
  text: string;
  levels: ReturnType<typeof bidi.getEmbeddingLevels>;
  fonts: string[];
  request: TextRequest;
}

function layoutParagraph(text: string, request: TextRequest): LaidLine[] {
  const levels = bidi.getEmbeddingLevels(text, request.direction);
  const paragraph: Paragraph = { text, levels, fonts: chooseFonts(text, request.base, request.lang, request.origin, levels.levels), request };
  if (text.length === 0) return [emptyLine(request)];
  const pieces = segmentsOf(paragraph).flatMap((segment) => (segment.inkWidth > request.width ? splitClusters(paragraph, segment) : [segment]));
  const lines: LaidLine[] = [];
  let first = 0;
  while (first < pieces.length) {
    let next = first;
    let used = 0;
    while (next < pieces.length && (next === first || used + pieces[next].inkWidth <= request.width)) {
      used += pieces[next].width;
      next += 1;
      if (pieces[next - 1].required) break;
    }
    let line = buildLine(paragraph, pieces[first].start, pieces[next - 1].end);
    // Runs shaped whole can be wider than their pieces measured apart (kerning across a break): move pieces on.
    while (line.width > request.width + 0.01 && next - first > 1) {
      next -= 1;
      line = buildLine(paragraph, pieces[first].start, pieces[next - 1].end);
    }
    lines.push(line);
    first = next;
  }
  return lines;
}

/** The line break opportunities of a paragraph (UAX #14), with the word boundaries of scripts written without spaces. */
function breakOpportunities(text: string): Map<number, boolean> {
  const breaks = new Map<number, boolean>();
  const breaker = new LineBreaker(text);
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) breaks.set(found.position, found.required);
  let runStart = -1;
  let runLocale = '';
  const addWords = (end: number) => {
    if (runStart < 0) return;
    const words = new Intl.Segmenter(runLocale, { granularity: 'word' }).segment(text.slice(runStart, end));
    for (const word of words) if (word.index > 0 && !breaks.has(runStart + word.index)) breaks.set(runStart + word.index, false);
    runStart = -1;
  };
  for (let i = 0; i <= text.length; i++) {
    const locale = i < text.length ? DICTIONARY_SCRIPTS[scriptOf(text.codePointAt(i)!)] : undefined;
    if (locale && runStart < 0) {
      runStart = i;
      runLocale = locale;
    } else if (!locale && runStart >= 0 && !/\p{M}/u.test(text[i] ?? '')) {
      addWords(i);
    }
  }
  return breaks;
}

/** The paragraph cut at every break opportunity, each piece measured. */
function segmentsOf(paragraph: Paragraph): Segment[] {
  const breaks = [...breakOpportunities(paragraph.text).entries()].sort(([a], [b]) => a - b);
  const segments: Segment[] = [];
  let start = 0;
  for (const [position, required] of breaks) {
    if (position <= start) continue;
    segments.push(measured(paragraph, start, position, required));
    start = position;
  }
  if (start < paragraph.text.length) segments.push(measured(paragraph, start, paragraph.text.length, false));
  return segments;
}

function measured(paragraph: Paragraph, start: number, end: number, required: boolean): Segment {
  const inkEnd = trimmedEnd(paragraph.text, start, end);
  const inkWidth = widthOf(paragraph, start, inkEnd);
  return { start, end, inkWidth, width: inkWidth + widthOf(paragraph, inkEnd, end), required };
}

/** The end of `text[start, end)` without the white space and bidi controls that close it. */
function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && (/\s/.test(text[at - 1]) || BIDI_CONTROLS.test(text[at - 1]))) at--;
  return at;
}

/** The width of `text[start, end)` in points, shaped run by run (one font, one embedding level) in logical order. */
function widthOf(paragraph: Paragraph, start: number, end: number): number {
  let width = 0;
  for (const run of logicalRuns(paragraph, start, end)) width += runWidth(paragraph, run.start, run.end, run.rtl, run.font);
  return width;
}

function* logicalRuns(paragraph: Paragraph, start: number, end: number): Generator<{ start: number; end: number; rtl: boolean; font: string }> {
  const { levels, fonts } = paragraph;
  let runStart = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || fonts[i] !== fonts[runStart] || levels.levels[i] !== levels.levels[runStart]) {
      yield { start: runStart, end: i, rtl: (levels.levels[runStart] & 1) === 1, font: fonts[runStart] };
      runStart = i;
    }
  }
}

function runWidth(paragraph: Paragraph, start: number, end: number, rtl: boolean, font: string): number {
  const text = drawnText(paragraph, start, end, rtl);
  if (!text) return 0;
  const shaped = shape(font, text, rtl, paragraph.request.lang);
  return (shaped.advance * paragraph.request.size) / shaped.unitsPerEm;
}

/** The characters of `[start, end)` as they are shaped: without bidi controls, mirrored where they run right to left. */
function drawnText(paragraph: Paragraph, start: number, end: number, rtl: boolean): string {
  const mirrored = rtl ? bidi.getMirroredCharactersMap(paragraph.text, paragraph.levels.levels, start, end - 1) : undefined;
  let out = '';
  for (let i = start; i < end; i++) {
    const char = paragraph.text[i];
    if (BIDI_CONTROLS.test(char)) continue;
    out += mirrored?.get(i) ?? char;
  }
  return out;
}

/** A segment wider than a whole line, cut between grapheme clusters into pieces that each fit. */
function splitClusters(paragraph: Paragraph, segment: Segment): Segment[] {
  const { text, request } = paragraph;
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(segment.start, segment.end));
  const ends = [...graphemes].map((g) => segment.start + g.index + g.segment.length);
  const pieces: Segment[] = [];
  let start = segment.start;
  let fitted = start;
  for (const end of ends) {
    if (fitted > start && measured(paragraph, start, end, false).inkWidth > request.width) {
      pieces.push(measured(paragraph, start, fitted, false));
      start = fitted;
    }
    fitted = end;
  }
  pieces.push(measured(paragraph, start, segment.end, segment.required));
  return pieces;
}

/** One line of the paragraph, its runs in visual order (UAX #9 rules L1 to L4) and shaped whole. */
function buildLine(paragraph: Paragraph, start: number, end: number): LaidLine {
  const { text, levels, fonts, request } = paragraph;
  const inkEnd = trimmedEnd(text, start, end);
  const order =
    inkEnd > start
      ? bidi
          .getReorderedIndices(text, levels, start, inkEnd - 1)
          .slice(start, inkEnd)
          .filter((i) => !BIDI_CONTROLS.test(text[i]))
      : [];
  const runs: PlacedRun[] = [];
  let x = 0;
  let i = 0;
  while (i < order.length) {
    const first = order[i];
    const rtl = (levels.levels[first] & 1) === 1;
    let j = i + 1;
    while (
      j < order.length &&
      fonts[order[j]] === fonts[first] &&
      levels.levels[order[j]] === levels.levels[first] &&
      order[j] === order[j - 1] + (rtl ? -1 : 1)
    ) {
      j++;
    }
    const from = Math.min(order[i], order[j - 1]);
    const to = Math.max(order[i], order[j - 1]) + 1;
    const shaped = shape(fonts[first], drawnText(paragraph, from, to, rtl), rtl, request.lang);
    const width = (shaped.advance * request.size) / shaped.unitsPerEm;
    runs.push({ font: fonts[first], rtl, x, width, shaped, text: [...text.slice(from, to)].filter((c) => !BIDI_CONTROLS.test(c)).join('') });
    x += width;
    i = j;
  }
  const fontsUsed = runs.length > 0 ? [...new Set(runs.map((r) => r.font))] : [request.base.name];
  return { runs, width: x, ...lineMetrics(fontsUsed, request.size) };
}

function emptyLine(request: TextRequest): LaidLine {
  return { runs: [], width: 0, ...lineMetrics([request.base.name], request.size) };
}

/** The ascent and height of a line set in `fonts`, as pdfkit counts a line (ascender, descender and line gap), taking the largest of each. */
function lineMetrics(fonts: string[], size: number): { ascent: number; height: number } {
  let ascent = 0;
  let descent = 0;
  let gap = 0;
  for (const name of fonts) {
    const font = parsedFont(name) as unknown as { ascent: number; descent: number; lineGap: number; unitsPerEm: number };
    const scale = size / font.unitsPerEm;
    ascent = Math.max(ascent, font.ascent * scale);
    descent = Math.max(descent, -font.descent * scale);
    gap = Math.max(gap, font.lineGap * scale);
  }
  return { ascent, height: ascent + descent + gap };
}
