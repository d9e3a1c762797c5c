import {
  ChangeProjectFramework,
  CloseProject,
  EraseProjectStoryWords,
  MoveProjectToStage,
  RecordPrincipleReflection,
  RecordProjectProposalNotAdopted,
  RecordProjectStory,
  RecordSetupActivity,
  RegisterProject,
  SETUP_ACTIVITIES,
  SetupActivity,
  Stage,
  STAGES,
  STORY_PARTS,
  STORY_TEXT_MAX_LENGTH,
  StoryPart,
  TailorOutcome,
} from '@coprod/domain';
import { ChoiceField, CommandBody, DateField, FlagField, IdField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

const FRAMEWORK_ID = { description: 'Id of the co-production framework the project is evaluated against', example: 'west-berkshire' };

/** Body of `POST /api/commands/RegisterProject`. */
export class RegisterProjectDto implements CommandBody<RegisterProject> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @TextField({ description: 'Title of the project', example: 'An introductory guidance note on community energy generation' }, TEXT_LIMITS.title)
  title: string;
  @TextField({ description: 'Service area the project belongs to', example: 'Environment and climate' }, TEXT_LIMITS.title)
  serviceArea: string;
  @TextField(
    { description: 'What the project sets out to do', example: 'Write, with residents, a plain guide for villages thinking about community energy' },
    TEXT_LIMITS.freeText,
  )
  aim: string;
  @IdField(FRAMEWORK_ID) frameworkId: string;
  @TextField(
    {
      description: "The service improvement sought (the project's own outcome 5)",
      example: 'More community groups ask the council for help setting up an energy scheme',
    },
    TEXT_LIMITS.freeText,
  )
  improvementSought: string;
  @FlagField({ description: 'Whether new members can still join', example: true }) openToNewMembers: boolean;
  @DateField(
    {
      description: 'The day the project started, where it started before it was recorded; as-of answers and the stage history count from it',
      example: '2026-01-12',
    },
    { nullable: true },
  )
  startedOn: string | null = null;
}

/** Body of `POST /api/commands/TailorOutcome`. */
export class TailorOutcomeDto implements CommandBody<TailorOutcome> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField({ description: 'Id of the framework outcome being tailored', example: 'services_improved' }) outcomeId: string;
  @TextField(
    { description: "The outcome in this project's own words", example: 'Villages get clear, honest advice on community energy from the council' },
    TEXT_LIMITS.freeText,
  )
  wording: string;
}

/** Body of `POST /api/commands/RecordSetupActivity`. */
export class RecordSetupActivityDto implements CommandBody<RecordSetupActivity> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @ChoiceField(SETUP_ACTIVITIES, { description: 'Which set-up activity was done', example: 'steering_group_formed' }) activity: SetupActivity;
  @DateField({ description: 'When it was done', example: '2026-01-20' }) doneOn: string;
  @TextField(
    { description: 'A note on how it was done', example: 'Ten members, three of them carers; chair elected from residents' },
    TEXT_LIMITS.freeText,
    { nullable: true },
  )
  note: string | null = null;
}

/** Body of `POST /api/commands/MoveProjectToStage`. */
export class MoveProjectToStageDto implements CommandBody<MoveProjectToStage> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @ChoiceField(STAGES, { description: 'The stage the project enters', example: 'co_design' }) stage: Stage;
  @DateField({ description: 'When it entered the stage', example: '2026-03-02' }) enteredOn: string;
  @TextField({ description: 'Why it moved now', example: 'Steering group agreed the questions the note must answer' }, TEXT_LIMITS.freeText, {
    nullable: true,
  })
  reason: string | null = null;
}

/** Body of `POST /api/commands/ChangeProjectFramework`. */
export class ChangeProjectFrameworkDto implements CommandBody<ChangeProjectFramework> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField({ ...FRAMEWORK_ID, example: 'care-act-nef-scie' }) frameworkId: string;
  @TextField(
    { description: 'Why the framework changes', example: 'The project moved to adult social care, which reports against the Care Act framework' },
    TEXT_LIMITS.freeText,
  )
  reason: string;
}

/** Body of `POST /api/commands/RecordPrincipleReflection`. */
export class RecordPrincipleReflectionDto implements CommandBody<RecordPrincipleReflection> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField({ description: 'Id of the framework principle reflected on', example: 'inclusive' }) principleId: string;
  @TextField(
    {
      description: 'What the group noticed about the principle in practice',
      example: 'Posting papers ahead meant members offline could take full part',
    },
    TEXT_LIMITS.freeText,
  )
  reflection: string;
  @FlagField({ description: 'Whether applying the principle made a difference', example: true }) madeADifference: boolean;
  @DateField({ description: 'When the reflection was made', example: '2026-04-14' }) recordedOn: string;
}

/** Body of `POST /api/commands/CloseProject`. */
export class CloseProjectDto implements CommandBody<CloseProject> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @DateField({ description: 'When the project closed', example: '2026-11-30' }) closedOn: string;
  @TextField(
    {
      description: 'What the project achieved, in a few sentences',
      example: 'The guidance note was published in print and online; two villages have started schemes',
    },
    TEXT_LIMITS.freeText,
  )
  summary: string;
}

/**
 * Body of `POST /api/commands/RecordProjectStory`: one part of the project's story, in the evaluation
 * lead's words. Recording a part again records a newer version; the latest is reported.
 */
export class RecordProjectStoryDto implements CommandBody<RecordProjectStory> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @ChoiceField(STORY_PARTS, {
    description:
      "Which part: background (why the project started), reach (how people were reached, and who was not), lessons, next_steps (what happens next), thanks, contact (the public contact for the publication: a team name, team e-mail or phone, never a person's private details)",
    example: 'lessons',
  })
  part: StoryPart;
  @TextField(
    {
      description: 'The text of the part, plain prose written by staff (stored trimmed); it may be recorded after the project closed',
      example: 'Posting papers ahead of each meeting mattered more than any online tool: three members had no internet at home.',
    },
    STORY_TEXT_MAX_LENGTH,
  )
  text: string;
  @DateField({ description: 'When the part was written', example: '2026-12-04' }) recordedOn: string;
}

/**
 * Body of `POST /api/commands/EraseProjectStoryWords`: erases the words of one story version (permission `erase`).
 * The event stays in the history; the key sealing its words is destroyed, so they can never be read again.
 */
export class EraseProjectStoryWordsDto implements CommandBody<EraseProjectStoryWords> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField({
    description: "Id of the ProjectStoryRecorded event whose words are erased (from the project's history)",
    example: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40',
  })
  eventId: string;
  @TextField({ description: 'Why the words are erased', example: 'The thanks named a resident who asked not to be named' }, TEXT_LIMITS.freeText)
  reason: string;
}

/**
 * Body of `POST /api/commands/RecordProjectProposalNotAdopted`: a proposal not adopted, recorded on the
 * project, optionally naming the decision of this project that turned it down.
 */
export class RecordProjectProposalNotAdoptedDto implements CommandBody<RecordProjectProposalNotAdopted> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField({ description: 'Id of the proposal not adopted, unique within the project, including its decisions', example: 'prop-energy-4' })
  proposalId: string;
  @IdField({ description: 'Contribution the proposal came from, if recorded', example: 'con-energy-05-3' }, { nullable: true })
  contributionId: string | null = null;
  @TextField({ description: 'What was proposed', example: 'Hold the launch event in every parish rather than one in Newbury' }, TEXT_LIMITS.freeText)
  proposal: string;
  @TextField(
    {
      description: 'Why it was not adopted, as told back to participants',
      example: 'There was no budget for more than one launch; the note was posted to every parish clerk instead',
    },
    TEXT_LIMITS.freeText,
  )
  reason: string;
  @IdField(
    { ...REFERENCE_DOCS.decisionId, description: 'The decision of this project that turned the proposal down, if there was one' },
    { nullable: true },
  )
  decisionId: string | null = null;
  @DateField({ description: 'When the proposal was known not to be adopted', example: '2026-07-02' }) recordedOn: string;
}
