import { ActivityEvent } from './activities/activity';
import { EventCorrected } from './corrections/correction';
import { DecisionEvent } from './decisions/decision';
import { ExpenseEvent } from './expenses/expense';
import { MeasureEvent } from './measures/measure';
import { ParticipantEvent } from './participants/participant';
import { ProjectEvent } from './projects/project';
import { QuoteEvent } from './quotes/quote';
import { SurveyEvent } from './surveys/survey';

/** Every event the co-production record holds, by its persisted type name. */
export type CoprodEvent =
  | ProjectEvent
  | ParticipantEvent
  | ActivityEvent
  | DecisionEvent
  | ExpenseEvent
  | QuoteEvent
  | SurveyEvent
  | MeasureEvent
  | EventCorrected;
