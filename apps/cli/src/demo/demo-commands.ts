import {
  ActivityCommand,
  ActivityCorrection,
  DecisionCommand,
  DecisionCorrection,
  ExpenseCommand,
  MeasureCommand,
  MeasureCorrection,
  ParticipantCommand,
  ProjectCommand,
  ProjectCorrection,
  QuoteCommand,
  SurveyCommand,
  SurveyCorrection,
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
  | DemoCorrection;

/** The corrections the demo records, each decided by the aggregate that owns the corrected event. */
export type DemoCorrection = ActivityCorrection | DecisionCorrection | MeasureCorrection | SurveyCorrection | ProjectCorrection;
export type DemoCorrectionType = DemoCorrection['type'];

export type DemoCommandType = DemoCommand['type'];

/** The data of the command named `T`. */
export type DemoCommandData<T extends DemoCommandType> = Extract<DemoCommand, { type: T }>['data'];
