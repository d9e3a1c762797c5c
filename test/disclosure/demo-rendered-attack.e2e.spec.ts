import mammoth from 'mammoth';
import { QueryBus } from '@nestjs/cqrs';
import { GetProjectOutcomes, ProjectOutcomes } from '@coprod/application';
import { DemoApi, startDemoApi } from '../reports/demo-api';
import { htmlLines, markdownLines, pdfLines, RenderedOutput, TEXT_FORMATS, TextFormat } from './rendered-outputs';
import { readOutput, shownSeldomGroups, textTruth } from './text-leaks';

/** A rendered report as its reader gets it back as text. */
async function linesOf(body: Buffer, format: TextFormat): Promise<string[]> {
  if (format === 'md') return markdownLines(body.toString('utf8'));
  if (format === 'html') return htmlLines(body.toString('utf8'));
  if (format === 'docx') return htmlLines((await mammoth.convertToHtml({ buffer: body })).value);
  return pdfLines(body);
}

describe('the demo record at threshold 5: the public case study and every committee section, in PDF, HTML, Markdown and Word', () => {
  let demo: DemoApi;
  let projects: string[];

  beforeAll(async () => {
    demo = await startDemoApi();
    projects = ((await demo.api.http().get('/api/projects').expect(200)).body as { projectId: string }[]).map((p) => p.projectId);
  }, 180_000);
  afterAll(() => demo.api.close());

  it('recovers no protected cell, names no hidden group beside a number, and attributes no quote to a hidden role', async () => {
    const leaks: string[] = [];
    const checked = new Map<string, number>();
    let committees = 0;
    for (const projectId of projects) {
      const outcomes: ProjectOutcomes = await demo.api.app
        .get(QueryBus)
        .execute(new GetProjectOutcomes({ projectId, now: new Date().toISOString() }));
      const truth = textTruth(outcomes.facts);
      const seldom = shownSeldomGroups(outcomes.facts, 5);
      const outputs: { output: RenderedOutput; cells: Map<string, number>; kind: string }[] = [];
      for (const format of TEXT_FORMATS) {
        const report = await demo.reports.caseStudy(projectId, { audience: 'public' }, format);
        outputs.push({
          output: { name: `${projectId} case study (${format})`, lines: await linesOf(report.body, format) },
          cells: truth.project,
          kind: `case study (${format})`,
        });
        for (const decisionId of outcomes.facts.decisions.keys()) {
          const section = await demo.reports.committee(decisionId, {}, format);
          outputs.push({
            output: { name: `${projectId} committee ${decisionId} (${format})`, lines: await linesOf(section.body, format) },
            cells: truth.decisions.get(decisionId)!,
            kind: `committee (${format})`,
          });
          if (format === 'md') committees++;
        }
      }
      for (const { output, cells, kind } of outputs) {
        const read = readOutput(output, cells, seldom);
        leaks.push(...read.leaks.map((l) => `${output.name}: ${l}`));
        checked.set(kind, (checked.get(kind) ?? 0) + read.checked);
      }
    }
    expect(projects.length).toBe(4);
    expect(committees).toBeGreaterThan(3);
    // The attacker read numbers it could check against the record in every kind of output, so it attacked what is published.
    for (const format of TEXT_FORMATS) {
      expect(checked.get(`case study (${format})`)).toBeGreaterThan(10);
      expect(checked.get(`committee (${format})`)).toBeGreaterThan(5);
    }
    expect(leaks).toEqual([]);
  }, 300_000);
});
