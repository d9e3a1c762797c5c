import { resolve } from 'node:path';
import { PopulationFileError, loadPopulationFile } from './population-file';

const fixtures = resolve(__dirname, '../../../../test/fixtures/population');

describe('loadPopulationFile', () => {
  it("loads a council's population profile from its file", () => {
    const profile = loadPopulationFile(resolve(fixtures, 'example-borough.yaml'));

    expect(profile.year).toBe(2021);
    expect(profile.groups.map((g) => [g.id, g.share])).toEqual([
      ['disabled_people', 0.17],
      ['older_people', 0.2],
      ['ethnic_minorities', 0.12],
    ]);
  });

  it('refuses a framework file given where a population profile is expected, naming the file', () => {
    const file = resolve(__dirname, '../../../../test/fixtures/frameworks/council/example-borough.yaml');

    expect(() => loadPopulationFile(file)).toThrow(PopulationFileError);
    expect(() => loadPopulationFile(file)).toThrow(/example-borough\.yaml is not a usable population profile/);
  });
});
