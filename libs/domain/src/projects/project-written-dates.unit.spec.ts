import { command, spec } from '../core/spec';
import { Fact } from '../core/fact';
import { Recorded } from '../core/event';
import { applyCorrections, EventCorrected } from '../corrections/correction';
import { ProjectEvent, ProjectRegistered, ProjectStoryRecorded } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';
import { projectFacts } from './project.facts';

const given = (events: (ProjectEvent | EventCorrected)[]) => spec(projectDecider).given(events as ProjectEvent[]);

/** Registered on 1 February 2026 (the spec's default time of an event), with no start date of its own. */
const registered: ProjectRegistered = {
  type: 'ProjectRegistered',
  data: {
    projectId: 'p1',
    title: 'Community energy guidance note',
    serviceArea: 'Environment',
    aim: 'Develop an introductory guidance note on community energy generation together',
    frameworkId: 'west-berkshire',
    improvementSought: 'Residents find and use clear guidance on starting a community energy scheme',
    openToNewMembers: true,
  },
};
/** Recorded late: it started on 10 January 2025, so its registration occurred then. */
const startedEarlier: ProjectRegistered = { ...registered, data: { ...registered.data, startedOn: '2025-01-10' }, occurredAt: '2025-01-10' };
const now = '2026-12-05T09:00:00.000Z';

const story = (recordedOn: string, text = 'Villages asked how to start an energy co-op.') =>
  command<ProjectCommand>('RecordProjectStory', { projectId: 'p1', part: 'background', text, recordedOn } as never, { now });
const proposal = (recordedOn: string) =>
  command<ProjectCommand>(
    'RecordProjectProposalNotAdopted',
    {
      projectId: 'p1',
      proposalId: 'prop-1',
      contributionId: null,
      proposal: 'Hold the launch in every parish',
      reason: 'There was budget for one launch only',
      decisionId: null,
      recordedOn,
    },
    { now },
  );
const reflection = (recordedOn: string) =>
  command<ProjectCommand>(
    'RecordPrincipleReflection',
    { projectId: 'p1', principleId: 'equality', reflection: 'Paper forms let more carers take part', madeADifference: true, recordedOn },
    { now },
  );
/** A version recorded before story text was sealed: plain words. */
const storyRecorded = (recordedOn: string, text = 'Villages asked how to start an energy co-op.'): ProjectStoryRecorded => ({
  type: 'ProjectStoryRecorded',
  data: { projectId: 'p1', part: 'background', text, recordedOn },
  occurredAt: recordedOn,
});
/** A version as recorded now: its words handed over to be sealed under the recording command's own subject. */
const storySealed = (recordedOn: string, text = 'Villages asked how to start an energy co-op.'): ProjectStoryRecorded => ({
  type: 'ProjectStoryRecorded',
  data: { projectId: 'p1', part: 'background', recordedOn, personal: { subjectId: 'story:cmd-1', fields: { text } } },
  occurredAt: recordedOn,
});

describe('what is written about a project is dated within its life so far', () => {
  const writers = [
    ['a story part', story],
    ['a proposal not adopted', proposal],
    ['a principle reflection', reflection],
  ] as const;

  it.each(writers)('refuses %s dated after the day it is recorded, naming the field and both days', (_what, write) => {
    given([registered])
      .when(write('2062-04-01'))
      .thenRefuses('rule', /recordedOn 2062-04-01 is after the day it is recorded \(2026-12-05\) for project p1/, 'project.recorded_in_future');
    given([registered])
      .when(write('2026-12-06'))
      .thenRefuses('rule', /after the day it is recorded/, 'project.recorded_in_future');
  });

  it.each(writers)('refuses %s dated before the project was registered, when it gave no start date', (_what, write) => {
    given([registered])
      .when(write('1999-05-01'))
      .thenRefuses('rule', /recordedOn 1999-05-01 is before project p1 started \(2026-02-01\)/, 'project.recorded_before_start');
    given([registered])
      .when(write('2026-01-31'))
      .thenRefuses('rule', /before project p1 started/, 'project.recorded_before_start');
  });

  it.each(writers)('refuses %s dated before the start date of a project recorded late, and takes one on that day', (_what, write) => {
    given([startedEarlier])
      .when(write('2025-01-09'))
      .thenRefuses('rule', /before project p1 started \(2025-01-10\)/, 'project.recorded_before_start');
    expect(() => projectDecider.decide(write('2025-01-10') as ProjectCommand, given([startedEarlier]).state)).not.toThrow();
  });

  it('takes a part dated on the day the project started and on the day it is recorded, with or without a time', () => {
    given([registered])
      .when(story('2026-02-01'))
      .then([storySealed('2026-02-01')]);
    given([registered])
      .when(story('2026-12-05'))
      .then([storySealed('2026-12-05')]);
    given([registered])
      .when(story('2026-12-05T08:00:00Z'))
      .then([storySealed('2026-12-05T08:00:00Z')]);
  });

  it('checks the date after its form: a date that is not one is still value.not_a_date', () => {
    given([registered])
      .when(story('2026-02-30'))
      .thenRefuses('rule', /is not a real calendar date/, 'value.not_a_date');
  });
});

describe('withdrawing a version of a story part (VoidProjectStory)', () => {
  const first = storyRecorded('2026-11-01', 'Thanks to the residents who wrote the note.');
  const second = storyRecorded('2026-12-01', 'Thanks to Jo Bloggs of Thatcham, who wrote the note.');
  const voidOf = (eventId: string, reason = 'Jo Bloggs did not agree to be named') =>
    command('VoidProjectStory', { projectId: 'p1', eventId, reason }, { now });
  const voided = (eventId: string, occurredAt: string): EventCorrected => ({
    type: 'EventCorrected',
    data: { eventId, eventType: 'ProjectStoryRecorded', kind: 'void', changes: null, reason: 'Jo Bloggs did not agree to be named' },
    occurredAt,
  });

  /** The facts as a reader sees them: the history with its corrections applied, then folded. */
  function factsOf(events: (ProjectEvent | EventCorrected)[]) {
    const recorded = events.map((event, i) => ({ occurredAt: '2026-02-01', ...event, id: `event-${i + 1}`, recordedAt: '2026-12-05' }));
    const facts = projectFacts.empty();
    applyCorrections(recorded as Recorded<ProjectEvent>[]).forEach((event, i) =>
      projectFacts.apply(facts, {
        eventId: event.id,
        type: event.type,
        position: i + 1,
        occurredAt: event.occurredAt,
        data: event.data,
      } as Fact<ProjectEvent>),
    );
    return facts;
  }

  it('voids the version named, dated as that version, so as-of reports drop it exactly when they would have shown it', () => {
    given([registered, first, second])
      .when(voidOf('event-3'))
      .then([voided('event-3', '2026-12-01') as never]);
  });

  it('makes the version before it the current one again, and leaves no part when it was the only version', () => {
    const thanksAfterVoid = factsOf([registered, first, second, voided('event-3', '2026-12-01')]).story;
    expect(thanksAfterVoid.background).toEqual({ text: 'Thanks to the residents who wrote the note.', recordedOn: '2026-11-01', eventId: 'event-2' });
    expect(factsOf([registered, second, voided('event-2', '2026-12-01')]).story).toEqual({});
  });

  it('lets the part be written again after a withdrawal', () => {
    given([registered, second, voided('event-2', '2026-12-01')])
      .when(story('2026-12-05', 'Thanks to the residents who wrote the note.'))
      .then([storySealed('2026-12-05', 'Thanks to the residents who wrote the note.')]);
  });

  it('refuses without a reason, a version already withdrawn, another kind of event, and an unknown event, each with its code', () => {
    given([registered, second])
      .when(voidOf('event-2', ' '))
      .thenRefuses('rule', /needs a reason/, 'correction.reason_missing');
    given([registered, second, voided('event-2', '2026-12-01')])
      .when(voidOf('event-2'))
      .thenRefuses('conflict', /was voided/, 'correction.already_voided');
    given([registered, second])
      .when(voidOf('event-1'))
      .thenRefuses('rule', /is ProjectRegistered, not ProjectStoryRecorded/, 'correction.wrong_event');
    given([registered, second])
      .when(voidOf('event-9'))
      .thenRefuses('not_found', /has no event event-9/, 'correction.event_not_found');
  });

  it('is withdrawn on a closed project too, as the story itself is written after the end', () => {
    const closed: ProjectEvent = {
      type: 'ProjectClosed',
      data: { projectId: 'p1', closedOn: '2026-11-30', summary: 'Published' },
      occurredAt: '2026-11-30',
    };
    given([registered, closed, second])
      .when(voidOf('event-3'))
      .then([voided('event-3', '2026-12-01') as never]);
  });

  it('needs the permission of the command that recorded the part: record, like the story itself', () => {
    expect(projectDecider.corrections!.rules.VoidProjectStory).toEqual({ corrects: 'ProjectStoryRecorded', kind: 'void' });
    expect(projectDecider.corrections!.recordedBy.ProjectStoryRecorded).toBe('RecordProjectStory');
    expect(projectDecider.permissions!.RecordProjectStory).toBeUndefined();
  });
});
