import { Command } from '../core/event';
import { CorrectionCommand } from '../corrections/correctable';
import { conflict, notFound, requireCalendarDate, requireOneOf, ruleBroken } from '../core/errors';
import { SETUP_ACTIVITIES, SetupActivity, Stage, STAGES } from '../core/vocabulary';
import { ProjectEvent, ProjectState } from './project';

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

export type ProjectCommand =
  RegisterProject | TailorOutcome | RecordSetupActivity | MoveProjectToStage | ChangeProjectFramework | RecordPrincipleReflection | CloseProject;

type Correcting<Type extends string, Fields extends object = object> = CorrectionCommand<Type, { projectId: string }, Fields>;
export type AmendSetupActivity = Correcting<'AmendSetupActivity', Pick<RecordSetupActivity['data'], 'note'>>;
export type VoidSetupActivity = Correcting<'VoidSetupActivity'>;
export type AmendPrincipleReflection = Correcting<
  'AmendPrincipleReflection',
  Pick<RecordPrincipleReflection['data'], 'reflection' | 'madeADifference'>
>;
export type VoidPrincipleReflection = Correcting<'VoidPrincipleReflection'>;
export type ProjectCorrection = AmendSetupActivity | VoidSetupActivity | AmendPrincipleReflection | VoidPrincipleReflection;

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (command.type === 'RegisterProject') return register(command, state);
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
      requireCalendarDate(command.data.recordedOn, 'recordedOn');
      return [{ type: 'PrincipleReflectionRecorded', data: { ...command.data }, occurredAt: command.data.recordedOn }];
    case 'CloseProject':
      requireCalendarDate(command.data.closedOn, 'closedOn');
      return [{ type: 'ProjectClosed', data: { ...command.data }, occurredAt: command.data.closedOn }];
    default: {
      const unexpected: never = command;
      throw new Error(`unknown project command ${(unexpected as Command).type}`);
    }
  }
}

type OpenProject = Extract<ProjectState, { projectId: string }>;

function openProject(state: ProjectState, projectId: string): OpenProject {
  if (state.status === 'unregistered') {
    throw notFound('project.not_found', `project ${projectId} does not exist; register it first`);
  }
  if (state.status === 'closed') {
    throw conflict('project.closed', `project ${projectId} (${state.title}) is closed; its record can be corrected but not extended`);
  }
  return state;
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
