import { Command } from '../core/event';
import { command, spec } from '../core/spec';
import { DecisionEvent, DecisionRecorded } from './decision';
import { DecisionCommand, RecordDecision } from './decision.decide';
import { decisionDecider } from './decision.decider';

const given = (events: DecisionEvent[]) => spec(decisionDecider).given(events);
const DECIDED = '2026-06-02';

const byOfficer: RecordDecision['data'] = {
  decisionId: 'd-grants',
  projectId: 'p1',
  title: 'Small grants for solar co-ops',
  decisionMaker: 'officer_delegation',
  reference: '',
  decidedOn: DECIDED,
  recommendation: 'That the head of service awards three small grants',
};
const recordedByOfficer: DecisionRecorded = { type: 'DecisionRecorded', data: { ...byOfficer, reference: '' }, occurredAt: DECIDED };
const record = (data: Partial<RecordDecision['data']>) => command<DecisionCommand>('RecordDecision', { ...byOfficer, ...data });
// spec() gives the first given event the id `event-1`.
const amend = (data: Record<string, unknown>) =>
  command<Command>('AmendDecision', { decisionId: 'd-grants', eventId: 'event-1', reason: 'Minute checked', ...data });

describe('a decision reference', () => {
  describe('given an officer decision under delegation', () => {
    it('records it with an empty reference, or none at all, as ""', () => {
      given([])
        .when(record({ reference: '' }))
        .then([recordedByOfficer]);
      given([])
        .when(record({ reference: undefined }))
        .then([recordedByOfficer]);
      given([])
        .when(record({ reference: null }))
        .then([recordedByOfficer]);
    });

    it('keeps a reference when the officer gives one', () => {
      given([])
        .when(record({ reference: 'ODR-2026-14' }))
        .then([{ ...recordedByOfficer, data: { ...byOfficer, reference: 'ODR-2026-14' } }]);
    });

    it('refuses a reference that is not text', () => {
      given([])
        .when(record({ reference: 4321 as never }))
        .thenRefuses('rule', /reference of decision d-grants must be text/, 'decision.reference_not_text');
    });

    it('refuses to amend it to a cabinet decision while it has no reference', () => {
      given([recordedByOfficer])
        .when(amend({ decisionMaker: 'cabinet' }))
        .thenRefuses(
          'rule',
          /d-grants by cabinet needs a reference .*only an officer decision under delegation may have none/,
          'decision.reference_missing',
        );
    });

    it('amends it to a cabinet decision when the paper number comes with it', () => {
      given([recordedByOfficer])
        .when(amend({ decisionMaker: 'cabinet', reference: 'EX4321' }))
        .then([
          {
            type: 'EventCorrected',
            data: {
              eventId: 'event-1',
              eventType: 'DecisionRecorded',
              kind: 'amend',
              changes: { decisionMaker: 'cabinet', reference: 'EX4321' },
              reason: 'Minute checked',
            },
            occurredAt: DECIDED,
          } as never,
        ]);
    });
  });

  describe.each(['cabinet', 'committee', 'project_group'] as const)('given a decision by %s', (decisionMaker) => {
    it('refuses it without a reference, naming the field and why', () => {
      for (const reference of ['', '   ', undefined, null]) {
        given([])
          .when(record({ decisionMaker, reference }))
          .thenRefuses(
            'rule',
            new RegExp(`decision d-grants by ${decisionMaker} needs a reference \\(e.g. the committee paper number\\)`),
            'decision.reference_missing',
          );
      }
    });

    it('refuses to amend its reference away', () => {
      const recorded: DecisionRecorded = { ...recordedByOfficer, data: { ...byOfficer, decisionMaker, reference: 'EX4321' } };
      given([recorded])
        .when(amend({ reference: '' }))
        .thenRefuses('rule', /needs a reference/, 'decision.reference_missing');
    });
  });
});
