import { ApiHarness, energyProject } from './api-harness';

/** Words each speaker gave, by quote id: public and named, public by role, and committee papers only. */
export const SMALL_PROJECT_QUOTES = {
  'q-1': {
    participantId: 'part-1',
    words: 'The council wrote this note with us, line by line',
    attribution: 'named',
    allowedUses: ['public', 'committee_papers', 'internal_evaluation'],
  },
  'q-2': {
    participantId: 'part-2',
    words: 'I could ring in when I could not get to the hall',
    attribution: 'role_only',
    allowedUses: ['public', 'internal_evaluation'],
  },
  'q-3': { participantId: 'part-3', words: 'Put the five questions at the start of the note', attribution: 'anonymous', allowedUses: ['committee_papers'] },
} as const;

/** Names of the people in the small project, as registered (their personal data). */
export const SMALL_PROJECT_NAMES = ['Ada Ashworth', 'Bilal Brennan', 'Cerys Caddick', 'Dorota Dunne', 'Eamon Eyre', 'Fola Fenwick'];

const ROLES = ['resident', 'carer', 'resident', 'person_drawing_on_care', 'resident', 'council_officer'];

/** Request headers of one signed-in person. */
export type SignedIn = Record<string, string>;

/** Three evaluation leads, so a claim can be recorded, approved and paid by different people. */
export interface Team {
  officer: SignedIn;
  approver: SignedIn;
  payer: SignedIn;
}

/** Issues the team's bearer tokens on an API started with `{ auth: 'tokens' }`. */
export async function signInTeam(api: ApiHarness): Promise<Team> {
  const as = async (actorId: string) => ({ Authorization: `Bearer ${await api.issueToken('evaluation_lead', actorId)}` });
  return { officer: await as('ann.officer'), approver: await as('bea.approver'), payer: await as('cal.payer') };
}

/**
 * Records a small co-produced project over HTTP, shaped like the demo's: six people, two sessions
 * with attendance, three quotes under different consent, a staff summary of a proposal, a decision it
 * influenced, and an expense claimed, approved and paid. Every date is a fixed day in 2026.
 */
export async function recordSmallProject(api: ApiHarness, team: Team): Promise<void> {
  const { officer } = team;
  await api.command('RegisterProject', energyProject, officer).expect(201);
  for (const [index, name] of SMALL_PROJECT_NAMES.entries()) {
    const participantId = `part-${index + 1}`;
    await api
      .command(
        'RegisterParticipant',
        {
          participantId,
          role: ROLES[index],
          seldomHeardGroups: index % 2 === 0 ? ['carers'] : [],
          preferredFormats: ['in_person'],
          personal: { subjectId: participantId, fields: { name } },
        },
        officer,
      )
      .expect(201);
  }
  for (const [activityId, heldOn] of [
    ['act-1', '2026-03-10T18:00:00.000Z'],
    ['act-2', '2026-04-14T18:00:00.000Z'],
  ] as const) {
    await api
      .command(
        'PlanActivity',
        {
          activityId,
          projectId: 'p-energy',
          title: `Design workshop ${activityId}`,
          activityType: 'workshop',
          stage: 'co_design',
          format: 'in_person',
          plannedFor: heldOn,
          ladderLevel: 'co_design',
        },
        officer,
      )
      .expect(201);
    await api.command('HoldActivity', { activityId, heldOn, durationMinutes: 120, ladderLevel: 'co_design' }, officer).expect(201);
    for (const [index] of SMALL_PROJECT_NAMES.entries()) {
      await api
        .command(
          'RecordAttendance',
          {
            activityId,
            participantId: `part-${index + 1}`,
            minutes: 120,
            capacity: index === 0 ? 'chair' : 'member',
            format: index === 1 ? 'phone' : 'in_person',
          },
          officer,
        )
        .expect(201);
    }
  }
  for (const [quoteId, quote] of Object.entries(SMALL_PROJECT_QUOTES)) {
    await api
      .command(
        'CaptureQuote',
        {
          quoteId,
          projectId: 'p-energy',
          participantId: quote.participantId,
          activityId: 'act-1',
          decisionId: null,
          context: 'Closing round of the first workshop',
          outcomeIds: ['increased_influence', 'more_confident'],
          attribution: quote.attribution,
          allowedUses: quote.allowedUses,
          language: 'en',
          capturedOn: '2026-03-10T19:30:00.000Z',
          personal: { subjectId: quote.participantId, fields: { words: quote.words } },
        },
        officer,
      )
      .expect(201);
  }
  await api
    .command(
      'RecordContribution',
      {
        activityId: 'act-2',
        contributionId: 'con-1',
        participantIds: ['part-4', 'part-5'],
        kind: 'proposal',
        recordedAs: 'staff_summary',
        summary: 'Organise the note around the questions a group asks first',
      },
      officer,
    )
    .expect(201);
  await api
    .command(
      'RecordDecision',
      {
        decisionId: 'd-1',
        projectId: 'p-energy',
        title: 'Adopt the community energy guidance note',
        decisionMaker: 'cabinet',
        reference: 'EX-2026-17',
        decidedOn: '2026-05-20',
        recommendation: 'That the Executive adopts the guidance note written with residents',
      },
      officer,
    )
    .expect(201);
  await api
    .command(
      'LinkInfluence',
      {
        decisionId: 'd-1',
        influenceId: 'inf-1',
        contributionIds: ['con-1'],
        activityIds: ['act-2'],
        youSaid: 'Start with the questions groups ask',
        weDid: 'The note is organised as those questions',
        whereInRecommendation: 'Appendix A',
        ladderLevel: 'co_production',
        needhamCarrLevel: 'intermediate',
        optionsAlreadyFormed: false,
      },
      officer,
    )
    .expect(201);
  await api
    .command(
      'ClaimExpense',
      {
        claimId: 'exp-1',
        projectId: 'p-energy',
        participantId: 'part-2',
        activityId: 'act-1',
        category: 'travel',
        amountPence: 1250,
        description: 'Bus fares to the hall',
        claimedOn: '2026-03-11',
      },
      officer,
    )
    .expect(201);
  await api.command('ApproveExpense', { claimId: 'exp-1', approvedOn: '2026-03-12' }, team.approver).expect(201);
  await api
    .command('PayExpense', { claimId: 'exp-1', paidOn: '2026-03-13', amountPence: 1250, method: 'bank_transfer', reference: 'BACS 1' }, team.payer)
    .expect(201);
}
