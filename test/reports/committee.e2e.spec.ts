import { DemoApi, startDemoApi } from './demo-api';
import { pdfFonts, pdfInfo, pdfText, structureTypes } from './pdf-tools';

const DECISION_QUOTE = 'Seeing residents chair the steering group'; // q-energy-05: about this decision, public
const COMMITTEE_ONLY = 'Rŵan dw i’n deall sut gall ein pentref'; // q-energy-04: committee papers, named
const INTERNAL_ONLY = 'Pierwszy raz ktoś z urzędu'; // q-energy-03: internal evaluation only
const WITHDRAWN = 'My neighbours read the case studies'; // q-energy-06: withdrawn

describe('committee-paper extract for the Executive decision EX4521 (d-energy-publish)', () => {
  let demo: DemoApi;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    demo = await startDemoApi();
    pdf = (await demo.reports.committee('d-energy-publish', {}, 'pdf')).body;
    text = pdfText(pdf);
  }, 180_000);
  afterAll(() => demo.api.close());

  it('says who shaped the decision, what they proposed, what changed and where, and the level reached', async () => {
    expect(text).toContain('How co-production shaped this decision (EX4521)');
    expect(text).toMatch(/\d+ people, \d+ of them residents or community members, shaped this decision of the cabinet on 11 June 2026 through 2 sessions \(paper, hybrid\)/);
    expect(text).toContain('Please make a large-print version for the library.');
    expect(text).toContain('Recommendation: "in print and large print"');
    const md = (await demo.reports.committee('d-energy-publish', {}, 'md')).body.toString('utf8');
    expect(md).toMatch(/- \*\*Co-production\*\* highest rung of the TLAP ladder reached \(n = \d+\)/);
    expect(md).toMatch(/- \*\*Transformational\*\* highest Needham and Carr level reached \(n = \d+\)/);
    expect(text).toContain('1 of 2 commitments made with this decision are still open.');
    expect(text).toMatch(/Translate the one-page summary into Polish and Welsh\. 31 December 2026 Open/);
  });

  it('shows only quotes consented for committee papers, those about this decision first', () => {
    expect(text).toContain(DECISION_QUOTE);
    expect(text).toContain(COMMITTEE_ONLY);
    expect(text.indexOf(DECISION_QUOTE)).toBeLessThan(text.indexOf(COMMITTEE_ONLY));
    expect(text).not.toContain(INTERNAL_ONLY);
    expect(text).not.toContain(WITHDRAWN);
  });

  it('is a tagged PDF with embedded fonts, the same bytes every time', async () => {
    expect(pdfInfo(pdf).Tagged).toBe('yes');
    expect(structureTypes(pdf)).toEqual(expect.arrayContaining(['H1', 'H2', 'Table', 'TH', 'BlockQuote']));
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    expect((await demo.reports.committee('d-energy-publish', {}, 'pdf')).body.equals(pdf)).toBe(true);
  });

  it('answers Markdown with the "we asked, you said, we did" table, to paste into a council template', async () => {
    const md = await demo.api.http().get('/api/decisions/d-energy-publish/reports/committee').set('Accept', 'text/markdown').expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain('## We asked, you said, we did');
    expect(md.text).toContain('| We asked | You said | We did |');
    expect(md.text).toContain("| Steering group: signing off the final draft | Send the steering group's own summary to the Executive, unedited. |");
  });

  it('refuses an unknown decision (404), a malformed clock (400 naming it) and an unoffered media type (406)', async () => {
    const missing = await demo.api.http().get('/api/decisions/d-nowhere/reports/committee').set('Accept', 'text/html').expect(404);
    expect(missing.body.detail).toContain('decision d-nowhere is not recorded');
    const bad = await demo.api.http().get('/api/decisions/d-energy-publish/reports/committee?knownAt=yesterday').set('Accept', 'text/html').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
    await demo.api.http().get('/api/decisions/d-energy-publish/reports/committee').set('Accept', 'application/json').expect(406);
  });
});
