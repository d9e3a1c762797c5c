import { parseReportDefinition } from '../definitions/load-report-definition';
import type { ReportDefinition } from '../definitions/report-definition';
import { publicationCover, publicationDate, storyBlocks, wordingOf } from './case-study.story';
import type { ProjectEvidence } from './report-inputs';

/** The slice of a project's evidence the story reads: its story parts and its two dates. */
function evidence(story: Record<string, string>, asOf: string, lastRecordedAt: string): ProjectEvidence {
  const parts = Object.fromEntries(Object.entries(story).map(([part, text]) => [part, { text, recordedOn: lastRecordedAt, eventId: `e-${part}` }]));
  return { facts: { story: parts }, clocks: { asOf }, range: { lastRecordedAt } } as unknown as ProjectEvidence;
}

const definition: ReportDefinition = parseReportDefinition(
  `kind: case_study
version: 9
sections:
  - id: lessons
    heading: Lessons
    notRecorded: Nobody has written the lessons down yet.
  - id: provenance
    heading: Sources
wording:
  published: "Issued {date} ({publisher})"
  contactNotRecorded: No contact has been given.
`,
  'case-study.yaml',
);
const bare: ReportDefinition = parseReportDefinition(
  'kind: case_study\nversion: 1\nsections:\n  - id: provenance\n    heading: Sources\n',
  'bare.yaml',
);

describe('the story parts of a case study', () => {
  it('prints a recorded part as written, each line the writer typed its own paragraph, as the story page shows it', () => {
    const blocks = storyBlocks(
      evidence({ lessons: 'Next steps:\n- Ring every member\n1. Post the papers\n\n  Book the room  ' }, '2026-07-01', '2026-07-01'),
      'lessons',
      definition,
      'lessons',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Next steps:' },
      { kind: 'paragraph', text: '- Ring every member' },
      { kind: 'paragraph', text: '1. Post the papers' },
      { kind: 'paragraph', text: 'Book the room' },
    ]);
  });

  it("says a missing or blank part is not recorded, in the definition's words or the product's own", () => {
    const none = evidence({ lessons: '   ' }, '2026-07-01', '2026-07-01');
    expect(storyBlocks(none, 'lessons', definition, 'lessons')).toEqual([{ kind: 'notice', text: 'Nobody has written the lessons down yet.' }]);
    expect(storyBlocks(none, 'thanks', bare, 'thanks')).toEqual([
      { kind: 'notice', text: 'The project team has not yet recorded this part of the story.' },
    ]);
  });
});

describe('the publication details of a case study', () => {
  it('is dated by the as-of day when that is earlier than the last event included, else by that event, never by the clock', () => {
    expect(publicationDate(evidence({}, '2026-06-30T23:59:59.000Z', '2026-12-06T10:00:00.000Z'))).toBe('2026-06-30T23:59:59.000Z');
    expect(publicationDate(evidence({}, '2027-03-31T00:00:00.000Z', '2026-10-20T10:00:00.000Z'))).toBe('2026-10-20T10:00:00.000Z');
  });

  it('gives the date in words, the recorded contact and the other formats offered from it', () => {
    const cover = publicationCover(
      evidence({ contact: 'Energy Team:\n energy@council.example' }, '2026-12-01', '2026-10-20T10:00:00.000Z'),
      bare,
      'A Council',
    );
    expect(cover).toEqual([
      { label: 'Published', value: '20 October 2026, by A Council' },
      { label: 'Contact', value: 'Energy Team: energy@council.example' },
      { label: 'Other formats', value: 'This document is available in other formats and languages on request from the contact above.' },
    ]);
  });

  it('says the contact is not recorded and offers other formats from the publisher, in the wording of the definition', () => {
    const cover = publicationCover(evidence({}, '2026-06-30', '2026-10-20T10:00:00.000Z'), definition, 'A Council');
    expect(cover).toEqual([
      { label: 'Published', value: 'Issued 30 June 2026 (A Council)' },
      { label: 'Contact', value: 'No contact has been given.' },
      { label: 'Other formats', value: 'This document is available in other formats and languages on request from A Council.' },
    ]);
  });

  it('refuses wording that names a placeholder the report cannot fill, or wording nobody defined', () => {
    const odd = parseReportDefinition(
      'kind: case_study\nversion: 1\nsections:\n  - id: provenance\n    heading: S\nwording:\n  published: "On {day}"\n',
      'odd.yaml',
    );
    expect(() => wordingOf(odd, 'published', { date: '1 May 2026' })).toThrow(/"published" .* placeholder .* use only \{date\}/);
    expect(() => wordingOf(bare, 'farewell')).toThrow('the case-study definition has no wording named "farewell"');
  });

  it('refuses a definition whose wording is not a mapping of names to text', () => {
    expect(() =>
      parseReportDefinition('kind: case_study\nversion: 1\nsections:\n  - id: provenance\n    heading: S\nwording: [a, b]\n', 'w.yaml'),
    ).toThrow(/w\.yaml line \d+, wording: must be a mapping/);
    expect(() =>
      parseReportDefinition('kind: case_study\nversion: 1\nsections:\n  - id: provenance\n    heading: S\nwording:\n  published: ""\n', 'w.yaml'),
    ).toThrow(/wording\.published: must be non-empty text/);
  });
});
