import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportKind } from '../model/report-model';
import { loadDefinitionFor } from './load-report-definition';
import { SECTION_IDS } from './report-definition';

const reportsDir = join(__dirname, '..', '..', '..', '..', 'reports');

describe('the shipped report definitions', () => {
  it.each(Object.keys(SECTION_IDS) as ReportKind[])('%s lists every section of its kind once, ending with provenance', (kind) => {
    const definition = loadDefinitionFor(kind, reportsDir);
    expect(definition.sections.map((s) => s.id)).toEqual([...SECTION_IDS[kind]]);
    for (const section of definition.sections) expect(section.heading.length).toBeGreaterThan(2);
  });

  it('heads each case-study outcome with its number and title', () => {
    const outcomes = loadDefinitionFor('case_study', reportsDir).sections.find((s) => s.id === 'outcomes');
    expect(outcomes?.subsectionHeading).toBe('Outcome {number}: {title}');
  });

  it('applies an edit to the next report without a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-definitions-'));
    try {
      const file = join(dir, 'case-study.yaml');
      copyFileSync(join(reportsDir, 'case-study.yaml'), file);
      const before = loadDefinitionFor('case_study', dir).sections.find((s) => s.id === 'outcomes')!.heading;
      writeFileSync(file, readFileSync(file, 'utf8').replace(`heading: ${before}`, 'heading: What changed for residents'));
      expect(loadDefinitionFor('case_study', dir).sections.find((s) => s.id === 'outcomes')?.heading).toBe('What changed for residents');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which file could not be read', () => {
    expect(() => loadDefinitionFor('case_study', join(reportsDir, 'missing'))).toThrow(/cannot read report definition .*case-study\.yaml/);
  });
});
