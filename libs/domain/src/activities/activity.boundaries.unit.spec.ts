import { command, spec } from '../core/spec';
import {
  ActivityCancelled,
  ActivityEvent,
  ActivityHeld,
  ActivityPlanned,
  AttendanceRecorded,
  ContributionRecorded,
  staffSummaryOf,
} from './activity';
import { ActivityCommand, RecordContribution } from './activity.decide';
import { activityDecider } from './activity.decider';

const given = (events: ActivityEvent[]) => spec(activityDecider).given(events);

const planned: ActivityPlanned = {
  type: 'ActivityPlanned',
  data: {
    activityId: 'a-1',
    projectId: 'p1',
    title: 'Library co-design day',
    activityType: 'workshop',
    stage: 'co_design',
    format: 'in_person',
    plannedFor: '2026-05-02',
    ladderLevel: 'co_design',
  },
};
/** A whole day: the longest session there can be. */
const heldAllDay: ActivityHeld = {
  type: 'ActivityHeld',
  data: { activityId: 'a-1', projectId: 'p1', heldOn: '2026-05-02', durationMinutes: 24 * 60, ladderLevel: 'co_design' },
};
const attended: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: { activityId: 'a-1', projectId: 'p1', participantId: 'r-1', minutes: 300, capacity: 'member', format: 'in_person' },
};
const contributed: ContributionRecorded = {
  type: 'ContributionRecorded',
  data: {
    activityId: 'a-1',
    projectId: 'p1',
    contributionId: 'c-1',
    participantIds: ['r-1'],
    kind: 'idea',
    recordedAs: 'staff_summary',
    summary: 'Quiet room',
  },
};
const cancelled: ActivityCancelled = { type: 'ActivityCancelled', data: { activityId: 'a-1', projectId: 'p1', reason: 'Venue closed' } };

const hold = (data: Record<string, unknown>) =>
  command<ActivityCommand>('HoldActivity', {
    activityId: 'a-1',
    heldOn: '2026-05-02',
    durationMinutes: 120,
    ladderLevel: 'co_design',
    ...data,
  } as never);
const attend = (minutes: number) =>
  command<ActivityCommand>('RecordAttendance', { activityId: 'a-1', participantId: 'r-2', minutes, capacity: 'member', format: 'in_person' });
const contribute = (data: Record<string, unknown>) =>
  command<ActivityCommand>('RecordContribution', {
    activityId: 'a-1',
    contributionId: 'c-2',
    participantIds: ['r-2'],
    kind: 'idea',
    ...data,
  } as never);

describe('activity: the state its rules read', () => {
  it('folds a planned, held session with its attendance and contributions', () => {
    expect(given([planned]).state).toEqual({
      status: 'planned',
      activityId: 'a-1',
      projectId: 'p1',
      title: 'Library co-design day',
      plannedFor: '2026-05-02',
    });
    expect(given([planned, heldAllDay, attended, contributed]).state).toEqual({
      status: 'held',
      activityId: 'a-1',
      projectId: 'p1',
      title: 'Library co-design day',
      plannedFor: '2026-05-02',
      heldOn: '2026-05-02',
      durationMinutes: 1440,
      attendance: { 'r-1': 300 },
      contributionIds: ['c-1'],
    });
    expect(given([planned, heldAllDay]).state).toMatchObject({ attendance: {}, contributionIds: [] });
  });

  it('keeps a session whose held event was voided as planned, without the attendance recorded against it', () => {
    // VoidSessionHeld takes the ActivityHeld event out of the fold; what was recorded against the session stays in the log.
    const voided = { type: 'EventCorrected', data: { eventId: 'event-2', eventType: 'ActivityHeld', kind: 'void', reason: 'Did not happen' } };
    const state = given([planned, heldAllDay, attended, contributed, voided as never]).state;
    expect(state).toEqual({ status: 'planned', activityId: 'a-1', projectId: 'p1', title: 'Library co-design day', plannedFor: '2026-05-02' });
    given([planned, heldAllDay, attended, voided as never])
      .when(attend(60))
      .thenRefuses('conflict', /record that activity a-1 was held first/, 'activity.not_held');
  });

  it('does not bring a session into being from a held or cancelled event without its plan', () => {
    given([heldAllDay])
      .when(attend(60))
      .thenRefuses('not_found', /activity a-1 does not exist; plan it first/, 'activity.not_found');
    given([cancelled])
      .when(hold({}))
      .thenRefuses('not_found', /activity a-1 does not exist/, 'activity.not_found');
    expect(given([cancelled]).state).toEqual({ status: 'unplanned' });
  });
});

describe('activity: boundaries and the fields a refusal names', () => {
  it('names the field that is wrong when a session is recorded as held', () => {
    given([planned])
      .when(hold({ ladderLevel: 'partnership' }))
      .thenRefuses('rule', 'ladderLevel "partnership" is not one of coercion, educating', 'value.not_allowed');
    given([planned])
      .when(hold({ heldOn: '2026-02-30' }))
      .thenRefuses('rule', 'heldOn "2026-02-30" is not a real calendar date', 'value.not_a_date');
  });

  it('accepts attendance of a whole day at a day-long session, and refuses a minute more', () => {
    given([planned, heldAllDay])
      .when(attend(1440))
      .then([
        {
          type: 'AttendanceRecorded',
          data: { activityId: 'a-1', projectId: 'p1', participantId: 'r-2', minutes: 1440, capacity: 'member', format: 'in_person' },
          occurredAt: '2026-05-02',
        },
      ]);
    given([planned, heldAllDay])
      .when(attend(1441))
      .thenRefuses('rule', /more than a day/, 'activity.minutes_over_a_day');
  });

  it('refuses a staff summary with no summary at all as missing, not as a crash', () => {
    given([planned, heldAllDay])
      .when(contribute({ recordedAs: 'staff_summary' }))
      .thenRefuses('rule', /contribution c-2 needs a summary/, 'activity.summary_missing');
    given([planned, heldAllDay])
      .when(contribute({ recordedAs: 'staff_summary', summary: 42 }))
      .thenRefuses('rule', /needs a summary/, 'activity.summary_missing');
  });

  it("refuses a participant's words with no words given as missing, not as a crash", () => {
    given([planned, heldAllDay])
      .when(contribute({ recordedAs: 'participant_words', personal: { subjectId: 'r-2', fields: {} } }))
      .thenRefuses('rule', /contribution c-2 has no words; record what r-2 said/, 'activity.words_missing');
  });
});

describe('activity: what is shown beyond a contributor', () => {
  it("shows a staff summary, never a participant's own words nor a summary recorded before it said whose words it was", () => {
    expect(staffSummaryOf(contributed.data)).toBe('Quiet room');
    const words = {
      ...contributed.data,
      recordedAs: 'participant_words' as const,
      personal: { subjectId: 'r-1', fields: { words: 'I need a quiet room' } },
    };
    expect(staffSummaryOf(words)).toBeNull();
    const unstated = {
      activityId: 'a-1',
      projectId: 'p1',
      contributionId: 'c-0',
      participantIds: ['r-1'],
      kind: 'idea' as const,
      summary: 'Maybe her words',
    };
    expect(staffSummaryOf(unstated)).toBeNull();
  });
});

describe('activity: the records a command names, which must exist', () => {
  const references = activityDecider.references!;
  it('names the project of a plan, the participant attending and each contributor', () => {
    expect(references.PlanActivity!(planned.data)).toEqual([{ aggregate: 'project', id: 'p1' }]);
    expect(references.RecordAttendance!({ ...attended.data })).toEqual([{ aggregate: 'participant', id: 'r-1' }]);
    const data: RecordContribution['data'] = {
      activityId: 'a-1',
      contributionId: 'c-2',
      participantIds: ['r-1', 'r-2'],
      kind: 'idea',
      recordedAs: 'staff_summary',
      summary: 'x',
    };
    expect(references.RecordContribution!(data)).toEqual([
      { aggregate: 'participant', id: 'r-1' },
      { aggregate: 'participant', id: 'r-2' },
    ]);
    // A contribution that names nobody names no record (the decider then refuses it on its own terms).
    expect(references.RecordContribution!({ ...data, participantIds: undefined as never })).toEqual([]);
  });
});
