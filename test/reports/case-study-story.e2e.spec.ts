import { QueryBus } from '@nestjs/cqrs';
import {
  GetProjectOutcomes,
  PERSONAL_DATA_PROTECTOR,
  PersonalDataProtector,
  ProjectOutcomes,
  RenderedReport,
  withOpenStory,
} from '@coprod/application';
import { longDate } from '@coprod/reporting/builders/report-provenance';
import { DemoApi, startDemoApi } from './demo-api';
import { pdfPlainText, pdfText, pdfWords } from './pdf-tools';

/** The story headings of the shipped case-study definition, in the order it lists them. */
const STORY_HEADINGS = [
  'At a glance',
  'You said, we did',
  'Why the project started',
  'Who took part, and who was not reached',
  'What we did together, stage by stage',
  'What changed, outcome by outcome',
  'What did not change, and why',
  'How the principles made a difference',
  'What we learned',
  'What happens next',
  'Thank you',
  'Appendix A: Figures',
  'Appendix B: Methods and limits',
  'Appendix C: Where these figures come from',
];

const LESSONS_NOT_RECORDED = 'The project team has not yet recorded the lessons learned.';
const OTHER_FORMATS = 'This document is available in other formats and languages on request';

/** A PDF's text with runs of white space made single spaces, so sentences wrapped across lines read whole. */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

describe('the case study tells the project story recorded by the evaluation lead', () => {
  let demo: DemoApi;
  let energy: ProjectOutcomes;
  let built: RenderedReport;
  let text: string;

  const outcomesOf = (projectId: string, asOf: string) =>
    demo.api.app.get(QueryBus).execute(new GetProjectOutcomes({ projectId, asOf, now: asOf })) as Promise<ProjectOutcomes>;

  beforeAll(async () => {
    demo = await startDemoApi();
    built = await demo.reports.caseStudy('p-energy', {}, 'pdf');
    energy = await outcomesOf('p-energy', built.model.provenance.asOf);
    // The story's words are sealed in the record: read them as the report does, opened with each version's key.
    const protector = demo.api.app.get<PersonalDataProtector>(PERSONAL_DATA_PROTECTOR);
    energy = { ...energy, facts: await withOpenStory(energy.facts, (data, id) => protector.open(data, id)) };
    text = flat(built.body);
  }, 180_000);
  afterAll(() => demo.api.close());

  it('prints the story sections in the order and with the headings of the report definition', () => {
    expect(built.model.sections.map((s) => s.heading)).toEqual(STORY_HEADINGS);
    let from = 0;
    for (const heading of STORY_HEADINGS) {
      const at = text.indexOf(heading, from);
      expect({ heading, found: at >= 0 }).toEqual({ heading, found: true });
      from = at + heading.length;
    }
  });

  it('prints each recorded part as written, under its own heading', () => {
    const story = energy.facts.story;
    const under = (start: string, end: string) => between(text, start, end);
    const firstWords = (part: keyof typeof story) => story[part]!.text.split(/\s+/).slice(0, 12).join(' ');
    expect(under('Why the project started', 'Who took part, and who was not reached')).toContain(firstWords('background'));
    expect(under('Who took part, and who was not reached', 'What we did together')).toContain(firstWords('reach'));
    expect(under('What we learned', 'What happens next')).toContain(firstWords('lessons'));
    expect(under('What happens next', 'Thank you')).toContain(firstWords('next_steps'));
    expect(under('Thank you', 'Appendix A: Figures')).toContain(firstWords('thanks'));
    // The second paragraph of a part is printed too, not only its first.
    const secondParagraph = story
      .background!.text.split(/\n\s*\n/)[1]
      .split(/\s+/)
      .slice(0, 8)
      .join(' ');
    expect(text).toContain(secondParagraph);
    expect(text).not.toContain('has not yet recorded');
  });

  it('tells what was done together at each stage from the sessions recorded, in words and by date', () => {
    const stages = between(text, 'What we did together, stage by stage', 'What changed, outcome by outcome');
    const held = [...energy.facts.activities.values()].filter((a) => a.heldOn && !a.cancelled);
    const count = (stage: string) => held.filter((a) => a.stage === stage).length;
    expect(stages).toContain(`Co-planning, from ${longDate(energy.facts.project!.registeredOn)}: ${count('co_planning')} sessions.`);
    expect(stages).toContain(`Co-design, from 2 March 2026: ${count('co_design')} sessions.`);
    const first = held.sort((a, b) => a.heldOn!.localeCompare(b.heldOn!))[0];
    expect(stages).toContain(`${longDate(first.heldOn!)}: ${first.title}`);
    expect(stages).toContain('The project did not go through co-delivery: The council publishes the note');
    expect(stages).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('says plainly that a part is not recorded, in every output, rather than inventing text', async () => {
    // The demo's Recovery College has recorded every part of its story but its lessons.
    const recovery = await demo.reports.caseStudy('p-recovery', {}, 'pdf');
    const words = flat(recovery.body);
    expect(between(words, 'What we learned', 'What happens next')).toBe(`What we learned ${LESSONS_NOT_RECORDED} `);
    expect(words).not.toContain('has not yet recorded why the project started');
    for (const format of ['html', 'md'] as const) {
      const other = (await demo.reports.caseStudy('p-recovery', {}, format)).body.toString('utf8');
      expect(other).toContain(LESSONS_NOT_RECORDED);
    }
    expect(text).not.toContain(LESSONS_NOT_RECORDED);
  });

  it('prints a part once it is recorded, the newest version of it, and stays the same bytes on rebuild', async () => {
    const lessons = 'Students shaped the courses best when they met tutors before the design sessions, not at them.';
    await demo.record(
      'RecordProjectStory',
      { projectId: 'p-recovery', part: 'lessons', text: 'A first draft.', recordedOn: '2026-11-20T10:00:00.000Z' },
      'story-1',
    );
    await demo.record(
      'RecordProjectStory',
      { projectId: 'p-recovery', part: 'lessons', text: lessons, recordedOn: '2026-11-21T10:00:00.000Z' },
      'story-2',
    );
    const first = await demo.reports.caseStudy('p-recovery', {}, 'pdf');
    const words = flat(first.body);
    expect(between(words, 'What we learned', 'What happens next')).toBe(`What we learned ${lessons} `);
    expect(words).not.toContain('A first draft.');
    const again = await demo.reports.caseStudy('p-recovery', {}, 'pdf');
    expect(again.body.equals(first.body)).toBe(true);
  });

  it("keeps the writer's lines, one to a line, in Markdown and HTML, with no line read as markup", async () => {
    const lines = [
      'By the spring:',
      '- Ring every member before June',
      '1. Post the papers a week ahead',
      '# Not a heading',
      '> Not a quote',
      '| Not | a table |',
    ];
    await demo.record(
      'RecordProjectStory',
      { projectId: 'p-recovery', part: 'next_steps', text: lines.join('\n'), recordedOn: '2026-11-22T10:00:00.000Z' },
      'story-lines',
    );
    const markdown = between((await demo.reports.caseStudy('p-recovery', {}, 'md')).body.toString('utf8'), '## What happens next', '## Thank you');
    const paragraphs = markdown.split(/\n\n/).slice(1, -1);
    expect(paragraphs).toEqual([
      'By the spring:',
      '\\- Ring every member before June',
      '1\\. Post the papers a week ahead',
      '\\# Not a heading',
      '\\> Not a quote',
      '\\| Not | a table |',
    ]);
    const html = between((await demo.reports.caseStudy('p-recovery', {}, 'html')).body.toString('utf8'), 'What happens next</h2>', 'Thank you</h2>');
    for (const line of lines) expect(html).toContain(`<p>${line.replace(/>/g, '&gt;')}</p>`);
  });

  it('gives the publication date in words, the contact and the other formats on the front page', () => {
    const front = pdfWords(built.body)
      .filter((w) => w.page === 1)
      .map((w) => w.text)
      .join(' ');
    const contact = energy.facts.story.contact!.text;
    const date = longDate(built.model.provenance.generatedAt);
    expect(front).toContain(`Published ${date}, by West Berkshire Council`);
    expect(front).toContain(`Contact ${contact}`);
    expect(front).toContain(`Other formats ${OTHER_FORMATS} from the contact above.`);
  });

  it('dates a report asked for as of an earlier day by that day, never by the clock', async () => {
    const asOf = '2026-06-30T23:59:59.000Z';
    const june = await demo.reports.caseStudy('p-energy', { asOf }, 'md');
    const markdown = june.body.toString('utf8');
    expect(markdown).toContain('**Published:** 30 June 2026, by West Berkshire Council');
    // The story recorded after that day is not part of the record as it stood then.
    expect(markdown).toContain('The project team has not yet recorded why the project started.');
    expect(markdown).toContain('**Contact:** How to get in touch about this project has not been recorded.');
    expect(markdown).toContain(`**Other formats:** ${OTHER_FORMATS} from West Berkshire Council.`);
  });

  it('puts what happens next in the Easy Read summary as one short idea with a picture', async () => {
    const first = energy.facts.story.next_steps!.text.split('. ')[0] + '.';
    const html = (await demo.reports.easyRead('p-energy', {}, 'html')).body.toString('utf8');
    expect(html).toContain('What happens next');
    expect(html).toMatch(new RegExp(`alt="A signpost" width="48" height="48"><p>${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</p>`));
    const pdf = pdfPlainText((await demo.reports.easyRead('p-energy', {}, 'pdf')).body).replace(/\s+/g, ' ');
    expect(pdf).toContain(first);
    expect(pdf).toContain(`Contact ${energy.facts.story.contact!.text} to find out more`);
  });
});

/** The text from `start` up to (not including) `end`, searched after `start`. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  return text.slice(from, text.indexOf(end, from));
}
