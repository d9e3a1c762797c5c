import {
  ActivityCommand,
  CorrectionCommand,
  DecisionCommand,
  ExpenseCommand,
  MeasureCommand,
  ParticipantCommand,
  ProjectCommand,
  QuoteCommand,
  SurveyCommand,
} from '@coprod/domain';

/** Every command the demo records, so each step's data is checked against the aggregate's command. */
export type DemoCommand =
  | ProjectCommand
  | ParticipantCommand
  | ActivityCommand
  | DecisionCommand
  | ExpenseCommand
  | QuoteCommand
  | SurveyCommand
  | MeasureCommand
  | CorrectionCommand;

export type DemoCommandType = DemoCommand['type'];

/** The data of the command named `T`. */
export type DemoCommandData<T extends DemoCommandType> = Extract<DemoCommand, { type: T }>['data'];
