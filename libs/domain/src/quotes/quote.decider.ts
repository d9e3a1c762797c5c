import { Decider, referencesTo } from '../core/decider';
import { evolveQuote, initialQuoteState, QuoteEvent, QuoteState } from './quote';
import { decideQuote, QuoteCommand } from './quote.decide';

/** A participant's own words with the consent they gave, which they can change or withdraw. */
export const quoteDecider: Decider<QuoteCommand, QuoteEvent, QuoteState> = {
  name: 'quote',
  commandTypes: ['CaptureQuote', 'ChangeQuoteConsent', 'WithdrawQuoteConsent'],
  initialState: initialQuoteState,
  decide: decideQuote,
  evolve: evolveQuote,
  streamIdOf: (command) => command.data.quoteId,
  references: {
    CaptureQuote: (data) => [
      ...referencesTo('project', [data.projectId]),
      ...referencesTo('participant', [data.participantId]),
      ...referencesTo('activity', [data.activityId]),
      ...referencesTo('decision', [data.decisionId]),
    ],
  },
};
