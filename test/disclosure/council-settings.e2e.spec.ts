import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../stores/run-cli';

interface Cell {
  key: string;
  value: number | null;
}

interface Outcomes {
  suppressionThreshold: number;
  indicators: Record<string, { breakdown: Cell[] }>;
}

const SHOW_ROLES = `# The council's disclosure settings: every framework, every project.
dimensions:
  role:
    protected: false
    reason: Members of our co-production groups agree to be named by role when they join.
`;

const REASON = 'Members of our co-production groups agree to be named by role when they join.';

/** The role rows of the energy project's figures as `coprod outcomes --json` prints them. */
function roleRows(outcomes: Outcomes): Cell[] {
  return outcomes.indicators.people_involved_by_role.breakdown;
}

describe('COPROD_DISCLOSURE_FILE: the council changes what is protected, for the CLI as for the server', () => {
  let dir: string;
  let settings: string;
  let defaults: Outcomes;

  async function outcomes(env: Record<string, string>): Promise<Outcomes> {
    const run = await runCli(['outcomes', '--project', 'p-energy', '--json'], { COPROD_DATA_DIR: join(dir, 'data'), ...env });
    if (run.error) throw run.error;
    expect(run.exitCode).toBe(0);
    return JSON.parse(run.stdout) as Outcomes;
  }

  /** The public case study as Markdown: its method section says what was protected and why. */
  async function caseStudy(env: Record<string, string>): Promise<string> {
    const out = join(dir, `case-study-${Object.keys(env).length}-${Date.now()}.md`);
    const run = await runCli(['report', 'case-study', '--project', 'p-energy', '--format', 'md', '--out', out], {
      COPROD_DATA_DIR: join(dir, 'data'),
      ...env,
    });
    if (run.error) throw run.error;
    return readFileSync(out, 'utf8');
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-disclosure-'));
    settings = join(dir, 'disclosure.yaml');
    writeFileSync(settings, SHOW_ROLES);
    const demo = await runCli(['demo'], { COPROD_DATA_DIR: join(dir, 'data') });
    if (demo.error) throw demo.error;
    defaults = await outcomes({});
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('by default merges the small care and support roles into one row', () => {
    expect(roleRows(defaults).map((r) => r.key)).toContain('not_shown_separately');
  });

  it('shows every role when the council says roles are not protected, and prints its reason in the method account', async () => {
    const shown = await outcomes({ COPROD_DISCLOSURE_FILE: settings });
    const rows = roleRows(shown);
    expect(rows.map((r) => r.key)).not.toContain('not_shown_separately');
    expect(rows.every((r) => r.value !== null)).toBe(true);
    expect(rows.length).toBeGreaterThan(roleRows(defaults).filter((r) => r.key !== 'not_shown_separately').length);
    const method = await caseStudy({ COPROD_DISCLOSURE_FILE: settings });
    expect(method).toContain(`Role is shown (the council's setting): ${REASON}`);
    expect(method).not.toMatch(/Other roles, not shown separately/);
    const usual = await caseStudy({});
    expect(usual).not.toContain(REASON);
    expect(usual).toMatch(/Other roles, not shown separately/);
  }, 60_000);

  it('hides small groups of a dimension the council protects, which the defaults show', async () => {
    const protect = join(dir, 'protect.yaml');
    writeFileSync(
      protect,
      'dimensions:\n  role_group:\n    protected: true\n    reason: Our steering groups are small enough for one officer to be known by name.\n',
    );
    const small = defaults.indicators.people_by_role_group.breakdown.filter((c) => c.value !== null && c.value > 0 && c.value < 5).map((c) => c.key);
    expect(small.length).toBeGreaterThan(0);
    const protectedAnswer = await outcomes({ COPROD_DISCLOSURE_FILE: protect });
    const shownAfter = protectedAnswer.indicators.people_by_role_group.breakdown.filter((c) => c.value !== null).map((c) => c.key);
    for (const key of small) expect(shownAfter).not.toContain(key);
  }, 60_000);

  it('shows every role in the committee section too, which judges its own table under the same settings', async () => {
    const out = join(dir, 'committee.md');
    const run = await runCli(['report', 'committee', '--decision', 'd-energy-publish', '--format', 'md', '--out', out], {
      COPROD_DATA_DIR: join(dir, 'data'),
      COPROD_DISCLOSURE_FILE: settings,
    });
    if (run.error) throw run.error;
    const section = readFileSync(out, 'utf8');
    expect(section).toMatch(/\| Role \| People \|/);
    expect(section).not.toContain('Other roles, not shown separately');
  }, 60_000);

  it("sets the threshold from the file, with the file's reason, and refuses a different COPROD_SUPPRESSION_THRESHOLD", async () => {
    const stricter = join(dir, 'threshold.yaml');
    writeFileSync(stricter, 'threshold:\n  value: 12\n  reason: Agreed with the Information Governance Group in March 2026.\n');
    const answer = await outcomes({ COPROD_DISCLOSURE_FILE: stricter });
    expect(answer.suppressionThreshold).toBe(12);
    expect(await caseStudy({ COPROD_DISCLOSURE_FILE: stricter })).toContain(
      "The threshold of 12 is the council's setting: Agreed with the Information Governance Group in March 2026.",
    );
    const clash = await runCli(['outcomes', '--project', 'p-energy', '--json'], {
      COPROD_DATA_DIR: join(dir, 'data'),
      COPROD_DISCLOSURE_FILE: stricter,
      COPROD_SUPPRESSION_THRESHOLD: '5',
    });
    expect(clash.exitCode).toBe(1);
    expect(clash.error?.message).toMatch(
      /COPROD_SUPPRESSION_THRESHOLD is 5 but the disclosure settings file .*threshold\.yaml sets threshold\.value 12; set the threshold in one place/,
    );
  }, 60_000);

  it('refuses to start on an invalid file, naming the file, the line and the bad key', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'dimensions:\n  role:\n    protected: no\n    reason: Shown.\n  carer:\n    protected: false\n    reason: Shown.\n');
    const run = await runCli(['outcomes', '--project', 'p-energy', '--json'], { COPROD_DATA_DIR: join(dir, 'data'), COPROD_DISCLOSURE_FILE: bad });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.error?.message).toContain('bad.yaml line 3, column 16: dimensions.role.protected: expected true or false, found the text "no"');
    const shownOnly = join(dir, 'shown-only.yaml');
    writeFileSync(shownOnly, 'dimensions:\n  session_format:\n    protected: true\n    reason: Online sessions are few.\n');
    const refused = await runCli(['outcomes', '--project', 'p-energy'], { COPROD_DATA_DIR: join(dir, 'data'), COPROD_DISCLOSURE_FILE: shownOnly });
    expect(refused.exitCode).toBe(1);
    expect(refused.error?.message).toMatch(
      /shown-only\.yaml line 3, column 16: dimensions\.session_format\.protected: session_format cannot be protected/,
    );
    const missing = await runCli(['outcomes', '--project', 'p-energy'], {
      COPROD_DATA_DIR: join(dir, 'data'),
      COPROD_DISCLOSURE_FILE: join(dir, 'none.yaml'),
    });
    expect(missing.exitCode).toBe(1);
    expect(missing.error?.message).toMatch(/cannot read the disclosure settings file .*none\.yaml \(COPROD_DISCLOSURE_FILE\)/);
  }, 60_000);
});
