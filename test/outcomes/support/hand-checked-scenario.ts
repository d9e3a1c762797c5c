import { FINANCE, OutcomeApp, PAYER } from './outcome-app';

export const PROJECT = 'p-hand';

/** Where the scenario's record stands at the points the test asks about. */
export interface ScenarioPoints {
  /** Everything but the corrections and the late session: r1 at a3 still 150 minutes, r3 at a3 not yet voided. */
  beforeCorrections: number;
  /** After the corrections, before the session recorded late. */
  beforeLateSession: number;
  /** The whole record. */
  head: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const at = (day: string) => `${day}T10:00:00.000Z`;

/**
 * A small West Berkshire project recorded command by command, in the order an officer would.
 * Who is who (role; seldom-heard groups):
 *   r1 resident (disabled_people, older_people)   r2 resident (young_people)   r3 resident (older_people, digitally_excluded)
 *   c1 carer (carers, older_people)   d1 person drawing on care (disabled_people, older_people)
 *   o1 council officer (none)   k1 councillor (older_people)
 * Sessions: a1 workshop co-planning in person 2026-02-10 (120 min); a2 training co-planning online 2026-03-10 (90);
 * a3 meeting co-design in person 2026-04-14 (150); a4 co-delivery shift by phone 2026-05-12 (180), recorded late;
 * a5 planned online and cancelled.
 */
export async function recordHandCheckedProject(app: OutcomeApp): Promise<ScenarioPoints> {
  // Dates of the world (heldOn, paidOn, ...) are written as days here and recorded as instants at 10:00.
  const r = (type: string, data: Record<string, unknown>, day: string, actor = undefined as typeof FINANCE | undefined) =>
    app.record(type, Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' && DAY.test(v) ? at(v) : v])), { now: at(day), actor });

  await r('RegisterProject', {
    projectId: PROJECT,
    title: 'Community energy guidance, hand-checked',
    serviceArea: 'Environment',
    aim: 'Write an introductory guidance note on community energy with residents',
    frameworkId: 'west-berkshire',
    improvementSought: 'Residents can find clear guidance on community energy',
    openToNewMembers: true,
  }, '2026-01-05');
  const people: [string, string, string[]][] = [
    ['r1', 'resident', ['disabled_people', 'older_people']],
    ['r2', 'resident', ['young_people']],
    ['r3', 'resident', ['older_people', 'digitally_excluded']],
    ['c1', 'carer', ['carers', 'older_people']],
    ['d1', 'person_drawing_on_care', ['disabled_people', 'older_people']],
    ['o1', 'council_officer', []],
    ['k1', 'councillor', ['older_people']],
  ];
  for (const [participantId, role, seldomHeardGroups] of people) {
    await r('RegisterParticipant', {
      participantId,
      role,
      seldomHeardGroups,
      preferredFormats: ['in_person'],
      personal: { subjectId: participantId, fields: { name: `Person ${participantId}` } },
    }, '2026-01-06');
  }
  await r('RecordSetupActivity', { projectId: PROJECT, activity: 'steering_group_formed', doneOn: '2026-01-20', note: null }, '2026-01-20');
  await r('RecordSetupActivity', { projectId: PROJECT, activity: 'support_and_expenses_agreed', doneOn: '2026-01-27', note: null }, '2026-01-27');
  await r('DefineServiceMeasure', {
    measureId: 'm1',
    projectId: PROJECT,
    name: 'Visits to the guidance page',
    unit: 'visits per month',
    baseline: 40,
    baselineOn: '2026-01-31',
    betterWhen: 'higher',
    outcomeId: 'services_improved',
  }, '2026-01-31');

  const plan = (activityId: string, title: string, activityType: string, stage: string, format: string, plannedFor: string, ladderLevel: string, day: string) =>
    r('PlanActivity', { activityId, projectId: PROJECT, title, activityType, stage, format, plannedFor, ladderLevel }, day);
  const hold = (activityId: string, heldOn: string, durationMinutes: number, ladderLevel: string, day = heldOn) =>
    r('HoldActivity', { activityId, heldOn, durationMinutes, ladderLevel }, day);
  const attend = (activityId: string, participantId: string, minutes: number, format: string, day: string, capacity = 'member') =>
    r('RecordAttendance', { activityId, participantId, minutes, capacity, format }, day);
  const contribute = (activityId: string, contributionId: string, participantIds: string[], kind: string, summary: string, day: string) =>
    r('RecordContribution', { activityId, contributionId, participantIds, kind, summary }, day);

  // a1: co-planning workshop, in person; r3 sent written comments (paper).
  await plan('a1', 'Planning workshop', 'workshop', 'co_planning', 'in_person', '2026-02-10', 'co_design', '2026-01-28');
  await hold('a1', '2026-02-10', 120, 'co_design');
  await attend('a1', 'r1', 120, 'in_person', '2026-02-10');
  await attend('a1', 'r2', 120, 'in_person', '2026-02-10');
  await attend('a1', 'r3', 90, 'paper', '2026-02-10');
  await attend('a1', 'c1', 120, 'in_person', '2026-02-10');
  await attend('a1', 'o1', 120, 'in_person', '2026-02-10', 'chair');
  await attend('a1', 'k1', 60, 'in_person', '2026-02-10');
  await contribute('a1', 'k-a1-1', ['r1', 'r2'], 'idea', 'Write it in plain English', '2026-02-10');
  await contribute('a1', 'k-a1-2', ['r3'], 'proposal', 'Publish it in Welsh too', '2026-02-10');
  await r('CaptureQuote', {
    quoteId: 'q1',
    projectId: PROJECT,
    participantId: 'r1',
    activityId: 'a1',
    decisionId: null,
    context: 'Planning workshop',
    outcomeIds: ['increased_influence'],
    attribution: 'role_only',
    allowedUses: ['public'],
    language: 'en',
    capturedOn: '2026-02-10',
    personal: { subjectId: 'r1', fields: { words: 'For once the council asked before it wrote.' } },
  }, '2026-02-10');
  const pre: Record<string, [number, number, number]> = { r1: [2, 3, 1], r2: [3, 2, 2], c1: [2, 2, 3], d1: [1, 3, 2], o1: [3, 3, 3], r3: [2, 2, 2] };
  for (const [participantId, [confidence, skills, influence]] of Object.entries(pre)) {
    await r('RecordSurveyResponse', {
      projectId: PROJECT,
      participantId,
      responseId: `pre-${participantId}`,
      phase: 'pre',
      answers: { confidence_in_partnership: confidence, skills_and_knowledge: skills, sense_of_influence: influence },
      respondedOn: '2026-02-10',
    }, '2026-02-10');
  }

  const claim = (claimId: string, participantId: string, category: string, amountPence: number, claimedOn: string) =>
    r('ClaimExpense', { claimId, projectId: PROJECT, participantId, activityId: null, category, amountPence, description: `${category} for ${participantId}`, claimedOn }, claimedOn);
  const approve = (claimId: string, approvedOn: string) => r('ApproveExpense', { claimId, approvedOn }, approvedOn, FINANCE);
  const pay = (claimId: string, amountPence: number, paidOn: string) =>
    r('PayExpense', { claimId, paidOn, amountPence, method: 'bank_transfer', reference: null }, paidOn, PAYER);
  const paidInFebruary: [string, string, string, number][] = [
    ['x1', 'r1', 'travel', 1250],
    ['x2', 'r2', 'travel', 800],
    ['x3', 'r3', 'travel', 900],
    ['x4', 'c1', 'travel', 700],
    ['x6', 'c1', 'care_cover', 3000],
  ];
  for (const [claimId, participantId, category, pence] of paidInFebruary) {
    await claim(claimId, participantId, category, pence, '2026-02-10');
    await approve(claimId, '2026-02-17');
    await pay(claimId, pence, '2026-02-24');
  }

  await plan('a5', 'Online drop-in', 'meeting', 'co_planning', 'online', '2026-03-03', 'consultation', '2026-02-15');
  await r('CancelActivity', { activityId: 'a5', reason: 'Too few people could make the date' }, '2026-03-01');
  await r('RecordDecision', {
    decisionId: 'dec3',
    projectId: PROJECT,
    title: 'Budget for printing',
    decisionMaker: 'officer_delegation',
    reference: 'OD-7',
    decidedOn: '2026-02-20',
    recommendation: 'Print 500 copies',
  }, '2026-02-20');

  // a2: co-planning training, online; r1 dialled in by phone.
  await plan('a2', 'Co-production briefing', 'training', 'co_planning', 'online', '2026-03-10', 'educating', '2026-02-20');
  await hold('a2', '2026-03-10', 90, 'educating');
  await attend('a2', 'r1', 90, 'phone', '2026-03-10');
  await attend('a2', 'r2', 90, 'online', '2026-03-10');
  await attend('a2', 'd1', 90, 'online', '2026-03-10');
  await attend('a2', 'o1', 90, 'online', '2026-03-10', 'co_trainer');
  await claim('x5', 'd1', 'travel', 1100, '2026-03-10');
  await approve('x5', '2026-03-17');
  await pay('x5', 1100, '2026-03-24');
  await claim('x7', 'r2', 'travel', 600, '2026-03-10');
  await r('RejectExpense', { claimId: 'x7', rejectedOn: '2026-03-17', reason: 'The same journey was claimed on x2' }, '2026-03-17', FINANCE);

  await r('RecordDecision', {
    decisionId: 'dec2',
    projectId: PROJECT,
    title: 'Opening hours of the energy advice desk',
    decisionMaker: 'cabinet',
    reference: 'EX4321',
    decidedOn: '2026-03-25',
    recommendation: 'Keep the advice desk open on Saturdays',
  }, '2026-03-25');
  await r('LinkInfluence', {
    decisionId: 'dec2',
    influenceId: 'inf2',
    contributionIds: [],
    activityIds: ['a2'],
    youSaid: 'Saturdays suit working people',
    weDid: 'Chose the Saturday option of the two offered',
    whereInRecommendation: 'Paragraph 3',
    ladderLevel: 'consultation',
    needhamCarrLevel: 'basic',
    optionsAlreadyFormed: true,
  }, '2026-03-26');
  await r('RecordServiceMeasureReading', { measureId: 'm1', value: 55, readingOn: '2026-03-31', note: null }, '2026-03-31');

  // a3: co-design meeting, in person; d1 joined online.
  await plan('a3', 'Drafting meeting', 'meeting', 'co_design', 'in_person', '2026-04-14', 'co_production', '2026-03-20');
  await r('MoveProjectToStage', { projectId: PROJECT, stage: 'co_design', enteredOn: '2026-04-01', reason: null }, '2026-04-01');
  await hold('a3', '2026-04-14', 150, 'co_production');
  const r1AtA3 = await attend('a3', 'r1', 150, 'in_person', '2026-04-14');
  await attend('a3', 'c1', 150, 'in_person', '2026-04-14');
  await attend('a3', 'd1', 100, 'online', '2026-04-14');
  await attend('a3', 'o1', 150, 'in_person', '2026-04-14', 'chair');
  const r3AtA3 = await attend('a3', 'r3', 150, 'in_person', '2026-04-14');
  await contribute('a3', 'k-a3-1', ['r1', 'c1'], 'proposal', 'Add a section on grants', '2026-04-14');
  await r('RecordSetupActivity', { projectId: PROJECT, activity: 'members_briefed', doneOn: '2026-04-14', note: null }, '2026-04-14');
  await r('CaptureQuote', {
    quoteId: 'q2',
    projectId: PROJECT,
    participantId: 'c1',
    activityId: 'a3',
    decisionId: null,
    context: 'Drafting meeting',
    outcomeIds: ['more_confident'],
    attribution: 'anonymous',
    allowedUses: ['internal_evaluation', 'public'],
    language: 'en',
    capturedOn: '2026-04-14',
    personal: { subjectId: 'c1', fields: { words: 'I said more than I ever have in a council room.' } },
  }, '2026-04-14');
  await claim('x8', 'd1', 'recognition_payment', 2500, '2026-04-14');

  await r('RecordDecision', {
    decisionId: 'dec1',
    projectId: PROJECT,
    title: 'Structure of the guidance note',
    decisionMaker: 'project_group',
    reference: 'PG-01',
    decidedOn: '2026-04-20',
    recommendation: 'Five sections, one on grants',
  }, '2026-04-20');
  await r('LinkInfluence', {
    decisionId: 'dec1',
    influenceId: 'inf1',
    contributionIds: ['k-a3-1'],
    activityIds: ['a3'],
    youSaid: 'Add a section on grants',
    weDid: 'Section 4 is now about grants',
    whereInRecommendation: 'Section 4',
    ladderLevel: 'co_production',
    needhamCarrLevel: 'transformational',
    optionsAlreadyFormed: false,
  }, '2026-04-20');
  await r('RecordProposalNotAdopted', {
    decisionId: 'dec1',
    proposalId: 'prop1',
    contributionId: 'k-a1-2',
    proposal: 'Publish it in Welsh too',
    reason: 'West Berkshire publishes in English; a translation can be requested',
  }, '2026-04-20');
  await r('RecordPrincipleReflection', { projectId: PROJECT, principleId: 'equality', reflection: 'Residents chaired half the meeting', madeADifference: true, recordedOn: '2026-04-20' }, '2026-04-20');
  await r('MoveProjectToStage', { projectId: PROJECT, stage: 'co_delivery', enteredOn: '2026-05-01', reason: null }, '2026-05-01');
  const post: Record<string, [number, number, number]> = { r1: [4, 4, 3], r2: [4, 4, 2], c1: [3, 4, 4], d1: [3, 3, 4], o1: [4, 3, 3] };
  for (const [participantId, [confidence, skills, influence]] of Object.entries(post)) {
    await r('RecordSurveyResponse', {
      projectId: PROJECT,
      participantId,
      responseId: `post-${participantId}`,
      phase: 'post',
      answers: { confidence_in_partnership: confidence, skills_and_knowledge: skills, sense_of_influence: influence },
      respondedOn: '2026-05-20',
    }, '2026-05-20');
  }
  await r('RecordPrincipleReflection', { projectId: PROJECT, principleId: 'inclusive', reflection: 'Paper packs let r3 take part', madeADifference: true, recordedOn: '2026-05-20' }, '2026-05-20');
  await r('RecordServiceMeasureReading', { measureId: 'm1', value: 90, readingOn: '2026-06-30', note: null }, '2026-06-30');
  const beforeCorrections = await app.head();

  await r('AmendAttendance', { activityId: 'a3', eventId: r1AtA3.eventIds[0], minutes: 75, reason: 'r1 left at the break' }, '2026-07-01');
  await r('VoidAttendance', { activityId: 'a3', eventId: r3AtA3.eventIds[0], reason: 'r3 was on the sign-in sheet by mistake' }, '2026-07-01');
  const beforeLateSession = await app.head();

  // a4: a co-delivery shift by phone on 12 May, recorded from the paper log in July.
  await plan('a4', 'Phone round to households', 'co_delivery_shift', 'co_delivery', 'phone', '2026-05-12', 'co_production', '2026-07-02');
  await hold('a4', '2026-05-12', 180, 'co_production', '2026-07-02');
  await attend('a4', 'r2', 180, 'phone', '2026-07-02');
  await attend('a4', 'c1', 120, 'phone', '2026-07-02');
  await attend('a4', 'o1', 60, 'phone', '2026-07-02');
  await contribute('a4', 'k-a4-1', ['r2', 'c1'], 'co_delivery_work', 'Rang 40 households and rewrote the script', '2026-07-02');
  await r('WithdrawQuoteConsent', { quoteId: 'q2', withdrawnOn: '2026-07-02', reason: 'c1 asked for it to be removed' }, '2026-07-02');
  return { beforeCorrections, beforeLateSession, head: await app.head() };
}
