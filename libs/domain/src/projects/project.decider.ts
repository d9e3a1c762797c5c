import { Decider, referencesTo } from '../core/decider';
import { evolveProject, initialProjectState, ProjectEvent, ProjectState } from './project';
import { decideProject, decideStoryWordsErasure, ProjectCommand, ProjectCorrection } from './project.decide';
import { CorrectionsOf } from '../corrections/correctable';
import { proposalIdClaim } from '../decisions/proposal-id';

const corrections: CorrectionsOf<ProjectCorrection['type'], ProjectEvent['type'], ProjectCommand['type']> = {
  rules: {
    AmendSetupActivity: { corrects: 'SetupActivityRecorded', kind: 'amend', fields: ['note'] },
    VoidSetupActivity: { corrects: 'SetupActivityRecorded', kind: 'void' },
    AmendPrincipleReflection: { corrects: 'PrincipleReflectionRecorded', kind: 'amend', fields: ['reflection', 'madeADifference'] },
    VoidPrincipleReflection: { corrects: 'PrincipleReflectionRecorded', kind: 'void' },
    VoidProjectProposalNotAdopted: { corrects: 'ProjectProposalNotAdopted', kind: 'void' },
    // Withdrawing a version brings back the one before it: the facts fold the corrected history.
    VoidProjectStory: { corrects: 'ProjectStoryRecorded', kind: 'void' },
  },
  recordedBy: {
    ProjectRegistered: 'RegisterProject',
    OutcomeTailored: 'TailorOutcome',
    SetupActivityRecorded: 'RecordSetupActivity',
    StageEntered: 'MoveProjectToStage',
    ProjectFrameworkChanged: 'ChangeProjectFramework',
    PrincipleReflectionRecorded: 'RecordPrincipleReflection',
    ProjectClosed: 'CloseProject',
    ProjectStoryRecorded: 'RecordProjectStory',
    ProjectStoryWordsErased: 'EraseProjectStoryWords',
    ProjectProposalNotAdopted: 'RecordProjectProposalNotAdopted',
  },
};

/** A co-produced piece of work: its aim, framework, tailored outcomes, set-up, stages, story and the proposals it did not adopt. */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  name: 'project',
  commandTypes: [
    'RegisterProject',
    'TailorOutcome',
    'RecordSetupActivity',
    'MoveProjectToStage',
    'ChangeProjectFramework',
    'RecordPrincipleReflection',
    'CloseProject',
    'RecordProjectStory',
    'EraseProjectStoryWords',
    'RecordProjectProposalNotAdopted',
  ],
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
  streamIdOf: (command) => command.data.projectId,
  historyDeciders: { EraseProjectStoryWords: decideStoryWordsErasure },
  references: {
    // A proposal names one of this project's own decisions and contributions, never another project's.
    RecordProjectProposalNotAdopted: (data) =>
      [...referencesTo('decision', [data.decisionId]), ...referencesTo('contribution', [data.contributionId])].map((reference) => ({
        ...reference,
        ofProject: data.projectId,
      })),
  },
  claims: {
    // The id may already be recorded on one of the project's decisions.
    RecordProjectProposalNotAdopted: (data) => [proposalIdClaim(data.proposalId, { ofProject: data.projectId }, 'project.proposal_already_recorded')],
  },
  permissions: {
    RegisterProject: 'manage_projects',
    TailorOutcome: 'manage_projects',
    ChangeProjectFramework: 'manage_projects',
    CloseProject: 'manage_projects',
    // The same permission as erasing a participant: what is erased can never be read again.
    EraseProjectStoryWords: 'erase',
  },
  corrections,
};
