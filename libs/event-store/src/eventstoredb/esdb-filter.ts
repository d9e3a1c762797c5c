import { Filter, eventTypeFilter, excludeSystemEvents, streamNameFilter } from '@eventstore/db-client';
import { StoredEvent } from '../event-envelope';
import { EventFilter } from '../event-store.port';

/**
 * The filter the server applies while scanning `$all`. It filters on one thing only (event type or
 * stream name), so types win when both are given and `matchesFilter` applies the rest here.
 */
export function serverFilter(filter: EventFilter): Filter {
  if (filter.types && filter.types.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.types.map(escapeRegex).join('|')})$` });
  }
  if (filter.streamPrefixes && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  return excludeSystemEvents();
}

/** True when the event passes every part of the filter. */
export function matchesFilter(event: Pick<StoredEvent, 'type' | 'stream'>, filter: EventFilter): boolean {
  if (filter.types && filter.types.length > 0 && !filter.types.includes(event.type)) return false;
  if (filter.streamPrefixes && filter.streamPrefixes.length > 0) {
    return filter.streamPrefixes.some((prefix) => event.stream.startsWith(prefix));
  }
  return true;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
