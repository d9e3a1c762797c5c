import { FrameworkView, IndicatorContext } from './indicator';
import { principleReflections, serviceMeasures, setupActivities, stageHistory } from './delivery.indicators';
import { FactEvent, foldProjectFacts } from './project-facts';

const framework: FrameworkView = {
  id: 'test',
  name: 'Test',
  version: '1',
  principles: [
    { id: 'equality', name: 'Equality' },
    { id: 'inclusive', name: 'Inclusive' },
  ],
  setupActivities: [
    { id: 'steering_group_formed', name: 'Form a steering group.' },
    { id: 'members_briefed', name: 'Brief every member.' },
  ],
  notCoproduction: [],
};
const context: IndicatorContext = { suppressionThreshold: 5, framework };

/** The facts folded from these events, numbered e1, e2, ... in order. */
function given(...events: [type: string, data: Record<string, unknown>][]) {
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
const registered: [string, Record<string, unknown>] = [
  'ProjectRegistered',
  { projectId: 'p', title: 'T', serviceArea: 'S', aim: 'A', frameworkId: 'test', improvementSought: 'I', openToNewMembers: true },
];
const measure = (measureId: string, baseline: number, betterWhen: string): [string, Record<string, unknown>] => [
  'ServiceMeasureDefined',
  {
    measureId,
    projectId: 'p',
    name: `Measure ${measureId}`,
    unit: 'u',
    baseline,
    baselineOn: '2026-01-31T10:00:00.000Z',
    betterWhen,
    outcomeId: null,
  },
];
const reading = (measureId: string, value: number, day: string): [string, Record<string, unknown>] => [
  'ServiceMeasureReadingRecorded',
  { measureId, value, readingOn: `${day}T10:00:00.000Z`, note: null },
];

describe('stages: when the project entered each, and what it did not go through', () => {
  it('lists co-planning from the registration, then each stage with any stage skipped and why, and says where the project is', () => {
    const result = stageHistory.compute(
      given(registered, [
        'StageEntered',
        {
          projectId: 'p',
          stage: 'co_delivery',
          from: 'co_planning',
          skipped: ['co_design'],
          reason: 'Designed elsewhere',
          enteredOn: '2026-04-01T10:00:00.000Z',
        },
      ]),
      context,
    );
    expect(result.items).toEqual([
      { stage: 'Co-planning', enteredOn: '2026-03-01', skipped: [], reason: null, eventIds: ['e1'] },
      { stage: 'Co-delivery', enteredOn: '2026-04-01', skipped: ['Co-design'], reason: 'Designed elsewhere', eventIds: ['e2'] },
    ]);
    expect(result.value).toBe(2);
    expect(result.statement).toBe('The project is in co-delivery.');
    expect(result.sourceEventIds).toEqual(['e1', 'e2']);
  });

  it('says when a closed project closed, and that a project not yet registered is not', () => {
    const closed = stageHistory.compute(
      given(registered, ['ProjectClosed', { projectId: 'p', closedOn: '2026-07-31T10:00:00.000Z', reason: 'Done' }]),
      context,
    );
    expect(closed.statement).toBe('The project is in co-planning and closed on 2026-07-31.');
    const none = stageHistory.compute(given(), context);
    expect(none).toMatchObject({ value: 0, items: [], statement: 'The project is not registered.' });
  });
});

describe('service measures: the latest reading against the baseline, in the better direction or not', () => {
  it('reads the latest reading by its date, not the order recorded, and judges the change by which way is better', () => {
    const result = serviceMeasures.compute(
      given(
        measure('up', 40, 'higher'),
        reading('up', 90, '2026-06-30'),
        reading('up', 55, '2026-03-31'),
        measure('down', 10, 'lower'),
        reading('down', 7.9, '2026-05-01'),
        measure('worse', 10, 'lower'),
        reading('worse', 12, '2026-05-01'),
        measure('flat', 10, 'higher'),
        reading('flat', 10, '2026-05-01'),
        measure('none', 5, 'higher'),
      ),
      context,
    );
    expect(result.items.map(({ measure, latest, latestOn, change, improved }) => [measure, latest, latestOn, change, improved])).toEqual([
      ['Measure up', 90, '2026-06-30', 50, true],
      ['Measure down', 7.9, '2026-05-01', -2.1, true],
      ['Measure worse', 12, '2026-05-01', 2, false],
      ['Measure flat', 10, '2026-05-01', 0, false],
      ['Measure none', null, null, null, null],
    ]);
    expect(result.items[0]).toMatchObject({ unit: 'u', baseline: 40, baselineOn: '2026-01-31', eventIds: ['e1', 'e2', 'e3'] });
    expect(result.value).toBe(2);
    expect(result.statement).toBe('2 of 5 service measures have moved in the better direction since their baseline.');
  });

  it('agrees its words with one measure, and says when none is defined', () => {
    expect(serviceMeasures.compute(given(measure('one', 1, 'higher'), reading('one', 2, '2026-05-01')), context).statement).toBe(
      '1 of 1 service measure has moved in the better direction since its baseline.',
    );
    expect(serviceMeasures.compute(given(measure('one', 1, 'higher'), reading('one', 0, '2026-05-01')), context).statement).toBe(
      '0 of 1 service measure has moved in the better direction since its baseline.',
    );
    expect(serviceMeasures.compute(given(), context).statement).toBe('No service measure has been defined yet.');
  });
});

describe("set-up activities: the framework's, each done or not", () => {
  it('lists every set-up activity of the framework with the day it was done, and agrees its words with one done', () => {
    const result = setupActivities.compute(
      given(registered, ['SetupActivityRecorded', { projectId: 'p', activity: 'members_briefed', doneOn: '2026-02-02T10:00:00.000Z', note: null }]),
      context,
    );
    expect(result.items).toEqual([
      { activity: 'Form a steering group.', activityId: 'steering_group_formed', doneOn: null, done: false, eventIds: [] },
      { activity: 'Brief every member.', activityId: 'members_briefed', doneOn: '2026-02-02', done: true, eventIds: ['e2'] },
    ]);
    expect(result.value).toBe(1);
    expect(result.statement).toBe('1 of 2 set-up activities has been done.');
    expect(result.sourceEventIds).toEqual(['e2']);
  });
});

describe("principle reflections: the framework's principles, each reflected on or not", () => {
  it('lists every reflection, counts those on each principle, and how many of the principles they cover', () => {
    const reflect = (principleId: string, madeADifference: boolean): [string, Record<string, unknown>] => [
      'PrincipleReflectionRecorded',
      { projectId: 'p', principleId, reflection: `On ${principleId}`, madeADifference, recordedOn: '2026-05-20T10:00:00.000Z' },
    ];
    const result = principleReflections.compute(
      given(registered, reflect('equality', true), reflect('equality', false), reflect('kindness', true)),
      context,
    );
    expect(result.breakdown.map((c) => [c.key, c.label, c.value, c.n])).toEqual([
      ['equality', 'Equality', 2, null],
      ['inclusive', 'Inclusive', 0, null],
    ]);
    expect(result.items).toEqual([
      { principle: 'Equality', reflection: 'On equality', madeADifference: true, recordedOn: '2026-05-20', eventIds: ['e2'] },
      { principle: 'Equality', reflection: 'On equality', madeADifference: false, recordedOn: '2026-05-20', eventIds: ['e3'] },
      // A principle the framework does not list is named by its id, and covers none of the framework's.
      { principle: 'kindness', reflection: 'On kindness', madeADifference: true, recordedOn: '2026-05-20', eventIds: ['e4'] },
    ]);
    expect(result.value).toBe(3);
    expect(result.statement).toBe("Reflections cover 1 of the framework's 2 principles.");
    expect(result.sourceEventIds).toEqual(['e2', 'e3', 'e4']);
  });
});
