import { FrameworkRegistry } from '../framework/framework-registry';
import { INDICATOR_CATALOGUE } from './catalogue';
import { UNIT_NOUNS } from './labels';
import { OutcomeFrameworkView, summariseOutcomes } from './outcome-summary';
import { FactEvent, foldProjectFacts } from './project-facts';

type Given = [type: string, data: Record<string, unknown>];
const day = '2026-03-01T10:00:00.000Z';

/** A record with `k` of everything a statement counts: people, sessions, decisions, changes, claims of each kind, proposals, pairs, measures, reflections. */
function world(k: number) {
  const events: Given[] = [
    [
      'ProjectRegistered',
      { projectId: 'p', title: 'P', serviceArea: 'S', aim: 'A', frameworkId: 'west-berkshire', improvementSought: 'B', openToNewMembers: true },
    ],
  ];
  const ids = Array.from({ length: k }, (_, i) => i);
  for (const i of ids) {
    events.push(['ParticipantRegistered', { participantId: `r${i}`, role: 'resident', seldomHeardGroups: ['older_people'], preferredFormats: [] }]);
    events.push(['ActivityPlanned', { activityId: `s${i}`, title: `s${i}`, activityType: 'training', stage: 'co_design', format: 'in_person' }]);
    events.push(['ActivityHeld', { activityId: `s${i}`, heldOn: day, durationMinutes: 60 }]);
  }
  // Every person at every session, an hour each: k people, k sessions, k * k hours.
  for (const i of ids)
    for (const j of ids)
      events.push(['AttendanceRecorded', { activityId: `s${j}`, participantId: `r${i}`, minutes: 60, capacity: 'member', format: 'paper' }]);
  for (const i of ids) {
    events.push(['DecisionRecorded', { decisionId: `d${i}`, title: `D${i}`, reference: `R${i}`, decisionMaker: 'cabinet', decidedOn: '2026-02-01' }]);
    events.push([
      'InfluenceLinked',
      {
        decisionId: `d${i}`,
        influenceId: `i${i}`,
        contributionIds: [],
        activityIds: [`s${i}`],
        youSaid: 'x',
        weDid: 'y',
        ladderLevel: 'co_design',
        needhamCarrLevel: 'basic',
        optionsAlreadyFormed: false,
      },
    ]);
    events.push(['ProposalNotAdopted', { decisionId: `d${i}`, proposalId: `n${i}`, contributionId: null, proposal: 'z', reason: 'w' }]);
    for (const [state, extra] of [
      [
        'paid',
        [
          ['ExpenseApproved', {}],
          ['ExpensePaid', { amountPence: 100 }],
        ],
      ],
      ['approved', [['ExpenseApproved', {}]]],
      ['claimed', []],
      ['rejected', [['ExpenseRejected', {}]]],
      [
        'withdrawn',
        [
          ['ExpenseApproved', {}],
          ['ExpenseApprovalWithdrawn', {}],
        ],
      ],
    ] as const) {
      const claimId = `${state}${i}`;
      events.push(['ExpenseClaimed', { claimId, participantId: `r${i}`, category: 'travel', amountPence: 100 }]);
      for (const [type, data] of extra) events.push([type, { claimId, ...data }]);
    }
    events.push([
      'SurveyResponseRecorded',
      { participantId: `r${i}`, phase: 'pre', answers: { confidence_in_partnership: 2, skills_and_knowledge: 2, sense_of_influence: 2 } },
    ]);
    events.push([
      'SurveyResponseRecorded',
      { participantId: `r${i}`, phase: 'post', answers: { confidence_in_partnership: 3, skills_and_knowledge: 3, sense_of_influence: 3 } },
    ]);
    events.push([
      'SurveyResponseRecorded',
      { participantId: `u${i}`, phase: 'pre', answers: { confidence_in_partnership: 2, skills_and_knowledge: 2, sense_of_influence: 2 } },
    ]);
    events.push([
      'ServiceMeasureDefined',
      { measureId: `m${i}`, name: 'M', unit: 'u', baseline: 1, baselineOn: day, betterWhen: 'higher', outcomeId: 'services_improved' },
    ]);
    events.push(['ServiceMeasureReadingRecorded', { measureId: `m${i}`, value: 2, readingOn: day }]);
  }
  return foldProjectFacts(events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: day })));
}

const framework = FrameworkRegistry.load().default() as unknown as OutcomeFrameworkView;
const nouns = Object.values(UNIT_NOUNS).flatMap(([one, many]) => [one.split(' ').pop()!, many.split(' ').pop()!]);
const singulars = new Set(Object.values(UNIT_NOUNS).map(([one]) => one.split(' ').pop()!));
const plurals = new Set(Object.values(UNIT_NOUNS).map(([, many]) => many.split(' ').pop()!));

/** Every "<number> <unit noun>" in a text, with whether the noun agrees with the number. */
function disagreements(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\d.£])(\d+(?:\.\d+)?) ([a-z-]+)(?: ([a-z-]+))?/g)) {
    const n = Number(match[1]);
    // "1 person", or with one word between: "2 matched pairs", "1 service measure".
    const word = [match[2], match[3]].find((w) => w !== undefined && nouns.includes(w));
    if (word === undefined) continue;
    const agrees = n === 1 ? singulars.has(word) : plurals.has(word);
    if (!agrees) found.push(`"${match[0]}"`);
  }
  return found;
}

describe('every indicator statement at counts 0, 1 and 2: plurals agree and each names what it counts', () => {
  it('the check itself notices a disagreement', () => {
    expect(disagreements('1 people took part across 2 session and 0 decision; 1 claim awaits')).toEqual([
      '"1 people took"',
      '"2 session and"',
      '"0 decision"',
    ]);
  });

  for (const k of [0, 1, 2]) {
    it(`with ${k} of everything`, () => {
      const { indicators } = summariseOutcomes(world(k), { suppressionThreshold: 1, framework });
      const problems: string[] = [];
      for (const id of INDICATOR_CATALOGUE.keys()) {
        const result = indicators[id];
        for (const text of [result.statement, result.note].filter((t): t is string => Boolean(t))) {
          for (const d of disagreements(text)) problems.push(`${id}: ${d} in "${text}"`);
          // A number stands beside what it counts: a unit noun, a share, money, a scale or a rung.
          const counted = nouns.some((noun) => new RegExp(`\\b${noun}\\b`).test(text)) || /%|£|scale|rung/.test(text);
          if (/\d/.test(text) && !counted) problems.push(`${id}: no unit in "${text}"`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('says "1 person", "1 session", "1 decision", "1 claim", "1 proposal" and "1 response" at one', () => {
    const { indicators } = summariseOutcomes(world(1), { suppressionThreshold: 1, framework });
    const all = Object.values(indicators)
      .map((r) => `${r.statement} ${r.note ?? ''}`)
      .join(' ');
    for (const phrase of ['1 person', '1 session', '1 decision', '1 claim', '1 proposal', '1 response', '1 hour']) expect(all).toContain(phrase);
    expect(all).not.toMatch(/\b1 (people|sessions|decisions|claims|proposals|responses|hours)\b/);
  });
});
