import { summariseEventData } from './event-summary';

const contribution = { activityId: 'a-1', projectId: 'p1', contributionId: 'c-1', participantIds: ['p-3'], kind: 'idea' };
const summarise = (data: Record<string, unknown>) => summariseEventData('ContributionRecorded', data, new Map());

describe('summariseEventData for a contribution', () => {
  it('shows a staff summary, which quotes nobody', () => {
    expect(summarise({ ...contribution, recordedAs: 'staff_summary', summary: 'Asked for a worked example' })).toContain(
      'summary: Asked for a worked example',
    );
  });

  it('shows participant words only as sealed personal data', () => {
    const text = summarise({
      ...contribution,
      recordedAs: 'participant_words',
      personal: { subjectId: 'p-3', sealed: { alg: 'A256GCM', nonce: 'n', ciphertext: 'c', tag: 't' } },
    });
    expect(text).toContain('personal data sealed, not shown');
    expect(text).not.toMatch(/ciphertext|summary:/);
  });

  it('withholds the text of a contribution recorded before it said whose words it was, and says why', () => {
    const text = summarise({ ...contribution, summary: 'I would join if somebody rang me first' });
    expect(text).not.toContain('somebody rang me');
    expect(text).toContain('summary not shown: recorded before contributions said whose words they were');
    expect(text).toContain('contribution id: c-1');
  });

  it('leaves a summary of any other event as it was', () => {
    expect(summariseEventData('ProjectClosed', { projectId: 'p1', summary: 'Published and evaluated' }, new Map())).toBe(
      'project id: p1; summary: Published and evaluated.',
    );
  });
});

describe('summariseEventData with words first, as the history table prints it', () => {
  const wordsFirst = (type: string, data: Record<string, unknown>) => summariseEventData(type, data, new Map(), { wordsFirst: true });
  const long = 'Residents chairing the meetings changed the tone from the first evening, and papers posted a week ahead mattered more.';

  it('names the part of the story before its text, so a text cut short still says which part changed', () => {
    expect(wordsFirst('ProjectStoryRecorded', { part: 'lessons', text: long, recordedOn: '2026-12-04' })).toMatch(
      /^part: lessons; text: Residents chairing/,
    );
  });

  it('puts no more than a few words of coded values before a text, so its opening words still show', () => {
    const summary = wordsFirst('InfluenceLinked', { ladderLevel: 'co_production', needhamCarrLevel: 'transformational', weDid: long });
    expect(summary).toMatch(/^ladder level: co_production; we did: Residents chairing/);
  });

  it('keeps the order of an event without words: amounts, then ids, then coded values', () => {
    expect(wordsFirst('AttendanceRecorded', { activityId: 'act-1', participantId: 'part-1', minutes: 120, format: 'in_person' })).toBe(
      'minutes: 120 minutes; activity id: act-1; participant id: part-1; format: in_person.',
    );
  });
});
