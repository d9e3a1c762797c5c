import { Command, PersonalData } from '../core/event';
import { conflict, notFound, requireCalendarDate, ruleBroken } from '../core/errors';
import { Attribution, ATTRIBUTIONS, QuoteUse, QUOTE_USES } from '../core/vocabulary';
import { QuoteEvent, QuoteState } from './quote';

export type CaptureQuote = Command<
  'CaptureQuote',
  {
    quoteId: string;
    projectId: string;
    participantId: string;
    activityId: string | null;
    decisionId: string | null;
    context: string;
    outcomeIds: string[];
    attribution: Attribution;
    allowedUses: QuoteUse[];
    language: string;
    capturedOn: string;
    personal: PersonalData<{ words: string }>;
  }
>;
export type ChangeQuoteConsent = Command<
  'ChangeQuoteConsent',
  { quoteId: string; attribution: Attribution; allowedUses: QuoteUse[]; reason: string }
>;
export type WithdrawQuoteConsent = Command<'WithdrawQuoteConsent', { quoteId: string; withdrawnOn: string; reason: string | null }>;

export type QuoteCommand = CaptureQuote | ChangeQuoteConsent | WithdrawQuoteConsent;

type ConsentedQuote = Extract<QuoteState, { status: 'consented' }>;

export function decideQuote(command: QuoteCommand, state: QuoteState): QuoteEvent[] {
  if (command.type === 'CaptureQuote') return capture(command, state);
  const quote = consentedQuote(state, command.data.quoteId);
  switch (command.type) {
    case 'ChangeQuoteConsent':
      checkConsent(command.data.attribution, command.data.allowedUses);
      if (command.data.reason.trim() === '') {
        throw ruleBroken('quote.reason_missing', `changing consent on quote ${quote.quoteId} needs a reason, e.g. what the participant asked for`);
      }
      return [{ type: 'QuoteConsentChanged', data: { ...command.data, projectId: quote.projectId } }];
    case 'WithdrawQuoteConsent':
      requireCalendarDate(command.data.withdrawnOn, 'withdrawnOn');
      return [
        {
          type: 'QuoteConsentWithdrawn',
          data: { ...command.data, projectId: quote.projectId, participantId: quote.participantId },
          occurredAt: command.data.withdrawnOn,
        },
      ];
    default: {
      const unexpected: never = command;
      throw new Error(`unknown quote command ${(unexpected as Command).type}`);
    }
  }
}

function consentedQuote(state: QuoteState, quoteId: string): ConsentedQuote {
  if (state.status === 'uncaptured') {
    throw notFound('quote.not_found', `quote ${quoteId} does not exist; capture it first`);
  }
  if (state.status === 'withdrawn') {
    throw conflict(
      'quote.consent_withdrawn',
      `consent for quote ${quoteId} was withdrawn on ${state.withdrawnOn}; it cannot be used or changed: capture the words again with fresh consent`,
    );
  }
  return state;
}

function capture(command: CaptureQuote, state: QuoteState): QuoteEvent[] {
  const { quoteId, participantId, personal } = command.data;
  if (state.status !== 'uncaptured') {
    throw conflict('quote.already_captured', `quote ${quoteId} is already captured; change its consent or capture a new quote`);
  }
  if (personal.subjectId !== participantId) {
    throw ruleBroken(
      'quote.personal_data_subject',
      `the words of quote ${quoteId} are recorded as ${personal.subjectId}'s but the quote is by ${participantId}; a quote's words belong to the person who said them`,
    );
  }
  if (!personal.fields?.words?.trim()) {
    throw ruleBroken('quote.words_missing', `quote ${quoteId} has no words; record what ${participantId} said`);
  }
  checkConsent(command.data.attribution, command.data.allowedUses);
  requireCalendarDate(command.data.capturedOn, 'capturedOn');
  return [{ type: 'QuoteCaptured', data: { ...command.data }, occurredAt: command.data.capturedOn }];
}

function checkConsent(attribution: string, allowedUses: readonly string[]): void {
  if (!(ATTRIBUTIONS as readonly string[]).includes(attribution)) {
    throw ruleBroken('quote.attribution_unknown', `attribution "${attribution}" is not one of ${ATTRIBUTIONS.join(', ')}`);
  }
  if (allowedUses.length === 0) {
    throw ruleBroken('quote.consent_missing', 'a quote needs consent: at least one allowed use');
  }
  const unknown = allowedUses.filter((use) => !(QUOTE_USES as readonly string[]).includes(use));
  if (unknown.length > 0) {
    throw ruleBroken('quote.use_unknown', `allowed use ${unknown.join(', ')} is not one of ${QUOTE_USES.join(', ')}`);
  }
  const repeated = allowedUses.filter((use, i) => allowedUses.indexOf(use) !== i);
  if (repeated.length > 0) {
    throw ruleBroken('quote.use_repeated', `allowed use ${repeated.join(', ')} is listed more than once; list each use once`);
  }
}
