import fc from 'fast-check';
import { requireCalendarDate } from '../core/errors';
import { checkInvariants, correctionsStayFinal, eventRef, ids, invariant, isBlank, isWholeBetween, mostly, reason, request, StreamView } from '../core/properties';
import { ACTIVITY_TYPES, ATTENDANCE_CAPACITIES, CONTRIBUTION_KINDS, FORMATS, LADDER_LEVELS, STAGES } from '../core/vocabulary';
import { ActivityEvent, ActivityHeld } from './activity';
import { activityDecider } from './activity.decider';

const activityId = ids('a-1', 'a-2');
const participantId = fc.constantFrom('p-1', 'p-2', 'p-3');
const title = mostly(['Guidance note workshop'], ['', '  ']);
const activityType = mostly(ACTIVITY_TYPES, ['party']);
const stage = mostly(STAGES, ['co_dreaming']);
const format = mostly(FORMATS, ['carrier_pigeon', '']);
const ladderLevel = mostly(LADDER_LEVELS, ['tokenism']);
const day = mostly(['2026-03-10', '2026-03-10T18:00:00.000Z'], ['2026-02-30', 'Tuesday']);
const durationMinutes = mostly([30, 120, 1380, 1440], [0, -15, 90.5, 1441, Number.NaN]);
const minutes = mostly([1, 30, 90, 120, 180, 1440, 1441, 1500], [0, -5, 45.5, Number.NaN, Number.POSITIVE_INFINITY]);
const capacity = mostly(ATTENDANCE_CAPACITIES, ['observer']);
const words = mostly(['I only understood the tariff when someone drew it for me'], ['', ' ']);

const contributionText = fc.oneof(
  fc.record({ recordedAs: fc.constant('staff_summary'), summary: words }),
  fc.record({ recordedAs: fc.constant('participant_words'), personal: fc.record({ subjectId: participantId, fields: fc.record({ words }) }) }),
);
const correcting = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ activityId, eventId: eventRef, reason, ...fields }, { requiredKeys: ['activityId', 'eventId', 'reason'] });

const plan = request('PlanActivity', fc.record({ activityId, projectId: fc.constant('p1'), title, activityType, stage, format, plannedFor: day, ladderLevel }));
const requests = fc.oneof(
  { weight: 1, arbitrary: plan },
  { weight: 4, arbitrary: request('HoldActivity', fc.record({ activityId, heldOn: day, durationMinutes, ladderLevel })) },
  { weight: 1, arbitrary: request('CancelActivity', fc.record({ activityId, reason })) },
  { weight: 8, arbitrary: request('RecordAttendance', fc.record({ activityId, participantId, minutes, capacity, format })) },
  {
    weight: 3,
    arbitrary: request(
      'RecordContribution',
      fc
        .tuple(
          fc.record({ activityId, contributionId: fc.constantFrom('c-1', 'c-2'), participantIds: fc.subarray(['p-1', 'p-2', 'p-3']), kind: fc.constantFrom(...CONTRIBUTION_KINDS) }),
          contributionText,
        )
        .map(([contribution, text]) => ({ ...contribution, ...text })),
    ),
  },
  { weight: 1, arbitrary: request('AmendActivityPlan', correcting({ title, activityType, stage, format, plannedFor: day, ladderLevel })) },
  { weight: 2, arbitrary: request('AmendSessionHeld', correcting({ durationMinutes, ladderLevel })) },
  { weight: 2, arbitrary: request('VoidSessionHeld', correcting({})) },
  { weight: 4, arbitrary: request('AmendAttendance', correcting({ minutes, capacity, format })) },
  { weight: 3, arbitrary: request('VoidAttendance', correcting({})) },
  { weight: 1, arbitrary: request('VoidContribution', correcting({})) },
);

const inVocabulary = (value: unknown, allowed: readonly string[]) => typeof value === 'string' && allowed.includes(value);

const isCalendarDate = (value: unknown): boolean => {
  try {
    requireCalendarDate(value, 'date');
    return true;
  } catch {
    return false;
  }
};

/** Walks the session as a reader sees it: planned once, then held or cancelled, then who came and what they said. */
function sessionInvariants({ id, raw, read }: StreamView<ActivityEvent>): void {
  let planned = false;
  let cancelled = false;
  let held: ActivityHeld['data'] | undefined;
  const attendees = new Set<string>();
  const contributions = new Set<string>();
  for (const event of read) {
    invariant(planned !== (event.type === 'ActivityPlanned'), `activity ${id}: ${event.type} ${event.id} ${planned ? 'after it was planned' : 'before it was planned'}`);
    switch (event.type) {
      case 'ActivityPlanned': {
        const { title, activityType, stage, format, ladderLevel, plannedFor } = event.data;
        invariant(!isBlank(title), `activity ${id} has no title`);
        invariant(inVocabulary(activityType, ACTIVITY_TYPES) && inVocabulary(stage, STAGES), `activity ${id} is a ${activityType} in ${stage}`);
        invariant(inVocabulary(format, FORMATS) && inVocabulary(ladderLevel, LADDER_LEVELS), `activity ${id} is planned ${format} at ${ladderLevel}`);
        invariant(isCalendarDate(plannedFor), `activity ${id} is planned for "${plannedFor}"`);
        planned = true;
        break;
      }
      case 'ActivityHeld':
        invariant(!cancelled && !held, `activity ${id} held while ${cancelled ? 'cancelled' : 'already held'}`);
        invariant(isWholeBetween(event.data.durationMinutes, 1, 1440), `activity ${id} lasted ${event.data.durationMinutes} minutes`);
        invariant(inVocabulary(event.data.ladderLevel, LADDER_LEVELS), `activity ${id} held at ladder level ${event.data.ladderLevel}`);
        held = event.data;
        break;
      case 'ActivityCancelled':
        invariant(!cancelled && !held, `activity ${id} cancelled while ${cancelled ? 'already cancelled' : 'held'}`);
        invariant(!isBlank(event.data.reason), `activity ${id} cancelled without a reason`);
        cancelled = true;
        break;
      case 'AttendanceRecorded': {
        const { participantId, minutes, capacity, format } = event.data;
        invariant(held !== undefined && !cancelled, `attendance ${event.id} at activity ${id}, which is not held or is cancelled`);
        const longest = Math.min(held.durationMinutes + 60, 1440);
        invariant(isWholeBetween(minutes, 1, longest), `${participantId} attended ${minutes} minutes of the ${held.durationMinutes}-minute activity ${id}`);
        invariant(!attendees.has(participantId), `${participantId} is recorded twice at activity ${id}`);
        invariant(inVocabulary(capacity, ATTENDANCE_CAPACITIES) && inVocabulary(format, FORMATS), `${participantId} attended activity ${id} as ${capacity}, ${format}`);
        attendees.add(participantId);
        break;
      }
      case 'ContributionRecorded': {
        const { data } = event;
        invariant(held !== undefined && !cancelled, `contribution ${data.contributionId} at activity ${id}, which is not held or is cancelled`);
        invariant(!contributions.has(data.contributionId), `contribution ${data.contributionId} is recorded twice at activity ${id}`);
        if (data.recordedAs === 'participant_words') {
          const { subjectId } = data.personal;
          invariant(data.participantIds.length === 1 && data.participantIds[0] === subjectId, `contribution ${data.contributionId} gives ${subjectId}'s words for ${data.participantIds.join(', ')}`);
        } else {
          invariant(!isBlank(data.summary), `contribution ${data.contributionId} has no summary`);
        }
        contributions.add(data.contributionId);
        break;
      }
    }
  }
  correctionsStayFinal(raw);
}

describe('activity properties', () => {
  it('keeps attendance and contributions on a held session, within its length, once per person, from the vocabulary', () => {
    checkInvariants(activityDecider, { opening: plan, requests }, sessionInvariants);
  });
});
