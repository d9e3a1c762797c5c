import { caseStudyFixture } from '../model/report-model.fixture';
import { applyReportDefinition } from './apply-report-definition';
import { parseReportDefinition, ReportDefinitionError } from './load-report-definition';

const definition = parseReportDefinition(
  `kind: case_study
version: 3
title: "{title} ({publisher})"
sections:
  - id: time_given
    heading: Hours people gave
    intro: Every hour counts.
  - id: outcomes
    heading: Outcomes
    subsectionHeading: "Outcome {number} – {title}"
  - id: principles
    heading: Principles
    omitIfEmpty: true
  - id: you_said_we_did
    heading: You said, we did
  - id: provenance
    heading: Sources
`,
  'case-study.yaml',
);

function errorOf(source: string): ReportDefinitionError {
  try {
    parseReportDefinition(source, 'reports/case-study.yaml');
  } catch (error) {
    return error as ReportDefinitionError;
  }
  throw new Error('expected the definition to be refused');
}

describe('applying a report definition', () => {
  it('orders sections as the definition lists them and drops the ones it does not list', () => {
    const model = caseStudyFixture();
    model.sections.push({ id: 'principles', heading: 'P', blocks: [] });
    const shaped = applyReportDefinition(model, definition);
    expect(shaped.sections.map((s) => s.id)).toEqual(['time_given', 'outcomes', 'provenance']);
  });

  it('replaces headings and fills subsection templates from each subsection’s own values', () => {
    const shaped = applyReportDefinition(caseStudyFixture(), definition);
    expect(shaped.sections[0].heading).toBe('Hours people gave');
    expect(shaped.sections[1].subsections?.map((s) => s.heading)).toEqual([
      'Outcome 1 – Residents have increased influence over decisions',
      'Outcome 4 – People are more confident working in equal partnership',
    ]);
    expect(shaped.sections[2].heading).toBe('Sources');
  });

  it('prints the intro wording as the first paragraph', () => {
    const shaped = applyReportDefinition(caseStudyFixture(), definition);
    expect(shaped.sections[0].blocks[0]).toEqual({ kind: 'paragraph', text: 'Every hour counts.' });
    expect(shaped.sections[0].blocks[1].kind).toBe('chart');
  });

  it('keeps an empty section unless the definition says to omit it', () => {
    const model = caseStudyFixture();
    model.sections.push({ id: 'principles', heading: 'P', blocks: [] }, { id: 'you_said_we_did', heading: 'Y', blocks: [] });
    const ids = applyReportDefinition(model, definition).sections.map((s) => s.id);
    expect(ids).toContain('you_said_we_did');
    expect(ids).not.toContain('principles');
  });

  it('fills the title template and records the definition version in the provenance', () => {
    const shaped = applyReportDefinition(caseStudyFixture(), definition);
    expect(shaped.title).toBe('Community energy guidance: a co-production case study (West Berkshire Council)');
    expect(shaped.provenance.definitionVersion).toBe('case_study 3');
  });

  it('keeps the model heading when a placeholder has no value', () => {
    const model = caseStudyFixture();
    delete model.sections[1].subsections![0].headingValues;
    const shaped = applyReportDefinition(model, definition);
    expect(shaped.sections[1].subsections![0].heading).toBe('Outcome 1: Residents have increased influence over decisions');
  });

  it('refuses a definition of another kind', () => {
    const model = { ...caseStudyFixture(), kind: 'audit_history' as const };
    expect(() => applyReportDefinition(model, definition)).toThrow(/load the audit_history definition/);
  });
});

describe('loading a report definition', () => {
  it('names the file, line and field of a heading that is missing', () => {
    const error = errorOf('kind: case_study\nversion: 1\nsections:\n  - id: at_a_glance\n    heading: At a glance\n  - id: outcomes\n    intro: x\n');
    expect(error).toBeInstanceOf(ReportDefinitionError);
    expect(error.message).toBe('reports/case-study.yaml line 6, sections[1].heading: is missing; give the heading readers see');
  });

  it('names the line of a section id the report kind does not know', () => {
    const error = errorOf('kind: case_study\nversion: 1\nsections:\n  - id: at_a_glance\n    heading: A\n  - id: weather\n    heading: B\n');
    expect(error.line).toBe(6);
    expect(error.field).toBe('sections[1].id');
    expect(error.message).toMatch(/"weather" is not a section of a case_study report; give one of at_a_glance, you_said_we_did, background/);
  });

  it('refuses a section listed twice, a misspelt field and a non-boolean flag', () => {
    expect(errorOf('kind: case_study\nversion: 1\nsections:\n  - id: outcomes\n    heading: A\n  - id: outcomes\n    heading: B\n').message).toMatch(
      /line 6, sections\[1\]\.id: "outcomes" is listed twice/,
    );
    expect(errorOf('kind: case_study\nversion: 1\nsections:\n  - id: outcomes\n    heading: A\n    omitIfEmty: true\n').message).toMatch(
      /line 6, sections\[0\]\.omitIfEmty: is not a section field/,
    );
    expect(errorOf('kind: case_study\nversion: 1\nsections:\n  - id: outcomes\n    heading: A\n    omitIfEmpty: sometimes\n').message).toMatch(
      /line 6, sections\[0\]\.omitIfEmpty: must be true or false/,
    );
  });

  it('refuses an unknown kind and broken YAML with their lines', () => {
    expect(errorOf('version: 1\nkind: annual_report\nsections: []\n').message).toMatch(/line 2, kind: "annual_report" is not a report kind/);
    expect(errorOf('kind: case_study\nversion: 1\nsections:\n  - id: [outcomes\n').message).toMatch(/^reports\/case-study\.yaml line \d+, \(YAML syntax\)/);
  });
});
