import { Event } from '../core/event';
import { SetupActivity, Stage } from '../core/vocabulary';

export type ProjectRegistered = Event<
  'ProjectRegistered',
  {
    projectId: string;
    title: string;
    serviceArea: string;
    aim: string;
    frameworkId: string;
    /** Outcome 5 is tailored: which improvement to services or decisions is sought. */
    improvementSought: string;
    /** Whether the project appears in the public list of opportunities to get involved. */
    openToNewMembers: boolean;
    /** The day it started, where that was before it was recorded; the event then occurred on that day. */
    startedOn?: string | null;
  }
>;
export type OutcomeTailored = Event<'OutcomeTailored', { projectId: string; outcomeId: string; wording: string }>;
export type SetupActivityRecorded = Event<
  'SetupActivityRecorded',
  { projectId: string; activity: SetupActivity; doneOn: string; note: string | null }
>;
export type StageEntered = Event<
  'StageEntered',
  { projectId: string; stage: Stage; from: Stage; skipped: Stage[]; reason: string | null; enteredOn: string }
>;
export type ProjectFrameworkChanged = Event<
  'ProjectFrameworkChanged',
  { projectId: string; frameworkId: string; previousFrameworkId: string; reason: string }
>;
export type PrincipleReflectionRecorded = Event<
  'PrincipleReflectionRecorded',
  { projectId: string; principleId: string; reflection: string; madeADifference: boolean; recordedOn: string }
>;
export type ProjectClosed = Event<'ProjectClosed', { projectId: string; closedOn: string; summary: string }>;

export type ProjectEvent =
  ProjectRegistered | OutcomeTailored | SetupActivityRecorded | StageEntered | ProjectFrameworkChanged | PrincipleReflectionRecorded | ProjectClosed;

export type ProjectState =
  | { status: 'unregistered' }
  | {
      status: 'open' | 'closed';
      projectId: string;
      title: string;
      frameworkId: string;
      stage: Stage;
      setupDone: Partial<Record<SetupActivity, string>>;
    };

export const initialProjectState = (): ProjectState => ({ status: 'unregistered' });

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered':
      return {
        status: 'open',
        projectId: event.data.projectId,
        title: event.data.title,
        frameworkId: event.data.frameworkId,
        stage: 'co_planning',
        setupDone: {},
      };
    case 'SetupActivityRecorded':
      if (state.status === 'unregistered') return state;
      return { ...state, setupDone: { ...state.setupDone, [event.data.activity]: event.data.doneOn } };
    case 'StageEntered':
      if (state.status === 'unregistered') return state;
      return { ...state, stage: event.data.stage };
    case 'ProjectFrameworkChanged':
      if (state.status === 'unregistered') return state;
      return { ...state, frameworkId: event.data.frameworkId };
    case 'ProjectClosed':
      if (state.status === 'unregistered') return state;
      return { ...state, status: 'closed' };
    case 'OutcomeTailored':
    case 'PrincipleReflectionRecorded':
      return state;
    default: {
      const unexpected: never = event;
      return unexpected && state;
    }
  }
}
