import { command, spec } from '../core/spec';
import { Fact } from '../core/fact';
import { ProjectClosed, ProjectEvent, ProjectRegistered, ProjectStoryRecorded, STORY_PARTS, STORY_TEXT_MAX_LENGTH } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';
import { projectFacts } from './project.facts';

const given = (events: ProjectEvent[]) => spec(projectDecider).given(events);

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
const closed: ProjectClosed = { type: 'ProjectClosed', data: { projectId: 'p1', closedOn: '2026-11-30', summary: 'Guidance note published' } };
const story = (part: string, text: string, recordedOn = '2026-12-04') =>
  command<ProjectCommand>('RecordProjectStory', { projectId: 'p1', part, text, recordedOn } as never, { now: '2026-12-05T09:00:00.000Z' });

/** The words of a version as the decider hands them to be sealed: under a subject of the recording command's own (the default command id is cmd-1). */
const sealedWords = (text: string) => ({ subjectId: 'story:cmd-1', fields: { text } });

/** Folds events through the project's fact fold, numbered e1, e2, ... */
function factsOf(events: ProjectEvent[]) {
  const facts = projectFacts.empty();
  events.forEach((event, i) =>
    projectFacts.apply(facts, {
      eventId: `e${i + 1}`,
      type: event.type,
      position: i + 1,
      occurredAt: event.occurredAt ?? '2026-01-01',
      data: event.data,
    } as Fact<ProjectEvent>),
  );
  return facts;
}

describe('the story of a project, written by the evaluation lead', () => {
  it('records a part, trimmed, dated on the day it was written', () => {
    given([registered])
      .when(story('background', '  Villages asked the council how to start an energy co-op.\n'))
      .then([
        {
          type: 'ProjectStoryRecorded',
          data: {
            projectId: 'p1',
            part: 'background',
            recordedOn: '2026-12-04',
            personal: sealedWords('Villages asked the council how to start an energy co-op.'),
          },
          occurredAt: '2026-12-04',
        },
      ]);
  });

  it('takes lessons and thanks after the project closed, while other recording stays refused', () => {
    given([registered, closed])
      .when(story('thanks', 'Thank you to the twelve residents who wrote the note with us.'))
      .then([
        {
          type: 'ProjectStoryRecorded',
          data: {
            projectId: 'p1',
            part: 'thanks',
            recordedOn: '2026-12-04',
            personal: sealedWords('Thank you to the twelve residents who wrote the note with us.'),
          },
          occurredAt: '2026-12-04',
        },
      ]);
    given([registered, closed])
      .when(command<ProjectCommand>('TailorOutcome', { projectId: 'p1', outcomeId: 'wb-5', wording: 'x' }))
      .thenRefuses('conflict', /is closed/, 'project.closed');
  });

  it('records every part of the story', () => {
    for (const part of STORY_PARTS) {
      given([registered])
        .when(story(part, `The ${part}.`))
        .then([
          {
            type: 'ProjectStoryRecorded',
            data: { projectId: 'p1', part, recordedOn: '2026-12-04', personal: sealedWords(`The ${part}.`) },
            occurredAt: '2026-12-04',
          },
        ]);
    }
  });

  it('records a part again as a newer version: the facts hold the latest, the history keeps both', () => {
    const first: ProjectStoryRecorded = {
      type: 'ProjectStoryRecorded',
      data: { projectId: 'p1', part: 'lessons', text: 'Paper first.', recordedOn: '2026-12-01' },
      occurredAt: '2026-12-01',
    };
    given([registered, first])
      .when(story('lessons', 'Paper first, then online.'))
      .then([
        {
          type: 'ProjectStoryRecorded',
          data: { projectId: 'p1', part: 'lessons', recordedOn: '2026-12-04', personal: sealedWords('Paper first, then online.') },
          occurredAt: '2026-12-04',
        },
      ]);
    const second: ProjectStoryRecorded = { ...first, data: { ...first.data, text: 'Paper first, then online.', recordedOn: '2026-12-04' } };
    const contact: ProjectStoryRecorded = {
      type: 'ProjectStoryRecorded',
      data: { projectId: 'p1', part: 'contact', text: 'Community Energy Team, energy@example.gov.uk', recordedOn: '2026-12-02' },
    };
    const facts = factsOf([registered, first, contact, second]);
    expect(facts.story).toEqual({
      lessons: { text: 'Paper first, then online.', recordedOn: '2026-12-04', eventId: 'e4' },
      contact: { text: 'Community Energy Team, energy@example.gov.uk', recordedOn: '2026-12-02', eventId: 'e3' },
    });
    expect(factsOf([registered]).story).toEqual({});
  });
});

describe('the story of a project: what is refused, with the code clients see', () => {
  it('refuses a story for a project never registered', () => {
    given([]).when(story('lessons', 'x')).thenRefuses('not_found', 'project p1 does not exist; register it first', 'project.not_found');
  });

  it('refuses a part outside the six', () => {
    given([registered])
      .when(story('gossip', 'x'))
      .thenRefuses('rule', /part "gossip" is not one of background, reach, lessons, next_steps, thanks, contact/, 'value.not_allowed');
  });

  it('refuses empty text, text of only spaces, and text that is not text', () => {
    given([registered])
      .when(story('lessons', ''))
      .thenRefuses('rule', 'story part lessons of project p1 is empty: write it, or leave the part unrecorded', 'project.story_text_missing');
    given([registered])
      .when(story('lessons', ' \n\t '))
      .thenRefuses('rule', /is empty/, 'project.story_text_missing');
    given([registered])
      .when(story('lessons', 42 as never))
      .thenRefuses('rule', /must be text/, 'project.story_text_not_text');
  });

  it(`refuses text longer than ${STORY_TEXT_MAX_LENGTH} characters once trimmed, and takes exactly ${STORY_TEXT_MAX_LENGTH}`, () => {
    given([registered])
      .when(story('reach', 'a'.repeat(STORY_TEXT_MAX_LENGTH + 1)))
      .thenRefuses(
        'rule',
        `story part reach of project p1 is ${STORY_TEXT_MAX_LENGTH + 1} characters; a part may be at most ${STORY_TEXT_MAX_LENGTH}, so shorten it`,
        'project.story_text_too_long',
      );
    const atLimit = 'a'.repeat(STORY_TEXT_MAX_LENGTH);
    given([registered])
      .when(story('reach', `  ${atLimit}  `))
      .then([
        {
          type: 'ProjectStoryRecorded',
          data: { projectId: 'p1', part: 'reach', recordedOn: '2026-12-04', personal: sealedWords(atLimit) },
          occurredAt: '2026-12-04',
        },
      ]);
  });

  it('refuses a day that is not a calendar date', () => {
    given([registered])
      .when(story('lessons', 'x', '2026-02-30'))
      .thenRefuses('rule', /^recordedOn "2026-02-30" is not a real calendar date/, 'value.not_a_date');
  });
});
