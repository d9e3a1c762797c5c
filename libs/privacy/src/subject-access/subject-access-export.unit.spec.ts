import { InMemoryKeyStore } from '../keys/in-memory-key-store.fixture';
import { PersonalDataCipher } from '../cipher/personal-data-cipher';
import { openPersonalData, sealPersonalData } from '../cipher/seal-personal-data';
import { buildSubjectAccessExport, describeType, SubjectAccessEvent, WITHHELD } from './subject-access-export';

let position = 0;
function event(type: string, data: Record<string, unknown>, overrides: Partial<SubjectAccessEvent> = {}): SubjectAccessEvent {
  position += 1;
  return {
    id: `event-${position}`,
    type,
    stream: 'participant-p1',
    position,
    occurredAt: `2026-03-${String(position).padStart(2, '0')}T10:00:00.000Z`,
    recordedAt: `2026-03-${String(position).padStart(2, '0')}T17:00:00.000Z`,
    actor: { id: 'officer.one', role: 'evaluation_lead' },
    source: 'paper',
    data,
    ...overrides,
  };
}

const jane = (fields: Record<string, string>) => ({ subjectId: 'p1', fields });

function history(): SubjectAccessEvent[] {
  position = 0;
  return [
    event('ParticipantRegistered', { participantId: 'p1', role: 'carer', personal: jane({ name: 'Jane Doe', email: 'jane_doe@example.org' }) }),
    event('ParticipantRegistered', { participantId: 'p2', role: 'resident', personal: { subjectId: 'p2', fields: { name: 'Sam Roe' } } }, { stream: 'participant-p2' }),
    event('AttendanceRecorded', {
      activityId: 'a1',
      attendees: [
        { participantId: 'p1', minutes: 90, personal: jane({ name: 'Jane Doe' }) },
        { participantId: 'p2', minutes: 60, personal: { subjectId: 'p2', fields: { name: 'Sam Roe' } } },
      ],
      format: 'in_person',
    }, { stream: 'activity-a1' }),
    event('ParticipantDetailsUpdated', { participantId: 'p1', personal: jane({ email: 'jane@example.org' }) }),
    event('QuoteRecorded', {
      quoteId: 'q1',
      participantId: 'p1',
      attribution: 'role_only',
      allowedUses: ['internal_evaluation', 'committee_papers'],
      personal: jane({ text: 'For once | they listened to carers.' }),
    }, { stream: 'quote-q1' }),
    event('QuoteRecorded', { quoteId: 'q2', participantId: 'p2', attribution: 'named', allowedUses: ['public'], personal: { subjectId: 'p2', fields: { text: 'Sam said this.' } } }, { stream: 'quote-q2' }),
    event('ReportIssued', { reportId: 'r1', quoteIds: ['q1', 'q2'] }, { stream: 'report-r1', occurredAt: '2026-06-10T09:00:00.000Z' }),
    event('QuoteConsentWithdrawn', { quoteId: 'q1', reason: 'changed my mind' }, { stream: 'quote-q1' }),
  ];
}

describe('buildSubjectAccessExport', () => {
  it('lists every event that mentions the participant, and none that do not', async () => {
    const { json } = await buildSubjectAccessExport({ participantId: 'p1', events: history().reverse(), generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(json.events.map((e) => e.eventId)).toEqual(['event-1', 'event-3', 'event-4', 'event-5', 'event-8']);
    expect(json.events[1]).toMatchObject({ description: 'Attendance recorded', recordedBy: { id: 'officer.one', role: 'evaluation_lead' } });
  });

  it("withholds other people's details found in the same event", async () => {
    const result = await buildSubjectAccessExport({ participantId: 'p1', events: history(), generatedAt: '2026-07-01T00:00:00.000Z' });
    const attendance = result.json.events[1].details.attendees as Array<Record<string, unknown>>;
    expect(attendance[0].personal).toEqual(jane({ name: 'Jane Doe' }));
    expect(attendance[1].personal).toBe(WITHHELD);
    expect(JSON.stringify(result.json)).not.toMatch(/Sam/);
    expect(result.markdown).not.toMatch(/Sam/);
  });

  it('gathers the latest value of each personal field, exactly as recorded', async () => {
    const { json, markdown } = await buildSubjectAccessExport({ participantId: 'p1', events: history(), generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(json.personalDetails).toEqual({ name: 'Jane Doe', email: 'jane@example.org' });
    expect(markdown).toContain('- **Email**: jane@example.org');
  });

  it('shows their quotes with the consent given, withdrawal included, and where they were used', async () => {
    const { json, markdown } = await buildSubjectAccessExport({ participantId: 'p1', events: history(), generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(json.quotes).toEqual([
      {
        quoteId: 'q1',
        recordedIn: 'event-5',
        occurredAt: '2026-03-05T10:00:00.000Z',
        words: 'For once | they listened to carers.',
        attribution: 'role_only',
        allowedUses: ['internal_evaluation', 'committee_papers'],
        withdrawn: true,
      },
    ]);
    expect(json.quoteUses).toEqual([
      { quoteId: 'q1', eventId: 'event-7', description: 'Report issued', stream: 'report-r1', occurredAt: '2026-06-10T09:00:00.000Z' },
    ]);
    expect(markdown).toContain('> For once | they listened to carers.');
    expect(markdown).toContain('Consent: you withdrew consent: it is no longer used anywhere.');
    expect(markdown).toContain('| 2026-06-10 | Report issued (report-r1) | q1 |');
  });

  it('renders a readable document with escaped table cells', async () => {
    const { markdown } = await buildSubjectAccessExport({ participantId: 'p1', events: history(), generatedAt: '2026-07-01T12:00:00.000Z' });
    expect(markdown.startsWith('# Your record: participant p1\n\nPrepared on 2026-07-01.')).toBe(true);
    expect(markdown).toContain('## Everything recorded that mentions you (5)');
    expect(markdown).toContain('| 2026-03-03 | Attendance recorded | Activity id: a1; Attendees: Participant id: p1, Minutes: 90, Personal details: Name: Jane Doe, ');
    expect(markdown).toContain('Format: in person | officer.one (evaluation lead) | 2026-03-03 |');
    expect(markdown).toContain('For once \\| they listened');
  });

  it('opens sealed events with the function given, and reports an erased participant without their details', async () => {
    const keys = new InMemoryKeyStore();
    const cipher = new PersonalDataCipher(keys);
    const sealed = await Promise.all(history().map(async (e) => ({ ...e, data: await sealPersonalData(e.data, e.id, cipher) })));
    const openPersonal = (e: SubjectAccessEvent) => openPersonalData(e.data, e.id, cipher);

    const before = await buildSubjectAccessExport({ participantId: 'p1', events: sealed, openPersonal, generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(before.json.personalDetails).toEqual({ name: 'Jane Doe', email: 'jane@example.org' });
    expect(before.json.erased).toBe(false);

    await keys.destroyKey('p1');
    const after = await buildSubjectAccessExport({ participantId: 'p1', events: sealed, openPersonal, generatedAt: '2026-07-02T00:00:00.000Z' });
    expect(after.json.erased).toBe(true);
    expect(after.json.personalDetails).toEqual({});
    expect(after.json.quotes[0].words).toBeNull();
    expect(after.markdown).toContain('Your personal details were erased at your request.');
    expect(after.markdown).toContain('*Your words can no longer be read: they were erased.*');
    expect(after.markdown).not.toMatch(/Jane|listened/);
  });

  it('marks sealed fields as encrypted when no way to open them is given', async () => {
    const cipher = new PersonalDataCipher(new InMemoryKeyStore());
    const [registered] = history();
    const sealed = { ...registered, data: await sealPersonalData(registered.data, registered.id, cipher) };
    const { json } = await buildSubjectAccessExport({ participantId: 'p1', events: [sealed], generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(json.events[0].details.personal).toEqual({ subjectId: 'p1', encrypted: true });
  });

  it('says plainly when nothing mentions the participant', async () => {
    const { json, markdown } = await buildSubjectAccessExport({ participantId: 'p9', events: history(), generatedAt: '2026-07-01T00:00:00.000Z' });
    expect(json.events).toEqual([]);
    expect(markdown).toContain('Nothing we hold mentions you.');
    expect(markdown).toContain('We have not recorded any quotes from you.');
  });

  it('lists every report the register says carried their words, and then never says their words were not used', async () => {
    const committee = {
      entry: 4,
      reportKind: 'committee_extract' as const,
      subject: { kind: 'decision' as const, id: 'd-1' },
      projectId: 'p-energy',
      audience: 'committee_papers',
      format: 'md',
      builtAt: '2026-06-20T09:00:00.000Z',
      builtBy: { id: 'ann.officer', role: 'evaluation_lead' },
      source: 'cli',
      provenanceDigest: 'b'.repeat(64),
      quoteIds: ['q1'],
      contributionIds: ['con-1'],
    };
    const events = history().filter((event) => event.type !== 'ReportIssued');
    const register = { reportsCarrying: [committee], keptSince: '2026-06-01T00:00:00.000Z' };
    const { json, markdown } = await buildSubjectAccessExport({ participantId: 'p1', events, generatedAt: '2026-07-01T00:00:00.000Z', register });
    expect(json.quoteUses).toEqual([]);
    expect(json.reportsCarryingWords).toEqual([
      {
        reportKind: 'committee_extract',
        subject: { kind: 'decision', id: 'd-1' },
        projectId: 'p-energy',
        audience: 'committee_papers',
        format: 'md',
        builtAt: '2026-06-20T09:00:00.000Z',
        builtBy: { id: 'ann.officer', role: 'evaluation_lead' },
        quoteIds: ['q1'],
        contributionIds: ['con-1'],
      },
    ]);
    expect(json.reportRegisterKeptSince).toBe('2026-06-01T00:00:00.000Z');
    expect(markdown).toContain('| 2026-06-20 | Committee extract | decision d-1 | committee papers | Markdown | quote q1, contribution con-1 |');
    expect(markdown).not.toMatch(/not been used/);
  });

  it('says their words were not used, and since when reports are registered, when neither the register nor the record shows a use', async () => {
    const events = history().filter((event) => event.type !== 'ReportIssued');
    const register = { reportsCarrying: [], keptSince: '2026-06-01T00:00:00.000Z' };
    const { json, markdown } = await buildSubjectAccessExport({ participantId: 'p1', events, generatedAt: '2026-07-01T00:00:00.000Z', register });
    expect(json.reportsCarryingWords).toEqual([]);
    expect(markdown).toContain(
      'Your words have not been used in any report we have built since 2026-06-01, when we began to register whose words each report carries, nor in any paper we hold.',
    );
  });

  it('names event types in words', () => {
    expect(describeType('QuoteConsentWithdrawn')).toBe('Quote consent withdrawn');
  });
});
