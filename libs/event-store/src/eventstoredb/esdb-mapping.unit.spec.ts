import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@eventstore/db-client';
import { anEvent } from '../contract/event-store.contract';
import { EventToAppend } from '../event-envelope';
import { EnvelopeMetadata, appendSize, envelopeOf, fromStorePosition, toJsonEvent, toStorePosition } from './esdb-mapping';

const recordedAt = '2026-03-03T08:00:00.000Z';

/** What the client hands back for an event it appended: the server's columns plus our metadata. */
function recorded(overrides: Partial<RecordedEvent> & { metadata?: unknown } = {}, source: EventToAppend = anEvent()): RecordedEvent {
  const json = toJsonEvent(source, recordedAt);
  return {
    streamId: 'expense-e17',
    id: json.id,
    isJson: true,
    revision: 3n,
    type: json.type,
    created: new Date('2026-03-03T08:00:01.000Z'),
    data: json.data,
    metadata: JSON.parse(JSON.stringify(json.metadata)),
    position: { commit: 18446744073709551000n, prepare: 18446744073709551000n },
    ...overrides,
  } as RecordedEvent;
}

describe('envelope <-> EventStoreDB event', () => {
  it('carries our event id so the server recognises a resent append', () => {
    const event = anEvent();
    expect(toJsonEvent(event, recordedAt)).toMatchObject({ id: event.id, type: event.type, contentType: 'application/json', data: event.data });
  });

  it('keeps the envelope in metadata, with correlation and causation under the server names, and no place in the record', () => {
    const causationId = randomUUID();
    const event = anEvent({ causationId, source: 'paper', schemaVersion: 2 });
    const metadata = toJsonEvent(event, recordedAt).metadata as unknown as EnvelopeMetadata;
    expect(metadata).toEqual({
      $correlationId: event.correlationId,
      $causationId: causationId,
      schemaVersion: 2,
      occurredAt: event.occurredAt,
      recordedAt,
      actor: event.actor,
      source: 'paper',
    });
  });

  it('keeps the recordedAt a copied event brings', () => {
    const metadata = toJsonEvent(anEvent({ recordedAt: '2025-11-04T16:20:00.000Z' }), recordedAt).metadata as unknown as EnvelopeMetadata;
    expect(metadata.recordedAt).toBe('2025-11-04T16:20:00.000Z');
  });

  it('leaves $causationId out for a command with no cause, and reads it back as null', () => {
    const event = anEvent({ causationId: null });
    expect(toJsonEvent(event, recordedAt).metadata).not.toHaveProperty('$causationId');
    expect(envelopeOf(recorded({}, event))?.causationId).toBeNull();
  });

  it('reads back the envelope and its stream', () => {
    const event = anEvent({ data: { amountPence: 1250, note: 'Bws i Gaerdydd' } });
    expect(envelopeOf(recorded({}, event))).toEqual({ ...event, stream: 'expense-e17', recordedAt });
  });

  it('reads what an earlier version claimed for the event: its position and hashes', () => {
    const claimed = { position: 42, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    const record = recorded();
    record.metadata = { ...(record.metadata as object), ...claimed } as never;
    expect(envelopeOf(record)?.claimed).toEqual(claimed);
  });

  it('ignores system events and events written without our envelope', () => {
    expect(envelopeOf(recorded({ streamId: '$settings' }))).toBeUndefined();
    expect(envelopeOf(recorded({ type: '$metadata' } as never))).toBeUndefined();
    expect(envelopeOf(recorded({ metadata: { $correlationId: 'x' } } as never))).toBeUndefined();
    expect(envelopeOf(recorded({ metadata: undefined } as never))).toBeUndefined();
  });

  it('counts an append as the server does: data and metadata bytes, two bytes per character of the type', () => {
    const event = toJsonEvent(anEvent({ type: 'QuoteCaptured', data: { words: 'zażółć' } }), recordedAt);
    const expected = Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata)) + 'QuoteCaptured'.length * 2;
    expect(appendSize([event, event])).toBe(2 * expected);
  });

  it('turns $all positions into strings and back without losing 64-bit precision', () => {
    const position = { commit: 9007199254740993n, prepare: 9007199254740991n };
    expect(toStorePosition(position)).toEqual({ commit: '9007199254740993', prepare: '9007199254740991' });
    expect(fromStorePosition(toStorePosition(position))).toEqual(position);
  });
});
