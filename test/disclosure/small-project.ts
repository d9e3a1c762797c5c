import { FactEvent, foldProjectFacts, ProjectFacts } from '@coprod/frameworks';

/** A small seeded generator (mulberry32): the same seed always gives the same project. */
export class Seeded {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const ROLES = [
  'resident',
  'resident',
  'resident',
  'person_drawing_on_care',
  'person_drawing_on_care',
  'carer',
  'family_member',
  'community_organisation_rep',
  'council_officer',
  'councillor',
];
const GROUPS = ['disabled_people', 'older_people', 'young_people', 'carers', 'digitally_excluded', 'low_income'];
const FORMATS = ['in_person', 'online', 'phone', 'paper', 'hybrid'];
const STAGES = ['co_planning', 'co_design', 'co_delivery', 'co_evaluation'];
const TYPES = ['meeting', 'workshop', 'training'];
const CATEGORIES = ['travel', 'care_cover', 'recognition_payment', 'voucher'];
const LADDER = ['consultation', 'engagement', 'co_design', 'co_production'];
const NEEDHAM = ['basic', 'intermediate', 'transformational'];

type Given = [type: string, data: Record<string, unknown>];

/**
 * A co-production group of the size most councils run (3 to 15 people) with sessions, training,
 * decisions, expenses and surveys drawn at random: the kind of record whose small groups are the
 * hardest to protect.
 */
export function smallProject(seed: number): ProjectFacts {
  const r = new Seeded(seed);
  const events: Given[] = [
    [
      'ProjectRegistered',
      {
        projectId: 'p',
        title: 'A small project',
        serviceArea: 'Libraries',
        aim: 'Aim',
        frameworkId: 'west-berkshire',
        improvementSought: 'Better',
        openToNewMembers: true,
      },
    ],
  ];
  const people = Array.from({ length: r.int(3, 15) }, (_, i) => `p${i}`);
  for (const id of people) {
    const groups = GROUPS.filter(() => r.next() < 0.25);
    events.push(['ParticipantRegistered', { participantId: id, role: r.pick(ROLES), seldomHeardGroups: groups, preferredFormats: [] }]);
  }
  const sessions = r.int(1, 5);
  for (let s = 0; s < sessions; s++) {
    const activityId = `s${s}`;
    const format = r.pick(FORMATS);
    events.push(['ActivityPlanned', { activityId, title: activityId, activityType: r.pick(TYPES), stage: r.pick(STAGES), format }]);
    events.push(['ActivityHeld', { activityId, heldOn: '2026-03-01T10:00:00.000Z', durationMinutes: 120 }]);
    for (const id of people)
      if (r.next() < 0.7)
        events.push([
          'AttendanceRecorded',
          {
            activityId,
            participantId: id,
            minutes: r.pick([30, 60, 90, 120]),
            capacity: 'member',
            format: r.next() < 0.2 ? r.pick(FORMATS) : format,
          },
        ]);
  }
  for (let d = 0; d < r.int(0, 3); d++) {
    events.push([
      'DecisionRecorded',
      {
        decisionId: `d${d}`,
        title: `Decision ${d}`,
        reference: `R${d}`,
        decisionMaker: 'cabinet',
        decidedOn: '2026-04-01',
        recommendation: `Recommendation ${d}`,
      },
    ]);
    events.push([
      'InfluenceLinked',
      {
        decisionId: `d${d}`,
        influenceId: `i${d}`,
        contributionIds: [],
        activityIds: ['s0'],
        youSaid: 'Say it plainly.',
        weDid: 'We said it plainly.',
        ladderLevel: r.pick(LADDER),
        needhamCarrLevel: r.pick(NEEDHAM),
        optionsAlreadyFormed: false,
      },
    ]);
  }
  people.forEach((id, i) => {
    if (r.next() < 0.6) {
      const claimId = `x${i}`;
      const amountPence = r.int(3, 60) * 50;
      events.push(['ExpenseClaimed', { claimId, participantId: id, category: r.pick(CATEGORIES), amountPence }]);
      const fate = r.next();
      if (fate < 0.7) events.push(['ExpenseApproved', { claimId }], ['ExpensePaid', { claimId, amountPence }]);
      else if (fate < 0.85) events.push(['ExpenseApproved', { claimId }]);
      else if (fate < 0.95) events.push(['ExpenseRejected', { claimId }]);
    }
    if (r.next() < 0.6) {
      const answers = () => ({ confidence_in_partnership: r.int(1, 5), skills_and_knowledge: r.int(1, 5), sense_of_influence: r.int(1, 5) });
      events.push(['SurveyResponseRecorded', { participantId: id, phase: 'pre', answers: answers() }]);
      if (r.next() < 0.8) events.push(['SurveyResponseRecorded', { participantId: id, phase: 'post', answers: answers() }]);
    }
  });
  // Quotes draw from a stream of their own, so every project above stays what it was before quotes were added.
  const q = new Seeded(seed * 7919 + 17);
  const decisions = events.filter(([type]) => type === 'DecisionRecorded').map(([, data]) => String(data.decisionId));
  people.forEach((participantId, i) => {
    if (q.next() < 0.5)
      events.push([
        'QuoteCaptured',
        {
          quoteId: `q${i}`,
          participantId,
          activityId: 's0',
          decisionId: decisions.length > 0 && q.next() < 0.7 ? q.pick(decisions) : null,
          context: 'At a session',
          outcomeIds: [q.pick(['increased_influence', 'skills_and_knowledge', 'more_engaged', 'more_confident', 'services_improved'])],
          attribution: q.pick(['role_only', 'role_only', 'anonymous', 'named']),
          allowedUses: ['public', 'committee_papers', 'internal_evaluation'],
          capturedOn: '2026-03-01',
          personal: null,
        },
      ]);
  });
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
