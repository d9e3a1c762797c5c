import { Command, Event } from '../core/event';
import { command, spec } from '../core/spec';
import { activityDecider } from '../activities/activity.decider';
import { EventCorrected } from './correction';

// spec() gives the n-th given event the id `event-n`.
const planned: Event = {
  type: 'ActivityPlanned',
  data: {
    activityId: 'a-2',
    projectId: 'p1',
    title: 'Walkabout',
    activityType: 'event',
    stage: 'co_design',
    format: 'in_person',
    plannedFor: '2026-04-02',
    ladderLevel: 'co_design',
  },
};
const held: Event = {
  type: 'ActivityHeld',
  data: { activityId: 'a-2', projectId: 'p1', heldOn: '2026-04-02', durationMinutes: 120, ladderLevel: 'co_design' },
  occurredAt: '2026-04-02',
};
const attended: Event = {
  type: 'AttendanceRecorded',
  data: { activityId: 'a-2', projectId: 'p1', participantId: 'p-1', minutes: 120, capacity: 'member', format: 'in_person' },
  occurredAt: '2026-04-02',
};
const voided: EventCorrected = {
  type: 'EventCorrected',
  data: { eventId: 'event-3', eventType: 'AttendanceRecorded', kind: 'void', changes: null, reason: 'Twice' },
};
const session = [planned, held, attended];
const given = (events: Event[]) => spec(activityDecider).given(events as never);
const correct = (type: string, data: Record<string, unknown>) =>
  command<Command>(type, { activityId: 'a-2', eventId: 'event-3', reason: 'Register misread', ...data });

describe('corrections: what is refused, with the code clients see', () => {
  it('refuses correcting an event the record does not hold', () => {
    given(session)
      .when(correct('AmendAttendance', { eventId: 'event-7', minutes: 30 }))
      .thenRefuses('not_found', "activity has no event event-7; check the event id in the record's history", 'correction.event_not_found');
  });

  it('refuses correcting an event of another type than the correction is for', () => {
    given(session)
      .when(correct('AmendAttendance', { eventId: 'event-1', minutes: 30 }))
      .thenRefuses(
        'rule',
        'event event-1 is ActivityPlanned, not AttendanceRecorded: AmendAttendance corrects AttendanceRecorded only',
        'correction.wrong_event',
      );
  });

  it('refuses correcting a voided event', () => {
    given([...session, voided])
      .when(correct('AmendAttendance', { minutes: 30 }))
      .thenRefuses(
        'conflict',
        'event event-3 (AttendanceRecorded) was voided; a voided event cannot be corrected again',
        'correction.already_voided',
      );
  });

  it('refuses a correction without a reason', () => {
    given(session)
      .when(correct('VoidAttendance', { reason: '' }))
      .thenRefuses('rule', 'correcting event event-3 needs a reason: the audit trail says why the record changed', 'correction.reason_missing');
  });

  it('refuses an amendment that changes nothing', () => {
    given(session)
      .when(correct('AmendAttendance', { minutes: 120 }))
      .thenRefuses(
        'rule',
        /^AmendAttendance for event event-3 changes nothing: give a new value for at least one of minutes, capacity, format$/,
        'correction.nothing_changes',
      );
  });

  it('refuses a correction that later events rule out, with the code of the rule they would break', () => {
    given(session)
      .when(correct('VoidSessionHeld', { eventId: 'event-2' }))
      .thenRefuses(
        'conflict',
        /^VoidSessionHeld refused: AttendanceRecorded event-3, recorded after it, would break a rule of the record: record that activity a-2 was held first/,
        'activity.not_held',
      );
    given(session)
      .when(correct('AmendSessionHeld', { eventId: 'event-2', durationMinutes: 30 }))
      .thenRefuses(
        'rule',
        /would break a rule of the record: attendance of 120 minutes is more than activity a-2 lasted \(30 minutes/,
        'activity.minutes_over_duration',
      );
  });
});
