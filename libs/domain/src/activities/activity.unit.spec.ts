import { command, spec } from '../core/spec';
import { ActivityCancelled, ActivityEvent, ActivityHeld, ActivityPlanned, AttendanceRecorded } from './activity';
import { ActivityCommand, RecordContribution } from './activity.decide';
import { activityDecider } from './activity.decider';

const given = (events: ActivityEvent[]) => spec(activityDecider).given(events);

const planned: ActivityPlanned = {
  type: 'ActivityPlanned',
  data: {
    activityId: 'a-1',
    projectId: 'p1',
    title: 'Guidance note workshop',
    activityType: 'workshop',
    stage: 'co_design',
    format: 'in_person',
    plannedFor: '2026-03-10T18:00:00.000Z',
    ladderLevel: 'co_design',
  },
};
const held: ActivityHeld = {
  type: 'ActivityHeld',
  data: { activityId: 'a-1', projectId: 'p1', heldOn: '2026-03-10T18:00:00.000Z', durationMinutes: 120, ladderLevel: 'engagement' },
};
const cancelled: ActivityCancelled = { type: 'ActivityCancelled', data: { activityId: 'a-1', projectId: 'p1', reason: 'Venue flooded' } };
const attended: AttendanceRecorded = {
  type: 'AttendanceRecorded',
  data: { activityId: 'a-1', projectId: 'p1', participantId: 'p-3', minutes: 120, capacity: 'member', format: 'paper' },
};
const hold = (durationMinutes: number) =>
  command<ActivityCommand>('HoldActivity', { activityId: 'a-1', heldOn: '2026-03-10T18:00:00.000Z', durationMinutes, ladderLevel: 'engagement' });
const attend = (minutes: number, participantId = 'p-3') =>
  command<ActivityCommand>('RecordAttendance', { activityId: 'a-1', participantId, minutes, capacity: 'member', format: 'paper' });
const contribution: RecordContribution['data'] = {
  activityId: 'a-1',
  contributionId: 'c-1',
  participantIds: ['p-3', 'p-4'],
  kind: 'idea',
  recordedAs: 'staff_summary',
  summary: 'Add a worked example of a solar co-op',
};
const contribute = (data: Partial<RecordContribution['data']> = {}) =>
  command<ActivityCommand>('RecordContribution', { ...contribution, ...data } as RecordContribution['data']);
const WORDS = 'I only understood the tariff when someone drew it for me';
const ownWords: RecordContribution['data'] = {
  activityId: 'a-1',
  contributionId: 'c-2',
  participantIds: ['p-3'],
  kind: 'feedback',
  recordedAs: 'participant_words',
  personal: { subjectId: 'p-3', fields: { words: WORDS } },
};
const sayInOwnWords = (data: Record<string, unknown> = {}) =>
  command<ActivityCommand>('RecordContribution', { ...ownWords, ...data } as RecordContribution['data']);

describe('activity', () => {
  describe('planning', () => {
    it('plans an activity', () => {
      given([]).when(command<ActivityCommand>('PlanActivity', planned.data)).then([planned]);
    });

    it('refuses to plan the same activity twice', () => {
      given([planned]).when(command<ActivityCommand>('PlanActivity', planned.data)).thenRefuses('conflict', /a-1 is already planned as "Guidance note workshop"/);
    });

    it('refuses an activity without a title', () => {
      given([]).when(command<ActivityCommand>('PlanActivity', { ...planned.data, title: ' ' })).thenRefuses('rule', /a-1 needs a title/);
    });

    it('refuses anything on an activity that does not exist', () => {
      given([]).when(hold(120)).thenRefuses('not_found', /activity a-1 does not exist; plan it first/);
      given([]).when(attend(60)).thenRefuses('not_found', /activity a-1 does not exist; plan it first/);
    });
  });

  describe('holding and cancelling', () => {
    it('records that it was held, at the level it actually reached, on the day it was held', () => {
      given([planned]).when(hold(120)).then([{ ...held, occurredAt: '2026-03-10T18:00:00.000Z' }]);
    });

    it.each([0, -30, 90.5])('refuses a duration of %p minutes', (minutes) => {
      given([planned]).when(hold(minutes)).thenRefuses('rule', new RegExp(`positive whole number of minutes; got ${minutes}`));
    });

    it('refuses holding twice and points to correction', () => {
      given([planned, held]).when(hold(90)).thenRefuses('conflict', /already recorded as held on 2026-03-10.*correct that event/);
    });

    it('refuses holding a cancelled activity', () => {
      given([planned, cancelled]).when(hold(120)).thenRefuses('conflict', /a-1 \(Guidance note workshop\) was cancelled \(Venue flooded\)/);
    });

    it('cancels a planned activity with a reason', () => {
      given([planned]).when(command<ActivityCommand>('CancelActivity', { activityId: 'a-1', reason: 'Venue flooded' })).then([cancelled]);
    });

    it('refuses cancelling without a reason, twice, or after it was held', () => {
      const cancel = command<ActivityCommand>('CancelActivity', { activityId: 'a-1', reason: '' });
      given([planned]).when(cancel).thenRefuses('rule', /needs a reason/);
      given([planned, cancelled]).when(cancel).thenRefuses('conflict', /it is already cancelled/);
      given([planned, held]).when(cancel).thenRefuses('conflict', /was held on 2026-03-10.*cannot be cancelled/);
    });
  });

  describe('attendance', () => {
    it('records attendance as happening when the activity was held, with how the person took part', () => {
      given([planned, held]).when(attend(120)).then([{ ...attended, occurredAt: '2026-03-10T18:00:00.000Z' }]);
    });

    it('allows up to an hour past the session for arriving early and staying on', () => {
      expect(activityDecider.decide(attend(180), given([planned, held]).state)).toHaveLength(1);
      given([planned, held]).when(attend(181)).thenRefuses('rule', /181 minutes is more than activity a-1 lasted \(120 minutes, up to 180/);
    });

    it.each([0, -5, 12.5])('refuses %p minutes', (minutes) => {
      given([planned, held]).when(attend(minutes)).thenRefuses('rule', new RegExp(`whole number above 0; got ${minutes}`));
    });

    it('refuses more than a day, whatever the activity length', () => {
      const allDay: ActivityHeld = { ...held, data: { ...held.data, durationMinutes: 1440 } };
      given([planned, allDay]).when(attend(1441)).thenRefuses('rule', /1441 minutes is more than a day/);
    });

    it('refuses attendance before the activity was held', () => {
      given([planned]).when(attend(60)).thenRefuses('conflict', /record that activity a-1 was held first/);
    });

    it('refuses attendance at a cancelled activity', () => {
      given([planned, cancelled]).when(attend(60)).thenRefuses('conflict', /was cancelled/);
    });

    it('refuses the same person twice and points to correction', () => {
      given([planned, held, attended]).when(attend(30)).thenRefuses('conflict', /p-3 is already recorded at activity a-1 \(120 minutes\); correct that event/);
      expect(activityDecider.decide(attend(30, 'p-4'), given([planned, held, attended]).state)).toHaveLength(1);
    });
  });

  describe('contributions', () => {
    it('records a staff summary in plain text, as happening when the activity was held', () => {
      given([planned, held])
        .when(contribute())
        .then([
          {
            type: 'ContributionRecorded',
            data: { ...contribution, projectId: 'p1' },
            occurredAt: '2026-03-10T18:00:00.000Z',
          },
        ]);
    });

    it("records a participant's own words as their personal data, and nothing of them in plain text", () => {
      given([planned, held])
        .when(sayInOwnWords())
        .then([
          {
            type: 'ContributionRecorded',
            data: {
              activityId: 'a-1',
              projectId: 'p1',
              contributionId: 'c-2',
              participantIds: ['p-3'],
              kind: 'feedback',
              recordedAs: 'participant_words',
              personal: { subjectId: 'p-3', fields: { words: WORDS } },
            },
            occurredAt: '2026-03-10T18:00:00.000Z',
          },
        ]);
    });

    it('keeps a plain-text summary sent alongside participant words out of the event', () => {
      const [event] = activityDecider.decide(sayInOwnWords({ summary: WORDS }), given([planned, held]).state);
      expect(event.data).not.toHaveProperty('summary');
    });

    it('refuses participant words naming two people, or nobody: a group contribution is a staff summary', () => {
      given([planned, held])
        .when(sayInOwnWords({ participantIds: ['p-3', 'p-4'] }))
        .thenRefuses('rule', /c-2 is recorded as participant words but names p-3, p-4; .*a staff summary for the group/);
      given([planned, held]).when(sayInOwnWords({ participantIds: [] })).thenRefuses('rule', /c-2 is recorded as participant words but names nobody/);
    });

    it('refuses participant words that are empty or belong to someone else', () => {
      given([planned, held])
        .when(sayInOwnWords({ personal: { subjectId: 'p-3', fields: { words: '  ' } } }))
        .thenRefuses('rule', /c-2 has no words; record what p-3 said/);
      given([planned, held])
        .when(sayInOwnWords({ personal: { subjectId: 'p-4', fields: { words: WORDS } } }))
        .thenRefuses('rule', /recorded as p-4's but the contribution is by p-3/);
    });

    it('refuses a staff summary that is empty', () => {
      given([planned, held]).when(contribute({ summary: ' ' })).thenRefuses('rule', /c-1 needs a summary of what was said or done/);
    });

    it('accepts again, when a correction re-decides the stream, words already sealed and contributions recorded before they said whose words they were', () => {
      const sealed = sayInOwnWords({ personal: { subjectId: 'p-3', sealed: { alg: 'A256GCM', nonce: 'bm9uY2U=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' } } });
      expect(activityDecider.decide(sealed, given([planned, held]).state)).toHaveLength(1);
      const { recordedAs: _unstated, ...unstated } = contribution as Extract<RecordContribution['data'], { recordedAs: 'staff_summary' }>;
      const [event] = activityDecider.decide(command<ActivityCommand>('RecordContribution', unstated as RecordContribution['data']), given([planned, held]).state);
      expect(event.data).toEqual({ ...unstated, projectId: 'p1' });
      expect(event.data).not.toHaveProperty('recordedAs');
    });

    it('refuses a contribution id used twice', () => {
      const recorded: ActivityEvent = { type: 'ContributionRecorded', data: { ...contribution, participantIds: ['p-3'], projectId: 'p1' } };
      given([planned, held, recorded]).when(contribute()).thenRefuses('conflict', /contribution c-1 is already recorded/);
      given([planned, held, recorded]).when(sayInOwnWords({ contributionId: 'c-1' })).thenRefuses('conflict', /contribution c-1 is already recorded/);
    });

    it('refuses a contribution before holding, or on a cancelled activity', () => {
      given([planned]).when(contribute()).thenRefuses('conflict', /was held first/);
      given([planned, cancelled]).when(sayInOwnWords()).thenRefuses('conflict', /was cancelled/);
    });
  });
});
