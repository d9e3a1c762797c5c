import { Event } from './event';
import { DomainError } from './errors';

/**
 * Events that erase personal data on the append-only log, and whose key each one destroys once it is recorded:
 * a participant (every field sealed under their id) or the words of one story version (sealed under their own subject).
 */
const FORGETS: Readonly<Record<string, (data: Record<string, unknown>) => unknown>> = {
  ParticipantErased: (data) => data.participantId,
  ProjectStoryWordsErased: (data) => data.subjectId,
};

/** The subjects whose keys must be destroyed because this event was recorded; none for an event that erases nothing. */
export function subjectsForgottenBy(event: Pick<Event, 'type' | 'data'>): string[] {
  const subject = FORGETS[event.type]?.(event.data as Record<string, unknown>);
  return typeof subject === 'string' && subject !== '' ? [subject] : [];
}

/**
 * A refused erasure because it is already recorded (409). It names the subject, so the command handler can still
 * destroy the key: an erasure that stopped between recording it and destroying the key is finished by asking again.
 */
export class ErasureAlreadyRecorded extends DomainError {
  constructor(
    code: string,
    message: string,
    /** The subject whose key the recorded erasure destroys. */
    readonly subjectId: string,
  ) {
    super('conflict', code, message);
  }
}
