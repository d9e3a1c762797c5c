import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { ActivityCancelled, ActivityEvent, ActivityHeld, ActivityPlanned, AttendanceRecorded, ContributionRecorded } from './activity';
import { ActivityCommand, PlanActivity, RecordContribution } from './activity.decide';
import { activityDecider } from './activity.decider';

const given = (events: ActivityEvent[]) => spec(activityDecider).given(events);

const plan: PlanActivity['data'] = {
  activityId: 'a-9',
  projectId: 'p1',
  title: 'Carers drop-in',
  activityType: 'meeting',
  stage: 'co_planning',
  format: 'phone',
  plannedFor: '2026-03-12',
  ladderLevel: 'engagement',
};
const planned: ActivityPlanned = { type: 'ActivityPlanned', data: plan };
const held: ActivityHeld = {
  type: 'ActivityHeld',
  data: { activityId: 'a-9', projectId: 'p1', heldOn: '2026-03-12', durationMinutes: 90, ladderLevel: 'engagement' },
};
const cancelled: ActivityCancelled = { type: 'ActivityCancelled', data: { activityId: 'a-9', projectId: 'p1', reason: 'Snow' } };
const attended: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: { activityId: 'a-9', projectId: 'p1', participantId: 'p-5', minutes: 90, capacity: 'member', format: 'phone' },
};
const contributed: ContributionRecorded = {
  type: 'ContributionRecorded',
  data: {
    activityId: 'a-9',
    projectId: 'p1',
    contributionId: 'c-1',
    participantIds: ['p-5'],
    kind: 'idea',
    recordedAs: 'staff_summary',
    summary: 'Evening slots',
  },
};
const planWith = (data: Record<string, unknown>) => command<ActivityCommand>('PlanActivity', { ...plan, ...data } as never);
const hold = (data: Record<string, unknown> = {}) =>
  command<ActivityCommand>('HoldActivity', {
    activityId: 'a-9',
    heldOn: '2026-03-12',
    durationMinutes: 90,
    ladderLevel: 'engagement',
    ...data,
  } as never);
const cancel = (reason: string) => command<ActivityCommand>('CancelActivity', { activityId: 'a-9', reason });
const attend = (data: Record<string, unknown> = {}) =>
  command<ActivityCommand>('RecordAttendance', {
    activityId: 'a-9',
    participantId: 'p-6',
    minutes: 60,
    capacity: 'member',
    format: 'phone',
    ...data,
  } as never);
const contribute = (data: Record<string, unknown>) =>
  command<ActivityCommand>('RecordContribution', {
    activityId: 'a-9',
    contributionId: 'c-2',
    participantIds: ['p-5'],
    kind: 'feedback',
    recordedAs: 'staff_summary',
    summary: 'Wants paper forms',
    ...data,
  } as RecordContribution['data']);

describe('activity: what is refused, with the code clients see', () => {
  it('refuses planning twice, or without a title', () => {
    given([planned]).when(planWith({})).thenRefuses('conflict', 'activity a-9 is already planned as "Carers drop-in"', 'activity.already_planned');
    given([])
      .when(planWith({ title: '  ' }))
      .thenRefuses('rule', 'activity a-9 needs a title people will recognise', 'activity.title_missing');
  });

  it.each([
    ['activityType', 'picnic'],
    ['stage', 'co_dreaming'],
    ['format', 'telepathy'],
    ['ladderLevel', 'top'],
  ])('refuses a plan whose %s is outside the vocabulary', (field, value) => {
    given([])
      .when(planWith({ [field]: value }))
      .thenRefuses('rule', new RegExp(`^${field} "${value}" is not one of `), 'value.not_allowed');
  });

  it('refuses anything but planning for an activity never planned', () => {
    for (const cmd of [hold(), cancel('x'), attend(), contribute({})]) {
      given([]).when(cmd).thenRefuses('not_found', 'activity a-9 does not exist; plan it first', 'activity.not_found');
    }
  });

  it('refuses holding a cancelled or already held activity', () => {
    given([planned, cancelled])
      .when(hold())
      .thenRefuses(
        'conflict',
        'activity a-9 (Carers drop-in) was cancelled (Snow); plan a new activity if it took place after all',
        'activity.cancelled',
      );
    given([planned, held])
      .when(hold())
      .thenRefuses('conflict', 'activity a-9 was already recorded as held on 2026-03-12; correct that event instead', 'activity.already_held');
  });

  it.each([0, -30, 45.5, 24 * 60 + 1])('refuses a session lasting %p minutes', (durationMinutes) => {
    given([planned])
      .when(hold({ durationMinutes }))
      .thenRefuses(
        'rule',
        `durationMinutes must be a positive whole number of minutes; got ${durationMinutes} (a session runs at most a day, 1440)`,
        'activity.duration_invalid',
      );
  });

  it('holds a session of one minute or of a whole day', () => {
    for (const durationMinutes of [1, 24 * 60]) {
      given([planned])
        .when(hold({ durationMinutes }))
        .then([{ type: 'ActivityHeld', data: { ...held.data, durationMinutes }, occurredAt: '2026-03-12' }]);
    }
  });

  it('refuses cancelling twice, after it was held, or without a reason', () => {
    given([planned, cancelled])
      .when(cancel('again'))
      .thenRefuses('conflict', 'activity a-9 (Carers drop-in) was cancelled (Snow); it is already cancelled', 'activity.cancelled');
    given([planned, held])
      .when(cancel('x'))
      .thenRefuses(
        'conflict',
        'activity a-9 was held on 2026-03-12 and cannot be cancelled; void that event with a correction if it did not take place',
        'activity.already_held',
      );
    given([planned]).when(cancel(' ')).thenRefuses('rule', 'cancelling activity a-9 needs a reason', 'activity.reason_missing');
    given([planned]).when(cancel('Snow')).then([cancelled]);
  });

  it('refuses attendance or contributions before the activity was held, or after it was cancelled', () => {
    for (const cmd of [attend(), contribute({})]) {
      given([planned]).when(cmd).thenRefuses('conflict', 'record that activity a-9 was held first', 'activity.not_held');
      given([planned, cancelled])
        .when(cmd)
        .thenRefuses('conflict', 'activity a-9 (Carers drop-in) was cancelled (Snow); nothing can be recorded against it', 'activity.cancelled');
    }
  });

  it('refuses attendance recorded twice, minutes that are not whole and positive, over a day, or beyond the session and an hour', () => {
    given([planned, held, attended])
      .when(attend({ participantId: 'p-5' }))
      .thenRefuses(
        'conflict',
        'participant p-5 is already recorded at activity a-9 (90 minutes); correct that event instead',
        'activity.attendance_already_recorded',
      );
    for (const minutes of [0, 12.5]) {
      given([planned, held])
        .when(attend({ minutes }))
        .thenRefuses('rule', `attendance minutes must be a whole number above 0; got ${minutes}`, 'activity.minutes_invalid');
    }
    given([planned, held])
      .when(attend({ minutes: 1441 }))
      .thenRefuses(
        'rule',
        'attendance of 1441 minutes is more than a day (1440); record each day as its own activity',
        'activity.minutes_over_a_day',
      );
    given([planned, held])
      .when(attend({ minutes: 151 }))
      .thenRefuses(
        'rule',
        'attendance of 151 minutes is more than activity a-9 lasted (90 minutes, up to 150 with arriving early and staying on); check the minutes',
        'activity.minutes_over_duration',
      );
    given([planned, held])
      .when(attend({ minutes: 150 }))
      .then([{ type: 'AttendanceRecorded', data: { ...attended.data, participantId: 'p-6', minutes: 150 }, occurredAt: '2026-03-12' }]);
    given([planned, held])
      .when(attend({ capacity: 'boss' }))
      .thenRefuses('rule', /^capacity "boss" is not one of/, 'value.not_allowed');
    given([planned, held])
      .when(attend({ format: 'fax' }))
      .thenRefuses('rule', /^format "fax" is not one of/, 'value.not_allowed');
  });

  it('refuses a contribution recorded twice, of an unknown kind, or without a summary', () => {
    given([planned, held, contributed])
      .when(contribute({ contributionId: 'c-1' }))
      .thenRefuses(
        'conflict',
        'contribution c-1 is already recorded at activity a-9; use a new id or correct that event',
        'activity.contribution_already_recorded',
      );
    given([planned, held])
      .when(contribute({ kind: 'complaint' }))
      .thenRefuses('rule', /^kind "complaint" is not one of/, 'value.not_allowed');
    given([planned, held])
      .when(contribute({ summary: ' ' }))
      .thenRefuses('rule', "contribution c-2 needs a summary of what was said or done, in the recorder's own words", 'activity.summary_missing');
  });

  it("refuses a person's own words that name several people, nobody, someone else, or no words", () => {
    const words = (data: Record<string, unknown>) =>
      contribute({
        recordedAs: 'participant_words',
        summary: undefined,
        personal: { subjectId: 'p-5', fields: { words: 'Evenings suit me' } },
        ...data,
      });
    given([planned, held])
      .when(words({ participantIds: ['p-5', 'p-6'] }))
      .thenRefuses(
        'rule',
        /^contribution c-2 is recorded as participant words but names p-5, p-6; one person's own words name that person alone/,
        'activity.words_of_several',
      );
    given([planned, held])
      .when(words({ participantIds: [] }))
      .thenRefuses('rule', /but names nobody;/, 'activity.words_of_several');
    given([planned, held])
      .when(words({ personal: { subjectId: 'p-6', fields: { words: 'x' } } }))
      .thenRefuses(
        'rule',
        "the words of contribution c-2 are recorded as p-6's but the contribution is by p-5; words belong to the person who said them",
        'activity.words_subject',
      );
    given([planned, held])
      .when(words({ personal: { subjectId: 'p-5', fields: { words: '  ' } } }))
      .thenRefuses('rule', 'contribution c-2 has no words; record what p-5 said, or record a staff summary instead', 'activity.words_missing');
  });

  it('keeps each activity in its own stream, named activity-<id>', () => {
    expect(streamName(activityDecider, activityDecider.streamIdOf(hold()))).toBe('activity-a-9');
  });
});
