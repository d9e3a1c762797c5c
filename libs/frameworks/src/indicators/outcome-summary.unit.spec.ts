import { FrameworkRegistry } from '../framework/framework-registry';
import { INDICATOR_CATALOGUE } from './catalogue';
import { IndicatorDefinition } from './indicator';
import { computeDisclosed, OutcomeFrameworkView, summariseOutcomes } from './outcome-summary';
import { FactEvent, foldProjectFacts } from './project-facts';

const day = '2026-03-01T10:00:00.000Z';
const fold = (events: [string, Record<string, unknown>][]) =>
  foldProjectFacts(events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: day })));

const registered: [string, Record<string, unknown>] = [
  'ProjectRegistered',
  {
    projectId: 'p',
    title: 'P',
    serviceArea: 'S',
    aim: 'A',
    frameworkId: 'west-berkshire',
    improvementSought: 'Shorter waits at the library',
    openToNewMembers: true,
  },
];

/** Two residents who answered before and after: fewer than 5, so their change is never shown. */
const twoPairs: [string, Record<string, unknown>][] = ['r1', 'r2'].flatMap((id) => [
  ['ParticipantRegistered', { participantId: id, role: 'resident', seldomHeardGroups: [], preferredFormats: [] }],
  [
    'SurveyResponseRecorded',
    { participantId: id, phase: 'pre', answers: { confidence_in_partnership: 2, skills_and_knowledge: 2, sense_of_influence: 2 } },
  ],
  [
    'SurveyResponseRecorded',
    { participantId: id, phase: 'post', answers: { confidence_in_partnership: 4, skills_and_knowledge: 4, sense_of_influence: 4 } },
  ],
]);

const westBerkshire = FrameworkRegistry.load().get('west-berkshire') as unknown as OutcomeFrameworkView;

describe("an outcome summary: the framework's outcomes, each with its own indicators and wording", () => {
  it('names the framework it was computed under', () => {
    const summary = summariseOutcomes(fold([registered]), { suppressionThreshold: 5, framework: westBerkshire });
    expect(summary.framework).toEqual({ id: 'west-berkshire', name: westBerkshire.name, version: westBerkshire.version });
    expect(summary.suppressionThreshold).toBe(5);
  });

  it("words an outcome as the project tailored it, an outcome tailored per project by the improvement sought, and any other as the framework's", () => {
    const tailored = fold([registered, ['OutcomeTailored', { projectId: 'p', outcomeId: 'more_confident', wording: 'Readers feel heard' }]]);
    const wording = (facts: ReturnType<typeof fold>) =>
      Object.fromEntries(
        summariseOutcomes(facts, { suppressionThreshold: 5, framework: westBerkshire }).outcomes.map((o) => [o.id, o.tailoredWording]),
      );
    expect(wording(tailored)).toEqual({
      increased_influence: null,
      skills_and_knowledge: null,
      more_engaged: null,
      more_confident: 'Readers feel heard',
      services_improved: 'Shorter waits at the library',
    });
    // Without a registration (a project asked as known before it was registered), nothing is tailored.
    expect(wording(fold([])).services_improved).toBeNull();
  });

  it("lists under each outcome the indicators it names, in the framework's order, and passes over a name the catalogue lacks", () => {
    const framework: OutcomeFrameworkView = {
      ...westBerkshire,
      outcomes: [{ ...westBerkshire.outcomes[0], indicators: ['you_said_we_did', 'no_such_indicator', 'decisions_influenced'] }],
    };
    const summary = summariseOutcomes(fold([registered]), { suppressionThreshold: 5, framework });
    expect(summary.outcomes[0].indicators.map((i) => i.id)).toEqual(['you_said_we_did', 'decisions_influenced']);
  });

  it('writes a statement again from the figure as shown: a hidden change is never told in words', () => {
    const facts = fold([registered, ...twoPairs]);
    const { indicators } = summariseOutcomes(facts, { suppressionThreshold: 5, framework: westBerkshire });
    expect(indicators.survey_change.breakdown.find((c) => c.key === 'confidence_in_partnership')).toMatchObject({ value: null, suppressed: true });
    expect(indicators.survey_change.statement).toBe(
      "The residents' change in confidence is not shown: too few residents and community members answered both before and after.",
    );
    const shown = summariseOutcomes(facts, { suppressionThreshold: 1, framework: westBerkshire }).indicators.survey_change;
    expect(shown.statement).toBe(
      'Among 2 people from residents and communities who answered before and after, confidence working in partnership changed by +2 on a 1 to 5 scale.',
    );
  });
});

describe('one indicator disclosed on its own', () => {
  const context = { suppressionThreshold: 5, framework: westBerkshire };

  it('writes its statement again from what is shown, where the indicator can', () => {
    const result = computeDisclosed('survey_change', fold([registered, ...twoPairs]), context);
    expect(result.statement).toBe(
      "The residents' change in confidence is not shown: too few residents and community members answered both before and after.",
    );
  });

  it('keeps the statement of an indicator that has nothing to write again', () => {
    const facts = fold([
      registered,
      ['ParticipantRegistered', { participantId: 'r1', role: 'resident', seldomHeardGroups: [], preferredFormats: [] }],
      ['ActivityPlanned', { activityId: 'a1', projectId: 'p', title: 'A', activityType: 'workshop', stage: 'co_planning', format: 'in_person' }],
      ['ActivityHeld', { activityId: 'a1', heldOn: day, durationMinutes: 60 }],
      ['AttendanceRecorded', { activityId: 'a1', participantId: 'r1', minutes: 60, capacity: 'member', format: 'in_person' }],
    ]);
    const hours = computeDisclosed('hours_by_role', facts, context);
    expect(hours.value).toBe(1);
    expect(hours.statement).toBe(summariseOutcomes(facts, context).indicators.hours_by_role.statement);
  });

  it('refuses an indicator the catalogue does not have, by name', () => {
    expect(() => computeDisclosed('no_such_indicator', fold([registered]), context)).toThrow('no indicator no_such_indicator in the catalogue');
  });
});

describe('a figure disclosure control cannot protect is never published', () => {
  /** Two carers and one family member, numbers every reader is taken to know exactly: hiding the cells cannot keep them secret. */
  const giveaway: IndicatorDefinition = {
    id: 'carers_known_anyway',
    title: 'Carers',
    description: 'A figure whose hidden number every reader can work out from what is known of it.',
    compute: () => ({
      id: 'carers_known_anyway',
      title: 'Carers',
      unit: 'people',
      value: 2,
      n: 2,
      breakdown: [
        { key: 'carer', label: 'Carer', value: 2, n: 2, suppressed: false },
        { key: 'family_member', label: 'Family member', value: 1, n: 1, suppressed: false },
      ],
      items: [],
      statement: '2 carers.',
      sourceEventIds: [],
      disclosure: {
        quantities: [
          { id: 'carers', value: 2, dimension: 'role', category: 'carer', restsOn: 2, min: 2, max: 2 },
          { id: 'family', value: 1, dimension: 'role', category: 'family_member', restsOn: 1, min: 1, max: 1 },
        ],
        relations: [],
        breakdown: [{ value: 'carers' }, { value: 'family' }],
      },
    }),
  };
  // No indicator of the catalogue gives a hidden number away like this: one is added for these tests only.
  const catalogue = INDICATOR_CATALOGUE as Map<string, IndicatorDefinition>;
  beforeAll(() => catalogue.set(giveaway.id, giveaway));
  afterAll(() => catalogue.delete(giveaway.id));

  it('refuses the whole summary, naming the figure, rather than publish one that discloses a person', () => {
    expect(() => summariseOutcomes(fold([registered]), { suppressionThreshold: 5, framework: westBerkshire })).toThrow(
      'disclosure control could not protect carers, family; no figure is published rather than one that discloses a person',
    );
  });

  it('refuses the figure on its own too', () => {
    expect(() => computeDisclosed(giveaway.id, fold([registered]), { suppressionThreshold: 5, framework: westBerkshire })).toThrow(
      'disclosure control could not protect carers',
    );
    // At a threshold of 1 nothing is hidden, so there is nothing to protect.
    expect(computeDisclosed(giveaway.id, fold([registered]), { suppressionThreshold: 1, framework: westBerkshire }).value).toBe(2);
  });
});
