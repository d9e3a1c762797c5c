import { PARTICIPANT_ROLES } from '@coprod/domain';
import { ProjectFacts } from '@coprod/frameworks';
import { labelOf, roleNoun } from '@coprod/frameworks/indicators/labels';
import { evidenceOf, publicOutputs, TextFormat } from './rendered-outputs';
import { smallProject } from './small-project';
import { attackText, isProtectedTextCell } from './text-attack';
import { leaksIn, readOutput, shownSeldomGroups, textTruth } from './text-leaks';

const THRESHOLD = 5;

async function attackProject(
  facts: ProjectFacts,
  formats: readonly TextFormat[],
): Promise<{ leaks: string[]; tables: number; checked: Map<string, number> }> {
  const truth = textTruth(facts);
  const outputs = await publicOutputs(evidenceOf(facts, THRESHOLD), THRESHOLD, formats);
  const seldom = shownSeldomGroups(facts, THRESHOLD);
  const leaks: string[] = [];
  let tables = 0;
  const checked = new Map<string, number>();
  for (const output of outputs) {
    const decisionId = /^committee (\S+)/.exec(output.name)?.[1];
    const cells = decisionId ? truth.decisions.get(decisionId)! : truth.project;
    tables += attackText(output.lines).tables.length;
    const read = readOutput(output, cells, seldom);
    leaks.push(...read.leaks.map((l) => `${output.name}: ${l}`));
    const kind = output.name.replace(/^committee \S+/, 'committee');
    checked.set(kind, (checked.get(kind) ?? 0) + read.checked);
  }
  return { leaks, tables, checked };
}

describe('the disclosure attack on the published text: PDF, HTML, Markdown and Word read back, public audience', () => {
  it('reads the role tables and the sentences beside them, and works out a cell where only primary suppression was applied', async () => {
    // A committee section as it would read with each small role listed as "not shown" instead of merged:
    // "N people, M of them residents or community members" beside it gives the hidden rows back.
    let recovered = 0;
    for (let seed = 1; seed <= 40 && recovered === 0; seed++) {
      const facts = smallProject(seed);
      const truth = textTruth(facts);
      for (const output of await publicOutputs(evidenceOf(facts, THRESHOLD), THRESHOLD, ['md'])) {
        const decisionId = /^committee (\S+)/.exec(output.name)?.[1];
        if (!decisionId || !output.lines.some((l) => /^Other roles, not shown separately \| /.test(l))) continue;
        const cells = truth.decisions.get(decisionId)!;
        const hidden = PARTICIPANT_ROLES.filter(
          (r) => (cells.get(`decision:${r}`) ?? 0) > 0 && !output.lines.some((l) => l.startsWith(`${labelOf(r)} | `)),
        );
        const naive = output.lines.flatMap((l) =>
          /^Other roles, not shown separately \| /.test(l) ? hidden.map((r) => `${labelOf(r)} | not shown`) : [l],
        );
        expect(attackText(output.lines).recovered.filter((r) => isProtectedTextCell(r.cell) && (cells.get(r.cell) ?? 0) > 0)).toEqual([]);
        const found = attackText(naive).recovered.filter((r) => isProtectedTextCell(r.cell) && (cells.get(r.cell) ?? 0) > 0);
        for (const r of found) expect(r.value).toBe(cells.get(r.cell));
        recovered += found.length;
      }
    }
    expect(recovered).toBeGreaterThan(0);
  }, 60_000);

  it('catches a deliberately leaky sentence, and a quote attributed to a hidden role', async () => {
    const facts = [...Array(40).keys()].map((i) => smallProject(i + 1)).find((f) => f.decisions.size > 0)!;
    const truth = textTruth(facts);
    const [committee] = (await publicOutputs(evidenceOf(facts, THRESHOLD), THRESHOLD, ['md'])).filter((o) => o.name.startsWith('committee'));
    const decisionId = /^committee (\S+)/.exec(committee.name)![1];
    const cells = truth.decisions.get(decisionId)!;
    const hiddenRole = PARTICIPANT_ROLES.find(
      (r) => (cells.get(`decision:${r}`) ?? 0) > 0 && !committee.lines.some((l) => l.startsWith(`${labelOf(r)} | `)),
    );
    expect(hiddenRole).toBeDefined();
    const count = cells.get(`decision:${hiddenRole}`)!;
    const leaky = committee.lines.map((l) =>
      l.replace(
        /of them residents or community members/,
        `of them residents or community members, ${count} of them ${labelOf(hiddenRole!).toLowerCase()}`,
      ),
    );
    const reading = attackText(leaky);
    expect(reading.stated.get(`decision:${hiddenRole}`)).toBe(count);
    expect(leaksIn({ name: committee.name, lines: leaky }, cells, new Set())).toContainEqual(expect.stringMatching(/beside a number/));
    const misattributed = [...committee.lines, `— a ${roleNoun(hiddenRole!)}`];
    expect(leaksIn({ name: committee.name, lines: misattributed }, cells, new Set())).toContainEqual(
      expect.stringMatching(/a quote attributed to .* are not shown/),
    );
    expect(leaksIn(committee, cells, new Set())).toEqual([]);
  }, 60_000);

  it('recovers no protected cell from 30 generated projects in Markdown and HTML, at threshold 5', async () => {
    const found: string[] = [];
    let tables = 0;
    const checked = new Map<string, number>();
    for (let seed = 1; seed <= 30; seed++) {
      const result = await attackProject(smallProject(seed), ['md', 'html']);
      found.push(...result.leaks.map((l) => `seed ${seed}, ${l}`));
      tables += result.tables;
      for (const [kind, n] of result.checked) checked.set(kind, (checked.get(kind) ?? 0) + n);
    }
    expect(tables).toBeGreaterThan(100);
    // Every kind of output had numbers read and checked against the record, so the attack read what it attacks.
    for (const kind of ['case study (md)', 'case study (html)', 'committee (md)', 'committee (html)']) expect(checked.get(kind)).toBeGreaterThan(30);
    expect(found).toEqual([]);
  }, 120_000);

  it('recovers no protected cell from 6 generated projects in Word and PDF, at threshold 5', async () => {
    const found: string[] = [];
    let tables = 0;
    const checked = new Map<string, number>();
    for (let seed = 31; seed <= 36; seed++) {
      const result = await attackProject(smallProject(seed), ['docx', 'pdf']);
      found.push(...result.leaks.map((l) => `seed ${seed}, ${l}`));
      tables += result.tables;
      for (const [kind, n] of result.checked) checked.set(kind, (checked.get(kind) ?? 0) + n);
    }
    expect(tables).toBeGreaterThan(10);
    for (const kind of ['case study (docx)', 'case study (pdf)', 'committee (docx)', 'committee (pdf)']) expect(checked.get(kind)).toBeGreaterThan(5);
    expect(found).toEqual([]);
  }, 180_000);
});
