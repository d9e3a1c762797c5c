import { randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, RecordedEvent, STREAM_EXISTS, WrongExpectedVersionError } from '@eventstore/db-client';
import { anEvent } from '../contract/event-store.contract';
import { WrongExpectedRevisionError } from '../errors';
import { eventHash, sealEvent } from '../integrity';
import { EnvelopeMetadata, fromRecordedEvent, fromStorePosition, toEsdbExpectedRevision, toJsonEvent, toStorePosition, toWrongExpectedRevisionError } from './esdb-mapping';

const place = { stream: 'expense-e17', revision: 3, position: 42, recordedAt: '2026-03-03T08:00:00.000Z', prevHash: 'a'.repeat(64) };

/** What the client hands back for an event it appended: the server's columns plus our metadata. */
function recorded(overrides: Partial<RecordedEvent> & { metadata?: unknown } = {}, source = sealEvent(anEvent(), place)) {
  const json = toJsonEvent(source);
  return {
    streamId: source.stream,
    id: json.id,
    isJson: true,
    revision: BigInt(source.revision),
    type: json.type,
    created: new Date('2026-03-03T08:00:01.000Z'),
    data: json.data,
    metadata: JSON.parse(JSON.stringify(json.metadata)),
    position: { commit: 18446744073709551000n, prepare: 18446744073709550999n },
    ...overrides,
  } as RecordedEvent & { position: { commit: bigint; prepare: bigint } };
}

describe('envelope <-> EventStoreDB event', () => {
  it('carries our event id so the server recognises a retried append', () => {
    const event = sealEvent(anEvent(), place);
    expect(toJsonEvent(event)).toMatchObject({ id: event.id, type: event.type, contentType: 'application/json', data: event.data });
  });

  it('keeps the envelope in metadata, with correlation and causation under the server names', () => {
    const causationId = randomUUID();
    const event = sealEvent(anEvent({ causationId, source: 'paper', schemaVersion: 2 }), place);
    const metadata = toJsonEvent(event).metadata as unknown as EnvelopeMetadata;
    expect(metadata).toEqual({
      $correlationId: event.correlationId,
      $causationId: causationId,
      schemaVersion: 2,
      occurredAt: event.occurredAt,
      recordedAt: place.recordedAt,
      actor: event.actor,
      source: 'paper',
      position: 42,
      prevHash: place.prevHash,
      hash: event.hash,
    });
  });

  it('leaves $causationId out for a command with no cause, and reads it back as null', () => {
    const event = sealEvent(anEvent({ causationId: null }), place);
    expect(toJsonEvent(event).metadata).not.toHaveProperty('$causationId');
    expect(fromRecordedEvent(recorded({}, event))?.causationId).toBeNull();
  });

  it('reads back exactly the sealed envelope, whose hash still verifies, plus the $all position', () => {
    const event = sealEvent(anEvent({ data: { amountPence: 1250, note: 'Bws i Gaerdydd' } }), place);
    const back = fromRecordedEvent(recorded({}, event))!;
    expect(back).toEqual({ ...event, storePosition: { commit: '18446744073709551000', prepare: '18446744073709550999' } });
    expect(eventHash(back)).toBe(event.hash);
  });

  it('ignores system events and events written without our envelope', () => {
    expect(fromRecordedEvent(recorded({ streamId: '$settings' } as never))).toBeUndefined();
    expect(fromRecordedEvent(recorded({ type: '$metadata' } as never))).toBeUndefined();
    expect(fromRecordedEvent(recorded({ metadata: { $correlationId: 'x' } } as never))).toBeUndefined();
    expect(fromRecordedEvent(recorded({ metadata: undefined } as never))).toBeUndefined();
  });

  it('turns $all positions into strings and back without losing 64-bit precision', () => {
    const position = { commit: 9007199254740993n, prepare: 9007199254740991n };
    expect(toStorePosition(position)).toEqual({ commit: '9007199254740993', prepare: '9007199254740991' });
    expect(fromStorePosition(toStorePosition(position))).toEqual(position);
  });
});

describe('expected revision', () => {
  it.each([
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    ['any', ANY],
    [0, 0n],
    [41, 41n],
  ] as const)('maps %p to the client value %p', (ours, theirs) => {
    expect(toEsdbExpectedRevision(ours)).toBe(theirs);
  });
});

describe("the client's WrongExpectedVersionError", () => {
  it('becomes our WrongExpectedRevisionError with the stream, what was expected and the actual revision', () => {
    const theirs = new WrongExpectedVersionError(undefined, { streamName: 'activity-a1', expected: 1n, current: 2n });
    const ours = toWrongExpectedRevisionError(theirs, 1);
    expect(ours).toBeInstanceOf(WrongExpectedRevisionError);
    expect(ours).toMatchObject({ stream: 'activity-a1', expected: 1, actual: 2 });
    expect(ours.message).toBe('stream activity-a1 was expected to be at revision 1 but is at revision 2; re-read the stream and decide again');
  });

  it('reports a missing stream as no_stream', () => {
    const theirs = new WrongExpectedVersionError(undefined, { streamName: 'activity-a2', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(toWrongExpectedRevisionError(theirs, 'stream_exists')).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });
});
