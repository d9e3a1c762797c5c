import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryBus } from '@nestjs/cqrs';
import { AccessLog, APP_CONFIG, GetProjectOutcomes, ProjectOutcomes, RenderedReport } from '@coprod/application';
import { CaseStudyReportCommand } from '../../apps/cli/src/commands/report.command';
import type { ReportSection } from '@coprod/reporting';
import { DemoApi, startDemoApi } from './demo-api';
import { headingLevels, pdfFonts, pdfInfo, pdfText, pdfWords, skippedHeadingLevel, structureTypes } from './pdf-tools';

// Words of the demo's p-energy quotes, by the consent each was given.
const PUBLIC_NAMED = 'I chaired a council meeting for the first time in my life'; // q-energy-01, named, public
const CHANGED_TO_PUBLIC = 'They post me everything in large print'; // q-energy-02, role only for committees, later named and public
const INTERNAL_ONLY = 'Pierwszy raz ktoś z urzędu zapytał mnie o zdanie'; // q-energy-03, anonymous, Polish
const COMMITTEE_ONLY = 'Rŵan dw i’n deall sut gall ein pentref'; // q-energy-04, named, Welsh
const COUNCILLOR_PUBLIC = 'Seeing residents chair the steering group'; // q-energy-05, role only, public
const WITHDRAWN = 'My neighbours read the case studies'; // q-energy-06, withdrawn

describe('case study of the demo project p-energy, built from the real record', () => {
  let demo: DemoApi;
  let outcomes: ProjectOutcomes;
  let built: RenderedReport;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    demo = await startDemoApi();
    built = await demo.reports.caseStudy('p-energy', {}, 'pdf');
    const asOf = built.model.provenance.asOf;
    outcomes = await demo.api.app.get(QueryBus).execute(new GetProjectOutcomes({ projectId: 'p-energy', asOf, now: asOf }));
    pdf = built.body;
    text = pdfText(pdf);
  }, 180_000);
  afterAll(() => demo.api.close());

  it('prints the figures of the outcomes query with the number of people each rests on', () => {
    const figure = (id: string) => outcomes.summary.indicators[id];
    expect(text).toContain(`${figure('people_involved_by_role').value} people took part`);
    expect(text).toContain(`Hours contributed, by role: ${figure('hours_by_role').value} hours n = ${figure('hours_by_role').n}.`);
    // A count of decisions rests on decisions, not people: no n of people beside it.
    expect(text).toContain(`Decisions influenced: ${figure('decisions_influenced').value} ${figure('decisions_influenced').value} of `);
    expect(text).not.toContain(`Decisions influenced: ${figure('decisions_influenced').value} n =`);
    expect(text).toContain(
      `Change in skills, confidence and sense of influence: +${figure('survey_change').value} on a 1 to 5 scale n = ${figure('survey_change').n}.`,
    );
    expect(text).toContain(`Reach into seldom-heard groups: ${figure('reach_seldom_heard').value} n = ${figure('reach_seldom_heard').n}.`);
    expect(text).toContain(figure('expenses').statement.slice(0, 40));
  });

  it('gives each framework outcome its own heading, and suppresses breakdowns resting on too few people', async () => {
    for (const outcome of outcomes.framework.outcomes)
      expect(text).toContain(`Outcome ${outcome.number}: ${outcome.title.replace(/\.$/, '').slice(0, 40)}`);
    // Small roles are counted together, never listed one by one as "not shown" (the roles chart's numbers are in the HTML table beside it).
    const html = (await demo.reports.caseStudy('p-energy', {}, 'html')).body.toString('utf8');
    expect(html).toContain('Other roles, not shown separately');
    expect(html).not.toMatch(/Carers<\/th>\s*<td>not shown/);
    expect(text).not.toMatch(/Carers not shown/);
    expect(text).toContain('Breakdowns resting on fewer than 5 people are not shown.');
  });

  it('draws hours by role and stage for the roles it may show, and never names the roles left out', async () => {
    // The chart's numbers are a table beside it in HTML; print carries them in the chart's alternative text.
    const html = (await demo.reports.caseStudy('p-energy', {}, 'html')).body.toString('utf8');
    const words = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const hoursTable = words.slice(words.indexOf('Hours given, by role and stage: the numbers'), words.indexOf('Roles held by fewer than'));
    expect(hoursTable).toContain('Residents');
    expect(hoursTable).toContain('Residents');
    expect(hoursTable).not.toContain('not shown');
    expect(hoursTable).not.toContain('Carers');
    // Naming a role left out would say that someone holds it.
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Roles held by fewer than 5 people, or that would let one be worked out, are not in the chart and not named.',
    );
    expect(text.replace(/\s+/g, ' ')).not.toMatch(/took part: carers/);
  });

  it('opens with a one-page summary naming the three headline figures and one public quote, then "You said, we did"', () => {
    const figure = (id: string) => outcomes.summary.indicators[id];
    const words = pdfWords(pdf);
    const pageText = (page: number) =>
      words
        .filter((w) => w.page === page)
        .map((w) => w.text)
        .join(' ');
    // Page 1 is the cover; the summary is the whole of the first page of the report's body.
    const summary = pageText(2);
    expect(
      summary.startsWith(
        'West Berkshire Council · An introductory guidance note on community energy generation At a glance What the project set out to do:',
      ),
    ).toBe(true);
    expect(summary).toContain('Who took part:');
    expect(summary).toContain('What changed:');
    for (const [id, label] of [
      ['people_involved_by_role', 'people took part'],
      ['hours_by_role', 'hours given'],
      ['decisions_influenced', 'decisions influenced'],
    ]) {
      expect(summary).toContain(String(figure(id).value));
      expect(summary).toContain(label);
    }
    expect(summary).toContain(PUBLIC_NAMED.split(' ').slice(0, 6).join(' '));
    expect(summary).not.toContain(INTERNAL_ONLY.split(' ')[0]);
    expect(built.model.sections.slice(0, 3).map((s) => s.id)).toEqual(['at_a_glance', 'you_said_we_did', 'background']);
    const glance = built.model.sections[0];
    expect(glance.blocks.filter((b) => b.kind === 'quote')).toHaveLength(1);
    expect(glance.blocks.flatMap((b) => (b.kind === 'key_figures' ? b.figures.map((f) => f.label) : []))).toEqual([
      'people took part',
      'hours given',
      'decisions influenced',
    ]);
  });

  it('prints each figure once: no table repeated under a chart, no one-bar chart, no indicator under two outcomes', async () => {
    expect(text).not.toContain(': the numbers');
    const blocks = (sections: typeof built.model.sections): (typeof built.model.sections)[number]['blocks'] =>
      sections.flatMap((s) => [...s.blocks, ...blocks(s.subsections ?? [])]);
    const all = blocks(built.model.sections);
    const charts = all.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
    expect(charts.length).toBeGreaterThan(2);
    for (const chart of charts) {
      const shown = chart.categories.filter((_, i) => chart.series.some((s) => typeof s.values[i] === 'number' && s.values[i] !== 0));
      expect({ chart: chart.title, shown: shown.length >= 2 }).toEqual({ chart: chart.title, shown: true });
    }
    const outcomeFigures = blocks(built.model.sections.filter((s) => s.id === 'outcomes')).flatMap((b) =>
      b.kind === 'figure' ? [b.figure.label] : [],
    );
    expect(new Set(outcomeFigures).size).toBe(outcomeFigures.length);
    expect(text).toMatch(/: shown under outcome \d above\./);
    // Across the whole print version, each indicator's headline ("Title: value") is printed once at most.
    const body = text.slice(0, text.indexOf('Appendix A: Figures'));
    for (const result of Object.values(outcomes.summary.indicators)) {
      const escaped = result.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const printed = body.match(new RegExp(`${escaped}: (?!shown under|mean change per item)`, 'g')) ?? [];
      expect({ figure: result.title, printed: printed.length <= 1 }).toEqual({ figure: result.title, printed: true });
    }
    // HTML keeps each chart's table beside it, as its accessible alternative.
    const html = (await demo.reports.caseStudy('p-energy', {}, 'html')).body.toString('utf8');
    for (const chart of charts) expect(html).toContain(`${chart.title}: the numbers`);
  });

  it('says nothing meant for the operator in the public document: no instruction, no path, no positions or ISO dates before the appendices', async () => {
    const markdown = (await demo.reports.caseStudy('p-energy', {}, 'md')).body.toString('utf8');
    for (const output of [text, markdown.replace(/\s+/g, ' ')]) {
      const body = output.slice(0, output.indexOf('Appendix A: Figures'));
      expect(body.length).toBeGreaterThan(1000);
      expect(body).not.toMatch(/Supply a|profile file|position \d|\d{4}-\d{2}-\d{2}/);
      expect(output).not.toMatch(/events\.db|read-models\.db|[A-Za-z]:\\|\/(tmp|home|var|srv|data)\//);
    }
    expect(text).toContain('No local population profile has been supplied, so reach cannot be compared with the population.');
    expect(text).toContain(`as recorded on ${built.model.cover.find((c) => c.label === 'Record used')!.value.split('as recorded by ')[1]}.`);
    expect(text).toMatch(/Appendix A: Figures .*Appendix B: Methods and limits .*Appendix C: Where these figures come from/);
  });

  it('shows only quotes consented for public use, attributed as their consent allows', () => {
    expect(text).toContain(PUBLIC_NAMED);
    expect(text).toContain('— Siân Llewellyn, resident');
    expect(text).toContain(CHANGED_TO_PUBLIC);
    expect(text).toContain(COUNCILLOR_PUBLIC);
    expect(text).toContain('— a councillor');
    expect(text).not.toContain('Cllr Helen Ashdown');
    expect(text).not.toContain(INTERNAL_ONLY);
    expect(text).not.toContain(COMMITTEE_ONLY);
    expect(text).not.toContain(WITHDRAWN);
  });

  it("never introduces a councillor's words as a resident's: quotes are introduced for what they are, the framework's wish only in the internal version", async () => {
    const outcomeBlocks = (model: RenderedReport['model']) =>
      (model.sections.find((s) => s.id === 'outcomes')?.subsections ?? []).map((s) =>
        s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'quote' ? [`quote: ${b.quote.attribution}`] : [])),
      );
    const outcomes = outcomeBlocks(built.model);
    const withCouncillor = outcomes.find((blocks) => blocks.includes('quote: a councillor'));
    expect(withCouncillor).toBeDefined();
    expect(withCouncillor).toContain('What people said about this outcome, in their own words:');
    expect(outcomes.flat().join(' ')).not.toMatch(/a resident describing/);
    const internal = outcomeBlocks((await demo.reports.caseStudy('p-energy', { audience: 'internal_evaluation' }, 'pdf')).model);
    expect(internal.flat()).toContain('The framework looks for words from a resident describing a decision or service they changed.');
  });

  it('shows internal-only quotes to an internal evaluation, anonymous ones as "a participant", never the withdrawn one', async () => {
    const internal = pdfText((await demo.reports.caseStudy('p-energy', { audience: 'internal_evaluation' }, 'pdf')).body);
    expect(internal).toContain(`“${INTERNAL_ONLY}`);
    expect(internal).toMatch(new RegExp(`${INTERNAL_ONLY}[^—]*” — a participant`));
    expect(internal).toContain(COMMITTEE_ONLY);
    expect(internal).not.toContain(WITHDRAWN);
  });

  it('heads every chart with its title one level below the heading it sits under, in the public and internal versions, never skipping a level', async () => {
    const internal = await demo.reports.caseStudy('p-energy', { audience: 'internal_evaluation' }, 'pdf');
    for (const report of [built, internal]) {
      const levels = headingLevels(report.body);
      const expected = (sections: ReportSection[], level: number): number[] =>
        sections.flatMap((s) => [
          level,
          ...s.blocks.filter((b) => b.kind === 'chart').map(() => level + 1),
          ...expected(s.subsections ?? [], level + 1),
        ]);
      expect(levels).toEqual([1, ...expected(report.model.sections, 2)]);
      const charts = (sections: ReportSection[]): number =>
        sections.reduce((n, s) => n + s.blocks.filter((b) => b.kind === 'chart').length + charts(s.subsections ?? []), 0);
      expect(charts(report.model.sections)).toBeGreaterThan(0);
      expect(skippedHeadingLevel(levels)).toBeNull();
    }
  });

  it('is a tagged A4 PDF with a title, headings, figures with tables, quotes and embedded fonts', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.Title).toBe(outcomes.facts.project!.title);
    const tags = new Set(structureTypes(pdf));
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Figure', 'Table', 'TH', 'TD', 'BlockQuote', 'L', 'LI']) expect(tags).toContain(tag);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.every((f) => /DejaVu/.test(f.name))).toBe(true);
  });

  it('states its provenance: the events included, hashes, clocks and the command that rebuilds it', () => {
    const { clocks } = outcomes;
    expect(text).toContain(`positions ${clocks.firstPositionIncluded} to ${clocks.lastPositionIncluded} (${clocks.eventCount} events)`);
    expect(text.replace(/ /g, '')).toContain(clocks.lastEventHash);
    expect(text).toContain('west-berkshire, version 2022.1');
    const { model } = built;
    expect(model.provenance.regenerateCommand).toBe(
      `coprod report case-study --project p-energy --framework west-berkshire --as-of ${clocks.asOf} --known-at ${clocks.knownAtPosition} --audience public --format pdf --out case-study-p-energy.pdf`,
    );
    expect(model.provenance.generatedAt).toBe(outcomes.rows[outcomes.rows.length - 1].recordedAt);
    expect(text).toContain(`Report produced ${model.provenance.generatedAt}`);
  });

  it('gives byte-identical PDFs for the same record and request', async () => {
    const again = (await demo.reports.caseStudy('p-energy', {}, 'pdf')).body;
    expect(again.equals(pdf)).toBe(true);
  });

  it('answers HTML by the Accept header, and refuses unknown projects, bad parameters and unknown media types', async () => {
    const html = await demo.api.http().get('/api/projects/p-energy/reports/case-study').set('Accept', 'text/html').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<h2 id="section-outcomes">');
    const pdfAnswer = await demo.api
      .http()
      .get('/api/projects/p-energy/reports/case-study')
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdfAnswer.status).toBe(200);
    expect((pdfAnswer.body as Buffer).equals(pdf)).toBe(true);
    await demo.api.http().get('/api/projects/p-nowhere/reports/case-study').set('Accept', 'text/html').expect(404);
    const bad = await demo.api.http().get('/api/projects/p-energy/reports/case-study?audience=everyone').set('Accept', 'text/html').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['audience']);
    await demo.api.http().get('/api/projects/p-energy/reports/case-study').set('Accept', 'image/png').expect(406);
  });

  it('writes one case study per project with --all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-all-'));
    try {
      await new CaseStudyReportCommand(demo.reports, demo.api.app.get(QueryBus), demo.api.app.get(AccessLog), demo.api.app.get(APP_CONFIG)).run([], {
        all: true,
        outDir: dir,
        format: 'md',
      });
      expect(readdirSync(dir).sort()).toEqual([
        'case-study-p-energy.md',
        'case-study-p-mascot.md',
        'case-study-p-recovery.md',
        'case-study-p-voice.md',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('drops a quote from every report produced after its consent is withdrawn, even as known before', async () => {
    const knownAt = String(outcomes.clocks.knownAtPosition);
    await demo.record(
      'WithdrawQuoteConsent',
      { quoteId: 'q-energy-05', withdrawnOn: new Date().toISOString(), reason: 'Changed their mind' },
      'withdraw-q-energy-05',
    );
    const after = pdfText((await demo.reports.caseStudy('p-energy', { knownAt }, 'pdf')).body);
    expect(after).not.toContain(COUNCILLOR_PUBLIC);
    expect(after).toContain(PUBLIC_NAMED);
  });
});
