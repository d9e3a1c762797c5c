import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import {
  activityDecider,
  ActivityCommand,
  ActivityCorrection,
  DecisionCorrection,
  MeasureCorrection,
  ProjectCorrection,
  SurveyCorrection,
  decisionDecider,
  DecisionCommand,
  expenseDecider,
  ExpenseCommand,
  measureDecider,
  MeasureCommand,
  participantDecider,
  ParticipantCommand,
  projectDecider,
  ProjectCommand,
  quoteDecider,
  QuoteCommand,
  SURVEY_ITEMS,
  surveyDecider,
  SurveyCommand,
} from '@coprod/domain';
import { invalidFields } from '../../http/validation';
import { COMMAND_DTOS, ParticipantDetailsDto, PersonalDetailsDto, QuotePersonalDto, QuoteWordsDto, SurveyAnswersDto } from '.';

type AnyCommand =
  | ProjectCommand
  | ParticipantCommand
  | ActivityCommand
  | DecisionCommand
  | ExpenseCommand
  | QuoteCommand
  | SurveyCommand
  | MeasureCommand
  | ActivityCorrection
  | DecisionCorrection
  | MeasureCorrection
  | ProjectCorrection
  | SurveyCorrection;
type CommandType = AnyCommand['type'];
type DataOf<T extends CommandType> = Extract<AnyCommand, { type: T }>['data'];

const DECIDERS = [projectDecider, participantDecider, activityDecider, decisionDecider, expenseDecider, quoteDecider, surveyDecider, measureDecider];

const WORDS = 'For the first time I felt the council was writing it with us, not for us.';

/** One valid body per command, typed as the domain command's data so it cannot carry a field the domain lacks. */
const VALID: { [T in CommandType]: DataOf<T> } = {
  RegisterProject: {
    projectId: 'p-energy',
    title: 'An introductory guidance note on community energy generation',
    serviceArea: 'Environment and climate',
    aim: 'Write, with residents, a plain guide for villages thinking about community energy',
    frameworkId: 'west-berkshire',
    improvementSought: 'More community groups ask the council for help setting up an energy scheme',
    openToNewMembers: true,
    startedOn: '2026-01-12',
  },
  TailorOutcome: { projectId: 'p-energy', outcomeId: 'services_improved', wording: 'Villages get clear, honest advice on community energy' },
  RecordSetupActivity: { projectId: 'p-energy', activity: 'steering_group_formed', doneOn: '2026-01-20', note: null },
  MoveProjectToStage: { projectId: 'p-energy', stage: 'co_design', enteredOn: '2026-03-02', reason: 'Questions for the note agreed' },
  ChangeProjectFramework: { projectId: 'p-energy', frameworkId: 'care-act-nef-scie', reason: 'Moved to adult social care' },
  RecordPrincipleReflection: {
    projectId: 'p-energy',
    principleId: 'inclusive',
    reflection: 'Posting papers ahead meant members offline could take full part',
    madeADifference: true,
    recordedOn: '2026-04-14T16:30:00Z',
  },
  CloseProject: { projectId: 'p-energy', closedOn: '2026-11-30', summary: 'The guidance note was published in print and online' },
  RecordProjectStory: {
    projectId: 'p-energy',
    part: 'lessons',
    text: 'Posting papers ahead mattered more than any online tool',
    recordedOn: '2026-12-04',
  },
  RecordProjectProposalNotAdopted: {
    projectId: 'p-energy',
    proposalId: 'prop-energy-4',
    contributionId: null,
    proposal: 'Hold the launch in every parish',
    reason: 'There was budget for one launch only',
    decisionId: 'dec-energy-cabinet',
    recordedOn: '2026-07-02',
  },
  RegisterParticipant: {
    participantId: 'part-003',
    role: 'community_organisation_rep',
    organisation: 'Healthwatch West Berkshire',
    seldomHeardGroups: ['low_income'],
    preferredFormats: ['online', 'phone'],
    personal: {
      subjectId: 'part-003',
      fields: {
        name: 'Paweł Wójcik',
        email: 'pawel.wojcik@example.com',
        phone: '07700 900103',
        postcode: 'RG14 5LD',
        accessNeeds: 'Papers a week ahead',
      },
    },
  },
  UpdateParticipantProfile: {
    participantId: 'part-009',
    role: 'carer',
    seldomHeardGroups: ['carers', 'low_income'],
    preferredFormats: [],
    reason: 'Now caring for her father',
  },
  UpdateParticipantDetails: {
    participantId: 'part-001',
    personal: { subjectId: 'part-001', fields: { name: 'Margaret Holloway', postcode: 'RG20' } },
  },
  EraseParticipant: { participantId: 'part-010', reason: 'Asked to be forgotten' },
  PlanActivity: {
    activityId: 'act-energy-05',
    projectId: 'p-energy',
    title: 'Design workshop: what the guidance note should cover',
    activityType: 'workshop',
    stage: 'co_design',
    format: 'in_person',
    plannedFor: '2026-03-10T10:00:00Z',
    ladderLevel: 'co_design',
  },
  HoldActivity: { activityId: 'act-energy-05', heldOn: '2026-03-10T10:00:00.000Z', durationMinutes: 180, ladderLevel: 'co_design' },
  CancelActivity: { activityId: 'act-energy-06', reason: 'Village hall closed by flooding' },
  RecordAttendance: { activityId: 'act-energy-05', participantId: 'part-003', minutes: 180, capacity: 'member', format: 'paper' },
  RecordContribution: {
    activityId: 'act-energy-05',
    contributionId: 'con-energy-05-1',
    participantIds: ['part-002', 'part-009'],
    kind: 'proposal',
    recordedAs: 'staff_summary',
    summary: 'Build the note around the five questions a group asks',
  },
  RecordDecision: {
    decisionId: 'dec-energy-cabinet',
    projectId: 'p-energy',
    title: 'Adopt the community energy guidance note',
    decisionMaker: 'cabinet',
    reference: 'EX4321',
    decidedOn: '2026-06-18',
    recommendation: 'That the Executive adopts the guidance note',
  },
  LinkInfluence: {
    decisionId: 'dec-energy-cabinet',
    influenceId: 'inf-energy-1',
    contributionIds: ['con-energy-05-1'],
    activityIds: [],
    youSaid: 'Answer the five questions a group asks, in order',
    weDid: 'The note is organised as those five questions',
    whereInRecommendation: null,
    ladderLevel: 'co_production',
    needhamCarrLevel: 'intermediate',
    optionsAlreadyFormed: false,
  },
  RecordProposalNotAdopted: {
    decisionId: 'dec-energy-cabinet',
    proposalId: 'prop-energy-1',
    contributionId: 'con-energy-05-3',
    proposal: 'A section on council grants',
    reason: 'The council has no grant scheme this year',
  },
  MakeCommitment: {
    decisionId: 'dec-energy-cabinet',
    commitmentId: 'com-energy-1',
    description: 'Post a copy to every parish council',
    dueBy: '2026-09-30',
  },
  MeetCommitment: { decisionId: 'dec-energy-cabinet', commitmentId: 'com-energy-1', metOn: '2026-09-12', evidence: 'Posting list signed off' },
  RecordEngagementAccount: {
    decisionId: 'dec-energy-cabinet',
    contactOfficer: 'Sam Patel, Community Energy Officer',
    howRecruited: 'Open invitation through parish councils',
    notReached: null,
    howTold: 'A letter to every participant',
    limitations: null,
  },
  ClaimExpense: {
    claimId: 'exp-energy-009',
    projectId: 'p-energy',
    participantId: 'part-009',
    activityId: 'act-energy-03',
    category: 'care_cover',
    amountPence: 3600,
    description: 'Care cover during the evening meeting, 3 hours',
    claimedOn: '2026-02-11',
  },
  AmendExpenseClaim: {
    claimId: 'exp-energy-009',
    amountPence: 4200,
    category: 'care_cover',
    description: 'Care cover, 3.5 hours',
    reason: 'The meeting overran',
  },
  ApproveExpense: { claimId: 'exp-energy-009', approvedOn: '2026-02-16' },
  RejectExpense: { claimId: 'exp-energy-010', rejectedOn: '2026-02-16', reason: 'Taxi fares need a receipt' },
  PayExpense: { claimId: 'exp-energy-009', paidOn: '2026-03-02', amountPence: 4200, method: 'bank_transfer', reference: null },
  CaptureQuote: {
    quoteId: 'quote-energy-02',
    projectId: 'p-energy',
    participantId: 'part-003',
    activityId: 'act-energy-05',
    decisionId: null,
    context: 'Closing round of the design workshop',
    outcomeIds: ['increased_influence'],
    attribution: 'role_only',
    allowedUses: ['internal_evaluation', 'committee_papers'],
    language: 'pl',
    capturedOn: '2026-03-10T12:45:00Z',
    personal: { subjectId: 'part-003', fields: { words: WORDS } },
  },
  ChangeQuoteConsent: {
    quoteId: 'quote-energy-02',
    attribution: 'anonymous',
    allowedUses: ['internal_evaluation'],
    reason: 'Asked not to be quoted in public',
  },
  WithdrawQuoteConsent: { quoteId: 'quote-energy-02', withdrawnOn: '2026-07-01', reason: null },
  RecordSurveyResponse: {
    projectId: 'p-energy',
    participantId: 'part-003',
    responseId: 'svy-energy-pre-003',
    phase: 'pre',
    answers: { confidence_in_partnership: 2, skills_and_knowledge: 3, sense_of_influence: 1 },
    respondedOn: '2026-01-20',
  },
  DefineServiceMeasure: {
    measureId: 'measure-energy-enquiries',
    projectId: 'p-energy',
    name: 'Community groups asking for help with an energy scheme',
    unit: 'enquiries per quarter',
    baseline: 2,
    baselineOn: '2025-12-31',
    betterWhen: 'higher',
    outcomeId: 'services_improved',
  },
  RecordServiceMeasureReading: { measureId: 'measure-energy-enquiries', value: -1.5, readingOn: '2026-09-30', note: null },
  WithdrawExpenseApproval: { claimId: 'exp-energy-009', withdrawnOn: '2026-02-17', reason: 'Approved at the wrong amount' },
  ReverseExpensePayment: { claimId: 'exp-energy-009', reversedOn: '2026-03-09', reason: 'Bank transfer returned: account closed' },
  AmendActivityPlan: {
    activityId: 'act-energy-05',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    title: 'Design workshop',
    reason: 'Title typed wrongly',
  },
  AmendSessionHeld: { activityId: 'act-energy-05', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', durationMinutes: 150, reason: 'Finished early' },
  VoidSessionHeld: { activityId: 'act-energy-05', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Recorded against the wrong session' },
  AmendAttendance: {
    activityId: 'act-energy-05',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    minutes: 95,
    reason: 'He left the workshop at lunch',
  },
  VoidAttendance: { activityId: 'act-energy-05', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'On the sign-in sheet by mistake' },
  VoidContribution: { activityId: 'act-energy-05', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Typed up twice' },
  AmendDecision: {
    decisionId: 'dec-energy-cabinet',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    reference: 'EX4322',
    reason: 'Paper number misread',
  },
  AmendInfluence: {
    decisionId: 'dec-energy-cabinet',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    ladderLevel: 'co_design',
    whereInRecommendation: null,
    reason: 'Level agreed at the steering group',
  },
  VoidInfluence: { decisionId: 'dec-energy-cabinet', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Linked to the wrong decision' },
  VoidProposalNotAdopted: { decisionId: 'dec-energy-cabinet', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'It was adopted after all' },
  VoidCommitmentMet: { decisionId: 'dec-energy-cabinet', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Not met yet' },
  AmendServiceMeasure: {
    measureId: 'measure-energy-enquiries',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    baseline: 3,
    reason: 'Baseline recounted',
  },
  AmendServiceMeasureReading: {
    measureId: 'measure-energy-enquiries',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    value: 8,
    note: null,
    reason: 'Recounted',
  },
  VoidServiceMeasureReading: { measureId: 'measure-energy-enquiries', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Read twice' },
  AmendSurveyResponse: {
    projectId: 'p-energy',
    participantId: 'part-003',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    answers: { sense_of_influence: 2 },
    reason: 'Paper form misread',
  },
  VoidSurveyResponse: {
    projectId: 'p-energy',
    participantId: 'part-003',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    reason: 'Form belonged to someone else',
  },
  AmendSetupActivity: {
    projectId: 'p-energy',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    note: 'Agreed at the first meeting',
    reason: 'Note added',
  },
  VoidSetupActivity: { projectId: 'p-energy', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Not done yet' },
  AmendPrincipleReflection: {
    projectId: 'p-energy',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    madeADifference: false,
    reason: 'Steering group disagreed',
  },
  VoidPrincipleReflection: { projectId: 'p-energy', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Recorded against the wrong project' },
  VoidProjectProposalNotAdopted: { projectId: 'p-energy', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'It was adopted after all' },
  VoidProjectStory: { projectId: 'p-energy', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'Names a resident who had not agreed' },
  EraseProjectStoryWords: {
    projectId: 'p-energy',
    eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
    reason: 'Names a resident who asked not to be named',
  },
};

/** A contribution in one participant's own words: sealed under their key, so it travels in `personal`. */
const PARTICIPANT_WORDS = {
  activityId: 'act-voice-03',
  contributionId: 'con-voice-03-2',
  participantIds: ['part-047'],
  kind: 'feedback',
  recordedAs: 'participant_words',
  personal: { subjectId: 'part-047', fields: { words: 'Care reviews are done to me, not with me.' } },
} satisfies DataOf<'RecordContribution'>;

/** Validates a JSON body exactly as the commands controller does. */
async function submit(type: string, body: unknown): Promise<{ dto: object; invalid: string[] }> {
  const dto = plainToInstance(COMMAND_DTOS[type], JSON.parse(JSON.stringify(body)) as object);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return { dto, invalid: invalidFields(errors).map((entry) => entry.field) };
}

/** A plain copy that keeps keys whose value is undefined, so an exact comparison sees them. */
function ownFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownFields);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, ownFields(field)]));
}

function withChange(type: CommandType, change: Record<string, unknown>): Record<string, unknown> {
  return { ...VALID[type], ...change };
}

function without(type: CommandType, field: string): Record<string, unknown> {
  const { [field]: _dropped, ...rest } = VALID[type] as Record<string, unknown>;
  return rest;
}

describe('command DTOs', () => {
  it('has a DTO for exactly the command types of every decider', () => {
    const commandTypes = DECIDERS.flatMap((decider) => [...decider.commandTypes, ...Object.keys(decider.corrections?.rules ?? {})]);
    expect(Object.keys(COMMAND_DTOS).sort()).toEqual([...commandTypes].sort());
    expect(Object.keys(VALID).sort()).toEqual([...commandTypes].sort());
  });

  it.each(Object.keys(VALID) as CommandType[])('accepts a valid %s and yields exactly the command data', async (type) => {
    const { dto, invalid } = await submit(type, VALID[type]);
    expect(invalid).toEqual([]);
    expect(dto).toBeInstanceOf(COMMAND_DTOS[type]);
    expect(ownFields(dto)).toStrictEqual(VALID[type]);
  });

  it.each([
    ['RegisterProject', 'startedOn'],
    ['RegisterParticipant', 'organisation'],
    ['RecordSetupActivity', 'note'],
    ['MoveProjectToStage', 'reason'],
    ['LinkInfluence', 'whereInRecommendation'],
    ['RecordProposalNotAdopted', 'contributionId'],
    ['MakeCommitment', 'dueBy'],
    ['ClaimExpense', 'activityId'],
    ['PayExpense', 'reference'],
    ['CaptureQuote', 'activityId'],
    ['CaptureQuote', 'decisionId'],
    ['WithdrawQuoteConsent', 'reason'],
    ['DefineServiceMeasure', 'outcomeId'],
    ['RecordServiceMeasureReading', 'note'],
  ] as [CommandType, string][])('reads an omitted %s.%s as null', async (type, field) => {
    const { dto, invalid } = await submit(type, without(type, field));
    expect(invalid).toEqual([]);
    expect(ownFields(dto)).toStrictEqual({ ...VALID[type], [field]: null });
  });

  it("validates an amendment's fields exactly as the command that recorded them", async () => {
    for (const [type, field, value] of [
      ['AmendAttendance', 'minutes', -30],
      ['AmendAttendance', 'minutes', 1_000_000],
      ['AmendAttendance', 'capacity', 'bribe'],
      ['AmendActivityPlan', 'plannedFor', 'garbage'],
      ['AmendSurveyResponse', 'answers.sense_of_influence', 6],
    ] as const) {
      const body = withChange(type, field.includes('.') ? { answers: { sense_of_influence: value } } : { [field]: value });
      const { invalid } = await submit(type, body);
      expect(invalid).toContain(field);
    }
  });

  it.each([
    ['omitted', undefined],
    ['empty', ''],
    ['null', null],
  ])('accepts an officer decision with its reference %s, leaving the rule for other makers to the decider', async (_how, reference) => {
    const body = {
      ...without('RecordDecision', 'reference'),
      decisionMaker: 'officer_delegation',
      ...(reference === undefined ? {} : { reference }),
    };
    const { dto, invalid } = await submit('RecordDecision', body);
    expect(invalid).toEqual([]);
    expect(ownFields(dto)).toStrictEqual(body);
  });

  it('refuses a decision reference that is not text or is too long', async () => {
    expect((await submit('RecordDecision', withChange('RecordDecision', { reference: 4321 }))).invalid).toEqual(['reference']);
    expect((await submit('RecordDecision', withChange('RecordDecision', { reference: 'X'.repeat(101) }))).invalid).toEqual(['reference']);
  });

  it('leaves the reference out of an amendment that does not change it, so it is not emptied', async () => {
    const body = without('AmendDecision', 'reference');
    const { dto, invalid } = await submit('AmendDecision', { ...body, title: 'Adopt the guidance note' });
    expect(invalid).toEqual([]);
    expect(Object.keys(dto)).not.toContain('reference');
  });

  it('keeps an omitted organisation out of a profile update, so the one recorded is kept', async () => {
    const { dto, invalid } = await submit('UpdateParticipantProfile', VALID.UpdateParticipantProfile);
    expect(invalid).toEqual([]);
    expect(Object.keys(dto)).not.toContain('organisation');
  });

  it.each([
    ['names a new organisation', 'Berkshire Carers Centre'],
    ['removes it with null', null],
  ])('accepts a profile update that %s', async (_what, organisation) => {
    const body = withChange('UpdateParticipantProfile', { role: 'community_organisation_rep', organisation });
    const { dto, invalid } = await submit('UpdateParticipantProfile', body);
    expect(invalid).toEqual([]);
    expect(ownFields(dto)).toStrictEqual(body);
  });

  it.each([['   '], [''], [42], ['X'.repeat(301)]])('refuses the organisation %j on a profile update', async (organisation) => {
    expect((await submit('UpdateParticipantProfile', withChange('UpdateParticipantProfile', { organisation }))).invalid).toEqual(['organisation']);
  });

  it("accepts a participant's own words in personal, with no summary key left behind", async () => {
    const { dto, invalid } = await submit('RecordContribution', PARTICIPANT_WORDS);
    expect(invalid).toEqual([]);
    expect(ownFields(dto)).toStrictEqual(PARTICIPANT_WORDS);
  });

  it('leaves no key behind for personal details the person did not give', async () => {
    const body = withChange('RegisterParticipant', { personal: { subjectId: 'part-003', fields: { name: 'Paweł Wójcik' } } });
    const { dto, invalid } = await submit('RegisterParticipant', body);
    expect(invalid).toEqual([]);
    expect(ownFields(dto)).toStrictEqual(body);
  });

  it.each(SURVEY_ITEMS)('accepts a survey answering only %s, with no other item in the answers', async (item) => {
    const body = withChange('RecordSurveyResponse', { answers: { [item]: 5 } });
    const { dto, invalid } = await submit('RecordSurveyResponse', body);
    expect(invalid).toEqual([]);
    expect(ownFields(dto)).toStrictEqual(body);
  });

  const details = (fields: Record<string, string>) =>
    withChange('UpdateParticipantDetails', { personal: { subjectId: 'part-001', fields: { name: 'Margaret Holloway', ...fields } } });

  it.each(['01635 519000', '(01635) 519000', '07700-900-101', '+44 7700 900101', '+44 (0)7700 900101', '+48 601 234 567'])(
    'accepts the phone number %s as people write it',
    async (phone) => {
      expect((await submit('UpdateParticipantDetails', details({ phone }))).invalid).toEqual([]);
    },
  );

  it.each(['RG14 5LD', 'rg145ld', 'SW1A 1AA', 'M1 1AE', 'RG14', 'EC1A'])(
    'accepts the postcode %s, in full or just its first part',
    async (postcode) => {
      expect((await submit('UpdateParticipantDetails', details({ postcode }))).invalid).toEqual([]);
    },
  );

  it('names every invalid field of a body, not just the first', async () => {
    const { invalid } = await submit('RecordAttendance', { activityId: 'act-energy-05', minutes: 0, capacity: 'boss', format: 'fax' });
    expect(invalid.sort()).toEqual(['capacity', 'format', 'minutes', 'participantId']);
  });

  const refusals: [string, CommandType, string, Record<string, unknown>][] = [
    ['a missing required field', 'RegisterProject', 'title', without('RegisterProject', 'title')],
    ['a missing flag', 'LinkInfluence', 'optionsAlreadyFormed', without('LinkInfluence', 'optionsAlreadyFormed')],
    ['a missing nested object', 'CaptureQuote', 'personal', without('CaptureQuote', 'personal')],
    ['null where the domain allows no null', 'CancelActivity', 'reason', withChange('CancelActivity', { reason: null })],
    ['a value outside the vocabulary', 'PlanActivity', 'format', withChange('PlanActivity', { format: 'carrier_pigeon' })],
    ['a ladder level that does not exist', 'HoldActivity', 'ladderLevel', withChange('HoldActivity', { ladderLevel: 'tokenism' })],
    [
      'an unknown value in a list',
      'RegisterParticipant',
      'preferredFormats',
      withChange('RegisterParticipant', { preferredFormats: ['online', 'fax'] }),
    ],
    ['a value listed twice', 'ChangeQuoteConsent', 'allowedUses', withChange('ChangeQuoteConsent', { allowedUses: ['public', 'public'] })],
    ['a quote without consent', 'CaptureQuote', 'allowedUses', withChange('CaptureQuote', { allowedUses: [] })],
    ['negative minutes', 'RecordAttendance', 'minutes', withChange('RecordAttendance', { minutes: -30 })],
    ['zero minutes', 'HoldActivity', 'durationMinutes', withChange('HoldActivity', { durationMinutes: 0 })],
    ['part minutes', 'RecordAttendance', 'minutes', withChange('RecordAttendance', { minutes: 90.5 })],
    ['more than a day of minutes', 'RecordAttendance', 'minutes', withChange('RecordAttendance', { minutes: 1441 })],
    ['minutes as text', 'RecordAttendance', 'minutes', withChange('RecordAttendance', { minutes: '120' })],
    ['pence as a decimal', 'ClaimExpense', 'amountPence', withChange('ClaimExpense', { amountPence: 36.5 })],
    ['pence as text', 'PayExpense', 'amountPence', withChange('PayExpense', { amountPence: '4200' })],
    ['no pence at all', 'AmendExpenseClaim', 'amountPence', withChange('AmendExpenseClaim', { amountPence: 0 })],
    ['a date that does not exist', 'HoldActivity', 'heldOn', withChange('HoldActivity', { heldOn: '2026-02-30' })],
    ['a British-style date', 'ApproveExpense', 'approvedOn', withChange('ApproveExpense', { approvedOn: '16/02/2026' })],
    ['a date and time joined by a space', 'PlanActivity', 'plannedFor', withChange('PlanActivity', { plannedFor: '2026-03-10 10:00' })],
    ['a nullable date that is not a date', 'MakeCommitment', 'dueBy', withChange('MakeCommitment', { dueBy: 'soon' })],
    ['an unknown extra field', 'RecordAttendance', 'hours', withChange('RecordAttendance', { hours: 2 })],
    ['a field the server derives', 'ClaimExpense', 'recordedBy', withChange('ClaimExpense', { recordedBy: 'j.smith' })],
    [
      'an unknown personal detail',
      'RegisterParticipant',
      'personal.fields.nationalInsurance',
      withChange('RegisterParticipant', { personal: { subjectId: 'part-003', fields: { name: 'Paweł Wójcik', nationalInsurance: 'QQ123456C' } } }),
    ],
    ['an unknown survey item', 'RecordSurveyResponse', 'answers.happiness', withChange('RecordSurveyResponse', { answers: { happiness: 3 } })],
    ['over-long free text', 'CancelActivity', 'reason', withChange('CancelActivity', { reason: 'x'.repeat(5001) })],
    ['an over-long title', 'PlanActivity', 'title', withChange('PlanActivity', { title: 'x'.repeat(301) })],
    ['blank text', 'RecordContribution', 'summary', withChange('RecordContribution', { summary: '   ' })],
    ['a contribution that does not say whose words it is', 'RecordContribution', 'recordedAs', without('RecordContribution', 'recordedAs')],
    ['a staff summary without its text', 'RecordContribution', 'summary', without('RecordContribution', 'summary')],
    [
      'a staff summary carrying personal words',
      'RecordContribution',
      'personal',
      withChange('RecordContribution', { personal: { subjectId: 'part-002', fields: { words: WORDS } } }),
    ],
    ['participant words sent as plain text', 'RecordContribution', 'summary', { ...PARTICIPANT_WORDS, summary: WORDS }],
    ['participant words without the words', 'RecordContribution', 'personal', { ...PARTICIPANT_WORDS, personal: undefined }],
    [
      'participant words that are blank',
      'RecordContribution',
      'personal.fields.words',
      { ...PARTICIPANT_WORDS, personal: { subjectId: 'part-047', fields: { words: ' ' } } },
    ],
    ['an id with a space', 'RecordAttendance', 'participantId', withChange('RecordAttendance', { participantId: 'part 003' })],
    ['an id that climbs folders', 'CloseProject', 'projectId', withChange('CloseProject', { projectId: '../p-energy' })],
    ['an over-long id', 'TailorOutcome', 'outcomeId', withChange('TailorOutcome', { outcomeId: 'o'.repeat(101) })],
    ['a bad id in a list', 'LinkInfluence', 'activityIds', withChange('LinkInfluence', { activityIds: ['act-energy-05', ''] })],
    ['a flag given as text', 'RecordPrincipleReflection', 'madeADifference', withChange('RecordPrincipleReflection', { madeADifference: 'yes' })],
    ['a reading that is not a number', 'RecordServiceMeasureReading', 'value', withChange('RecordServiceMeasureReading', { value: '7' })],
    [
      'an e-mail address that is not one',
      'UpdateParticipantDetails',
      'personal.fields.email',
      withChange('UpdateParticipantDetails', {
        personal: { subjectId: 'part-001', fields: { name: 'Margaret Holloway', email: 'margaret at home' } },
      }),
    ],
    [
      'a null e-mail address (leave it out instead)',
      'UpdateParticipantDetails',
      'personal.fields.email',
      withChange('UpdateParticipantDetails', { personal: { subjectId: 'part-001', fields: { name: 'Margaret Holloway', email: null } } }),
    ],
    [
      'a phone number that is not one',
      'UpdateParticipantDetails',
      'personal.fields.phone',
      withChange('UpdateParticipantDetails', { personal: { subjectId: 'part-001', fields: { name: 'Margaret Holloway', phone: '12' } } }),
    ],
    [
      'a postcode that is not a UK one',
      'UpdateParticipantDetails',
      'personal.fields.postcode',
      withChange('UpdateParticipantDetails', { personal: { subjectId: 'part-001', fields: { name: 'Margaret Holloway', postcode: '90210' } } }),
    ],
    [
      'personal details without a name',
      'UpdateParticipantDetails',
      'personal.fields.name',
      withChange('UpdateParticipantDetails', { personal: { subjectId: 'part-001', fields: { postcode: 'RG20' } } }),
    ],
    ['personal data given as text', 'RegisterParticipant', 'personal', withChange('RegisterParticipant', { personal: 'Paweł Wójcik' })],
    [
      'a quote with no words',
      'CaptureQuote',
      'personal.fields.words',
      withChange('CaptureQuote', { personal: { subjectId: 'part-003', fields: { words: '' } } }),
    ],
    ['a language that is not a BCP 47 tag', 'CaptureQuote', 'language', withChange('CaptureQuote', { language: 'Polish language' })],
    [
      'a survey answer above the scale',
      'RecordSurveyResponse',
      'answers.sense_of_influence',
      withChange('RecordSurveyResponse', { answers: { sense_of_influence: 6 } }),
    ],
    [
      'a half-point survey answer',
      'RecordSurveyResponse',
      'answers.skills_and_knowledge',
      withChange('RecordSurveyResponse', { answers: { skills_and_knowledge: 3.5 } }),
    ],
    ['a survey with no answers', 'RecordSurveyResponse', 'answers', withChange('RecordSurveyResponse', { answers: {} })],
    ['a survey phase that does not exist', 'RecordSurveyResponse', 'phase', withChange('RecordSurveyResponse', { phase: 'during' })],
    ['a correction without a reason', 'VoidAttendance', 'reason', without('VoidAttendance', 'reason')],
    [
      'an amendment of a field the correction does not change',
      'AmendAttendance',
      'participantId',
      withChange('AmendAttendance', { participantId: 'part-009' }),
    ],
    ['a measure direction that does not exist', 'DefineServiceMeasure', 'betterWhen', withChange('DefineServiceMeasure', { betterWhen: 'sideways' })],
  ];

  it.each(refusals)('refuses %s (%s), naming %s', async (_, type, field, body) => {
    const { invalid } = await submit(type, body);
    expect(invalid).toEqual([field]);
  });

  it('explains each refusal in words that name the field', async () => {
    const body = withChange('ClaimExpense', { amountPence: 36.5 });
    const errors = await validate(plainToInstance(COMMAND_DTOS.ClaimExpense, body), { whitelist: true, forbidNonWhitelisted: true });
    expect(invalidFields(errors)).toEqual([
      { field: 'amountPence', problems: ['amountPence must be a whole number of pence (for £12.50 send 1250)'] },
    ]);
  });

  const nested = [ParticipantDetailsDto, PersonalDetailsDto, QuotePersonalDto, QuoteWordsDto, SurveyAnswersDto];
  it.each([...Object.values(COMMAND_DTOS), ...nested].map((dto) => [dto.name, dto] as const))(
    'documents every validated property of %s with a description and an example',
    (_, dto) => {
      const validated = new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(dto, '', true, false)
          .map((rule) => rule.propertyName),
      );
      const undocumented = [...validated].filter((property) => {
        const doc = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property) as
          { description?: string; example?: unknown } | undefined;
        return !doc?.description || doc.example === undefined;
      });
      expect(validated.size).toBeGreaterThan(0);
      expect(undocumented).toEqual([]);
    },
  );
});
