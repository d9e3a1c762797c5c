import fc from 'fast-check';
import { applyCorrections, EventCorrected } from '../corrections/correction';
import { Recorded } from '../core/event';
import { checkInvariants, ids, invariant, isBlank, mostly, request, StreamView } from '../core/properties';
import { FORMATS, PARTICIPANT_ROLES } from '../core/vocabulary';
import { ParticipantEvent } from './participant';
import { participantDecider } from './participant.decider';

const participantId = ids('p-1', 'p-2');
const role = mostly(PARTICIPANT_ROLES, ['mayor', '']);
const seldomHeardGroups = fc.subarray(['young_carers', 'gypsy_roma_traveller']);
const preferredFormats = fc.oneof(
  { weight: 4, arbitrary: fc.subarray([...FORMATS]) },
  { weight: 1, arbitrary: fc.array(mostly(FORMATS, ['fax']), { maxLength: 3 }) },
);
const personal = fc.record(
  { subjectId: participantId, fields: fc.option(fc.record({ name: mostly(['Aled Jones'], ['', ' ']), postcode: fc.constant('RG14 5LD') }), { nil: undefined, freq: 10 }) },
  { requiredKeys: ['subjectId'] },
);
const reason = mostly(['Asked to be forgotten', 'Moved into the area'], ['', '  ']);

const register = request('RegisterParticipant', fc.record({ participantId, role, seldomHeardGroups, preferredFormats, personal }));
const requests = fc.oneof(
  { weight: 1, arbitrary: register },
  { weight: 3, arbitrary: request('UpdateParticipantProfile', fc.record({ participantId, role, seldomHeardGroups, preferredFormats, reason })) },
  { weight: 3, arbitrary: request('UpdateParticipantDetails', fc.record({ participantId, personal })) },
  { weight: 1, arbitrary: request('EraseParticipant', fc.record({ participantId, reason })) },
);

const inVocabulary = (value: unknown, allowed: readonly string[]) => typeof value === 'string' && allowed.includes(value);

/** Walks the whole stream: registered once with a profile from the vocabulary; an erasure is the last thing in it and stands. */
function personInvariants({ id, raw, read }: StreamView<ParticipantEvent>): void {
  invariant(raw.length === read.length, `participant ${id} has corrections in their stream`);
  let registered = false;
  let erased = false;
  for (const event of raw) {
    invariant(registered !== (event.type === 'ParticipantRegistered'), `participant ${id}: ${event.type} ${event.id} ${registered ? 'after they were registered' : 'before they were registered'}`);
    invariant(!erased, `participant ${id} was erased, then ${event.type} ${event.id} was recorded`);
    switch (event.type) {
      case 'ParticipantRegistered':
      case 'ParticipantProfileUpdated':
        invariant(inVocabulary(event.data.role, PARTICIPANT_ROLES), `participant ${id} has role "${event.data.role}"`);
        invariant(event.data.preferredFormats.every((format) => inVocabulary(format, FORMATS)), `participant ${id} prefers ${event.data.preferredFormats.join(', ')}`);
        if (event.type === 'ParticipantProfileUpdated') invariant(!isBlank(event.data.reason), `participant ${id}'s profile updated without a reason`);
        break;
      case 'ParticipantErased': {
        invariant(!isBlank(event.data.reason) && event.data.erasedOn === event.occurredAt, `participant ${id} erased without a reason or dated apart from the record`);
        // A void of an erasure written before erasures were uncorrectable: readers must still see the erasure.
        const legacyVoid: Recorded<EventCorrected> = {
          type: 'EventCorrected',
          id: `${event.id}.void`,
          occurredAt: event.occurredAt,
          recordedAt: event.recordedAt,
          data: { eventId: event.id, eventType: event.type, kind: 'void', changes: null, reason: 'Erased by mistake' },
        };
        invariant(
          applyCorrections<ParticipantEvent | EventCorrected>([...raw, legacyVoid]).some((e) => e.id === event.id),
          `a correction voided the erasure of participant ${id}`,
        );
        erased = true;
        break;
      }
    }
    if (event.type === 'ParticipantRegistered' || event.type === 'ParticipantDetailsUpdated') {
      invariant(event.data.personal.subjectId === id && !isBlank(event.data.personal.fields?.name), `participant ${id}'s details are about ${event.data.personal.subjectId}, or have no name`);
    }
    registered = true;
  }
}

describe('participant properties', () => {
  it('has no correction commands: an erasure is never undone', () => {
    expect(participantDecider.corrections).toBeUndefined();
  });

  it('keeps an erased person erased, with nothing recorded after the erasure', () => {
    checkInvariants(participantDecider, { opening: register, requests }, personInvariants);
  });
});
