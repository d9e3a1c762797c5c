import { projectFacts } from '@coprod/domain';
import { FactEvent, foldProjectFacts } from './project-facts';

/*
 * Every event a project's record can hold, folded into the facts every figure is computed from, field by field:
 * what each fact keeps, what it defaults to when an older event left a field out, and that an event about a
 * record the facts do not hold (a session, claim, measure, quote or commitment of another project) changes nothing.
 */

const at = (day: string) => `${day}T10:00:00.000Z`;
type Given = [type: string, data: Record<string, unknown>, day?: string];
const fold = (events: Given[]) =>
  foldProjectFacts(
    events.map(([type, data, day], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: at(day ?? '2026-03-01') })),
  );

describe('the facts of a project, folded from its record', () => {
  it("a project's own record: registration, tailoring, set-up, stages, framework, reflections, story, proposals and closing", () => {
    const facts = fold([
      // Before the registration is known (asked as known earlier), what needs the project is passed over.
      ['StageEntered', { projectId: 'p', stage: 'co_design', from: 'co_planning', enteredOn: at('2026-01-01') }],
      ['ProjectFrameworkChanged', { projectId: 'p', frameworkId: 'southend' }],
      ['ProjectClosed', { projectId: 'p', closedOn: at('2026-01-02') }],
      [
        'ProjectRegistered',
        { projectId: 'p', title: 'T', serviceArea: 'S', aim: 'A', frameworkId: 'west-berkshire', improvementSought: 'I', openToNewMembers: true },
        '2026-01-05',
      ],
      ['OutcomeTailored', { projectId: 'p', outcomeId: 'more_confident', wording: 'First' }],
      ['OutcomeTailored', { projectId: 'p', outcomeId: 'more_confident', wording: 'Second' }],
      ['SetupActivityRecorded', { projectId: 'p', activity: 'steering_group_formed', doneOn: at('2026-01-20'), note: null }],
      [
        'StageEntered',
        { projectId: 'p', stage: 'co_delivery', from: 'co_planning', skipped: ['co_design'], reason: 'Ready', enteredOn: at('2026-02-01') },
      ],
      ['ProjectFrameworkChanged', { projectId: 'p', frameworkId: 'bracknell-forest' }],
      [
        'PrincipleReflectionRecorded',
        { projectId: 'p', principleId: 'equality', reflection: 'R1', madeADifference: true, recordedOn: at('2026-02-02') },
      ],
      ['PrincipleReflectionRecorded', { projectId: 'p', principleId: 'inclusive', reflection: 'R2', recordedOn: at('2026-02-03') }],
      ['ProjectStoryRecorded', { projectId: 'p', part: 'background', text: 'Old', recordedOn: at('2026-02-04') }],
      ['ProjectStoryRecorded', { projectId: 'p', part: 'background', text: 'New', recordedOn: at('2026-02-05') }],
      ['ProposalNotAdopted', { decisionId: 'd1', proposalId: 'n1', contributionId: 'k1', proposal: 'P1', reason: 'W1' }],
      ['ProjectProposalNotAdopted', { projectId: 'p', proposalId: 'n2', proposal: 'P2', reason: 'W2' }],
      ['ProjectProposalNotAdopted', { projectId: 'p', decisionId: 'd1', proposalId: 'n3', contributionId: 'k2', proposal: 'P3', reason: 'W3' }],
      ['ProjectClosed', { projectId: 'p', closedOn: at('2026-06-30') }],
    ]);
    expect(facts.project).toEqual({
      projectId: 'p',
      title: 'T',
      serviceArea: 'S',
      aim: 'A',
      frameworkId: 'bracknell-forest',
      improvementSought: 'I',
      registeredOn: at('2026-01-05'),
      closedOn: at('2026-06-30'),
      stage: 'co_delivery',
      eventId: 'e4',
    });
    expect(facts.tailoredOutcomes).toEqual({ more_confident: { wording: 'Second', eventId: 'e6' } });
    expect(facts.setup).toEqual([{ activity: 'steering_group_formed', doneOn: at('2026-01-20'), eventId: 'e7' }]);
    expect(facts.stages).toEqual([
      { stage: 'co_design', from: 'co_planning', skipped: [], reason: null, enteredOn: at('2026-01-01'), eventId: 'e1' },
      { stage: 'co_delivery', from: 'co_planning', skipped: ['co_design'], reason: 'Ready', enteredOn: at('2026-02-01'), eventId: 'e8' },
    ]);
    expect(facts.reflections).toEqual([
      { principleId: 'equality', reflection: 'R1', madeADifference: true, recordedOn: at('2026-02-02'), eventId: 'e10' },
      { principleId: 'inclusive', reflection: 'R2', madeADifference: false, recordedOn: at('2026-02-03'), eventId: 'e11' },
    ]);
    expect(facts.story).toEqual({ background: { text: 'New', recordedOn: at('2026-02-05'), eventId: 'e13' } });
    // Proposals recorded on decisions and on the project are one list, in the order recorded.
    expect(facts.notAdopted).toEqual([
      { eventId: 'e14', decisionId: 'd1', proposalId: 'n1', contributionId: 'k1', proposal: 'P1', reason: 'W1' },
      { eventId: 'e15', decisionId: null, proposalId: 'n2', contributionId: null, proposal: 'P2', reason: 'W2' },
      { eventId: 'e16', decisionId: 'd1', proposalId: 'n3', contributionId: 'k2', proposal: 'P3', reason: 'W3' },
    ]);
  });

  it('a registered project is at co-planning and open until it is closed', () => {
    const facts = fold([
      [
        'ProjectRegistered',
        { projectId: 'p', title: 'T', serviceArea: 'S', aim: 'A', frameworkId: 'west-berkshire', improvementSought: 'I', openToNewMembers: true },
      ],
    ]);
    expect(facts.project).toMatchObject({ stage: 'co_planning', closedOn: null });
    expect(facts).toMatchObject({ tailoredOutcomes: {}, setup: [], stages: [], reflections: [], story: {}, notAdopted: [] });
    // The project's own fold starts with no proposals either, whichever fold's list the folded facts keep.
    expect(projectFacts.empty().notAdopted).toEqual([]);
  });

  it('sessions: planned, held (keeping the planned level unless the session records one), cancelled, attended and contributed to', () => {
    const facts = fold([
      ['ActivityHeld', { activityId: 'elsewhere', heldOn: at('2026-02-01'), durationMinutes: 60 }],
      ['ActivityCancelled', { activityId: 'elsewhere', reason: 'x' }],
      [
        'ActivityPlanned',
        {
          activityId: 'a1',
          projectId: 'p',
          title: 'W',
          activityType: 'workshop',
          stage: 'co_planning',
          format: 'in_person',
          plannedFor: at('2026-02-10'),
          ladderLevel: 'engagement',
        },
      ],
      [
        'ActivityPlanned',
        {
          activityId: 'a2',
          projectId: 'p',
          title: 'X',
          activityType: 'meeting',
          stage: 'co_design',
          format: 'online',
          plannedFor: at('2026-02-11'),
          ladderLevel: 'consultation',
        },
      ],
      [
        'ActivityPlanned',
        {
          activityId: 'a3',
          projectId: 'p',
          title: 'Y',
          activityType: 'training',
          stage: 'co_design',
          format: 'phone',
          plannedFor: at('2026-02-12'),
          ladderLevel: 'informing',
        },
      ],
      ['ActivityHeld', { activityId: 'a1', heldOn: at('2026-02-10'), durationMinutes: 120, ladderLevel: 'co_production' }],
      ['ActivityHeld', { activityId: 'a2', heldOn: at('2026-02-11'), durationMinutes: 90 }],
      ['ActivityCancelled', { activityId: 'a3', reason: 'Snow' }],
      ['AttendanceRecorded', { activityId: 'a1', participantId: 'r1', minutes: 100, capacity: 'chair', format: 'paper' }],
      [
        'ContributionRecorded',
        { activityId: 'a1', contributionId: 'k1', participantIds: ['r1'], kind: 'idea', summary: 'S1', recordedAs: 'staff_summary' },
      ],
      [
        'ContributionRecorded',
        { activityId: 'a1', contributionId: 'k2', participantIds: ['r2'], kind: 'idea', summary: 'S2', recordedAs: 'participant_words' },
      ],
      ['ContributionRecorded', { activityId: 'a2', contributionId: 'k3', kind: 'feedback', summary: 'S3' }],
    ]);
    expect([...facts.activities.values()]).toEqual([
      {
        activityId: 'a1',
        title: 'W',
        activityType: 'workshop',
        stage: 'co_planning',
        format: 'in_person',
        plannedFor: at('2026-02-10'),
        heldOn: at('2026-02-10'),
        durationMinutes: 120,
        ladderLevel: 'co_production',
        cancelled: false,
        eventIds: ['e3', 'e6'],
      },
      {
        activityId: 'a2',
        title: 'X',
        activityType: 'meeting',
        stage: 'co_design',
        format: 'online',
        plannedFor: at('2026-02-11'),
        heldOn: at('2026-02-11'),
        durationMinutes: 90,
        ladderLevel: 'consultation',
        cancelled: false,
        eventIds: ['e4', 'e7'],
      },
      {
        activityId: 'a3',
        title: 'Y',
        activityType: 'training',
        stage: 'co_design',
        format: 'phone',
        plannedFor: at('2026-02-12'),
        heldOn: null,
        durationMinutes: null,
        ladderLevel: 'informing',
        cancelled: true,
        eventIds: ['e5', 'e8'],
      },
    ]);
    expect(facts.attendance).toEqual([{ eventId: 'e9', activityId: 'a1', participantId: 'r1', minutes: 100, capacity: 'chair', format: 'paper' }]);
    // Only a staff summary is text a report may show; contributions recorded before that was stated name nobody's words.
    expect(facts.contributions).toEqual([
      {
        eventId: 'e10',
        activityId: 'a1',
        contributionId: 'k1',
        participantIds: ['r1'],
        kind: 'idea',
        recordedAs: 'staff_summary',
        staffSummary: 'S1',
      },
      {
        eventId: 'e11',
        activityId: 'a1',
        contributionId: 'k2',
        participantIds: ['r2'],
        kind: 'idea',
        recordedAs: 'participant_words',
        staffSummary: null,
      },
      { eventId: 'e12', activityId: 'a2', contributionId: 'k3', participantIds: [], kind: 'feedback', recordedAs: null, staffSummary: null },
    ]);
  });

  it('decisions: recorded, influenced, proposals not adopted, commitments made and met, and the latest engagement account', () => {
    const facts = fold([
      ['CommitmentMet', { decisionId: 'd1', commitmentId: 'elsewhere', metOn: at('2026-04-01'), evidence: 'x' }],
      [
        'DecisionRecorded',
        {
          decisionId: 'd1',
          projectId: 'p',
          title: 'D',
          decisionMaker: 'cabinet',
          reference: 'EX1',
          decidedOn: at('2026-03-25'),
          recommendation: 'Rec',
        },
      ],
      [
        'InfluenceLinked',
        {
          decisionId: 'd1',
          influenceId: 'i1',
          contributionIds: ['k1'],
          activityIds: ['a1'],
          youSaid: 'Y',
          weDid: 'W',
          whereInRecommendation: 'Para 3',
          ladderLevel: 'co_design',
          needhamCarrLevel: 'intermediate',
          optionsAlreadyFormed: true,
        },
      ],
      [
        'InfluenceLinked',
        {
          decisionId: 'd1',
          influenceId: 'i2',
          contributionIds: [],
          activityIds: [],
          youSaid: 'Y2',
          weDid: 'W2',
          whereInRecommendation: null,
          ladderLevel: 'consultation',
          needhamCarrLevel: 'basic',
        },
      ],
      ['CommitmentMade', { decisionId: 'd1', commitmentId: 'c1', description: 'Open Saturdays', dueBy: at('2026-09-01') }],
      ['CommitmentMade', { decisionId: 'd1', commitmentId: 'c2', description: 'Report back' }],
      ['CommitmentMet', { decisionId: 'd1', commitmentId: 'c1', metOn: at('2026-08-01'), evidence: 'Rota' }],
      ['EngagementAccountRecorded', { decisionId: 'd1', contactOfficer: 'A', howRecruited: 'B', notReached: 'C', howTold: 'D', limitations: 'E' }],
      [
        'EngagementAccountRecorded',
        { decisionId: 'd1', contactOfficer: 'F', howRecruited: null, notReached: null, howTold: null, limitations: null },
      ],
    ]);
    expect([...facts.decisions.values()]).toEqual([
      { decisionId: 'd1', title: 'D', decisionMaker: 'cabinet', reference: 'EX1', decidedOn: at('2026-03-25'), recommendation: 'Rec', eventId: 'e2' },
    ]);
    expect(facts.influences).toEqual([
      {
        eventId: 'e3',
        decisionId: 'd1',
        influenceId: 'i1',
        contributionIds: ['k1'],
        activityIds: ['a1'],
        youSaid: 'Y',
        weDid: 'W',
        whereInRecommendation: 'Para 3',
        ladderLevel: 'co_design',
        needhamCarrLevel: 'intermediate',
        optionsAlreadyFormed: true,
      },
      {
        eventId: 'e4',
        decisionId: 'd1',
        influenceId: 'i2',
        contributionIds: [],
        activityIds: [],
        youSaid: 'Y2',
        weDid: 'W2',
        whereInRecommendation: null,
        ladderLevel: 'consultation',
        needhamCarrLevel: 'basic',
        optionsAlreadyFormed: false,
      },
    ]);
    expect([...facts.commitments.values()]).toEqual([
      {
        decisionId: 'd1',
        commitmentId: 'c1',
        description: 'Open Saturdays',
        dueBy: at('2026-09-01'),
        metOn: at('2026-08-01'),
        evidence: 'Rota',
        eventIds: ['e5', 'e7'],
      },
      { decisionId: 'd1', commitmentId: 'c2', description: 'Report back', dueBy: null, metOn: null, evidence: null, eventIds: ['e6'] },
    ]);
    expect([...facts.engagementAccounts.values()]).toEqual([
      { decisionId: 'd1', contactOfficer: 'F', howRecruited: null, notReached: null, howTold: null, limitations: null, eventId: 'e9' },
    ]);
  });

  it('expense claims: amended, approved, paid, reversed by compensating entries, rejected, and never a claim of another project', () => {
    const facts = fold([
      ['ExpenseApproved', { claimId: 'elsewhere' }],
      ['ExpenseClaimed', { claimId: 'x1', participantId: 'r1', category: 'travel', amountPence: 1000 }],
      ['ExpenseClaimAmended', { claimId: 'x1', category: 'care_cover', amountPence: 1200 }],
      ['ExpenseApproved', { claimId: 'x1' }],
      ['ExpensePaid', { claimId: 'x1', amountPence: 1200 }],
      ['ExpensePaymentReversed', { claimId: 'x1', amountPence: 1200 }],
      ['ExpensePaid', { claimId: 'x1', amountPence: 1200 }],
      ['ExpenseClaimed', { claimId: 'x2', participantId: 'r2', category: 'travel', amountPence: 500 }],
      ['ExpenseApproved', { claimId: 'x2' }],
      ['ExpenseApprovalWithdrawn', { claimId: 'x2' }],
      ['ExpenseApproved', { claimId: 'x2' }],
      ['ExpenseApprovalWithdrawn', { claimId: 'x2' }],
      ['ExpenseClaimed', { claimId: 'x3', participantId: 'r3', category: 'travel', amountPence: 300 }],
      ['ExpenseRejected', { claimId: 'x3' }],
    ]);
    expect([...facts.expenses.values()]).toEqual([
      {
        claimId: 'x1',
        participantId: 'r1',
        category: 'care_cover',
        amountPence: 1200,
        status: 'paid',
        paidPence: 1200,
        reversedPence: 1200,
        approvalsWithdrawn: 0,
        paymentsReversed: 1,
        eventIds: ['e2', 'e3', 'e4', 'e5', 'e6', 'e7'],
      },
      {
        claimId: 'x2',
        participantId: 'r2',
        category: 'travel',
        amountPence: 500,
        status: 'claimed',
        paidPence: 0,
        reversedPence: 0,
        approvalsWithdrawn: 2,
        paymentsReversed: 0,
        eventIds: ['e8', 'e9', 'e10', 'e11', 'e12'],
      },
      {
        claimId: 'x3',
        participantId: 'r3',
        category: 'travel',
        amountPence: 300,
        status: 'rejected',
        paidPence: 0,
        reversedPence: 0,
        approvalsWithdrawn: 0,
        paymentsReversed: 0,
        eventIds: ['e13', 'e14'],
      },
    ]);
    // A reversed payment leaves the claim approved, awaiting payment again, with nothing kept.
    const reversed = fold([
      ['ExpenseClaimed', { claimId: 'x1', participantId: 'r1', category: 'travel', amountPence: 700 }],
      ['ExpenseApproved', { claimId: 'x1' }],
      ['ExpensePaid', { claimId: 'x1', amountPence: 700 }],
      ['ExpensePaymentReversed', { claimId: 'x1', amountPence: 700 }],
    ]).expenses.get('x1');
    expect(reversed).toMatchObject({ status: 'approved', paidPence: 0, reversedPence: 700, paymentsReversed: 1 });
    // Approved and not yet paid: awaiting payment.
    const approved = fold([
      ['ExpenseClaimed', { claimId: 'x1', participantId: 'r1', category: 'travel', amountPence: 700 }],
      ['ExpenseApproved', { claimId: 'x1' }],
    ]).expenses.get('x1');
    expect(approved).toMatchObject({ status: 'approved', paidPence: 0, eventIds: ['e1', 'e2'] });
  });

  it('service measures: defined with their baseline, and each reading in turn', () => {
    const facts = fold([
      ['ServiceMeasureReadingRecorded', { measureId: 'elsewhere', value: 1, readingOn: at('2026-02-01') }],
      [
        'ServiceMeasureDefined',
        {
          measureId: 'm1',
          projectId: 'p',
          name: 'Visits',
          unit: 'visits',
          baseline: 40,
          baselineOn: at('2026-01-31'),
          betterWhen: 'lower',
          outcomeId: null,
        },
      ],
      ['ServiceMeasureReadingRecorded', { measureId: 'm1', value: 55, readingOn: at('2026-03-31'), note: null }],
      ['ServiceMeasureReadingRecorded', { measureId: 'm1', value: 35, readingOn: at('2026-06-30'), note: null }],
    ]);
    expect([...facts.measures.values()]).toEqual([
      {
        measureId: 'm1',
        name: 'Visits',
        unit: 'visits',
        baseline: 40,
        baselineOn: at('2026-01-31'),
        betterWhen: 'lower',
        outcomeId: null,
        readings: [
          { value: 55, readingOn: at('2026-03-31'), eventId: 'e3' },
          { value: 35, readingOn: at('2026-06-30'), eventId: 'e4' },
        ],
        eventIds: ['e2', 'e3', 'e4'],
      },
    ]);
  });

  it('people: registered, their profile updated (what an update leaves out is kept), their details never a fact, and erased', () => {
    const facts = fold([
      ['ParticipantErased', { participantId: 'elsewhere', erasedOn: at('2026-02-01'), reason: 'x' }],
      [
        'ParticipantRegistered',
        { participantId: 'r1', role: 'resident', seldomHeardGroups: ['older_people'], preferredFormats: ['paper'], personal: { subjectId: 'r1' } },
      ],
      [
        'ParticipantRegistered',
        { participantId: 'o1', role: 'community_organisation_rep', organisation: 'Food bank', personal: { subjectId: 'o1' } },
      ],
      ['ParticipantProfileUpdated', { participantId: 'r1', seldomHeardGroups: ['older_people', 'carers'] }],
      ['ParticipantDetailsUpdated', { participantId: 'r1', personal: { subjectId: 'r1' } }],
      ['ParticipantProfileUpdated', { participantId: 'o1', role: 'community_organisation_rep', preferredFormats: ['online'] }],
      ['ParticipantErased', { participantId: 'r1', erasedOn: at('2026-05-01'), reason: 'asked' }],
      ['ParticipantProfileUpdated', { participantId: 'r1', role: 'carer' }],
    ]);
    expect([...facts.participants.values()]).toEqual([
      {
        participantId: 'r1',
        role: 'carer',
        groups: ['older_people', 'carers'],
        formats: ['paper'],
        organisation: null,
        erased: true,
        eventIds: ['e2', 'e4', 'e8'],
      },
      {
        participantId: 'o1',
        role: 'community_organisation_rep',
        groups: [],
        formats: ['online'],
        organisation: 'Food bank',
        erased: false,
        eventIds: ['e3', 'e6'],
      },
    ]);
    expect(facts.participants.has('elsewhere')).toBe(false);
    // A registration recorded before formats were asked for has none; a change of details leaves a person as they were.
    const k1 = fold([
      ['ParticipantRegistered', { participantId: 'k1', role: 'councillor', seldomHeardGroups: [], personal: { subjectId: 'k1' } }],
      ['ParticipantDetailsUpdated', { participantId: 'k1', personal: { subjectId: 'k1' } }],
    ]).participants.get('k1');
    expect(k1).toEqual({ participantId: 'k1', role: 'councillor', groups: [], formats: [], organisation: null, erased: false, eventIds: ['e1'] });
  });

  it("quotes: captured (in English unless said otherwise), their consent changed and withdrawn, never another project's", () => {
    const sealed = { sealed: { alg: 'A256GCM' }, subjectId: 'r1' };
    const facts = fold([
      ['QuoteConsentWithdrawn', { quoteId: 'elsewhere', participantId: 'r9', withdrawnOn: at('2026-02-01') }],
      [
        'QuoteCaptured',
        {
          quoteId: 'q1',
          participantId: 'r1',
          activityId: 'a1',
          decisionId: 'd1',
          context: 'C',
          outcomeIds: ['more_confident'],
          attribution: 'named',
          allowedUses: ['public'],
          language: 'cy',
          capturedOn: at('2026-02-10'),
          personal: sealed,
        },
      ],
      [
        'QuoteCaptured',
        { quoteId: 'q2', participantId: 'r2', context: 'C2', attribution: 'anonymous', capturedOn: at('2026-02-11'), personal: sealed },
      ],
      ['QuoteConsentChanged', { quoteId: 'q1', attribution: 'role_only', allowedUses: ['internal'] }],
      ['QuoteConsentWithdrawn', { quoteId: 'q2', participantId: 'r2', withdrawnOn: at('2026-03-01') }],
    ]);
    expect([...facts.quotes.values()]).toEqual([
      {
        quoteId: 'q1',
        participantId: 'r1',
        activityId: 'a1',
        decisionId: 'd1',
        context: 'C',
        outcomeIds: ['more_confident'],
        attribution: 'role_only',
        allowedUses: ['internal'],
        language: 'cy',
        capturedOn: at('2026-02-10'),
        personal: sealed,
        withdrawn: false,
        eventIds: ['e2', 'e4'],
      },
      {
        quoteId: 'q2',
        participantId: 'r2',
        activityId: null,
        decisionId: null,
        context: 'C2',
        outcomeIds: [],
        attribution: 'anonymous',
        allowedUses: [],
        language: 'en',
        capturedOn: at('2026-02-11'),
        personal: sealed,
        withdrawn: true,
        eventIds: ['e3', 'e5'],
      },
    ]);
  });

  it('survey responses: each kept with its own copy of the answers', () => {
    const answers = { confidence_in_partnership: 2 };
    const facts = foldProjectFacts([
      {
        eventId: 'e1',
        type: 'SurveyResponseRecorded',
        position: 1,
        occurredAt: at('2026-02-01'),
        data: { participantId: 'r1', phase: 'pre', answers },
      },
      { eventId: 'e2', type: 'SurveyResponseRecorded', position: 2, occurredAt: at('2026-06-01'), data: { participantId: 'r1', phase: 'post' } },
    ]);
    answers.confidence_in_partnership = 5;
    expect(facts.surveys).toEqual([
      { eventId: 'e1', participantId: 'r1', phase: 'pre', answers: { confidence_in_partnership: 2 } },
      { eventId: 'e2', participantId: 'r1', phase: 'post', answers: {} },
    ]);
  });
});
