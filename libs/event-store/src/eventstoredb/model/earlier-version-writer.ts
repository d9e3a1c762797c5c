import { jsonEvent } from '@eventstore/db-client';
import { EventToAppend, StoredEvent } from '../../event-envelope';
import { sealEvent } from '../../integrity';
import { toJsonEvent } from '../esdb-mapping';
import { EventStoreClient } from '../eventstore-client';

/** Where the earlier writer believed an event belonged. */
export interface ClaimedPlace {
  stream: string;
  revision: number;
  position: number;
  prevHash: string;
  recordedAt?: string;
}

/**
 * Appends an event as the adapter did before positions were derived from `$all`: sealed by the writer
 * at the place it believed was next, with that position and both hashes in the metadata. For tests of
 * records written then, including ones two such writers forked.
 */
export async function appendAsEarlierVersion(client: EventStoreClient, event: EventToAppend, place: ClaimedPlace): Promise<StoredEvent> {
  const sealed = sealEvent(event, { ...place, recordedAt: place.recordedAt ?? '2026-01-05T09:00:00.000Z' });
  const json = toJsonEvent(sealed, sealed.recordedAt);
  const metadata = { ...(json.metadata as object), position: sealed.position, prevHash: sealed.prevHash, hash: sealed.hash };
  await client.appendToStream(place.stream, [jsonEvent({ id: json.id, type: json.type, data: json.data, metadata })]);
  return sealed;
}
