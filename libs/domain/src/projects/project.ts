import { Event, PersonalData, Recorded } from '../core/event';
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

/**
 * The parts of a project's story only a person can write, recorded by the evaluation lead so a case
 * study built from the record stays reproducible and says plainly which parts are missing:
 * - `background`: why the project started;
 * - `reach`: how people were reached, and who was not;
 * - `lessons`: what the project learnt;
 * - `next_steps`: what happens next;
 * - `thanks`: who the council thanks;
 * - `contact`: the public contact for the publication. It must be a team contact (a team name, a team
 *   e-mail address or phone number), never a person's private details, because it is printed in public reports.
 */
export const STORY_PARTS = ['background', 'reach', 'lessons', 'next_steps', 'thanks', 'contact'] as const;
export type StoryPart = (typeof STORY_PARTS)[number];

/** Longest text of one story part, in characters: a part is a few paragraphs, not a document. */
export const STORY_TEXT_MAX_LENGTH = 4000;

/**
 * One part of the project's story, as the evaluation lead wrote it on `recordedOn`. Recording a part
 * again records a newer version: the latest is the one reported, the earlier ones stay in the history.
 * Thanks or a contact can name a person, so the words are sealed as personal data under a key of their
 * own (`personal`, subject `story:<commandId>`, one per version) and can be erased. Versions recorded
 * before that carry a plain `text` instead; they stay valid and read as they always did.
 */
export type ProjectStoryRecorded = Event<
  'ProjectStoryRecorded',
  { projectId: string; part: StoryPart; recordedOn: string; text?: string; personal?: PersonalData<StoryWords> }
>;

/** The sealed fields of a story version: the words as written, trimmed. */
export type StoryWords = { text: string };

/** The subject whose key seals one story version's words: one per recorded version, so erasing one leaves the others readable. */
export const storySubjectId = (commandId: string): string => `story:${commandId}`;

/**
 * The words of one story version (`eventId`) were erased: the key of `subjectId` is destroyed once this is
 * recorded, so they can never be read again, while the event and the chain stay. The version no longer
 * counts, as a voided one: the part falls back to the version before it, if any.
 */
export type ProjectStoryWordsErased = Event<'ProjectStoryWordsErased', { projectId: string; eventId: string; subjectId: string; reason: string }>;

/**
 * A proposal made in the project that was not adopted, recorded on the project itself: not every
 * proposal is turned down by a recorded decision. `decisionId` names the decision of this project
 * that turned it down, where there was one. The decision-level `ProposalNotAdopted` stays valid.
 */
export type ProjectProposalNotAdopted = Event<
  'ProjectProposalNotAdopted',
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

export type ProjectEvent =
  | ProjectRegistered
  | OutcomeTailored
  | SetupActivityRecorded
  | StageEntered
  | ProjectFrameworkChanged
  | PrincipleReflectionRecorded
  | ProjectClosed
  | ProjectStoryRecorded
  | ProjectStoryWordsErased
  | ProjectProposalNotAdopted;

export type ProjectState =
  | { status: 'unregistered' }
  | {
      status: 'open' | 'closed';
      projectId: string;
      title: string;
      frameworkId: string;
      stage: Stage;
      setupDone: Partial<Record<SetupActivity, string>>;
      /**
       * The day the project started (YYYY-MM-DD): its `startedOn` where given, else the day it was registered.
       * Nothing written about the project (its story, reflections, proposals) can be dated before it.
       */
      startedOn: string;
      /** Ids of the proposals not adopted recorded on the project itself, each once. */
      proposalIds: string[];
    };

export const initialProjectState = (): ProjectState => ({ status: 'unregistered' });

export function evolveProject(state: ProjectState, event: Recorded<ProjectEvent>): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered':
      return {
        status: 'open',
        projectId: event.data.projectId,
        title: event.data.title,
        frameworkId: event.data.frameworkId,
        stage: 'co_planning',
        setupDone: {},
        // A registration with a start date occurred on it; one without occurred when it was recorded, which is its start.
        startedOn: (event.data.startedOn ?? event.occurredAt).slice(0, 10),
        proposalIds: [],
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
    case 'ProjectProposalNotAdopted':
      if (state.status === 'unregistered') return state;
      return { ...state, proposalIds: [...state.proposalIds, event.data.proposalId] };
    case 'OutcomeTailored':
    case 'PrincipleReflectionRecorded':
    case 'ProjectStoryRecorded':
    case 'ProjectStoryWordsErased':
      return state;
    default: {
      const unexpected: never = event;
      return unexpected && state;
    }
  }
}
