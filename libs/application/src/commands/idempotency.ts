import { createHash } from 'node:crypto';
import { canonicalJson } from '@coprod/event-store';

/**
 * The command id for a caller's idempotency key: scoped to who asked and which command, so one
 * person's key never finds, suppresses or reveals another person's command.
 */
export function idempotentCommandId(actorId: string, commandType: string, key: string): string {
  return `idem-${createHash('sha256').update(`${actorId}\u0000${commandType}\u0000${key}`).digest('hex')}`;
}

/** A digest of the request itself: the same key sent again with another body is a different request. */
export function requestFingerprint(commandType: string, data: unknown): string {
  return createHash('sha256').update(canonicalJson({ commandType, data })).digest('hex').slice(0, 32);
}
