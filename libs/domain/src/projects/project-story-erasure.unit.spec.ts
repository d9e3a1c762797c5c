import { command, spec } from '../core/spec';
import { Fact } from '../core/fact';
import { ErasureAlreadyRecorded, subjectsForgottenBy } from '../core/erasure';
import { DomainError } from '../core/errors';
import { Recorded } from '../core/event';
import { applyCorrections, EventCorrected } from '../corrections/correction';
import { ProjectEvent, ProjectRegistered, ProjectStoryRecorded, ProjectStoryWordsErased, StoryPart } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';
import { projectFacts } from './project.facts';

type StreamEvent = ProjectEvent | EventCorrected;
const given = (events: StreamEvent[]) => spec(projectDecider).given(events as ProjectEvent[]);
const now = '2026-12-05T09:00:00.000Z';

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
/** A version recorded before story text was sealed, as stored then: plain words. */
const plain = (part: StoryPart, text: string, recordedOn = '2026-11-01'): ProjectStoryRecorded => ({
  type: 'ProjectStoryRecorded',
  data: { projectId: 'p1', part, text, recordedOn },
  occurredAt: recordedOn,
});
/** A version as the store holds it now: its words sealed under `story:<commandId>`, never readable here. */
const sealed = (part: StoryPart, commandId: string, recordedOn = '2026-12-01'): ProjectStoryRecorded => ({
  type: 'ProjectStoryRecorded',
  data: {
    projectId: 'p1',
    part,
    recordedOn,
    personal: { subjectId: `story:${commandId}`, sealed: { alg: 'A256GCM', nonce: 'bm9uY2U=', ciphertext: 'c2VhbGVk', tag: 'dGFn' } } as never,
  },
  occurredAt: recordedOn,
});
const erasedEvent = (eventId: string, commandId: string): ProjectStoryWordsErased => ({
  type: 'ProjectStoryWordsErased',
  data: { projectId: 'p1', eventId, subjectId: `story:${commandId}`, reason: 'Names a resident who asked not to be named' },
});
const voided = (eventId: string): EventCorrected => ({
  type: 'EventCorrected',
  data: { eventId, eventType: 'ProjectStoryRecorded', kind: 'void', changes: null, reason: 'Named a resident' },
});
const erase = (eventId: string, reason = 'Names a resident who asked not to be named', projectId = 'p1') =>
  command<ProjectCommand>('EraseProjectStoryWords', { projectId, eventId, reason }, { now });

/** The facts as a reader folds them: corrections applied, then each event in order (ids event-1, event-2, ...). */
function factsOf(events: StreamEvent[]) {
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

describe('the words of a story version, sealed and erasable', () => {
  it('hands the words over to be sealed under a subject of the recording command, so each version has a key of its own', () => {
    given([registered])
      .when(
        command<ProjectCommand>(
          'RecordProjectStory',
          { projectId: 'p1', part: 'thanks', text: ' Thanks to Jo Bloggs. ', recordedOn: '2026-12-04' },
          { now, commandId: 'cmd-77' },
        ),
      )
      .then([
        {
          type: 'ProjectStoryRecorded',
          data: {
            projectId: 'p1',
            part: 'thanks',
            recordedOn: '2026-12-04',
            personal: { subjectId: 'story:cmd-77', fields: { text: 'Thanks to Jo Bloggs.' } },
          },
          occurredAt: '2026-12-04',
        },
      ]);
  });

  it('erases the words of a sealed version, naming the subject whose key is destroyed', () => {
    given([registered, sealed('thanks', 'cmd-2')])
      .when(erase('event-2'))
      .then([erasedEvent('event-2', 'cmd-2')]);
    expect(subjectsForgottenBy(erasedEvent('event-2', 'cmd-2'))).toEqual(['story:cmd-2']);
  });

  it('erases the words of a version already voided: withdrawing it left them readable in the history', () => {
    given([registered, sealed('thanks', 'cmd-2'), voided('event-2')])
      .when(erase('event-2'))
      .then([erasedEvent('event-2', 'cmd-2')]);
  });

  it('needs the permission to erase, as erasing a participant does', () => {
    expect(projectDecider.permissions?.EraseProjectStoryWords).toBe('erase');
  });

  it('still lets a version before a sealed one be voided: the sealed version is checked again without its words', () => {
    given([registered, plain('thanks', 'Thanks to Jo Bloggs.'), sealed('thanks', 'cmd-3')])
      .when(command('VoidProjectStory', { projectId: 'p1', eventId: 'event-2', reason: 'Named a resident' }, { now }))
      .then([
        {
          type: 'EventCorrected',
          data: { eventId: 'event-2', eventType: 'ProjectStoryRecorded', kind: 'void', changes: null, reason: 'Named a resident' },
          occurredAt: '2026-11-01',
        } as never,
      ]);
  });
});

describe('erasing a story version’s words: what is refused, with the code clients see', () => {
  it('refuses a project never registered (404)', () => {
    given([]).when(erase('event-1')).thenRefuses('not_found', 'project p1 does not exist; register it first', 'project.not_found');
  });

  it('refuses an event the project does not have (404), and an event that is not a story version (422)', () => {
    given([registered, sealed('thanks', 'cmd-2')])
      .when(erase('event-9'))
      .thenRefuses('not_found', /project p1 has no event event-9/, 'project.story_version_not_found');
    given([registered, sealed('thanks', 'cmd-2')])
      .when(erase('event-1'))
      .thenRefuses('rule', /is ProjectRegistered, not ProjectStoryRecorded/, 'project.not_a_story_version');
    given([registered, sealed('thanks', 'cmd-2'), voided('event-2')])
      .when(erase('event-3'))
      .thenRefuses('not_found', /has no event event-3/, 'project.story_version_not_found');
  });

  it('refuses a version recorded before sealing (422), saying to void it instead', () => {
    given([registered, plain('thanks', 'Thanks to Jo Bloggs.')])
      .when(erase('event-2'))
      .thenRefuses('rule', /recorded before story text was sealed.*void it instead \(VoidProjectStory\)/, 'project.story_not_sealed');
  });

  it('refuses words already erased (409), naming the subject so asking again finishes a stopped erasure', () => {
    const run = () => given([registered, sealed('thanks', 'cmd-2'), erasedEvent('event-2', 'cmd-2')]).when(erase('event-2'));
    run().thenRefuses('conflict', /were already erased \(event event-3\)/, 'project.story_words_already_erased');
    const history = [registered, sealed('thanks', 'cmd-2'), erasedEvent('event-2', 'cmd-2')].map((e, i) => ({
      occurredAt: now,
      ...e,
      id: `event-${i + 1}`,
      recordedAt: now,
    }));
    let error: unknown;
    try {
      projectDecider.historyDeciders!.EraseProjectStoryWords!(erase('event-2') as never, history);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ErasureAlreadyRecorded);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as ErasureAlreadyRecorded).subjectId).toBe('story:cmd-2');
  });

  it('refuses an erasure without a reason', () => {
    given([registered, sealed('thanks', 'cmd-2')])
      .when(erase('event-2', '  '))
      .thenRefuses('rule', /needs a reason/, 'project.story_erasure_reason_missing');
    given([registered, sealed('thanks', 'cmd-2')])
      .when(erase('event-2', 42 as never))
      .thenRefuses('rule', /needs a reason/, 'project.story_erasure_reason_missing');
  });

  it('refuses a project whose history holds other projects events but not its registration (404)', () => {
    given([sealed('thanks', 'cmd-1')])
      .when(erase('event-1'))
      .thenRefuses('not_found', /project p1 does not exist/, 'project.not_found');
  });

  it('refuses a version whose seal names no subject, as one recorded before sealing (422)', () => {
    const unnamed = { ...sealed('thanks', 'cmd-2'), data: { ...sealed('thanks', 'cmd-2').data, personal: { subjectId: '' } as never } };
    given([registered, unnamed])
      .when(erase('event-2'))
      .thenRefuses('rule', /recorded before story text was sealed/, 'project.story_not_sealed');
  });

  it('erases one version while another version of the project was erased before', () => {
    given([registered, sealed('thanks', 'cmd-2'), sealed('thanks', 'cmd-3'), erasedEvent('event-2', 'cmd-2')])
      .when(erase('event-3'))
      .then([erasedEvent('event-3', 'cmd-3')]);
  });

  it('is never decided on the folded state, which has lost voided versions', () => {
    const state = projectDecider.evolve(projectDecider.initialState(), { ...registered, occurredAt: '2026-01-05' } as never);
    expect(() => projectDecider.decide(erase('event-2'), state)).toThrow(
      'EraseProjectStoryWords is decided on the whole history of the project (decideStoryWordsErasure), never on its folded state',
    );
  });
});

describe('the subjects an event forgets', () => {
  it('names the participant erased, or the subject of the erased story words, and nothing for any other event', () => {
    expect(subjectsForgottenBy({ type: 'ParticipantErased', data: { participantId: 'part-7' } })).toEqual(['part-7']);
    expect(subjectsForgottenBy(erasedEvent('event-2', 'cmd-2'))).toEqual(['story:cmd-2']);
    expect(subjectsForgottenBy({ type: 'ProjectStoryRecorded', data: { projectId: 'p1' } })).toEqual([]);
    expect(subjectsForgottenBy({ type: 'ParticipantErased', data: { participantId: '' } })).toEqual([]);
    expect(subjectsForgottenBy({ type: 'ProjectStoryWordsErased', data: { subjectId: 7 } })).toEqual([]);
  });
});

describe('a story version checked again after a correction of an earlier event', () => {
  it('checks the date of a sealed version and records nothing; a version with neither words nor seal is refused', () => {
    const replay = (data: Record<string, unknown>) =>
      projectDecider.decide(
        command<ProjectCommand>('RecordProjectStory', { projectId: 'p1', part: 'thanks', recordedOn: '2026-12-01', ...data } as never, { now }),
        projectDecider.evolve(projectDecider.initialState(), { ...registered, occurredAt: '2026-01-05' } as never),
      );
    expect(replay({ personal: { subjectId: 'story:cmd-2' } })).toEqual([]);
    expect(() => replay({ personal: { subjectId: 'story:cmd-2' }, recordedOn: '2027-01-01' })).toThrow(/recordedOn/);
    expect(() => replay({})).toThrow(/must be text written by a person/);
    expect(replay({ text: 'Thanks to the group.', personal: { subjectId: 'x' } })).toEqual([
      expect.objectContaining({
        type: 'ProjectStoryRecorded',
        data: expect.objectContaining({ personal: expect.objectContaining({ fields: { text: 'Thanks to the group.' } }) }),
      }),
    ]);
  });
});

describe('the story as the facts hold it: old plain, sealed, voided and erased versions', () => {
  it('reads a version recorded before sealing exactly as before', () => {
    const facts = factsOf([registered, plain('lessons', 'Paper first.')]);
    expect(facts.story).toEqual({ lessons: { text: 'Paper first.', recordedOn: '2026-11-01', eventId: 'event-2' } });
    expect(facts.storyVersions.lessons).toEqual([{ eventId: 'event-2', recordedOn: '2026-11-01', text: 'Paper first.' }]);
  });

  it('keeps a sealed latest version sealed for the reader to open, never showing an older version in its place', () => {
    const facts = factsOf([registered, plain('thanks', 'Thanks to the residents.'), sealed('thanks', 'cmd-3')]);
    expect(facts.story.thanks).toBeUndefined();
    expect(facts.storyVersions.thanks!.map((v) => v.eventId)).toEqual(['event-2', 'event-3']);
    expect(facts.storyVersions.thanks![1].personal).toMatchObject({ subjectId: 'story:cmd-3' });
    expect(facts.storyVersions.thanks![1].text).toBeUndefined();
  });

  it('falls back to the version before an erased one, as after a void', () => {
    const facts = factsOf([registered, plain('thanks', 'Thanks to the residents.'), sealed('thanks', 'cmd-3'), erasedEvent('event-3', 'cmd-3')]);
    expect(facts.story.thanks).toEqual({ text: 'Thanks to the residents.', recordedOn: '2026-11-01', eventId: 'event-2' });
    expect(facts.storyVersions.thanks!.map((v) => v.eventId)).toEqual(['event-2']);
  });

  it('leaves the part missing when its only version was erased, and leaves other parts alone', () => {
    const facts = factsOf([
      registered,
      sealed('thanks', 'cmd-2'),
      plain('contact', 'Energy team, energy@example.gov.uk'),
      erasedEvent('event-2', 'cmd-2'),
    ]);
    expect(facts.story).toEqual({ contact: { text: 'Energy team, energy@example.gov.uk', recordedOn: '2026-11-01', eventId: 'event-3' } });
    expect(facts.storyVersions.thanks).toEqual([]);
  });

  it('keeps a voided version out, whether or not its words were erased afterwards', () => {
    const facts = factsOf([
      registered,
      plain('thanks', 'Thanks to the residents.'),
      sealed('thanks', 'cmd-3'),
      voided('event-3'),
      erasedEvent('event-3', 'cmd-3'),
    ]);
    expect(facts.story.thanks).toEqual({ text: 'Thanks to the residents.', recordedOn: '2026-11-01', eventId: 'event-2' });
    expect(facts.storyVersions.thanks!.map((v) => v.eventId)).toEqual(['event-2']);
  });
});
