import {
  activityDecider,
  decisionDecider,
  expenseDecider,
  measureDecider,
  participantDecider,
  projectDecider,
  quoteDecider,
  surveyDecider,
} from '@coprod/domain';

/** Every aggregate of the co-production record. */
export const ALL_DECIDERS = [
  projectDecider,
  participantDecider,
  activityDecider,
  decisionDecider,
  expenseDecider,
  quoteDecider,
  surveyDecider,
  measureDecider,
] as const;
