import { Decider } from '../core/decider';
import { Event } from '../core/event';
import { CorrectionState, evolveCorrection, initialCorrectionState } from './correction';
import { CorrectionCommand, decideCorrection } from './correction.decide';

/**
 * Corrects an event on any stream. Unlike other deciders, `streamIdOf` returns the full name of
 * the stream being corrected (no `correction-` prefix), and `evolve` folds every event type.
 */
export const correctionDecider: Decider<CorrectionCommand, Event, CorrectionState> = {
  name: 'correction',
  commandTypes: ['CorrectEvent'],
  initialState: initialCorrectionState,
  decide: decideCorrection,
  evolve: evolveCorrection,
  streamIdOf: (command) => command.data.stream,
};
