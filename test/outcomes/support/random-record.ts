import { FINANCE, OutcomeApp, PAYER } from './outcome-app';

/** A small seeded generator (mulberry32): the same seed always gives the same record. */
export class SeededRandom {
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

  some<T>(items: readonly T[], most: number): T[] {
    return items.filter(() => this.next() < most / Math.max(items.length, 1)).slice(0, most);
  }
}

const ROLES = ['resident', 'resident', 'person_drawing_on_care', 'carer', 'family_member', 'community_organisation_rep', 'council_officer', 'councillor'];
const GROUPS = ['disabled_people', 'older_people', 'young_people', 'carers', 'digitally_excluded', 'low_income'];
const FORMATS = ['in_person', 'online', 'phone', 'paper', 'hybrid'];
const TYPES = ['meeting', 'workshop', 'training', 'co_delivery_shift', 'survey_round', 'vote', 'event'];
const STAGES = ['co_planning', 'co_design', 'co_delivery', 'co_evaluation'];
const LADDER = ['consultation', 'engagement', 'co_design', 'co_production', 'informing'];
const NEEDHAM = ['basic', 'intermediate', 'transformational'];
const MAKERS = ['cabinet', 'committee', 'officer_delegation', 'project_group'];
const CATEGORIES = ['travel', 'care_cover', 'recognition_payment', 'voucher'];
const FRAMEWORKS = ['west-berkshire', 'southend', 'bracknell-forest', 'care-act-nef-scie'];

interface Held {
  activityId: string;
  projectId: string;
  duration: number;
  attendance: { participantId: string; eventId: string; minutes: number; corrected: boolean }[];
  contributions: string[];
}

/** `2026-01-01` plus `days`, at 10:00 UTC. */
const day = (days: number) => new Date(Date.UTC(2026, 0, 1 + days, 10)).toISOString();

/**
 * Records `steps` random but valid commands over a few projects through the real command path:
 * sessions, attendance, contributions, decisions with influences, expenses through their life,
 * quotes with withdrawals, surveys, service measures, stage moves and corrections.
 * Returns the project ids.
 */
export async function recordRandomRecord(app: OutcomeApp, seed: number, steps: number): Promise<string[]> {
  const rng = new SeededRandom(seed);
  let clock = 0;
  const now = () => day((clock += 1) / 4);
  const r = (type: string, data: Record<string, unknown>, actor?: typeof FINANCE) => app.record(type, data, { now: now(), actor });

  const projects = ['p-0', 'p-1', 'p-2'];
  const stageOf = new Map<string, number>();
  for (const projectId of projects) {
    await r('RegisterProject', {
      projectId,
      title: `Project ${projectId}`,
      serviceArea: 'Adult social care',
      aim: 'Improve the service with the people who use it',
      frameworkId: rng.pick(FRAMEWORKS),
      improvementSought: 'Shorter waits',
      openToNewMembers: rng.next() < 0.5,
    });
    stageOf.set(projectId, 0);
  }
  const people = Array.from({ length: 14 }, (_, i) => `person-${i}`);
  for (const participantId of people) {
    await r('RegisterParticipant', {
      participantId,
      role: rng.pick(ROLES),
      seldomHeardGroups: rng.some(GROUPS, 2),
      preferredFormats: [rng.pick(FORMATS)],
      personal: { subjectId: participantId, fields: { name: `Name of ${participantId}` } },
    });
  }

  const held: Held[] = [];
  const decisions: { decisionId: string; projectId: string; decidedOn: string; influences: number; proposals: number }[] = [];
  const claims: { claimId: string; status: 'claimed' | 'approved' | 'done'; amount: number }[] = [];
  const quotes: { quoteId: string; withdrawn: boolean }[] = [];
  const surveyed = new Map<string, Set<string>>();
  const measures: { measureId: string; readings: Set<number> }[] = [];
  let id = 0;
  const next = (prefix: string) => `${prefix}-${(id += 1)}`;

  const actions: (() => Promise<unknown>)[] = [
    async () => {
      const projectId = rng.pick(projects);
      const activityId = next('act');
      const heldOn = rng.int(10, 170);
      const duration = rng.int(3, 12) * 15;
      await r('PlanActivity', {
        activityId,
        projectId,
        title: `Session ${activityId}`,
        activityType: rng.pick(TYPES),
        stage: rng.pick(STAGES),
        format: rng.pick(FORMATS),
        plannedFor: day(heldOn),
        ladderLevel: rng.pick(LADDER),
      });
      if (rng.next() < 0.1) return r('CancelActivity', { activityId, reason: 'Venue closed' });
      await r('HoldActivity', { activityId, heldOn: day(heldOn), durationMinutes: duration, ladderLevel: rng.pick(LADDER) });
      held.push({ activityId, projectId, duration, attendance: [], contributions: [] });
    },
    async () => {
      const activity = held.length ? rng.pick(held) : undefined;
      const participantId = rng.pick(people);
      if (!activity || activity.attendance.some((a) => a.participantId === participantId)) return;
      const minutes = rng.int(15, activity.duration);
      const result = await r('RecordAttendance', {
        activityId: activity.activityId,
        participantId,
        minutes,
        capacity: rng.pick(['member', 'chair', 'co_facilitator']),
        format: rng.pick(FORMATS),
      });
      activity.attendance.push({ participantId, eventId: result.eventIds[0], minutes, corrected: false });
    },
    async () => {
      const activity = held.length ? rng.pick(held) : undefined;
      if (!activity) return;
      const contributionId = next('con');
      await r('RecordContribution', {
        activityId: activity.activityId,
        contributionId,
        participantIds: rng.some(people, 3).concat(rng.pick(people)).filter((p, i, all) => all.indexOf(p) === i),
        kind: rng.pick(['idea', 'proposal', 'feedback', 'co_delivery_work']),
        summary: `What was said in ${contributionId}`,
      });
      activity.contributions.push(contributionId);
    },
    async () => {
      const projectId = rng.pick(projects);
      const decisionId = next('dec');
      const decidedOn = day(rng.int(20, 175));
      await r('RecordDecision', { decisionId, projectId, title: `Decision ${decisionId}`, decisionMaker: rng.pick(MAKERS), reference: `REF-${decisionId}`, decidedOn, recommendation: 'Go ahead' });
      decisions.push({ decisionId, projectId, decidedOn, influences: 0, proposals: 0 });
    },
    async () => {
      const decision = decisions.length ? rng.pick(decisions) : undefined;
      const sources = held.filter((a) => a.projectId === decision?.projectId);
      if (!decision || sources.length === 0) return;
      const activities = rng.some(sources, 2);
      const contributions = rng.some(sources.flatMap((a) => a.contributions), 2);
      if (activities.length + contributions.length === 0) activities.push(rng.pick(sources));
      decision.influences += 1;
      await r('LinkInfluence', {
        decisionId: decision.decisionId,
        influenceId: `${decision.decisionId}-inf-${decision.influences}`,
        contributionIds: contributions,
        activityIds: activities.map((a) => a.activityId),
        youSaid: 'Something that mattered',
        weDid: 'Changed the plan',
        whereInRecommendation: null,
        ladderLevel: rng.pick(LADDER),
        needhamCarrLevel: rng.pick(NEEDHAM),
        optionsAlreadyFormed: rng.next() < 0.3,
      });
    },
    async () => {
      const decision = decisions.length ? rng.pick(decisions) : undefined;
      if (!decision) return;
      decision.proposals += 1;
      await r('RecordProposalNotAdopted', { decisionId: decision.decisionId, proposalId: `${decision.decisionId}-prop-${decision.proposals}`, contributionId: null, proposal: 'Do it differently', reason: 'Not affordable this year' });
    },
    async () => {
      const claimId = next('claim');
      const amount = rng.int(100, 5000);
      await r('ClaimExpense', { claimId, projectId: rng.pick(projects), participantId: rng.pick(people), activityId: null, category: rng.pick(CATEGORIES), amountPence: amount, description: 'Bus fare', claimedOn: day(rng.int(10, 170)) });
      claims.push({ claimId, status: 'claimed', amount });
    },
    async () => {
      const claim = claims.find((c) => c.status !== 'done' && rng.next() < 0.5);
      if (!claim) return;
      if (claim.status === 'approved') {
        claim.status = 'done';
        return r('PayExpense', { claimId: claim.claimId, paidOn: day(178), amountPence: claim.amount, method: 'bank_transfer', reference: null }, PAYER);
      }
      if (rng.next() < 0.25) {
        claim.status = 'done';
        return r('RejectExpense', { claimId: claim.claimId, rejectedOn: day(176), reason: 'No receipt' }, FINANCE);
      }
      claim.status = 'approved';
      return r('ApproveExpense', { claimId: claim.claimId, approvedOn: day(176) }, FINANCE);
    },
    async () => {
      const quote = quotes.find((q) => !q.withdrawn);
      if (quote && rng.next() < 0.3) {
        quote.withdrawn = true;
        return r('WithdrawQuoteConsent', { quoteId: quote.quoteId, withdrawnOn: day(179), reason: null });
      }
      const quoteId = next('quote');
      const participantId = rng.pick(people);
      await r('CaptureQuote', {
        quoteId,
        projectId: rng.pick(projects),
        participantId,
        activityId: null,
        decisionId: null,
        context: 'A session',
        outcomeIds: rng.some(['increased_influence', 'more_confident', 'services_improved', 'skills_and_knowledge'], 2),
        attribution: rng.pick(['named', 'role_only', 'anonymous']),
        allowedUses: ['internal_evaluation'],
        language: 'en',
        capturedOn: day(rng.int(10, 170)),
        personal: { subjectId: participantId, fields: { words: `Words of ${participantId}` } },
      });
      quotes.push({ quoteId, withdrawn: false });
    },
    async () => {
      const projectId = rng.pick(projects);
      const participantId = rng.pick(people);
      const phases = surveyed.get(`${projectId}/${participantId}`) ?? new Set<string>();
      const phase = phases.has('pre') ? 'post' : 'pre';
      if (phases.has(phase)) return;
      phases.add(phase);
      surveyed.set(`${projectId}/${participantId}`, phases);
      const answer = () => rng.int(1, 5);
      await r('RecordSurveyResponse', {
        projectId,
        participantId,
        responseId: next('resp'),
        phase,
        answers: { confidence_in_partnership: answer(), skills_and_knowledge: answer(), sense_of_influence: answer() },
        respondedOn: day(phase === 'pre' ? rng.int(5, 60) : rng.int(100, 170)),
      });
    },
    async () => {
      const measure = measures.length && rng.next() < 0.7 ? rng.pick(measures) : undefined;
      if (!measure) {
        const measureId = next('measure');
        measures.push({ measureId, readings: new Set() });
        return r('DefineServiceMeasure', { measureId, projectId: rng.pick(projects), name: 'Days waiting', unit: 'days', baseline: rng.int(10, 60), baselineOn: day(1), betterWhen: rng.pick(['higher', 'lower']), outcomeId: null });
      }
      const on = rng.int(2, 178);
      if (measure.readings.has(on)) return;
      measure.readings.add(on);
      await r('RecordServiceMeasureReading', { measureId: measure.measureId, value: rng.int(5, 80), readingOn: day(on), note: null });
    },
    async () => {
      const projectId = rng.pick(projects);
      const stage = stageOf.get(projectId)!;
      if (stage >= 2) return;
      stageOf.set(projectId, stage + 1);
      await r('MoveProjectToStage', { projectId, stage: STAGES[stage + 1], enteredOn: day(30 * (stage + 1)), reason: null });
    },
    async () => {
      const candidates = held.flatMap((activity) => activity.attendance.filter((a) => !a.corrected).map((attendance) => ({ activity, attendance })));
      if (candidates.length === 0) return;
      const { activity, attendance } = rng.pick(candidates);
      // A voided attendance could be recorded again; keeping it listed keeps the generator from trying.
      attendance.corrected = true;
      if (rng.next() < 0.5) {
        return r('VoidAttendance', { activityId: activity.activityId, eventId: attendance.eventId, reason: 'Recorded by mistake' });
      }
      const minutes = rng.int(5, activity.duration);
      // An amendment to the same minutes changes nothing and is refused; the generator asks only for a real change.
      if (minutes === attendance.minutes) return;
      return r('AmendAttendance', { activityId: activity.activityId, eventId: attendance.eventId, minutes, reason: 'Minutes misread' });
    },
  ];

  for (let step = 0; step < steps; step += 1) await rng.pick(actions)();
  return projects;
}
