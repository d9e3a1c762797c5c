import { Decider } from '../core/decider';
import { evolveProject, initialProjectState, ProjectEvent, ProjectState } from './project';
import { decideProject, ProjectCommand } from './project.decide';

/** A co-produced piece of work: its aim, framework, tailored outcomes, set-up and stages. */
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
  ],
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
  streamIdOf: (command) => command.data.projectId,
};
