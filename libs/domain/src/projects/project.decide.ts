import { Command, Event, Recorded } from '../core/event';
import { ErasureAlreadyRecorded } from '../core/erasure';
import { CorrectionCommand } from '../corrections/correctable';
import { conflict, notFound, requireCalendarDate, requireOneOf, ruleBroken } from '../core/errors';
import { SETUP_ACTIVITIES, SetupActivity, Stage, STAGES } from '../core/vocabulary';
import { ProjectEvent, ProjectState, ProjectStoryWordsErased, STORY_PARTS, STORY_TEXT_MAX_LENGTH, storySubjectId, StoryPart } from './project';

export type RegisterProject = Command<
  'RegisterProject',
  {
    projectId: string;
    title: string;
    serviceArea: string;
    aim: string;
    frameworkId: string;
    improvementSought: string;
    openToNewMembers: boolean;
    /** The day the project started, where it started before it was recorded: as-of answers and the stage history use it. */
    startedOn?: string | null;
  }
>;
export type TailorOutcome = Command<'TailorOutcome', { projectId: string; outcomeId: string; wording: string }>;
export type RecordSetupActivity = Command<'RecordSetupActivity', { projectId: string; activity: SetupActivity; doneOn: string; note: string | null }>;
export type MoveProjectToStage = Command<'MoveProjectToStage', { projectId: string; stage: Stage; enteredOn: string; reason: string | null }>;
export type ChangeProjectFramework = Command<'ChangeProjectFramework', { projectId: string; frameworkId: string; reason: string }>;
export type RecordPrincipleReflection = Command<
  'RecordPrincipleReflection',
  { projectId: string; principleId: string; reflection: string; madeADifference: boolean; recordedOn: string }
>;
export type CloseProject = Command<'CloseProject', { projectId: string; closedOn: string; summary: string }>;
/** Records (or records a newer version of) one part of the project's story; see `STORY_PARTS` for what each part holds. */
export type RecordProjectStory = Command<'RecordProjectStory', { projectId: string; part: StoryPart; text: string; recordedOn: string }>;
/**
 * Erases the words of one recorded story version (`eventId`, from the project's history): the event stays, the key
 * sealing its words is destroyed. Permission `erase`, as for erasing a participant; an erasure is never undone.
 */
export type EraseProjectStoryWords = Command<'EraseProjectStoryWords', { projectId: string; eventId: string; reason: string }>;
/** Records a proposal not adopted on the project, optionally naming the decision of this project that turned it down. */
export type RecordProjectProposalNotAdopted = Command<
  'RecordProjectProposalNotAdopted',
  {
    projectId: string;
    proposalId: string;
    contributionId: string | null;
    proposal: string;
    reason: string;
    decisionId: string | null;
    recordedOn: string;
  }
>;

export type ProjectCommand =
  | RegisterProject
  | TailorOutcome
  | RecordSetupActivity
  | MoveProjectToStage
  | ChangeProjectFramework
  | RecordPrincipleReflection
  | CloseProject
  | RecordProjectStory
  | EraseProjectStoryWords
  | RecordProjectProposalNotAdopted;

type Correcting<Type extends string, Fields extends object = object> = CorrectionCommand<Type, { projectId: string }, Fields>;
export type AmendSetupActivity = Correcting<'AmendSetupActivity', Pick<RecordSetupActivity['data'], 'note'>>;
export type VoidSetupActivity = Correcting<'VoidSetupActivity'>;
export type AmendPrincipleReflection = Correcting<
  'AmendPrincipleReflection',
  Pick<RecordPrincipleReflection['data'], 'reflection' | 'madeADifference'>
>;
export type VoidPrincipleReflection = Correcting<'VoidPrincipleReflection'>;
export type VoidProjectProposalNotAdopted = Correcting<'VoidProjectProposalNotAdopted'>;
/**
 * Withdraws one recorded version of a story part (for example thanks or a contact naming a person who did not
 * agree): the version before it, if any, is the current one again. The history keeps the withdrawn event.
 */
export type VoidProjectStory = Correcting<'VoidProjectStory'>;
export type ProjectCorrection =
  AmendSetupActivity | VoidSetupActivity | AmendPrincipleReflection | VoidPrincipleReflection | VoidProjectProposalNotAdopted | VoidProjectStory;

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (command.type === 'RegisterProject') return register(command, state);
  // Lessons and thanks are written after the end, so the story is the one thing a closed project still takes.
  if (command.type === 'RecordProjectStory') return recordStory(command, registeredProject(state, command.data.projectId), command.metadata.now);
  const project = openProject(state, command.data.projectId);
  switch (command.type) {
    case 'TailorOutcome':
      return [{ type: 'OutcomeTailored', data: { ...command.data } }];
    case 'RecordSetupActivity':
      return recordSetupActivity(command, project);
    case 'MoveProjectToStage':
      return moveToStage(command, project);
    case 'ChangeProjectFramework':
      if (command.data.frameworkId === project.frameworkId) {
        throw conflict('project.same_framework', `project ${project.projectId} already uses framework ${project.frameworkId}`);
      }
      return [{ type: 'ProjectFrameworkChanged', data: { ...command.data, previousFrameworkId: project.frameworkId } }];
    case 'RecordPrincipleReflection':
      requireWrittenWithinProject(command.data.recordedOn, 'recordedOn', project, command.metadata.now);
      return [{ type: 'PrincipleReflectionRecorded', data: { ...command.data }, occurredAt: command.data.recordedOn }];
    case 'CloseProject':
      requireCalendarDate(command.data.closedOn, 'closedOn');
      return [{ type: 'ProjectClosed', data: { ...command.data }, occurredAt: command.data.closedOn }];
    case 'RecordProjectProposalNotAdopted':
      return recordProposalNotAdopted(command, project, command.metadata.now);
    case 'EraseProjectStoryWords':
      // The folded state has lost voided versions, whose words must be erasable too.
      throw new Error('EraseProjectStoryWords is decided on the whole history of the project (decideStoryWordsErasure), never on its folded state');
    default: {
      const unexpected: never = command;
      throw new Error(`unknown project command ${(unexpected as Command).type}`);
    }
  }
}

type OpenProject = Extract<ProjectState, { projectId: string }>;

function registeredProject(state: ProjectState, projectId: string): OpenProject {
  if (state.status === 'unregistered') {
    throw notFound('project.not_found', `project ${projectId} does not exist; register it first`);
  }
  return state;
}

function openProject(state: ProjectState, projectId: string): OpenProject {
  const project = registeredProject(state, projectId);
  if (project.status === 'closed') {
    throw conflict('project.closed', `project ${projectId} (${project.title}) is closed; its record can be corrected but not extended`);
  }
  return project;
}

function register(command: RegisterProject, state: ProjectState): ProjectEvent[] {
  if (state.status !== 'unregistered') {
    throw conflict('project.already_registered', `project ${command.data.projectId} is already registered as "${state.title}"`);
  }
  const { startedOn, ...data } = command.data;
  // A project recorded as it starts carries no start date of its own: its registration is its start.
  if (startedOn === undefined || startedOn === null) return [{ type: 'ProjectRegistered', data }];
  requireCalendarDate(startedOn, 'startedOn');
  if (startedOn > command.metadata.now) {
    throw ruleBroken(
      'project.starts_in_future',
      `project ${command.data.projectId} cannot have started on ${startedOn.slice(0, 10)}, after it was recorded (${command.metadata.now.slice(0, 10)}); register it when it starts`,
    );
  }
  // The project happened from its start: as-of answers from that day find it, and co-planning is entered then.
  return [{ type: 'ProjectRegistered', data: { ...command.data }, occurredAt: startedOn }];
}

function recordSetupActivity(command: RecordSetupActivity, project: OpenProject): ProjectEvent[] {
  requireOneOf(command.data.activity, SETUP_ACTIVITIES, 'activity');
  requireCalendarDate(command.data.doneOn, 'doneOn');
  const done = project.setupDone[command.data.activity];
  if (done !== undefined) {
    throw conflict(
      'project.setup_already_recorded',
      `set-up activity ${command.data.activity} was already recorded as done on ${done} for project ${project.projectId}; correct that event instead`,
    );
  }
  return [{ type: 'SetupActivityRecorded', data: { ...command.data }, occurredAt: command.data.doneOn }];
}

function moveToStage(command: MoveProjectToStage, project: OpenProject): ProjectEvent[] {
  requireCalendarDate(command.data.enteredOn, 'enteredOn');
  const from = STAGES.indexOf(project.stage);
  const to = STAGES.indexOf(command.data.stage);
  if (to <= from) {
    throw conflict(
      'project.stage_not_forward',
      `project ${project.projectId} is in ${project.stage}; it can only move forward (to a stage after ${project.stage})`,
    );
  }
  const skipped = STAGES.slice(from + 1, to);
  const unskippable = skipped.filter((stage) => stage !== 'co_delivery');
  if (unskippable.length > 0) {
    throw ruleBroken('project.stage_skipped', `project ${project.projectId} cannot skip ${unskippable.join(', ')}; only co-delivery is optional`);
  }
  if (skipped.length > 0 && !command.data.reason) {
    throw ruleBroken(
      'project.skip_needs_reason',
      'moving past co-delivery needs a reason: not every project is co-delivered, but the co-design decision must be recorded',
    );
  }
  return [
    {
      type: 'StageEntered',
      data: { ...command.data, from: project.stage, skipped: [...skipped] },
      occurredAt: command.data.enteredOn,
    },
  ];
}

/**
 * What is written about a project is dated within its life so far: not after the day it is recorded (`now`, set
 * by the edge), which would put words in a report before they were written, and not before the project started,
 * which would date them to a time the project did not exist and move them in as-of reports.
 */
function requireWrittenWithinProject(date: unknown, field: string, project: OpenProject, now: string): asserts date is string {
  requireCalendarDate(date, field);
  const day = date.slice(0, 10);
  const today = now.slice(0, 10);
  if (day > today) {
    throw ruleBroken(
      'project.recorded_in_future',
      `${field} ${day} is after the day it is recorded (${today}) for project ${project.projectId}; date it on or before ${today}`,
    );
  }
  if (day < project.startedOn) {
    throw ruleBroken(
      'project.recorded_before_start',
      `${field} ${day} is before project ${project.projectId} started (${project.startedOn}); date it on or after ${project.startedOn}`,
    );
  }
}

/** The text is stored trimmed, so a part is reported exactly as the lead wrote it, without stray blank lines. */
function recordStory(command: RecordProjectStory, project: OpenProject, now: string): ProjectEvent[] {
  const { part, text, recordedOn } = command.data;
  requireOneOf(part, STORY_PARTS, 'part');
  if (text === undefined && (command.data as { personal?: unknown }).personal !== undefined) {
    // A version already recorded, checked again after a correction of an earlier event: its words are sealed (and
    // were checked when recorded), so what can be checked without them is checked again, and nothing is recorded.
    requireWrittenWithinProject(recordedOn, 'recordedOn', project, now);
    return [];
  }
  if (typeof text !== 'string') {
    throw ruleBroken('project.story_text_not_text', `story part ${part} of project ${project.projectId} must be text written by a person`);
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    throw ruleBroken(
      'project.story_text_missing',
      `story part ${part} of project ${project.projectId} is empty: write it, or leave the part unrecorded`,
    );
  }
  if (trimmed.length > STORY_TEXT_MAX_LENGTH) {
    throw ruleBroken(
      'project.story_text_too_long',
      `story part ${part} of project ${project.projectId} is ${trimmed.length} characters; a part may be at most ${STORY_TEXT_MAX_LENGTH}, so shorten it`,
    );
  }
  requireWrittenWithinProject(recordedOn, 'recordedOn', project, now);
  // Sealed under a subject of this version's own, so erasing it leaves every other version readable.
  const personal = { subjectId: storySubjectId(command.metadata.commandId), fields: { text: trimmed } };
  return [{ type: 'ProjectStoryRecorded', data: { projectId: project.projectId, part, recordedOn, personal }, occurredAt: recordedOn }];
}

/**
 * Erasing one version's words, decided on the project's whole history as stored: the version may have been voided
 * since, and its sealed words name the subject whose key is destroyed. Refused for an unknown project (404), an
 * event that is not a story version of this project (404 unknown, 422 another kind), a version recorded before
 * story text was sealed (422: there is no key to destroy, so it is voided instead) and words already erased (409).
 */
export function decideStoryWordsErasure(command: EraseProjectStoryWords, history: readonly Recorded<Event>[]): ProjectStoryWordsErased[] {
  const { projectId, eventId, reason } = command.data;
  if (!history.some((event) => event.type === 'ProjectRegistered')) {
    throw notFound('project.not_found', `project ${projectId} does not exist; register it first`);
  }
  const target = history.find((event) => event.id === eventId && event.type !== 'EventCorrected');
  if (!target) {
    throw notFound(
      'project.story_version_not_found',
      `project ${projectId} has no event ${eventId}; take the id of a story version from the project's history`,
    );
  }
  if (target.type !== 'ProjectStoryRecorded') {
    throw ruleBroken(
      'project.not_a_story_version',
      `event ${eventId} of project ${projectId} is ${target.type}, not ProjectStoryRecorded: only a story version's words can be erased here`,
    );
  }
  const personal = (target.data as { personal?: { subjectId?: unknown } }).personal;
  if (typeof personal?.subjectId !== 'string' || personal.subjectId === '') {
    throw ruleBroken(
      'project.story_not_sealed',
      `story version ${eventId} of project ${projectId} was recorded before story text was sealed, so its words cannot be erased; void it instead (VoidProjectStory) and record the part again`,
    );
  }
  const erased = history.find((event) => event.type === 'ProjectStoryWordsErased' && (event.data as { eventId?: unknown }).eventId === eventId);
  if (erased) {
    throw new ErasureAlreadyRecorded(
      'project.story_words_already_erased',
      `the words of story version ${eventId} of project ${projectId} were already erased (event ${erased.id}); an erasure is never undone`,
      personal.subjectId,
    );
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw ruleBroken(
      'project.story_erasure_reason_missing',
      `erasing the words of story version ${eventId} needs a reason: the history says why they were erased`,
    );
  }
  return [{ type: 'ProjectStoryWordsErased', data: { projectId, eventId, subjectId: personal.subjectId, reason } }];
}

/**
 * Whether a named decision belongs to this project is checked before deciding, where the decision's
 * record can be read (the decider's references); here the proposal itself must make sense.
 */
function recordProposalNotAdopted(command: RecordProjectProposalNotAdopted, project: OpenProject, now: string): ProjectEvent[] {
  const { proposalId, recordedOn } = command.data;
  const decisionId = command.data.decisionId ?? null;
  const contributionId = command.data.contributionId ?? null;
  if (project.proposalIds.includes(proposalId)) {
    throw conflict(
      'project.proposal_already_recorded',
      `proposal ${proposalId} is already recorded as not adopted on project ${project.projectId}; use a new id or correct that event`,
    );
  }
  if (decisionId !== null && (typeof decisionId !== 'string' || decisionId.trim() === '')) {
    throw ruleBroken(
      'project.proposal_decision_not_an_id',
      `decisionId of proposal ${proposalId} must be the id of a decision of this project, or null`,
    );
  }
  if (contributionId !== null && (typeof contributionId !== 'string' || contributionId.trim() === '')) {
    throw ruleBroken('project.proposal_contribution_not_an_id', `contributionId of proposal ${proposalId} must be the id of a contribution, or null`);
  }
  if (typeof command.data.proposal !== 'string' || command.data.proposal.trim() === '') {
    throw ruleBroken('project.proposal_missing', `proposal ${proposalId} needs the words of what was proposed`);
  }
  if (typeof command.data.reason !== 'string' || command.data.reason.trim() === '') {
    throw ruleBroken(
      'project.proposal_reason_missing',
      `proposal ${proposalId} was not adopted: say why, so participants hear what happened to their idea`,
    );
  }
  requireWrittenWithinProject(recordedOn, 'recordedOn', project, now);
  return [
    {
      type: 'ProjectProposalNotAdopted',
      data: { ...command.data, projectId: project.projectId, contributionId, decisionId },
      occurredAt: recordedOn,
    },
  ];
}
