import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportModel, ReportSection } from '../model/report-model';
import { caseStudyFixture } from '../model/report-model.fixture';
import { renderPdf } from './render-pdf';
import { provenanceRows } from './wording';
import { PAGE } from './pdf/pdf-theme';
import { headingLevels, skippedHeadingLevel } from '../../../../test/reports/pdf-tools';

type QpdfObjects = Record<string, { value?: Record<string, unknown> }>;

describe('renderPdf on a case study', () => {
  let dir: string;
  let file: string;
  let pdf: Buffer;
  let text: string;
  let elements: Record<string, unknown>[];
  let qpdfText: string;
  let objects: (Record<string, unknown> | undefined)[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-pdf-'));
    file = join(dir, 'case-study.pdf');
    pdf = await renderPdf(caseStudyFixture());
    writeFileSync(file, pdf);
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    qpdfText = execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    objects = Object.values(JSON.parse(qpdfText).qpdf[1] as QpdfObjects).map((o) => o.value);
    elements = objects.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && '/S' in v);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ofType = (type: string) => elements.filter((e) => e['/S'] === `/${type}`);

  it('prints the headings, figures with their n, and the suppressed figure in words', () => {
    for (const heading of ['At a glance', 'Outcomes', 'Time given', 'Expenses and recognition', 'Where these figures come from']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('£1,284.60');
    expect(text).toContain('n = 17');
    expect(text).toMatch(/suppressed \(fewer than 5\s+people\)/);
  });

  it('keeps the diacritics of the Welsh and Polish quotes', () => {
    expect(text).toContain("Mae'r grŵp wedi newid y cynllun");
    expect(text).toContain('Zażółć gęślą jaźń');
  });

  it('prints each chart once, with every number of it in its alternative text rather than in a table repeated beneath', () => {
    const alts = ofType('Figure')
      .map((e) => String(e['/Alt'] ?? ''))
      .join(' ');
    for (const value of ['41%', '77%', '58%', '72%', '63%', '187.5', '125.0', '27.0', '16.0', '73.0', '35.0']) {
      expect(alts).toContain(value);
    }
    expect(text).not.toContain(': the numbers');
  });

  it('prints page numbers and the provenance', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('positions 1 to 1842 (1842 events)');
    expect(text).toContain('coprod report case-study');
  });

  it('is a tagged A4 document with its title', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Community energy guidance: a co-production case study/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
  });

  it('embeds every font and uses none of the 14 built-in fonts', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/DejaVu/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);
      expect(row).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
    }
  });

  it('has a structure tree with one H1, an H2 per section, an H3 per outcome and a heading one level below for each chart title', () => {
    expect(objects.some((v) => v && v['/Type'] === '/StructTreeRoot')).toBe(true);
    expect(ofType('H1')).toHaveLength(1);
    expect(ofType('H2')).toHaveLength(5);
    // Two outcomes, and the chart of "Time given" under its H2; the chart of outcome 4 under its H3 is an H4.
    expect(ofType('H3')).toHaveLength(3);
    expect(ofType('H4')).toHaveLength(1);
  });

  it('tags each chart title as a heading one level below the heading it sits under, in reading order, never skipping a level', () => {
    const expected = (sections: ReportSection[], level: number): number[] =>
      sections.flatMap((s) => [
        level,
        ...s.blocks.filter((b) => b.kind === 'chart').map(() => level + 1),
        ...expected(s.subsections ?? [], level + 1),
      ]);
    const levels = headingLevels(pdf);
    expect(levels).toEqual([1, ...expected(caseStudyFixture().sections, 2)]);
    expect(skippedHeadingLevel(levels)).toBeNull();
  });

  it('draws each chart as vectors and text in its own font: no picture in the document, the labels and values legible at any zoom', () => {
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    // The chart's own words, set in the embedded DejaVu rather than painted as pixels.
    for (const label of ['Voluntary sector', 'Co-delivery', 'percent agreeing', '187.5', '125.0', '77%']) expect(text).toContain(label);
  });

  it('gives every chart a Figure with alternative text', () => {
    const figures = ofType('Figure');
    expect(figures).toHaveLength(2);
    for (const figure of figures) expect(String(figure['/Alt'])).toMatch(/^u:.{20,}/);
  });

  it('tags tables with header cells that carry their scope', () => {
    // The fixture's own tables; charts carry their numbers in their alternative text, not in tables of their own.
    expect(ofType('Table').length).toBeGreaterThanOrEqual(3);
    expect(ofType('TH').length).toBeGreaterThan(0);
    expect(ofType('TD').length).toBeGreaterThan(0);
    expect(qpdfText).toContain('"/Scope": "/Column"');
    expect(qpdfText).toContain('"/Scope": "/Row"');
  });

  it('marks the Welsh and Polish quotes with their language and the document with en-GB', () => {
    const langs = ofType('Quote').map((q) => q['/Lang']);
    expect(langs).toEqual(expect.arrayContaining(['u:cy', 'u:pl']));
    expect(ofType('BlockQuote')).toHaveLength(2);
    const catalog = objects.find((v) => v?.['/Type'] === '/Catalog');
    expect(catalog?.['/Lang']).toBe('u:en-GB');
  });

  it('renders the same bytes twice, and different bytes for another generation date', async () => {
    expect((await renderPdf(caseStudyFixture())).equals(pdf)).toBe(true);
    const later = caseStudyFixture();
    later.provenance.generatedAt = '2026-04-03T10:00:00Z';
    expect((await renderPdf(later)).equals(pdf)).toBe(false);
  });

  it('refuses a model whose generation date is not a date, saying what to give', async () => {
    const broken = caseStudyFixture();
    broken.provenance.generatedAt = 'yesterday';
    await expect(renderPdf(broken)).rejects.toThrow(/generatedAt "yesterday" is not a date/);
  });
});

/** Every word pdftotext finds, with its page and box, read from `pdftotext -bbox`. */
function wordBoxes(file: string): { page: number; text: string; yMin: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html
    .split('<page ')
    .slice(1)
    .flatMap((page, index) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        page: index + 1,
        text: m[3],
        yMin: Number(m[1]),
        yMax: Number(m[2]),
      })),
    );
}

describe('renderPdf on a table longer than a page', () => {
  const ROWS = 90;
  let dir: string;
  let file: string;
  let elements: Record<string, unknown>[];
  const model: ReportModel = caseStudyFixture();

  beforeAll(async () => {
    model.sections = [
      {
        id: 'people',
        heading: 'Who took part',
        blocks: [
          {
            kind: 'table',
            table: {
              caption: 'Sessions attended, by person',
              columns: ['Person', 'Sessions', 'Hours'],
              rows: Array.from({ length: ROWS }, (_, i) => [`Participant ${i + 1}`, String(i % 7), `${i}.5`]),
              rowHeaders: true,
            },
          },
        ],
      },
    ];
    dir = mkdtempSync(join(tmpdir(), 'coprod-pdf-'));
    file = join(dir, 'long-table.pdf');
    writeFileSync(file, await renderPdf(model));
    const objects = Object.values(
      JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).qpdf[1] as QpdfObjects,
    ).map((o) => o.value);
    elements = objects.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && '/S' in v);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues on the next pages with every row, none drawn into the bottom margin', () => {
    const words = wordBoxes(file);
    const rows = words.filter((w) => w.text === 'Participant');
    expect(rows).toHaveLength(ROWS);
    const pages = [...new Set(rows.map((w) => w.page))];
    expect(pages.length).toBeGreaterThan(1);
    // The header row is drawn again above the first row on every page the table runs onto.
    for (const page of pages) {
      const first = Math.min(...rows.filter((w) => w.page === page).map((w) => w.yMin));
      expect(words.some((w) => w.page === page && w.text === 'Hours' && w.yMax <= first)).toBe(true);
    }
    const height = 841.89;
    for (const row of rows) expect(row.yMax).toBeLessThanOrEqual(height - PAGE.margins.bottom);
    for (const row of rows) expect(row.yMin).toBeGreaterThanOrEqual(PAGE.margins.top - 1);
  });

  it('tags one table row per row, the header row in THead and the rest in TBody, each person as the header of their row', () => {
    const facts = model.cover.length + provenanceRows(model.provenance).length;
    const kids = (e: Record<string, unknown>) => (Array.isArray(e['/K']) ? e['/K'] : [e['/K']]) as unknown[];
    expect(elements.filter((e) => e['/S'] === '/THead').map((e) => kids(e).length)).toEqual([1]);
    expect(elements.filter((e) => e['/S'] === '/TBody').map((e) => kids(e).length)).toEqual([ROWS]);
    expect(elements.filter((e) => e['/S'] === '/TR')).toHaveLength(ROWS + 1 + facts);
    const headers = elements.filter((e) => e['/S'] === '/TH').map((e) => (e['/A'] as Record<string, unknown>)['/Scope']);
    expect(headers.filter((scope) => scope === '/Column')).toHaveLength(3);
    expect(headers.filter((scope) => scope === '/Row')).toHaveLength(ROWS + facts);
    expect(elements.filter((e) => e['/S'] === '/TD')).toHaveLength(ROWS * 2 + facts);
  });
});

describe('renderPdf keeping a figure with the chart it introduces', () => {
  const SECTIONS = 14;
  let words: { page: number; text: string; yMin: number; yMax: number }[];
  let dir: string;

  beforeAll(async () => {
    const model = caseStudyFixture();
    // Filler of rising length moves each figure to another height on its page, so some land at a page foot.
    model.sections = Array.from({ length: SECTIONS }, (_, i): ReportSection => ({
      id: `s${i}`,
      heading: `Section ${i}`,
      blocks: [
        { kind: 'paragraph', text: 'Filler sentence about the sessions. '.repeat(8 + i * 9) },
        { kind: 'figure', figure: { label: `Keptfigure${i}`, value: '12', n: 12, suppressed: false, sourceEventIds: [] } },
        {
          kind: 'chart',
          chart: {
            id: `chart-${i}`,
            type: 'bar',
            title: `Keptchart${i} by format`,
            alt: 'Sessions by format.',
            categories: ['In person', 'Online'],
            series: [{ name: 'Sessions', values: [3, 2] }],
            unit: 'sessions',
          },
        },
      ],
    }));
    dir = mkdtempSync(join(tmpdir(), 'coprod-pdf-'));
    const file = join(dir, 'kept.pdf');
    writeFileSync(file, await renderPdf(model));
    words = wordBoxes(file);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never leaves a figure at the foot of a page with its chart on the next', () => {
    const pageOf = (text: string) => words.find((w) => w.text.startsWith(text))?.page;
    const pages = Array.from({ length: SECTIONS }, (_, i) => [pageOf(`Keptfigure${i}`), pageOf(`Keptchart${i}`)]);
    for (const [figure, chart] of pages) {
      expect(figure).toBeDefined();
      expect(chart).toBe(figure);
    }
    // The filler spreads the figures over several pages, so the rule was tested at many heights.
    expect(new Set(pages.map(([figure]) => figure)).size).toBeGreaterThan(5);
  });
});

describe.each([
  ['a case study', undefined],
  ['a compact committee section with numbered paragraphs', { coverPage: false, numberedParagraphs: true, compact: true }],
])('renderPdf never leaving a heading at the foot of a page, in %s', (_name, layout) => {
  const SECTIONS = 60;
  const VARIANTS = 5;
  let words: { page: number; text: string; yMin: number; yMax: number }[];
  let dir: string;

  /** The block that opens section i, its first word a marker: a long paragraph, a table with a tall first row, a quote, a chart, a subsection. */
  function opening(i: number): Pick<ReportSection, 'blocks' | 'subsections'> {
    const long = `Keptbody${i} ${'A sentence that runs on about the sessions and who came to them. '.repeat(9)}`;
    switch (i % VARIANTS) {
      case 0:
        return { blocks: [{ kind: 'paragraph', text: long }] };
      case 1:
        return {
          blocks: [
            {
              kind: 'table',
              table: {
                caption: `Keptbody${i} sessions`,
                columns: ['Session', 'What was said'],
                rows: [
                  [`Keptrow${i}`, 'A long answer that wraps over many lines of its cell. '.repeat(6)],
                  ['Second', 'Short'],
                ],
                rowHeaders: true,
              },
            },
          ],
        };
      case 2:
        return {
          blocks: [
            // A quote is kept whole, so its byline (in upright type, which text extraction reads as whole words) marks its place.
            {
              kind: 'quote',
              quote: { text: 'We were listened to and the plan changed. '.repeat(6), attribution: `Keptbody${i}`, lang: 'en-GB', outcomeIds: [] },
            },
          ],
        };
      case 3:
        return {
          blocks: [
            {
              kind: 'chart',
              chart: {
                id: `c${i}`,
                type: 'bar',
                title: `Keptbody${i} sessions by format`,
                alt: 'Sessions by format.',
                categories: ['In person', 'Online'],
                series: [{ name: 'Sessions', values: [3, 2] }],
                unit: 'sessions',
              },
            },
          ],
        };
      default:
        return { blocks: [], subsections: [{ id: `sub${i}`, heading: `Keptsub${i}`, blocks: [{ kind: 'paragraph', text: long }] }] };
    }
  }

  beforeAll(async () => {
    const model = caseStudyFixture();
    model.layout = layout;
    // Filler of rising length after each opening moves the next heading to another height on its page, so many land near a foot.
    model.sections = Array.from({ length: SECTIONS }, (_, i): ReportSection => {
      const open = opening(i);
      const filler = { kind: 'paragraph' as const, text: 'Filler about the project. '.repeat(3 + ((i * 13) % 41)) };
      return open.subsections
        ? {
            id: `s${i}`,
            heading: `Keptheading${i}`,
            blocks: [],
            subsections: [{ ...open.subsections[0], blocks: [...open.subsections[0].blocks, filler] }],
          }
        : { id: `s${i}`, heading: `Keptheading${i}`, blocks: [...open.blocks, filler] };
    });
    dir = mkdtempSync(join(tmpdir(), 'coprod-pdf-'));
    const file = join(dir, 'headings.pdf');
    writeFileSync(file, await renderPdf(model));
    words = wordBoxes(file);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const find = (text: string) => words.find((w) => w.text === text);

  it('puts every heading on the page of what it heads: the first lines, the table caption and first row, the quote, the chart title, the subsection', () => {
    for (let i = 0; i < SECTIONS; i++) {
      const heading = find(`Keptheading${i}`);
      const body = find(`Keptbody${i}`);
      expect({ i, page: heading?.page }).toEqual({ i, page: body?.page });
      if (i % VARIANTS === 1) expect({ i, page: find(`Keptrow${i}`)?.page }).toEqual({ i, page: body?.page });
      if (i % VARIANTS === 4) expect({ i, page: find(`Keptsub${i}`)?.page }).toEqual({ i, page: body?.page });
    }
  });

  it('was tested at many heights: headings fall on many pages, some of them in the lower part of the page', () => {
    const headings = Array.from({ length: SECTIONS }, (_, i) => find(`Keptheading${i}`)!);
    expect(new Set(headings.map((h) => h.page)).size).toBeGreaterThan(8);
    expect(headings.filter((h) => h.yMin > 841.89 * 0.6).length).toBeGreaterThan(3);
  });
});
