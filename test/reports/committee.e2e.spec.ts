import { DOCX_MEDIA_TYPE, type ReportModel } from '@coprod/reporting';
import { buildDemoRecord } from '../../apps/cli/src/demo';
import { DemoApi, startDemoApi } from './demo-api';
import { docxHtml, docxPart, docxParts, docxText } from './docx-tools';
import { headingLevels, pdfFonts, pdfInfo, pdfText, pdfWords, skippedHeadingLevel, structureTypes } from './pdf-tools';

const DECISION_QUOTE = 'Seeing residents chair the steering group'; // q-energy-05: about this decision, public
const OTHER_DECISION = 'Rŵan dw i’n deall sut gall ein pentref'; // q-energy-04: committee papers, named, not about this decision
const INTERNAL_ONLY = 'Pierwszy raz ktoś z urzędu'; // q-energy-03: internal evaluation only
const WITHDRAWN = 'My neighbours read the case studies'; // q-energy-06: withdrawn

const PROJECT = 'p-energy';
const ACCOUNT = {
  decisionId: 'd-energy-publish',
  contactOfficer: 'Sam Patel, Community Energy Officer, 01635 519000',
  howRecruited: 'An open invitation through parish councils, the libraries and two community energy groups, on paper and online.',
  notReached: 'Private tenants and people under 25 did not take part.',
  howTold: 'Every participant had a letter after the cabinet meeting, and the steering group met on 2 July to go through the decision.',
  limitations: null,
};

describe('the "Consultation and engagement" section for the Executive decision EX4521 (d-energy-publish)', () => {
  let demo: DemoApi;
  let pdf: Buffer;
  let text: string;
  let built: ReportModel;
  let tableCaptions: string[];
  let positionBefore: number;

  beforeAll(async () => {
    demo = await startDemoApi();
    const report = await demo.reports.committee('d-energy-publish', {}, 'pdf');
    pdf = report.body;
    built = report.model;
    tableCaptions = built.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table.caption] : [])));
    text = pdfText(pdf);
    positionBefore = await demo.store.headPosition();
  }, 180_000);
  afterAll(() => demo.api.close());

  it('has no cover: the section heading, the decision and numbered paragraph 1 open the first page', () => {
    const firstPage = pdfWords(pdf).filter((w) => w.page === 1);
    const words = firstPage.map((w) => w.text).join(' ');
    expect(words).toMatch(/^West Berkshire Council Consultation and engagement Publication of an introductory guidance note/);
    expect(words).toContain('1. This section is for the cabinet meeting of 11 June 2026');
    expect(text).not.toContain('About this report');
    expect(text).toMatch(/2\. The contact officer for this section has not been recorded\./);
    expect(text).toMatch(
      /3\. 11 people, \d+ of them residents or community members, shaped this decision of the cabinet on 11 June 2026 through 2 sessions \(paper and hybrid\)\./,
    );
  });

  it('keeps the section to two pages, closed by a short provenance note in words rather than a page of its own', () => {
    const words = pdfWords(pdf);
    const at = (phrase: string) => {
      const parts = phrase.split(' ');
      return words.find((_, i) => parts.every((p, k) => words[i + k]?.text === p));
    };
    expect(pdfInfo(pdf).Pages).toBe('2');
    expect(at('Limitations')!.page).toBe(2);
    expect(at('Where these figures come from')!.page).toBe(2);
    expect(text).toMatch(/as they had happened by \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC and as recorded by position \d+/);
    expect(text).toMatch(/provenance digest [0-9a-f]{64}\. To produce it again: coprod report committee --decision d-energy-publish/);
    expect(text).not.toContain('Record behind this report');
  });

  it('fits every decision of the demo record in two pages, with every numbered paragraph, every table and the whole provenance note, no heading at a page foot', async () => {
    const decisions = buildDemoRecord()
      .filter((step) => step.type === 'RecordDecision')
      .map((step) => String(step.data.decisionId));
    expect(decisions).toHaveLength(7);
    for (const decisionId of decisions) {
      const { body, model } = await demo.reports.committee(decisionId, {}, 'pdf');
      const words = pdfWords(body);
      const said = pdfText(body);
      const blocks = model.sections.filter((s) => s.id !== 'provenance').flatMap((s) => s.blocks);
      const numbered = blocks.filter((b) => b.kind === 'paragraph').length;
      const pages = Number(pdfInfo(body).Pages);
      expect({ decisionId, pages }).toEqual({ decisionId, pages: 2 });
      const label = (n: number) => new RegExp(`(^| )${n}\\. `).test(said);
      expect({ decisionId, last: label(numbered), beyond: label(numbered + 1) }).toEqual({ decisionId, last: true, beyond: false });
      // Every heading and table caption is found, on the page of what follows it.
      for (const heading of [...model.sections.map((s) => s.heading), ...blocks.flatMap((b) => (b.kind === 'table' ? [b.table.caption] : []))]) {
        const parts = heading.split(' ');
        const i = words.findIndex((_, j) => parts.every((p, k) => words[j + k]?.text === p));
        const kept = i >= 0 && words[i + parts.length]?.page === words[i].page;
        expect({ decisionId, heading, kept }).toEqual({ decisionId, heading, kept: true });
      }
      const note = words.find((w, i) => w.text === 'Where' && words[i + 3]?.text === 'come' && words[i + 4]?.text === 'from');
      expect({ decisionId, note: note?.page }).toEqual({ decisionId, note: pages });
      expect(said).toMatch(new RegExp(`provenance digest [0-9a-f]{64}\\. To produce it again: coprod report committee --decision ${decisionId} `));
    }
  });

  it('says how many commitments are still open with a verb that agrees with the count', async () => {
    expect(pdfText((await demo.reports.committee('d-mascot-name', {}, 'pdf')).body)).toContain(
      '0 of 1 commitment made with this decision is still open.',
    );
    expect(pdfText((await demo.reports.committee('d-voice-plan', {}, 'pdf')).body)).toContain(
      '2 of 3 commitments made with this decision are still open.',
    );
  });

  it('never leaves a heading at the foot of a page: each keeps with the paragraph, table or quote it heads', () => {
    const words = pdfWords(pdf);
    const headings = [...built.sections.map((s) => s.heading), ...tableCaptions];
    for (const heading of headings) {
      const parts = heading.split(' ');
      const i = words.findIndex((_, j) => parts.every((p, k) => words[j + k]?.text === p));
      expect({ heading, found: i >= 0 }).toEqual({ heading, found: true });
      const next = words[i + parts.length];
      expect({ heading, page: words[i].page }).toEqual({ heading, page: next.page });
    }
  });

  it('says what people proposed, what changed and where, what was not adopted, the level reached and the commitments', () => {
    expect(text).toContain('Please make a large-print version for the library.');
    expect(text).toContain('Recommendation: "in print and large print"');
    expect(text).toContain('No proposal is recorded as not adopted for this decision.');
    expect(text).toMatch(
      /The highest level reached was co-production on the Think Local Act Personal ladder of participation, and transformational on Needham and Carr's scale \(n = 11\)\./,
    );
    expect(text).toContain('1 of 2 commitments made with this decision is still open.');
    expect(text).toMatch(/Translate the one-page summary into Polish and Welsh\. 31 December 2026 Open/);
  });

  it('quotes only words about this decision whose authors agreed to committee papers', () => {
    expect(text).toContain(DECISION_QUOTE);
    for (const other of [OTHER_DECISION, INTERNAL_ONLY, WITHDRAWN]) expect(text).not.toContain(other);
  });

  it('says plainly what only a person can write and has not been recorded, never inventing it', () => {
    expect(text).toContain('How people were recruited has not been recorded for this decision.');
    expect(text).toContain("The evaluation lead's account of who was not reached has not been recorded for this decision.");
    expect(text).toContain('How participants were told the outcome has not been recorded for this decision.');
    expect(text).toContain("The evaluation lead's account of the limitations has not been recorded for this decision.");
  });

  it('is a tagged PDF with numbered paragraphs as labelled list items, embedded fonts, the same bytes every time', async () => {
    expect(pdfInfo(pdf).Tagged).toBe('yes');
    const types = structureTypes(pdf);
    expect(types).toEqual(expect.arrayContaining(['H1', 'H2', 'Table', 'TH', 'BlockQuote', 'L', 'LI', 'Lbl', 'LBody']));
    expect(types.filter((t) => t === 'H1')).toHaveLength(1);
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    expect((await demo.reports.committee('d-energy-publish', {}, 'pdf')).body.equals(pdf)).toBe(true);
  });

  it('heads its parts, and any chart, one level below what they sit under, never skipping a level', () => {
    const levels = headingLevels(pdf);
    expect(levels[0]).toBe(1);
    expect(levels).toContain(2);
    expect(skippedHeadingLevel(levels)).toBeNull();
  });

  it('ends its HTML version with the same short provenance note as print, not the table of every fact', async () => {
    const html = (await demo.reports.committee('d-energy-publish', {}, 'html')).body.toString('utf8');
    const note = /<section class="provenance-note"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(note).toContain('<h2 id="section-provenance">Where these figures come from</h2>');
    expect(note).toMatch(/as they had happened by \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC and as recorded by position \d+/);
    expect(note).toMatch(/provenance digest [0-9a-f]{64}\. To produce it again: coprod report committee --decision d-energy-publish/);
    expect(note).not.toContain('<dl');
    expect(html).not.toContain('class="provenance"');
  });

  it('is a Word document with the same words and quotes, Heading 1 for the section and Heading 2 for its parts, numbered with List Number', async () => {
    const docx = (await demo.reports.committee('d-energy-publish', {}, 'docx')).body;
    expect(docxParts(docx)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/numbering.xml']));
    const words = await docxText(docx);
    for (const same of [
      DECISION_QUOTE,
      'This section is for the cabinet meeting of 11 June 2026',
      'Please make a large-print version for the library.',
      '(n = 11)',
    ]) {
      expect(words).toContain(same);
      expect(text).toContain(same);
    }
    for (const other of [OTHER_DECISION, INTERNAL_ONLY, WITHDRAWN]) expect(words).not.toContain(other);
    const { html } = await docxHtml(docx);
    expect(html).toMatch(/^<h1>Consultation and engagement<\/h1>/);
    for (const heading of ['About this section', 'Who was not reached', 'What they said', 'How participants were told the outcome', 'Limitations']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml.match(/<w:pStyle w:val="ListNumber"\/>/g)?.length).toBeGreaterThanOrEqual(15);
    expect(xml).not.toContain('<w:pStyle w:val="Title"/>');
    expect((await demo.reports.committee('d-energy-publish', {}, 'docx')).body.equals(docx)).toBe(true);
  });

  it('answers the Word media type by the Accept header, and names it among the offered types when refusing one', async () => {
    const response = await demo.api
      .http()
      .get('/api/decisions/d-energy-publish/reports/committee')
      .set('Accept', DOCX_MEDIA_TYPE)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX_MEDIA_TYPE);
    expect(response.headers['content-disposition']).toContain('committee-d-energy-publish.docx');
    expect((response.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    const refused = await demo.api.http().get('/api/decisions/d-energy-publish/reports/committee').set('Accept', 'application/json').expect(406);
    expect(refused.body.detail).toContain(DOCX_MEDIA_TYPE);
  });

  it('answers Markdown with numbered paragraphs and the "we asked, you said, we did" table, to paste into a council template', async () => {
    const md = await demo.api.http().get('/api/decisions/d-energy-publish/reports/committee').set('Accept', 'text/markdown').expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain('1\\. This section is for the cabinet meeting');
    expect(md.text).toContain('**We asked, you said, we did**');
    expect(md.text).toContain("| Steering group: signing off the final draft | Send the steering group's own summary to the Executive, unedited. |");
  });

  it('refuses an empty engagement account (naming what to give) and one for a decision not recorded', async () => {
    const empty = await demo.api.command('RecordEngagementAccount', { decisionId: 'd-energy-publish' }).expect(422);
    expect(empty.body.detail).toContain('the engagement account of decision d-energy-publish is empty');
    await demo.api.command('RecordEngagementAccount', { ...ACCOUNT, decisionId: 'd-nowhere' }).expect(404);
    const blank = await demo.api.command('RecordEngagementAccount', { ...ACCOUNT, contactOfficer: '   ' }).expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['contactOfficer']);
  });

  it("prints the evaluation lead's account once recorded, and the section as it was before is rebuilt to the byte", async () => {
    await demo.api.command('RecordEngagementAccount', ACCOUNT).expect(201);
    const after = pdfText((await demo.reports.committee('d-energy-publish', {}, 'pdf')).body);
    expect(after).toContain('Contact officer: Sam Patel, Community Energy Officer, 01635 519000.');
    expect(after).toContain('How they were recruited: An open invitation through parish councils');
    expect(after).toContain("The evaluation lead's account: Private tenants and people under 25 did not take part.");
    expect(after).toContain('Every participant had a letter after the cabinet meeting');
    expect(after).not.toContain('The contact officer for this section has not been recorded.');
    expect(after).toContain("The evaluation lead's account of the limitations has not been recorded for this decision.");
    const before = await demo.reports.committee('d-energy-publish', { knownAt: String(positionBefore) }, 'pdf');
    expect(before.body.equals(pdf)).toBe(true);
  });

  it('refuses a cabinet decision without a reference, and reads well for an officer decision recorded without one', async () => {
    const decision = {
      projectId: PROJECT,
      title: 'Print run for the parish councils',
      decidedOn: '2026-06-02',
      recommendation: 'That 40 copies are printed',
    };
    const refused = await demo.api
      .command('RecordDecision', { ...decision, decisionId: 'd-energy-print-cabinet', decisionMaker: 'cabinet', reference: '' })
      .expect(422);
    expect(refused.body.code).toBe('decision.reference_missing');
    expect(refused.body.detail).toContain('d-energy-print-cabinet by cabinet needs a reference');
    await demo.api.command('RecordDecision', { ...decision, decisionId: 'd-energy-print', decisionMaker: 'officer_delegation' }).expect(201);
    const md = await demo.api.http().get('/api/decisions/d-energy-print/reports/committee').set('Accept', 'text/markdown').expect(200);
    expect(md.text).toContain('Print run for the parish councils, officer decision of 2 June 2026');
    expect(md.text).toContain(
      '1\\. This section is for the decision taken by an officer under delegation on 2 June 2026: "Print run for the parish councils".',
    );
    expect(md.text).not.toMatch(/\(\s*\)/);
  });

  it('refuses an unknown decision (404) and a malformed clock (400 naming it)', async () => {
    const missing = await demo.api.http().get('/api/decisions/d-nowhere/reports/committee').set('Accept', 'text/html').expect(404);
    expect(missing.body.detail).toContain('decision d-nowhere is not recorded');
    const bad = await demo.api
      .http()
      .get('/api/decisions/d-energy-publish/reports/committee?knownAt=yesterday')
      .set('Accept', 'text/html')
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
  });
});
