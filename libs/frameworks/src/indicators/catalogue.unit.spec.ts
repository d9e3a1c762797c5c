import { FrameworkRegistry } from '../framework/framework-registry';
import { INDICATOR_CATALOGUE } from './catalogue';
import { OutcomeFrameworkView, summariseOutcomes } from './outcome-summary';
import { foldProjectFacts } from './project-facts';

const framework = FrameworkRegistry.load().default() as unknown as OutcomeFrameworkView;

/*
 * What each figure is counted in decides how every output writes it (hours to one decimal place, pence as pounds, a
 * level as its rung's name, a share with its per cent sign), and a breakdown counted in another unit is labelled so.
 */
describe('the indicator catalogue: every figure with its title, its unit and what its breakdown counts', () => {
  // Computed in each test, not once for all: a mutation run credits the code a test runs to that test alone.
  const computed = () => summariseOutcomes(foldProjectFacts([]), { suppressionThreshold: 1, framework }).indicators;

  it('counts each figure in its own unit, and names the unit of a breakdown that counts something else', () => {
    const indicators = computed();
    const units = Object.fromEntries([...INDICATOR_CATALOGUE.keys()].map((id) => [id, [indicators[id].unit, indicators[id].breakdownUnit ?? null]]));
    expect(units).toEqual({
      people_involved_by_role: ['people', null],
      people_by_role_group: ['people', null],
      hours_by_role: ['hours', null],
      sessions_by_stage: ['sessions', null],
      sessions_by_format: ['sessions', null],
      retention: ['percent', 'people'],
      offline_share: ['percent', 'people'],
      reach_seldom_heard: ['people', null],
      reach_against_population: ['percent', null],
      decisions_influenced: ['decisions', 'decisions'],
      influence_levels: ['level', 'decisions'],
      resident_influence_share: ['percent', 'decisions'],
      you_said_we_did: ['items', null],
      proposals_not_adopted: ['items', null],
      survey_change: ['score', null],
      training_completions: ['people', null],
      setup_activities: ['items', null],
      stage_history: ['items', null],
      service_measures: ['items', null],
      expenses: ['pence', null],
      principle_reflections: ['items', null],
      not_coproduction_flags: ['flags', null],
    });
  });

  it('gives every figure the title and id of its definition, and every definition a title and a description of its own', () => {
    const indicators = computed();
    const definitions = [...INDICATOR_CATALOGUE.values()];
    for (const definition of definitions) {
      expect(indicators[definition.id]).toMatchObject({ id: definition.id, title: definition.title });
      expect(definition.title).toMatch(/^[A-Z]/);
      expect(definition.description).toMatch(/^[A-Z'"].{20,}[.)]$/s);
    }
    expect(new Set(definitions.map((d) => d.title)).size).toBe(definitions.length);
    expect(new Set(definitions.map((d) => d.description)).size).toBe(definitions.length);
  });

  it('lists nothing in a figure that lists nothing, where nothing was recorded', () => {
    const listed = Object.fromEntries(Object.entries(computed()).map(([id, r]) => [id, r.items.length]));
    // The set-up activities are the framework's four, done or not; the expenses ledger always has its six lines.
    expect(listed).toEqual({ ...Object.fromEntries([...INDICATOR_CATALOGUE.keys()].map((id) => [id, 0])), setup_activities: 4, expenses: 6 });
  });
});
