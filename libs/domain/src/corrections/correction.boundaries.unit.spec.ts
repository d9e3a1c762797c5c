import { DomainError, notFound } from '../core/errors';
import { Command, Event, Recorded } from '../core/event';
import { command, spec } from '../core/spec';
import { measureDecider } from '../measures/measure.decider';
import { quoteDecider } from '../quotes/quote.decider';
import { surveyDecider } from '../surveys/survey.decider';
import { decideCorrection } from './correctable';
import { EventCorrected } from './correction';

/** The history as the command handler hands it over: the n-th event has the id `event-n`, as spec() gives them. */
const recordedHistory = (events: readonly Event[]): Recorded<Event>[] =>
  events.map((event, i) => ({ occurredAt: '2026-04-01', ...event, id: `event-${i + 1}`, recordedAt: '2026-04-02T09:00:00.000Z' }));

/** The DomainError a correction is refused with (the test fails when it is accepted, or fails some other way). */
function refusalOf(decide: () => unknown): DomainError {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the correction was accepted');
}

/**
 * A register of head counts, smaller than any aggregate of the record: a count needs the register opened
 * first, and the opening can be voided. It reaches what no aggregate of the record can yet: a re-decided
 * event refused because what it needs is missing, and an amend rule that names no field.
 */
const registerDecider = {
  name: 'register',
  initialState: () => ({ open: false }),
  decide(cmd: Command, state: unknown): Event[] {
    if (!(state as { open: boolean }).open) throw notFound('register.not_found', 'register r-1 does not exist; open it first');
    return [{ type: 'HeadsCounted', data: cmd.data }];
  },
  evolve: (state: unknown, event: Recorded<Event>) => (event.type === 'RegisterOpened' ? { open: true } : state),
  corrections: {
    rules: {
      VoidRegisterOpened: { corrects: 'RegisterOpened', kind: 'void' as const },
      AmendHeadsCounted: { corrects: 'HeadsCounted', kind: 'amend' as const },
    },
    recordedBy: { HeadsCounted: 'CountHeads' },
  },
};
const register = recordedHistory([
  { type: 'RegisterOpened', data: { registerId: 'r-1' } },
  { type: 'HeadsCounted', data: { registerId: 'r-1', heads: 12 } },
]);

const measureDefined: Event = {
  type: 'ServiceMeasureDefined',
  data: {
    measureId: 'm-1',
    projectId: 'p1',
    name: 'Days to first contact',
    unit: 'days',
    baseline: 21,
    baselineOn: '2026-01-01',
    betterWhen: 'lower',
    outcomeId: null,
  },
};
const measureRead: Event = {
  type: 'ServiceMeasureReadingRecorded',
  data: { measureId: 'm-1', projectId: 'p1', value: 14, readingOn: '2026-04-01', note: null },
  occurredAt: '2026-04-01',
};
const amendReading = (data: Record<string, unknown>) =>
  command<Command>('AmendServiceMeasureReading', { measureId: 'm-1', eventId: 'event-2', reason: 'Read off the wrong row', ...data });

const preResponse: Event = {
  type: 'SurveyResponseRecorded',
  data: {
    projectId: 'p1',
    participantId: 'p-3',
    responseId: 'r-1',
    phase: 'pre',
    answers: { confidence_in_partnership: 2 },
    respondedOn: '2026-01-15',
  },
  occurredAt: '2026-01-15',
};

describe('corrections: the edges of the rules every aggregate shares', () => {
  it('names a command that is not a correction of the aggregate asked, rather than deciding it as one', () => {
    const consentChange = command<Command>('ChangeQuoteConsent', { quoteId: 'q-1', eventId: 'event-1', reason: 'Asked' });
    expect(() => decideCorrection(quoteDecider as never, consentChange, [])).toThrow(new Error('ChangeQuoteConsent is not a correction of quote'));
    const response = command<Command>('RecordSurveyResponse', { projectId: 'p1', participantId: 'p-3', eventId: 'event-1', reason: 'Asked' });
    expect(() => decideCorrection(surveyDecider as never, response, recordedHistory([preResponse]))).toThrow(
      new Error('RecordSurveyResponse is not a correction of survey'),
    );
  });

  it('reads a field given as null as not given: the reading keeps its value and only the note changes', () => {
    spec(measureDecider)
      .given([measureDefined, measureRead] as never)
      .when(amendReading({ value: null, note: 'Counted again from the case log' }))
      .then([
        {
          type: 'EventCorrected',
          data: {
            eventId: 'event-2',
            eventType: 'ServiceMeasureReadingRecorded',
            kind: 'amend',
            changes: { note: 'Counted again from the case log' },
            reason: 'Read off the wrong row',
          },
          occurredAt: '2026-04-01',
        } satisfies EventCorrected,
      ] as never);
    spec(measureDecider)
      .given([measureDefined, measureRead] as never)
      .when(amendReading({ value: null }))
      .thenRefuses(
        'rule',
        'AmendServiceMeasureReading for event event-2 changes nothing: give a new value for at least one of value, note',
        'correction.nothing_changes',
      );
  });

  it('says when it is the corrected event itself that would break a rule, with the code of the rule', () => {
    spec(surveyDecider)
      .given([preResponse] as never)
      .when(
        command<Command>('AmendSurveyResponse', {
          projectId: 'p1',
          participantId: 'p-3',
          eventId: 'event-1',
          reason: 'Form misread',
          answers: { confidence_in_partnership: 9 },
        }),
      )
      .thenRefuses(
        'rule',
        'AmendSurveyResponse refused: the corrected SurveyResponseRecorded would break a rule of the record: answer to confidence_in_partnership must be a whole number from 1 to 5; got 9',
        'survey.answer_out_of_scale',
      );
  });

  it('refuses, as a conflict with the record and not as a missing record, a correction that would leave a later event needing what it removes', () => {
    const refusal = refusalOf(() =>
      decideCorrection(
        registerDecider,
        command<Command>('VoidRegisterOpened', { registerId: 'r-1', eventId: 'event-1', reason: 'Opened by mistake' }),
        register,
      ),
    );
    expect([refusal.kind, refusal.code]).toEqual(['conflict', 'register.not_found']);
    expect(refusal.message).toBe(
      'VoidRegisterOpened refused: HeadsCounted event-2, recorded after it, would break a rule of the record: register r-1 does not exist; open it first',
    );
  });

  it('lets a fault while re-deciding through as it is, never dressed as a refusal of the correction', () => {
    const fault = new TypeError('count.heads is not a number');
    const faulty = {
      ...registerDecider,
      decide(): Event[] {
        throw fault;
      },
    };
    let thrown: unknown;
    try {
      decideCorrection(
        faulty,
        command<Command>('VoidRegisterOpened', { registerId: 'r-1', eventId: 'event-1', reason: 'Opened by mistake' }),
        register,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(fault);
  });

  it('lets an amendment whose rule names no field change nothing, and says it names none', () => {
    const refusal = refusalOf(() =>
      decideCorrection(
        registerDecider,
        command<Command>('AmendHeadsCounted', { registerId: 'r-1', eventId: 'event-2', reason: 'Recount', heads: 13 }),
        register,
      ),
    );
    expect([refusal.kind, refusal.code]).toEqual(['rule', 'correction.nothing_changes']);
    expect(refusal.message).toBe('AmendHeadsCounted for event event-2 changes nothing: give a new value for at least one of ');
  });
});
