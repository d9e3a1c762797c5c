import { Command, Event, Recorded } from '../core/event';
import { command, spec } from '../core/spec';
import { activityDecider } from '../activities/activity.decider';
import { measureDecider } from '../measures/measure.decider';
import { participantDecider } from '../participants/participant.decider';
import { applyCorrections, EventCorrected } from './correction';
import { decideCorrection } from './correctable';

// spec() gives the n-th given event the id `event-n`.
const planned: Event = {
  type: 'ActivityPlanned',
  data: { activityId: 'a-1', projectId: 'p1', title: 'Workshop', activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2026-03-10', ladderLevel: 'co_design' },
};
const held: Event = {
  type: 'ActivityHeld',
  data: { activityId: 'a-1', projectId: 'p1', heldOn: '2026-03-10T18:00:00.000Z', durationMinutes: 120, ladderLevel: 'engagement' },
  occurredAt: '2026-03-10T18:00:00.000Z',
};
const attended = (participantId: string, minutes: number): Event => ({
  type: 'AttendanceRecorded',
  data: { activityId: 'a-1', projectId: 'p1', participantId, minutes, capacity: 'member', format: 'paper' },
  occurredAt: '2026-03-10T18:00:00.000Z',
});
const voided = (eventId: string, eventType: string): EventCorrected => ({
  type: 'EventCorrected',
  data: { eventId, eventType, kind: 'void', changes: null, reason: 'typed twice' },
});
const session = [planned, held, attended('p-3', 120), attended('p-4', 60)];
const given = (events: Event[]) => spec(activityDecider).given(events as never);
/** The history as the command handler hands it over: the n-th event has the id `event-n`, as spec() gives them. */
const recordedHistory = (events: Event[]): Recorded<Event>[] =>
  events.map((event, i) => ({ occurredAt: '2026-03-10T18:00:00.000Z', ...event, id: `event-${i + 1}`, recordedAt: '2026-03-11T09:00:00.000Z' }));
const correct = (type: string, data: Record<string, unknown>) =>
  command<Command>(type, { activityId: 'a-1', eventId: 'event-3', reason: 'Sign-in sheet misread', ...data });
const amended = (eventId: string, eventType: string, changes: Record<string, unknown>, occurredAt = '2026-03-10T18:00:00.000Z') => ({
  type: 'EventCorrected',
  data: { eventId, eventType, kind: 'amend', changes, reason: 'Sign-in sheet misread' },
  occurredAt,
});

describe('corrections, decided by the aggregate that owns the event', () => {
  describe('amending attendance', () => {
    it('records the changed fields only, dated when the original happened', () => {
      given(session)
        .when(correct('AmendAttendance', { minutes: 90, capacity: 'member' }))
        .then([amended('event-3', 'AttendanceRecorded', { minutes: 90 })] as never);
    });

    it.each([
      [-30, /whole number above 0; got -30/],
      [0, /whole number above 0/],
      [1_000_000, /more than a day/],
      [200, /more than activity a-1 lasted \(120 minutes, up to 180/],
      [12.5, /whole number above 0; got 12.5/],
    ])('refuses %p minutes under the rule RecordAttendance applies', (minutes, message) => {
      given(session).when(correct('AmendAttendance', { minutes })).thenRefuses('rule', message);
    });

    it('refuses a capacity or format outside the vocabulary', () => {
      given(session).when(correct('AmendAttendance', { capacity: 'bribe' })).thenRefuses('rule', /capacity "bribe" is not one of member, chair/);
      given(session).when(correct('AmendAttendance', { format: 'telepathy' })).thenRefuses('rule', /format "telepathy" is not one of/);
    });

    it('refuses an amendment that changes nothing, naming what can change', () => {
      given(session).when(correct('AmendAttendance', {})).thenRefuses('rule', /changes nothing: give a new value for at least one of minutes, capacity, format/);
      given(session).when(correct('AmendAttendance', { minutes: 120 })).thenRefuses('rule', /changes nothing/);
    });

    it('never takes an identity field from the command, whatever it carries', () => {
      given(session)
        .when(correct('AmendAttendance', { minutes: 90, participantId: 'p-9', projectId: 'p-other' }))
        .then([amended('event-3', 'AttendanceRecorded', { minutes: 90 })] as never);
    });

    it('records exactly the fields given, and no key for those left out', () => {
      const [correction] = decideCorrection(activityDecider as never, correct('AmendAttendance', { capacity: 'chair' }), recordedHistory(session));
      expect(correction.data.changes).toStrictEqual({ capacity: 'chair' });
    });

    it('refuses a correction with no reason at all, as one with an empty reason', () => {
      given(session).when(command<Command>('AmendAttendance', { activityId: 'a-1', eventId: 'event-3', minutes: 90 })).thenRefuses('rule', /needs a reason/);
    });

    it('judges only the corrected event and what came after it: an older event recorded under other rules does not block it', () => {
      const older = { ...attended('p-9', 120), data: { ...attended('p-9', 120).data, capacity: 'observer' } };
      given([planned, held, older, attended('p-3', 120)])
        .when(correct('AmendAttendance', { eventId: 'event-4', minutes: 90 }))
        .then([amended('event-4', 'AttendanceRecorded', { minutes: 90 })] as never);
    });

    it('refuses an event of another type, and one that is not in the stream', () => {
      given(session).when(correct('AmendAttendance', { eventId: 'event-2', minutes: 90 })).thenRefuses('rule', /event event-2 is ActivityHeld, not AttendanceRecorded/);
      given(session).when(correct('AmendAttendance', { eventId: 'event-9', minutes: 90 })).thenRefuses('not_found', /activity has no event event-9/);
    });

    it('refuses a correction without a reason', () => {
      given(session).when(correct('AmendAttendance', { minutes: 90, reason: '  ' })).thenRefuses('rule', /needs a reason/);
    });
  });

  describe('voiding', () => {
    it('voids an attendance, after which the person can be recorded again', () => {
      given(session).when(correct('VoidAttendance', {})).then([{ ...voided('event-3', 'AttendanceRecorded'), data: { ...voided('event-3', 'AttendanceRecorded').data, reason: 'Sign-in sheet misread' }, occurredAt: '2026-03-10T18:00:00.000Z' }] as never);
      const state = given([...session, voided('event-3', 'AttendanceRecorded')]).state;
      expect(activityDecider.decide(command('RecordAttendance', { activityId: 'a-1', participantId: 'p-3', minutes: 60, capacity: 'member', format: 'paper' }), state)).toHaveLength(1);
    });

    it('refuses correcting a voided event again', () => {
      given([...session, voided('event-3', 'AttendanceRecorded')])
        .when(correct('AmendAttendance', { minutes: 90 }))
        .thenRefuses('conflict', /event event-3 \(AttendanceRecorded\) was voided/);
    });

    it('refuses voiding a session while attendance recorded after it depends on it', () => {
      given(session)
        .when(correct('VoidSessionHeld', { eventId: 'event-2' }))
        .thenRefuses('conflict', /AttendanceRecorded event-3, recorded after it, would break a rule of the record: record that activity a-1 was held first/);
    });

    it('refuses shortening a session below the attendance already recorded', () => {
      given(session)
        .when(correct('AmendSessionHeld', { eventId: 'event-2', durationMinutes: 30 }))
        .thenRefuses('rule', /AttendanceRecorded event-3, recorded after it, would break a rule of the record: attendance of 120 minutes is more than activity a-1 lasted \(30 minutes/);
      given(session)
        .when(correct('AmendSessionHeld', { eventId: 'event-2', durationMinutes: 100 }))
        .then([amended('event-2', 'ActivityHeld', { durationMinutes: 100 })] as never);
    });

    it('refuses a plan amended to an impossible date', () => {
      given(session).when(correct('AmendActivityPlan', { eventId: 'event-1', plannedFor: '2026-02-30' })).thenRefuses('rule', /plannedFor "2026-02-30" is not a real calendar date/);
      given(session).when(correct('AmendActivityPlan', { eventId: 'event-1', plannedFor: 'garbage' })).thenRefuses('rule', /not a real calendar date/);
    });
  });

  it('checks a reading under the measure\'s own rules', () => {
    const defined: Event = {
      type: 'ServiceMeasureDefined',
      data: { measureId: 'm-1', projectId: 'p1', name: 'Enquiries', unit: 'per quarter', baseline: 2, baselineOn: '2025-12-31', betterWhen: 'higher', outcomeId: null },
    };
    const reading: Event = { type: 'ServiceMeasureReadingRecorded', data: { measureId: 'm-1', projectId: 'p1', value: 7, readingOn: '2026-03-31', note: null } };
    const amend = (value: unknown) => command<Command>('AmendServiceMeasureReading', { measureId: 'm-1', eventId: 'event-2', reason: 'typo', value });
    spec(measureDecider).given([defined, reading] as never).when(amend(Number.NaN)).thenRefuses('rule', /must be a finite number/);
    expect(spec(measureDecider).given([defined, reading] as never).when(amend(8))).toBeDefined();
  });

  it('has no correction of an erasure: the participant aggregate offers none', () => {
    expect(participantDecider.corrections).toBeUndefined();
  });
});

describe('applyCorrections', () => {
  const recorded = (id: string, event: Event): Recorded<Event> => ({
    occurredAt: '2026-03-10T18:00:00.000Z',
    recordedAt: '2026-03-11T09:00:00.000Z',
    ...event,
    id,
  });
  const amend = (eventId: string, changes: Record<string, unknown>): EventCorrected => ({
    type: 'EventCorrected',
    data: { eventId, eventType: 'AttendanceRecorded', kind: 'amend', changes, reason: 'Sign-in sheet misread' },
  });
  const first = attended('p-3', 120);
  const other = recorded('e2', attended('p-4', 60));

  it('merges amendments into data, later amendments winning, and drops the corrections', () => {
    const read = applyCorrections([recorded('e1', first), other, recorded('c1', amend('e1', { minutes: 90, format: 'in_person' })), recorded('c2', amend('e1', { minutes: 100 }))]);
    expect(read.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(read[0].data).toEqual({ ...first.data, minutes: 100, format: 'in_person' });
    expect(read[1]).toBe(other);
  });

  it('removes voided events, even if they were amended first', () => {
    const read = applyCorrections([recorded('e1', first), other, recorded('c1', amend('e1', { minutes: 90 })), recorded('c2', voided('e1', 'AttendanceRecorded'))]);
    expect(read.map((e) => e.id)).toEqual(['e2']);
  });

  it('reads a void of an erasure recorded before erasures stood as having no effect', () => {
    const erased = recorded('e1', { type: 'ParticipantErased', data: { participantId: 'p-3', erasedOn: '2026-05-01', reason: 'asked' } });
    expect(applyCorrections([erased, recorded('c1', voided('e1', 'ParticipantErased'))]).map((e) => e.id)).toEqual(['e1']);
  });

  it('leaves the original events untouched', () => {
    const original = recorded('e1', first);
    applyCorrections([original, recorded('c1', amend('e1', { minutes: 90 }))]);
    expect(original.data).toEqual(first.data);
  });
});
