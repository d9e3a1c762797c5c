import { PopulationFileError, parsePopulationProfile, populationShare } from './population-file';
import { SELDOM_HEARD_GROUPS } from './seldom-heard-groups';

const profile = `area: Example Borough
source: Census 2021 tables TS038 and TS021 (example)
year: 2021
groups:
  - id: disabled_people
    name: Disabled under the Equality Act
    share: 0.17
  - id: older_people
    name: Aged 65 and over
    share: 0.2
`;

function refusal(text: string): PopulationFileError {
  try {
    parsePopulationProfile(text, 'population/example.yaml');
  } catch (error) {
    if (error instanceof PopulationFileError) return error;
    throw error;
  }
  throw new Error('expected the profile to be refused');
}

describe('parsePopulationProfile', () => {
  it('reads each group with its share of the local population', () => {
    const parsed = parsePopulationProfile(profile, 'population/example.yaml');

    expect(parsed.area).toBe('Example Borough');
    expect(populationShare(parsed, 'disabled_people')).toBe(0.17);
    expect(populationShare(parsed, 'carers')).toBeNull();
  });

  it('refuses a share written as a percentage, naming line, column and field', () => {
    const error = refusal(profile.replace('share: 0.17', 'share: 17'));

    expect(error.problems).toEqual([
      {
        line: 7,
        column: 12,
        path: 'groups[0].share',
        message: 'must be a fraction between 0 and 1 (17% is written 0.17)',
      },
    ]);
    expect(error.message).toBe(
      'population/example.yaml line 7, column 12: groups[0].share: must be a fraction between 0 and 1 (17% is written 0.17)',
    );
  });

  it('refuses a group listed twice and a missing year in one error', () => {
    const error = refusal(profile.replace('year: 2021\n', '').replace('id: older_people', 'id: disabled_people'));

    expect(error.problems.map((p) => [p.line, p.path])).toEqual([
      [1, 'year'],
      [7, 'groups[1].id'],
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const error = refusal('area: Example\ngroups:\n  - id: carers\n   name: bad indent\n');

    expect(error.problems[0].message).toMatch(/^YAML syntax: /);
    expect(error.problems[0].line).toBe(4);
  });
});

describe('SELDOM_HEARD_GROUPS', () => {
  it('suggests unique ids in the form participants and profiles use', () => {
    const ids = SELDOM_HEARD_GROUPS.map((group) => group.id);

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(ids).toEqual(expect.arrayContaining(['disabled_people', 'carers', 'digitally_excluded', 'gypsy_roma_traveller']));
  });
});
