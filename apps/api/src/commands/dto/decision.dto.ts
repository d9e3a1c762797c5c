import {
  DECISION_MAKERS,
  DecisionMaker,
  LADDER_LEVELS,
  LadderLevel,
  LinkInfluence,
  MakeCommitment,
  MeetCommitment,
  NEEDHAM_CARR_LEVELS,
  NeedhamCarrLevel,
  RecordDecision,
  RecordEngagementAccount,
  RecordProposalNotAdopted,
} from '@coprod/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ChoiceField, CommandBody, DateField, FlagField, IdField, IdListField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

const MAX_SOURCES = 200;
const COMMITMENT_ID = { description: 'Id of the commitment', example: 'com-energy-1' };

/** Body of `POST /api/commands/RecordDecision`. */
export class RecordDecisionDto implements CommandBody<RecordDecision> {
  @IdField(REFERENCE_DOCS.decisionId) decisionId: string;
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @TextField({ description: 'What was decided, as the paper titles it', example: 'Adopt the community energy guidance note' }, TEXT_LIMITS.title)
  title: string;
  @ChoiceField(DECISION_MAKERS, { description: 'Who took the decision', example: 'cabinet' }) decisionMaker: DecisionMaker;
  /** Optional here because an officer decision under delegation may have none; the decider requires it for every other maker. */
  @ApiPropertyOptional({
    description: 'Reference of the decision, e.g. the committee paper number; required unless decisionMaker is officer_delegation',
    example: 'EX4321',
    type: String,
    maxLength: TEXT_LIMITS.id,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.id, { message: `$property must be at most ${TEXT_LIMITS.id} characters` })
  declare reference?: string | null;
  @DateField({ description: 'When it was decided', example: '2026-06-18' }) decidedOn: string;
  @TextField(
    {
      description: 'The recommendation decided on',
      example: 'That the Executive adopts the guidance note and funds a printed copy for every parish council',
    },
    TEXT_LIMITS.freeText,
  )
  recommendation: string;
}

/** Body of `POST /api/commands/LinkInfluence`. */
export class LinkInfluenceDto implements CommandBody<LinkInfluence> {
  @IdField(REFERENCE_DOCS.decisionId) decisionId: string;
  @IdField({ description: 'Id of this influence', example: 'inf-energy-1' }) influenceId: string;
  @IdListField({ description: 'Contributions the influence came from', example: ['con-energy-05-1'] }, { maxItems: MAX_SOURCES })
  contributionIds: string[];
  @IdListField({ description: 'Activities the influence came from', example: ['act-energy-05'] }, { maxItems: MAX_SOURCES })
  activityIds: string[];
  @TextField(
    { description: 'What participants said ("you said")', example: 'Answer the five questions a group asks, in order' },
    TEXT_LIMITS.freeText,
  )
  youSaid: string;
  @TextField(
    { description: 'What the council did because of it ("we did")', example: 'The note is organised as those five questions' },
    TEXT_LIMITS.freeText,
  )
  weDid: string;
  @TextField({ description: 'Where the recommendation shows it', example: 'Paragraph 5.2 and appendix A' }, TEXT_LIMITS.title, { nullable: true })
  whereInRecommendation: string | null = null;
  @ChoiceField(LADDER_LEVELS, { description: 'Rung of the ladder of co-production reached', example: 'co_production' }) ladderLevel: LadderLevel;
  @ChoiceField(NEEDHAM_CARR_LEVELS, { description: 'Needham and Carr level reached', example: 'intermediate' }) needhamCarrLevel: NeedhamCarrLevel;
  @FlagField({ description: 'Whether the options were already formed when people were involved', example: false })
  optionsAlreadyFormed: boolean;
}

/** Body of `POST /api/commands/RecordProposalNotAdopted`. */
export class RecordProposalNotAdoptedDto implements CommandBody<RecordProposalNotAdopted> {
  @IdField(REFERENCE_DOCS.decisionId) decisionId: string;
  @IdField({
    description: "Id of the proposal not adopted, unique within the decision's project: not used on another decision of it or on the project itself",
    example: 'prop-energy-1',
  })
  proposalId: string;
  @IdField({ description: 'Contribution the proposal came from, if recorded', example: 'con-energy-05-3' }, { nullable: true })
  contributionId: string | null = null;
  @TextField({ description: 'What was proposed', example: 'A section on council grants for community energy schemes' }, TEXT_LIMITS.freeText)
  proposal: string;
  @TextField(
    {
      description: 'Why it was not adopted, as told back to participants',
      example: 'The council has no grant scheme this year; the note points to national funds instead',
    },
    TEXT_LIMITS.freeText,
  )
  reason: string;
}

/** Body of `POST /api/commands/MakeCommitment`. */
export class MakeCommitmentDto implements CommandBody<MakeCommitment> {
  @IdField(REFERENCE_DOCS.decisionId) decisionId: string;
  @IdField(COMMITMENT_ID) commitmentId: string;
  @TextField({ description: 'What the council committed to', example: 'Post a printed copy to every parish council' }, TEXT_LIMITS.freeText)
  description: string;
  @DateField({ description: 'When it is due, if a date was given', example: '2026-09-30' }, { nullable: true }) dueBy: string | null = null;
}

/** Body of `POST /api/commands/MeetCommitment`. */
export class MeetCommitmentDto implements CommandBody<MeetCommitment> {
  @IdField(REFERENCE_DOCS.decisionId) decisionId: string;
  @IdField(COMMITMENT_ID) commitmentId: string;
  @DateField({ description: 'When it was met', example: '2026-09-12' }) metOn: string;
  @TextField(
    { description: 'Evidence that it was met', example: 'Posting list of 63 parish councils, signed off by the project lead' },
    TEXT_LIMITS.freeText,
  )
  evidence: string;
}

/**
 * Body of `POST /api/commands/RecordEngagementAccount`: the parts of a committee paper's "Consultation and
 * engagement" section only a person can write. Each recording is the whole account; a part left out is
 * reported as not recorded. At least one part must be given.
 */
export class RecordEngagementAccountDto implements CommandBody<RecordEngagementAccount> {
  @IdField(REFERENCE_DOCS.decisionId) decisionId: string;
  @TextField(
    {
      description: 'The officer readers contact about this section: name, job title and how to reach them',
      example: 'Sam Patel, Community Energy Officer, 01635 000000',
    },
    TEXT_LIMITS.title,
    { nullable: true },
  )
  contactOfficer: string | null = null;
  @TextField(
    {
      description: 'How people were found and invited to take part',
      example: 'Open invitation through parish councils, the library and two community energy groups',
    },
    TEXT_LIMITS.freeText,
    { nullable: true },
  )
  howRecruited: string | null = null;
  @TextField(
    { description: 'Who the engagement did not reach, as far as the lead knows', example: 'Private tenants and people under 25' },
    TEXT_LIMITS.freeText,
    {
      nullable: true,
    },
  )
  notReached: string | null = null;
  @TextField(
    {
      description: 'How participants were told what was decided and what became of their views',
      example: 'A letter and a meeting of the steering group on 2 July',
    },
    TEXT_LIMITS.freeText,
    { nullable: true },
  )
  howTold: string | null = null;
  @TextField(
    { description: 'What limits the weight the engagement can bear', example: 'Small numbers; most people took part online' },
    TEXT_LIMITS.freeText,
    {
      nullable: true,
    },
  )
  limitations: string | null = null;
}
