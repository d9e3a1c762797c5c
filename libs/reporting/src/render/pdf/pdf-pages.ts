import type { ReportModel, ReportSection } from '../../model/report-model';
import { provenanceNote, provenanceRows } from '../wording';
import { blockLeadHeight, drawBlock } from './pdf-blocks';
import { drawTableRows } from './pdf-table';
import { COLOUR, COMPACT, FONT, GAP, PAGE, SIZE } from './pdf-theme';
import type { PdfWriter } from './pdf-writer';

type Struct = PDFKit.PDFStructureElement;
type Outline = PDFKit.PDFOutline;

/** The cover: publisher band, title (the only H1), subtitle and the label/value facts. */
export function drawCover(w: PdfWriter, root: Struct, model: ReportModel): void {
  const doc = w.doc;
  w.origin = 'the cover';
  const bandHeight = 120;
  w.artifact(() => doc.rect(0, 0, doc.page.width, bandHeight).fill(COLOUR.brand));
  doc.y = 52;
  w.text(root, 'P', model.publisher, { font: FONT.bold, size: SIZE.subtitle, colour: COLOUR.onBrand });
  doc.y = bandHeight + 90;
  w.text(root, 'H1', model.title, { font: FONT.bold, size: SIZE.title, colour: COLOUR.ink, gapAfter: 10, lineGap: 4 });
  if (model.subtitle) w.text(root, 'P', model.subtitle, { size: SIZE.subtitle, colour: COLOUR.secondary, gapAfter: 10 });
  const ruleY = doc.y + 8;
  w.artifact(() => doc.rect(w.left, ruleY, 72, 4).fill(COLOUR.accent));
  doc.y = ruleY + 28;
  if (model.cover.length > 0)
    drawFacts(
      w,
      root,
      model.cover.map((c) => [c.label, c.value]),
      'About this report',
    );
}

/**
 * The opening of a report without a cover (a committee section that drops into the council's own paper):
 * the publisher, the title as the only H1, the subtitle and a rule, then the first section on the same page.
 */
export function drawTitleBlock(w: PdfWriter, root: Struct, model: ReportModel): void {
  const doc = w.doc;
  w.origin = 'the title';
  w.text(root, 'P', model.publisher, { font: FONT.bold, size: SIZE.small, colour: COLOUR.secondary, gapAfter: w.compact ? 3 : 6 });
  w.text(root, 'H1', model.title, {
    font: FONT.bold,
    size: w.compact ? SIZE.h2 - 2 : SIZE.h2 + 5,
    colour: COLOUR.brand,
    gapAfter: w.compact ? 2 : 4,
    lineGap: 3,
  });
  if (model.subtitle)
    w.text(root, 'P', model.subtitle, { size: SIZE.body + (w.compact ? 0.5 : 1.5), colour: COLOUR.secondary, gapAfter: w.compact ? 3 : 6 });
  const ruleY = doc.y + 2;
  w.artifact(() => doc.rect(w.left, ruleY, 72, 3).fill(COLOUR.accent));
  doc.y = ruleY + (w.compact ? 8 : 14);
  if (model.cover.length > 0)
    drawFacts(
      w,
      root,
      model.cover.map((c) => [c.label, c.value]),
      'About this report',
    );
}

/** A two-column table of label/value facts, each label a row header. */
export function drawFacts(w: PdfWriter, parent: Struct, rows: [string, string][], caption: string, mono = false): void {
  w.text(parent, 'P', caption, { font: FONT.bold, size: SIZE.small, colour: COLOUR.secondary, gapAfter: 4 });
  const facts = rows.map(([label, value]) => ({
    cells: [
      { text: label, heads: 'Row' as const },
      { text: value, font: mono ? FONT.mono : FONT.regular },
    ],
  }));
  drawTableRows(w, parent, facts, { columns: [150, '*'], padding: { top: 5, right: 6, bottom: 5, left: 0 } });
  w.doc.y += GAP;
}

/** One section (H2) or subsection (H3) with its blocks, bookmarked under `outline`. */
export function drawSection(w: PdfWriter, parent: Struct, section: ReportSection, model: ReportModel, outline: Outline, level: 2 | 3): void {
  const size = headingSize(w, level);
  const headingGap = w.compact ? COMPACT.afterHeading : 8;
  // A heading keeps with the start of what follows it: the first block, or the first subsection's heading and first block.
  const first = section.blocks.length > 0 ? null : section.subsections?.[0];
  const lead = first
    ? w.measure(first.heading, { font: FONT.bold, size: headingSize(w, 3) }) +
      headingGap +
      blockLeadHeight(w, first.blocks[0], first.blocks[1], model)
    : blockLeadHeight(w, section.blocks[0], section.blocks[1], model);
  const above = level === 2 ? (w.compact ? COMPACT.beforeSection : GAP) : 0;
  const atTop = () => w.doc.y <= w.doc.page.margins.top + 1;
  const height = w.measure(section.heading, { font: FONT.bold, size }) + headingGap + lead;
  w.ensureSpace((atTop() ? 0 : above) + height);
  if (!atTop()) w.doc.y += above;
  const item = outline.addItem(section.heading);
  const origin = w.origin;
  w.origin = `the section "${section.heading}"`;
  const sect = w.element(parent, 'Sect');
  w.text(sect, `H${level}`, section.heading, { font: FONT.bold, size, colour: level === 2 ? COLOUR.brand : COLOUR.ink, gapAfter: headingGap });
  section.blocks.forEach((block, i) => drawBlock(w, sect, block, model, level, section.blocks[i + 1]));
  for (const sub of section.subsections ?? []) drawSection(w, sect, sub, model, item, 3);
  sect.end();
  w.origin = origin;
}

function headingSize(w: PdfWriter, level: 2 | 3): number {
  if (w.compact) return level === 2 ? COMPACT.h2 : COMPACT.h3;
  return level === 2 ? SIZE.h2 : SIZE.h3;
}

/**
 * The provenance: its section's wording, then every fact needed to rebuild the report, on a page of its own;
 * in a compact report, a short note in small type straight after the last section.
 */
export function drawProvenance(w: PdfWriter, parent: Struct, section: ReportSection, model: ReportModel, outline: Outline): void {
  if (model.layout?.compact) {
    // One paragraph: the section's own wording runs straight into the facts, with no part-filled line or gap between them.
    const words = [...section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])), provenanceNote(model.provenance)].join(' ');
    const note = { size: SIZE.small, colour: COLOUR.secondary, lineGap: 1 };
    const size = headingSize(w, 2);
    // The note is short: it is kept whole, with its heading.
    w.ensureSpace(COMPACT.beforeSection + w.measure(section.heading, { font: FONT.bold, size }) + COMPACT.afterHeading + w.measure(words, note));
    w.doc.y += COMPACT.beforeSection;
    outline.addItem(section.heading);
    w.origin = 'the record behind the report';
    const sect = w.element(parent, 'Sect');
    w.text(sect, 'H2', section.heading, { font: FONT.bold, size, colour: COLOUR.brand, gapAfter: COMPACT.afterHeading });
    w.text(sect, 'P', words, note);
    sect.end();
    return;
  }
  w.newPage();
  drawSection(w, parent, { ...section, subsections: [] }, model, outline, 2);
  w.origin = 'the record behind the report';
  const sect = w.element(parent, 'Sect');
  drawFacts(w, sect, provenanceRows(model.provenance), 'Record behind this report', true);
  sect.end();
}

/** Running header and "Page N of M" footer on every page, marked as pagination artifacts. */
export function drawFurniture(w: PdfWriter, model: ReportModel): void {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  const cover = model.layout?.coverPage !== false;
  const marking = model.layout?.marking?.toUpperCase();
  const at = w.compact ? COMPACT.furniture : PAGE.furniture;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    w.artifact(() => {
      if (marking) {
        // On the cover the marking sits in the publisher's band, in the band's own text colour.
        const onBand = cover && i === range.start;
        doc
          .font(FONT.bold)
          .fontSize(SIZE.furniture + 1.5)
          .fillColor(onBand ? COLOUR.onBrand : COLOUR.marking);
        doc.text(marking, w.left, 20, { width: w.width, align: 'center', lineBreak: false });
      }
      doc.font(FONT.regular).fontSize(SIZE.furniture).fillColor(COLOUR.secondary);
      if (i > range.start) {
        w.runningHeader(`${model.publisher} · ${model.title}`, at.header, {
          font: FONT.regular,
          size: SIZE.furniture,
          origin: 'the running header',
        });
        doc.rect(w.left, at.rule, w.width, 0.5).fill(COLOUR.rule);
      }
      doc.fillColor(COLOUR.secondary).text(`Page ${i - range.start + 1} of ${range.count}`, w.left, doc.page.height - at.footer, {
        width: w.width,
        align: 'right',
        lineBreak: false,
      });
    }, 'Pagination');
    doc.page.margins.bottom = bottom;
  }
}
