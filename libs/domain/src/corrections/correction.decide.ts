import { Command } from '../core/event';
import { conflict, notFound, ruleBroken } from '../core/errors';
import { CorrectableEvent, CorrectionKind, CORRECTION_KINDS, CorrectionState, EventCorrected } from './correction';

/** `stream` is the full name of the stream holding the event (e.g. `activity-a-1`), not an id. */
export type CorrectEvent = Command<
  'CorrectEvent',
  { stream: string; eventId: string; kind: CorrectionKind; changes: Record<string, unknown> | null; reason: string }
>;

export type CorrectionCommand = CorrectEvent;

export function decideCorrection(command: CorrectionCommand, state: CorrectionState): EventCorrected[] {
  switch (command.type) {
    case 'CorrectEvent':
      return correct(command, state);
    default: {
      const unexpected: never = command.type;
      throw new Error(`unknown correction command ${unexpected}`);
    }
  }
}

function correct(command: CorrectEvent, state: CorrectionState): EventCorrected[] {
  const { stream, eventId, kind, changes, reason } = command.data;
  const target = state.status === 'recorded' && Object.hasOwn(state.events, eventId) ? state.events[eventId] : undefined;
  if (!target) {
    throw notFound('correction.event_not_found', `event ${eventId} is not in stream ${stream}; check the event id and the stream it was recorded on`);
  }
  if (target.type === 'EventCorrected') {
    throw ruleBroken('correction.of_correction', `event ${eventId} is itself a correction; correct the original event instead`);
  }
  if (target.voided) {
    throw conflict('correction.already_voided', `event ${eventId} (${target.type}) was voided; a voided event cannot be corrected again`);
  }
  if (reason.trim() === '') {
    throw ruleBroken('correction.reason_missing', `correcting event ${eventId} needs a reason: the audit trail says why the record changed`);
  }
  if (kind === 'void') {
    if (changes !== null && Object.keys(changes).length > 0) {
      throw ruleBroken('correction.void_with_changes', `voiding event ${eventId} removes it whole; send no changes, or amend it instead`);
    }
  } else if (kind === 'amend') {
    checkAmendment(eventId, target, changes);
  } else {
    throw ruleBroken('correction.kind_unknown', `correction kind "${String(kind)}" is not one of ${CORRECTION_KINDS.join(', ')}`);
  }
  return [
    {
      type: 'EventCorrected',
      data: { eventId, eventType: target.type, kind, changes: kind === 'void' ? null : changes, reason },
      // A correction speaks about the time of the event it corrects: "as of" reports include it exactly when they include the original.
      occurredAt: target.occurredAt,
    },
  ];
}

/** Ids say which record a fact is about, and `…By` who acted (segregation of duties rests on it). */
const IDENTITY_FIELD = /(^id|Id|Ids|By)$/;

function checkAmendment(eventId: string, target: CorrectableEvent, changes: Record<string, unknown> | null): void {
  const fields = Object.keys(changes ?? {});
  if (!changes || fields.length === 0) {
    throw ruleBroken('correction.amend_without_changes', `amending event ${eventId} needs the fields to change and their new values`);
  }
  const amendable = Object.keys(target.data).filter((field) => !isProtected(field));
  for (const field of fields) {
    if (isProtected(field)) {
      throw ruleBroken(
        'correction.protected_field',
        `${field} cannot be amended: identity, actors and personal data are not amended this way; void event ${eventId} and record it again, or update the person's details`,
      );
    }
    if (!Object.hasOwn(target.data, field)) {
      throw ruleBroken(
        'correction.unknown_field',
        `${target.type} event ${eventId} has no field ${field}; amendable fields are ${amendable.join(', ') || 'none'}`,
      );
    }
    checkShape(eventId, field, target.data[field], changes[field]);
  }
}

function isProtected(field: string): boolean {
  return field === 'personal' || IDENTITY_FIELD.test(field);
}

const shapeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function checkShape(eventId: string, field: string, original: unknown, replacement: unknown): void {
  const was = shapeOf(original);
  const now = shapeOf(replacement);
  if (was === now || was === 'null') {
    if (now === 'number' && !Number.isFinite(replacement)) {
      throw ruleBroken('correction.value_not_a_number', `${field} of event ${eventId} must be a finite number; got ${String(replacement)}`);
    }
    if (['string', 'number', 'boolean', 'array', 'object', 'null'].includes(now)) return;
  }
  throw ruleBroken(
    'correction.value_shape',
    `${field} of event ${eventId} is a ${was} and cannot become a ${now}; give a value of the same kind (to clear a text, amend it to "")`,
  );
}
