import type { QuoteBlock, ReportModel, ReportSection } from '@coprod/reporting';
import { DemoApi, startDemoApi } from './demo-api';
import { docxHtml, docxPart, docxParts, docxText } from './docx-tools';
import { pdfInfo, pdfPlainText, pdfWords } from './pdf-tools';

const INTERNAL_ONLY = 'Pierwszy raz ktoś z urzędu'; // q-energy-03: internal evaluation only
const WITHDRAWN = 'My neighbours read the case studies'; // q-energy-06: withdrawn

function quotesOf(model: ReportModel): QuoteBlock[] {
  const walk = (sections: ReportSection[]): QuoteBlock[] =>
    sections.flatMap((s) => [...s.blocks.flatMap((b) => (b.kind === 'quote' ? [b.quote] : [])), ...walk(s.subsections ?? [])]);
  return walk(model.sections);
}

/** Words as both extractions give them: quotes' curly apostrophes kept, runs of space made one. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('the case study as a Word document, beside its PDF (demo project p-energy)', () => {
  let demo: DemoApi;

  beforeAll(async () => {
    demo = await startDemoApi();
  }, 180_000);
  afterAll(() => demo.api.close());

  it.each(['public', 'internal_evaluation'] as const)(
    'holds exactly the quotes the %s PDF holds, with their attributions, and the same headline figures',
    async (audience) => {
      const pdf = await demo.reports.caseStudy('p-energy', { audience }, 'pdf');
      const docx = await demo.reports.caseStudy('p-energy', { audience }, 'docx');
      expect(docxParts(docx.body)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
      const pdfWords = squeeze(pdfPlainText(pdf.body)).replace(/-\s/g, '-');
      const wordWords = squeeze(await docxText(docx.body));
      const quotes = quotesOf(docx.model);
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) {
        expect(wordWords).toContain(squeeze(quote.text));
        expect(wordWords).toContain(squeeze(quote.attribution));
      }
      expect(wordWords.includes(INTERNAL_ONLY)).toBe(audience === 'internal_evaluation');
      expect(pdfWords.includes(INTERNAL_ONLY)).toBe(audience === 'internal_evaluation');
      expect(wordWords).not.toContain(WITHDRAWN);
      expect(pdfWords).not.toContain(WITHDRAWN);
      const glance = docx.model.sections.find((s) => s.id === 'at_a_glance')!.blocks.find((b) => b.kind === 'key_figures');
      for (const figure of glance && glance.kind === 'key_figures' ? glance.figures : []) {
        const value = figure.suppressed ? 'Not shown' : figure.value;
        expect(wordWords).toContain(value);
        expect(wordWords).toContain(figure.label);
        // Key figures sit side by side in print, so a label may wrap beside its neighbour's: each of its words is there.
        for (const word of figure.label.split(/[\s-]+/)) expect(pdfWords).toContain(word);
        expect(pdfWords).toContain(value);
      }
    },
  );

  it('marks the internal version "not for publication" on every page, and the public one nowhere', async () => {
    const internal = (await demo.reports.caseStudy('p-energy', { audience: 'internal_evaluation' }, 'docx')).body;
    const document = docxPart(internal, 'word/document.xml');
    expect(document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    const header = docxPart(internal, 'word/header1.xml');
    expect(header).toContain('NOT FOR PUBLICATION');
    const published = (await demo.reports.caseStudy('p-energy', { audience: 'public' }, 'docx')).body;
    expect(docxParts(published).some((p) => p.startsWith('word/header'))).toBe(false);
    expect(await docxText(published)).not.toMatch(/not for publication/i);
  });

  it('prints the marking on every page of the internal PDF, and on no page of the public one', async () => {
    const internal = (await demo.reports.caseStudy('p-energy', { audience: 'internal_evaluation' }, 'pdf')).body;
    const pages = Number(pdfInfo(internal).Pages);
    const marked = new Set(
      pdfWords(internal)
        .filter((w, i, all) => w.text === 'NOT' && all[i + 1]?.text === 'FOR' && all[i + 2]?.text === 'PUBLICATION')
        .map((w) => w.page),
    );
    expect(marked.size).toBe(pages);
    const published = (await demo.reports.caseStudy('p-energy', { audience: 'public' }, 'pdf')).body;
    expect(pdfPlainText(published)).not.toMatch(/not for publication/i);
  });

  it('uses the built-in heading styles a council template restyles, and gives the same bytes when built again', async () => {
    const a = (await demo.reports.caseStudy('p-energy', {}, 'docx')).body;
    const { html } = await docxHtml(a);
    expect(html).toContain('<h1>At a glance</h1>');
    expect(html).toMatch(/<h2>Outcome 1: /);
    const b = (await demo.reports.caseStudy('p-energy', {}, 'docx')).body;
    expect(a.equals(b)).toBe(true);
  });
});
