import { docxHtml, docxPart, docxParts, docxText } from '../../../../test/reports/docx-tools';
import { pdfPlainText } from '../../../../test/reports/pdf-tools';
import type { ReportModel } from '../model/report-model';
import { caseStudyFixture } from '../model/report-model.fixture';
import { DOCX_MEDIA_TYPE, renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

describe('renderDocx on a case study', () => {
  let model: ReportModel;
  let docx: Buffer;
  let xml: string;

  beforeAll(async () => {
    model = caseStudyFixture();
    docx = await renderDocx(model);
    xml = docxPart(docx, 'word/document.xml');
  });

  it('is a valid Word package with its document, styles, numbering, a chart image and the fixed core properties', () => {
    const parts = docxParts(docx);
    expect(parts).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']),
    );
    expect(parts.some((p) => /^word\/media\/.+\.(png|jpg)$/.test(p))).toBe(true);
    expect(DOCX_MEDIA_TYPE).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const core = docxPart(docx, 'docProps/core.xml');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${model.provenance.generatedAt.replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>`);
    expect(core).toContain(`<dc:title>${model.title}</dc:title>`);
  });

  it('gives the same bytes when built again, whatever the clock says', async () => {
    jest.useFakeTimers({ now: new Date('2031-07-09T17:43:21Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'queueMicrotask'] });
    try {
      const again = await renderDocx(caseStudyFixture());
      expect(again.equals(docx)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sets the report language on the document and each quote in another language on its own words', () => {
    expect(docxPart(docx, 'word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"/);
    expect(xml).toMatch(
      /<w:lang w:val="cy"[^>]*\/>.*Mae&apos;r grŵp wedi newid y cynllun|<w:lang w:val="cy"[^>]*\/>.*Mae'r grŵp wedi newid y cynllun/s,
    );
    expect(xml).toMatch(/<w:lang w:val="pl"/);
  });

  it("uses Word's built-in styles, so a council template restyles it: headings, quote, caption, table grid, bullets", async () => {
    const { html } = await docxHtml(docx);
    for (const heading of ['At a glance', 'Outcomes', 'Time given', 'Where these figures come from']) expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toMatch(/<h2>Outcome 1: Residents have increased influence over decisions<\/h2>/);
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Quote', 'Caption', 'ListBullet', 'Title'])
      expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(xml).toContain('<w:tblStyle w:val="TableGrid"/>');
    const styles = docxPart(docx, 'word/styles.xml');
    for (const name of ['heading 1', 'List Number', 'List Bullet', 'Quote', 'caption', 'Table Grid', 'Title'])
      expect(styles).toContain(`<w:name w:val="${name}"/>`);
  });

  it('repeats every table header row on each page and keeps rows whole', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) expect(t.split('<w:tr>')[1] ?? t.split('<w:tr ')[1]).toContain('<w:tblHeader/>');
  });

  it('gives every chart picture alternative text holding its numbers, since the numbers are not printed again beside it', () => {
    const pictures = [...xml.matchAll(/<wp:docPr ([^>]*)\/?>/g)].map((m) => m[1]);
    expect(pictures.length).toBe(2);
    expect(pictures[0]).toMatch(
      /descr="Confidence working in partnership, before and after\.[^"]*Residents: Before 41[^"]*, After 77[^"]*; Council officers: Before 58/,
    );
    expect(pictures[1]).toMatch(/descr="Hours given, by role and stage\.[^"]*Residents: Co-design [^"]*Voluntary sector: Co-design/);
    expect(new Set(pictures.map((p) => /id="(\d+)"/.exec(p)?.[1])).size).toBe(2);
  });

  it('heads each chart with a built-in heading one level below the heading it sits under, kept with its picture, never skipping a level', async () => {
    const outline = (body: string) =>
      [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Title|Heading(\d))"\/>((?:(?!<\/w:p>).)*)<\/w:p>/gs)].map((m) => ({
        level: m[1] === 'Title' ? 0 : Number(m[2]),
        text: [...m[3].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        keepNext: m[0].includes('<w:keepNext/>'),
      }));
    const withCover = outline(xml);
    expect(withCover).toContainEqual({ level: 2, text: 'Hours given, by role and stage', keepNext: true });
    expect(withCover).toContainEqual({ level: 3, text: 'Confidence working in partnership, before and after', keepNext: true });
    // A committee section has no cover: its title is Heading 1 and its sections Heading 2, so its charts are Heading 3 and 4.
    const section = caseStudyFixture();
    section.layout = { coverPage: false, numberedParagraphs: true, compact: true };
    const withoutCover = outline(docxPart(await renderDocx(section), 'word/document.xml'));
    expect(withoutCover).toContainEqual({ level: 3, text: 'Hours given, by role and stage', keepNext: true });
    expect(withoutCover).toContainEqual({ level: 4, text: 'Confidence working in partnership, before and after', keepNext: true });
    for (const headings of [withCover, withoutCover]) {
      const levels = headings.map((h) => h.level);
      expect(levels.every((level, i) => i === 0 || level <= Math.max(levels[i - 1], 1) + 1)).toBe(true);
    }
  });

  it('shows each figure once, as the PDF does: a chart under its heading, its numbers in no table repeated beneath', async () => {
    const { html } = await docxHtml(docx);
    for (const chart of ['Confidence working in partnership, before and after', 'Hours given, by role and stage']) {
      expect(html.match(new RegExp(`<h\\d>${chart}</h\\d><p><img alt="${chart}\\.`, 'g'))).toHaveLength(1);
      // Nowhere else as text: no caption of a table of the same numbers.
      expect(html.replace(/alt="[^"]*"/g, '').split(chart)).toHaveLength(2);
    }
    // The charts' categories appear in no table: a table repeating a chart would head its rows with them.
    expect(html).not.toMatch(/<t[hd]><p>(Voluntary sector|Council officers)<\/p><\/t[hd]>/);
  });

  it('holds the same figures, suppressed wording and quotes as the PDF', async () => {
    const words = await docxText(docx);
    const pdf = pdfPlainText(await renderPdf(model));
    const expected = [
      '23',
      'people took part',
      'n = 23',
      '312.5',
      '£1,284.60',
      'suppressed (fewer than 5 people)',
      'Mae\u2019r grŵp wedi newid y cynllun'.replace('\u2019', "'"),
      'Zażółć gęślą jaźń',
    ];
    for (const text of expected) {
      expect(words).toContain(text);
      expect(pdf).toContain(text);
    }
    expect(words).not.toMatch(/carers who took part[^.]*\b3\b Counted/);
  });

  it('numbers paragraphs, drops the cover and marks every page when the layout asks', async () => {
    const marked = await renderDocx({ ...model, layout: { coverPage: false, numberedParagraphs: true, marking: 'Not for publication' } });
    const body = docxPart(marked, 'word/document.xml');
    expect(body).toContain('<w:pStyle w:val="ListNumber"/>');
    expect(body).not.toContain('<w:pStyle w:val="Title"/>');
    const { html } = await docxHtml(marked);
    expect(html).toMatch(/^<h1>Community energy guidance/);
    expect(html).toContain('<ol><li>');
    const header = docxPart(marked, 'word/header1.xml');
    expect(header).toContain('NOT FOR PUBLICATION');
    expect(body).toMatch(/<w:headerReference w:type="default"/);
  });
});
