import { FileProblem } from './data-file';
import { FrameworkFileError, parseFramework } from './framework-file';

const header = `id: newbury
name: Newbury example
version: "2024.1"
publisher: Example council
source: Example document
definition: Residents and the council work together as equals.
`;

const oneOutcome = `outcomes:
  - id: influence
    number: 1
    title: Residents have more influence.
    indicators: [decisions_influenced, you_said_we_did]
    quoteKind: a resident describing a decision they changed
`;

function problemsOf(text: string, file = 'frameworks/newbury.yaml'): { error: FrameworkFileError; problems: FileProblem[] } {
  try {
    parseFramework(text, file);
  } catch (error) {
    if (error instanceof FrameworkFileError) return { error, problems: error.problems };
    throw error;
  }
  throw new Error('expected the framework to be refused');
}

describe('parseFramework', () => {
  it('accepts a minimal framework and fills the optional lists with defaults', () => {
    const framework = parseFramework(header + oneOutcome, 'newbury.yaml');

    expect(framework.id).toBe('newbury');
    expect(framework.outcomes[0]).toEqual({
      id: 'influence',
      number: 1,
      title: 'Residents have more influence.',
      tailoredPerProject: false,
      indicators: ['decisions_influenced', 'you_said_we_did'],
      quoteKind: 'a resident describing a decision they changed',
    });
    expect(framework.principles).toEqual([]);
    expect(framework.notCoproduction).toEqual([]);
    expect(framework.ladder).toEqual([]);
  });

  it('leaves a not-co-production item unchecked when no check is named', () => {
    const framework = parseFramework(
      `${header}${oneOutcome}notCoproduction:\n  - id: formed_options\n    description: Surveys on settled plans.\n`,
      'newbury.yaml',
    );

    expect(framework.notCoproduction).toEqual([{ id: 'formed_options', description: 'Surveys on settled plans.', check: null }]);
  });

  it('names the file, line, column and field of an unknown indicator and lists the known ones', () => {
    const text = header + oneOutcome.replace('[decisions_influenced, you_said_we_did]', '[decisions_influenced, hours]');

    const { error, problems } = problemsOf(text);

    expect(problems).toEqual([
      expect.objectContaining({ line: 11, column: 40, path: 'outcomes[0].indicators[1]' }),
    ]);
    expect(error.message).toMatch(
      /^frameworks\/newbury\.yaml line 11, column 40: outcomes\[0\]\.indicators\[1\]: "hours" is not a known indicator \(known: people_involved_by_role, .*hours_by_role/,
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const { error, problems } = problemsOf(`${header}outcomes:\n  - id: influence\n    title: [unclosed\n`);

    expect(problems[0].path).toBe('');
    expect(problems[0].message).toMatch(/^YAML syntax: /);
    expect(problems[0].line).toBeGreaterThanOrEqual(9);
    expect(error.message).toContain('frameworks/newbury.yaml line');
  });

  it('refuses a framework without outcomes, pointing at the top of the file', () => {
    const { problems } = problemsOf(header);

    expect(problems).toEqual([
      { line: 1, column: 1, path: 'outcomes', message: 'is missing; a framework needs at least one outcome' },
    ]);
  });

  it('refuses an empty outcome list', () => {
    const { problems } = problemsOf(`${header}outcomes: []\n`);

    expect(problems).toEqual([expect.objectContaining({ line: 7, column: 11, path: 'outcomes' })]);
    expect(problems[0].message).toContain('at least one outcome');
  });

  it('points at the second use of a duplicated id', () => {
    const text = `${header}${oneOutcome}principles:
  - id: equality
    name: Equality
    description: Working together as equals.
  - id: equality
    name: Equality again
    description: A copy.
`;

    const { problems } = problemsOf(text);

    expect(problems).toEqual([
      {
        line: 17,
        column: 9,
        path: 'principles[1].id',
        message: 'duplicate id "equality" (already used by principles[0]); ids must be unique within principles',
      },
    ]);
  });

  it('reports every problem in the file at once, in file order', () => {
    const text = `id: Newbury Council
name: Newbury
version: 2024.1
publisher: Example
source: Example
definition: Example.
outcomes:
  - id: influence
    number: 1
    title: More influence
    indicators: [votes]
    quoteKind: a resident
  - id: influence
    number: 1
    tittle: Skills
    indicators: [survey_change]
`;

    const { error, problems } = problemsOf(text);

    expect(problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '1:5 id',
      '3:10 version',
      '11:18 outcomes[0].indicators[0]',
      '13:5 outcomes[1].title',
      '13:5 outcomes[1].quoteKind',
      '13:9 outcomes[1].id',
      '14:13 outcomes[1].number',
      '15:5 outcomes[1].tittle',
    ]);
    expect(problems[1].message).toBe('write the version in quotes, e.g. version: "2024.1" (unquoted, YAML reads it as a number)');
    expect(problems[7].message).toBe('"tittle" is not a field here; check its spelling or remove it');
    expect(error.message.split('\n')[0]).toBe(
      'frameworks/newbury.yaml is not a usable framework file; fix these 8 problems and load it again:',
    );
  });

  it('refuses an unknown not-co-production check and an unknown stage', () => {
    const text = `${header}${oneOutcome}stages:
  - id: co_production
    name: Doing it
    description: All of it.
notCoproduction:
  - id: formed_options
    description: Surveys on settled plans.
    check: surveys
`;

    const { problems } = problemsOf(text);

    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['stages[0].id', expect.stringContaining('"co_production" is not a known stage (known: co_planning, co_design')],
      ['notCoproduction[0].check', expect.stringContaining('"surveys" is not a known check (known: consultation_on_formed_options')],
    ]);
  });

  it('explains that an empty file is not a framework', () => {
    const { problems } = problemsOf('');

    expect(problems).toEqual([
      { line: 1, column: 1, path: '', message: 'expected a set of fields (name: value), found an empty value' },
    ]);
  });
});
