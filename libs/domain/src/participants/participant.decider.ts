import { Decider } from '../core/decider';
import { evolveParticipant, initialParticipantState, ParticipantEvent, ParticipantState } from './participant';
import { decideParticipant, ParticipantCommand } from './participant.decide';

/** A person who takes part: their role, reach groups, preferred formats and protected details. */
export const participantDecider: Decider<ParticipantCommand, ParticipantEvent, ParticipantState> = {
  name: 'participant',
  commandTypes: ['RegisterParticipant', 'UpdateParticipantProfile', 'UpdateParticipantDetails', 'EraseParticipant'],
  initialState: initialParticipantState,
  decide: decideParticipant,
  evolve: evolveParticipant,
  streamIdOf: (command) => command.data.participantId,
  permissions: { EraseParticipant: 'erase' },
};
