import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { chartsOf, drawChartsAhead, renderChartImage } from '../charts/chart-image';
import { chartDescription } from '../charts/chart-format';
import type { ChartSpec, Figure, QuoteBlock, ReportBlock, ReportModel, ReportSection, TableSpec } from '../model/report-model';
import { corePropertiesXml, stampZipEntries } from './docx/docx-package';
import { STYLE, stylesXml } from './docx/docx-styles';
import { passageDirection } from './text/scripts';
import { figureBasis, figureValue, languageDiffers, provenanceNote, provenanceRows, splitProvenance } from './wording';

/** The media type of a Word document, as HTTP's Accept header names it. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const NUMBERED = 'numbered-paragraphs';
const BULLETS = 'bullets';
/** A4 in twentieths of a point, with 2 cm margins: the text is 17 cm wide. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
/** The text width in pixels at 96 to the inch, the unit images are sized in. */
const TEXT_WIDTH_PX = Math.round(((PAGE.width - 2 * PAGE.margin) / 1440) * 96);

/** What one rendering carries along: the model, a numbered-paragraph switch and the next drawing id. */
interface Context {
  model: ReportModel;
  numbered: boolean;
  /** Heading level of the report's sections: 1 under a cover title, 2 where the title is itself a heading. */
  sectionLevel: number;
  nextDrawingId: number;
}

/**
 * Renders a report model as a Word document (.docx) that takes the look of whatever template it is
 * pasted into: only Word's built-in styles (Title, Heading 1-4, List Number, List Bullet, Quote,
 * Caption, Table Grid), tables whose header row repeats on every page, charts with alternative text,
 * and the report's language set on the document. The same model always gives the same bytes: the
 * package's dates are the report's own (`provenance.generatedAt`), never the clock.
 */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  const stamp = new Date(model.provenance.generatedAt);
  if (Number.isNaN(stamp.getTime())) {
    throw new Error(`provenance.generatedAt "${model.provenance.generatedAt}" is not a date; give an ISO date-time such as 2026-06-01T09:00:00Z`);
  }
  await drawChartsAhead(chartsOf(model));
  const cover = model.layout?.coverPage !== false;
  const ctx: Context = { model, numbered: model.layout?.numberedParagraphs === true, sectionLevel: cover ? 1 : 2, nextDrawingId: 1 };
  const { sections, provenance } = splitProvenance(model);
  const children: FileChild[] = [...titleBlock(model, cover)];
  // After a cover, the first section starts a page of its own, as in print.
  sections.forEach((s, i) => children.push(...section(s, ctx, ctx.sectionLevel, cover && i === 0)));
  children.push(...provenanceSection(provenance, { ...ctx, numbered: false }));

  const doc = new Document({
    creator: model.publisher,
    title: model.title,
    subject: model.subtitle ?? model.title,
    description: model.subtitle,
    externalStyles: stylesXml(model.lang),
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '\u2022',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 283 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        headers: model.layout?.marking ? { default: markingHeader(model.layout.marking) } : undefined,
        footers: { default: pageFooter(model) },
        children,
      },
    ],
  });
  const core = corePropertiesXml({ title: model.title, subject: model.subtitle ?? model.title, creator: model.publisher, lang: model.lang, stamp });
  const zip = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]);
  return stampZipEntries(Buffer.from(zip), stamp);
}

/** The title, subtitle and facts: a cover page of their own, or the opening of the first page. */
function titleBlock(model: ReportModel, cover: boolean): FileChild[] {
  const blocks: FileChild[] = [
    new Paragraph({ style: cover ? STYLE.title : STYLE.heading(1), children: [new TextRun(model.title)] }),
    ...(model.subtitle ? [new Paragraph({ style: cover ? STYLE.subtitle : undefined, children: [new TextRun(model.subtitle)] })] : []),
  ];
  if (cover) blocks.unshift(new Paragraph({ children: [new TextRun({ text: model.publisher, bold: true })] }));
  if (model.cover.length > 0)
    blocks.push(
      ...factsTable(
        model.cover.map((c) => [c.label, c.value]),
        'About this report',
      ),
    );
  return blocks;
}

function section(s: ReportSection, ctx: Context, level: number, pageBreakBefore = false): FileChild[] {
  return [
    new Paragraph({ style: STYLE.heading(level), pageBreakBefore, keepNext: true, children: [new TextRun(s.heading)] }),
    ...s.blocks.flatMap((b) => block(b, ctx, level)),
    ...(s.subsections ?? []).flatMap((sub) => section(sub, ctx, level + 1)),
  ];
}

/** The provenance on a page of its own with every fact as a table; in a compact report, a short closing note. */
function provenanceSection(s: ReportSection, ctx: Context): FileChild[] {
  const compact = ctx.model.layout?.compact === true;
  return [
    new Paragraph({ style: STYLE.heading(ctx.sectionLevel), pageBreakBefore: !compact, keepNext: true, children: [new TextRun(s.heading)] }),
    ...s.blocks.flatMap((b) => block(b, ctx, ctx.sectionLevel)),
    ...(compact
      ? [new Paragraph({ children: [new TextRun({ text: provenanceNote(ctx.model.provenance), size: 18 })] })]
      : factsTable(provenanceRows(ctx.model.provenance), 'Record behind this report')),
  ];
}

function block(b: ReportBlock, ctx: Context, level: number): FileChild[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraph(b.text, ctx)];
    case 'notice':
      return [paragraph(b.text, ctx, true)];
    case 'key_figures':
      return keyFigures(b.figures, ctx);
    case 'figure':
      return figure(b.figure, ctx);
    case 'chart':
      return chart(b.chart, ctx, level + 1);
    case 'table':
      return table(b.table);
    case 'quote':
      return quote(b.quote, ctx.model);
    case 'list':
      return b.items.map(
        (item) => new Paragraph({ style: STYLE.bullet, numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(item)] }),
      );
  }
}

/** Body text; in a committee section it is a numbered paragraph (List Number), as council reports number theirs. */
function paragraph(text: string, ctx: Context, notice = false): Paragraph {
  const run = new TextRun({ text, bold: notice });
  if (ctx.numbered) return new Paragraph({ style: STYLE.numbered, numbering: { reference: NUMBERED, level: 0 }, children: [run] });
  return new Paragraph({
    children: [run],
    ...(notice
      ? {
          shading: { type: ShadingType.CLEAR, fill: 'E8F1F8', color: 'auto' },
          border: { left: { style: 'single', size: 24, color: '1D4F91', space: 8 } },
        }
      : {}),
  });
}

function basisOf(f: Figure, model: ReportModel): string {
  return [figureBasis(f, model), f.note].filter(Boolean).join('. ');
}

/** Headline figures as a table: what, how many, and how many people each rests on. */
function keyFigures(figures: Figure[], ctx: Context): FileChild[] {
  return table({
    caption: 'Key figures',
    columns: ['Figure', 'Value', 'Based on'],
    rows: figures.map((f) => [f.label, figureValue(f), basisOf(f, ctx.model) || '–']),
    rowHeaders: true,
  });
}

function figure(f: Figure, ctx: Context): FileChild[] {
  const basis = basisOf(f, ctx.model);
  return [
    new Paragraph({
      keepNext: basis.length > 0,
      spacing: basis ? { after: 40 } : undefined,
      children: [new TextRun({ text: `${f.label}: ${figureValue(f)}`, bold: true })],
    }),
    ...(basis ? [new Paragraph({ children: [new TextRun({ text: basis, size: 20 })] })] : []),
  ];
}

/**
 * A chart: its title as a heading, then the picture with alternative text that carries its numbers. As in
 * print, each figure appears once: the numbers are not repeated in a table beneath it.
 */
function chart(spec: ChartSpec, ctx: Context, level: number): FileChild[] {
  const image = renderChartImage(spec);
  const width = Math.min(TEXT_WIDTH_PX, image.width);
  const height = Math.round((image.height * width) / image.width);
  const id = ctx.nextDrawingId++;
  return [
    new Paragraph({ style: STYLE.heading(level), keepNext: true, children: [new TextRun(spec.title)] }),
    new Paragraph({
      spacing: { after: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: image.data,
          transformation: { width, height },
          altText: {
            id: String(id),
            name: `Chart ${id}`,
            title: spec.title,
            description: chartDescription(spec, 'in words'),
          },
        }),
      ],
    }),
  ];
}

/** A table under its caption, with a header row Word repeats at the top of every page it runs onto. */
function table(spec: TableSpec): FileChild[] {
  const cell = (text: string, bold: boolean, header = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' } } : {}),
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: spec.columns.map((c) => cell(c, true, true)) });
  const rows = spec.rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, i) => cell(text, i === 0 && spec.rowHeaders)) }));
  return [
    new Paragraph({ style: STYLE.caption, keepNext: true, children: [new TextRun(spec.caption)] }),
    new Table({ style: STYLE.table, width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function factsTable(rows: [string, string][], caption: string): FileChild[] {
  return table({ caption, columns: ['', ''].map((_, i) => (i === 0 ? 'About' : 'Detail')), rows, rowHeaders: true });
}

/** The words in the Quote style, in their own language and direction, then who said them and when. */
function quote(q: QuoteBlock, model: ReportModel): FileChild[] {
  const rtl = passageDirection(q.text, q.lang) === 'rtl';
  const language = languageDiffers(q.lang, model.lang) || rtl ? { value: q.lang, bidirectional: q.lang } : undefined;
  return [
    new Paragraph({
      style: STYLE.quote,
      bidirectional: rtl,
      keepNext: true,
      children: [new TextRun({ text: `\u201C${q.text}\u201D`, language, rightToLeft: rtl })],
    }),
    new Paragraph({
      indent: { left: 567 },
      keepNext: Boolean(q.context),
      spacing: q.context ? { after: 40 } : undefined,
      children: [new TextRun({ text: `\u2014 ${q.attribution}`, size: 22 })],
    }),
    ...(q.context ? [new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: q.context, size: 22, color: '505A5F' })] })] : []),
  ];
}

function markingHeader(marking: string): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'Header',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: marking.toUpperCase(), bold: true, color: 'D4351C' })],
      }),
    ],
  });
}

function pageFooter(model: ReportModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: AlignmentType.END,
        children: [
          new TextRun(`${model.publisher} \u00B7 Page `),
          new TextRun({ children: [PageNumber.CURRENT] }),
          new TextRun(' of '),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}
