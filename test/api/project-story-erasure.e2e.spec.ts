import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { KEY_STORE, KeyStore } from '@coprod/privacy/keys/key-store.port';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

/** A person named in thanks who asked not to be: the name must never be readable once erased, nor ever stored in clear. */
const NAMED = 'Morwenna Tregarthen';
const NAMED_CONTACT = 'Ellis Pengelly';

describe('erasing the words of a story version (EraseProjectStoryWords), over HTTP on real files', () => {
  let api: ApiHarness;
  let lead: string;
  let recorder: string;
  let auditor: string;
  const as = (token: string, type: string, body: unknown) => api.command(type, body, { Authorization: `Bearer ${token}` });
  const get = (token: string, path: string, accept = 'application/json') =>
    api.http().get(path).set('Authorization', `Bearer ${token}`).set('Accept', accept);
  const historyOf = async (token = auditor) =>
    (await get(token, '/api/history/project/p-energy').expect(200)).body as {
      events: { eventId: string; type: string; summary: Record<string, unknown> }[];
    };
  const caseStudy = async () => (await get(lead, '/api/projects/p-energy/reports/case-study', 'text/markdown').expect(200)).text;
  /** Every byte of the event log as stored on disk, the write-ahead log included. */
  const eventFileBytes = (): string =>
    ['events.db', 'events.db-wal']
      .map((name) => join(api.dataDir, name))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString('latin1'))
      .join('');
  const store = () => api.app.get<EventStore>(EVENT_STORE);
  const keys = () => api.app.get<KeyStore>(KEY_STORE);
  /** Appends events straight to the store, as a version recorded before story text was sealed (or a half-finished erasure) would be. */
  const appendDirectly = async (type: string, data: Record<string, unknown>, occurredAt = '2026-11-01T00:00:00.000Z') => {
    const stream = await store().readStream('project-p-energy');
    const id = `direct-${type}-${stream.length}`;
    await store().append(
      'project-p-energy',
      [
        {
          id,
          type,
          schemaVersion: 1,
          data,
          occurredAt,
          actor: { id: 'earlier.release', role: 'evaluation_lead' },
          source: 'api',
          correlationId: id,
          causationId: id,
        },
      ],
      { expectedRevision: stream[stream.length - 1].revision },
    );
    return id;
  };
  const record = async (part: string, text: string, recordedOn: string) => {
    const response = await as(lead, 'RecordProjectStory', { projectId: 'p-energy', part, text, recordedOn }).expect(201);
    return response.body.eventIds[0] as string;
  };

  let earlierThanks: string;
  let namingThanks: string;
  let namingContact: string;

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    lead = await api.issueToken('evaluation_lead');
    recorder = await api.issueToken('recorder');
    auditor = await api.issueToken('auditor');
    await as(lead, 'RegisterProject', { ...energyProject, startedOn: '2026-01-10' }).expect(201);
    earlierThanks = await record('thanks', 'Thanks to the residents who wrote the note with us.', '2026-11-20');
    namingThanks = await record('thanks', `Thanks to ${NAMED} of Thatcham, who chaired every meeting.`, '2026-12-01');
    namingContact = await record('contact', `${NAMED_CONTACT}, 07700 900123`, '2026-12-01');
  }, 60_000);
  afterAll(() => api.close());

  it('stores the words sealed, reads them back opened in the case study and the history', async () => {
    expect(eventFileBytes().includes(NAMED)).toBe(false);
    expect(eventFileBytes().includes('Thanks to the residents who wrote the note')).toBe(false);
    expect(await caseStudy()).toContain(`Thanks to ${NAMED} of Thatcham`);
    const version = (await historyOf()).events.find((e) => e.eventId === namingThanks)!;
    expect(version.summary).toMatchObject({
      part: 'thanks',
      text: `Thanks to ${NAMED} of Thatcham, who chaired every meeting.`,
      sealedUnder: expect.stringMatching(/^story:/),
    });
  });

  it('refuses someone without the permission to erase (403), recording nothing', async () => {
    const refused = await as(recorder, 'EraseProjectStoryWords', {
      projectId: 'p-energy',
      eventId: namingThanks,
      reason: 'Asked not to be named',
    }).expect(403);
    expect(refused.body.detail).toMatch(/erase/);
    expect(await caseStudy()).toContain(NAMED);
  });

  it('refuses a body without a reason (400), naming the field', async () => {
    const refused = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: namingThanks }).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
  });

  it('erases one version: the case study falls back to the version before, the history keeps the event without the words, the key is gone', async () => {
    const subjectId = (await historyOf()).events.find((e) => e.eventId === namingThanks)!.summary.sealedUnder as string;
    const erased = await as(lead, 'EraseProjectStoryWords', {
      projectId: 'p-energy',
      eventId: namingThanks,
      reason: 'The person thanked asked not to be named',
    }).expect(201);
    expect(erased.body).toMatchObject({ stream: 'project-p-energy', eventTypes: ['ProjectStoryWordsErased'] });

    // (a) the case study no longer names them; the thanks recorded before stands again
    const markdown = await caseStudy();
    expect(markdown).not.toContain(NAMED);
    expect(markdown).toContain('Thanks to the residents who wrote the note with us.');

    // (b) the history still lists the version, says its words were erased, and records the erasure with its subject
    const history = await historyOf();
    const version = history.events.find((e) => e.eventId === namingThanks)!;
    expect(version.type).toBe('ProjectStoryRecorded');
    expect(version.summary).toEqual({ projectId: 'p-energy', part: 'thanks', recordedOn: '2026-12-01', wordsErased: true, sealedUnder: subjectId });
    const erasure = history.events.find((e) => e.type === 'ProjectStoryWordsErased')!;
    expect(erasure.summary).toMatchObject({ eventId: namingThanks, subjectId, reason: 'The person thanked asked not to be named' });
    expect(JSON.stringify(history.events.filter((e) => e.type !== 'ProjectStoryWordsErased'))).not.toContain(NAMED);
    const report = (await get(auditor, '/api/history/project/p-energy/report', 'text/markdown').expect(200)).text;
    expect(report).toContain('words erased');
    expect(report).not.toContain('chaired every meeting');

    // (c) the keys store no longer opens it, and the other versions' keys stay
    expect(await keys().getKey(subjectId)).toBeUndefined();
    expect(await keys().isDestroyed(subjectId)).toBe(true);
    const other = history.events.find((e) => e.eventId === earlierThanks)!.summary.sealedUnder as string;
    expect(await keys().getKey(other)).toBeDefined();

    // (d) the log never held the name in clear text
    expect(eventFileBytes().includes(NAMED)).toBe(false);
  });

  it('leaves a part missing, and says so, when its only version is erased', async () => {
    await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: namingContact, reason: 'A private phone number' }).expect(201);
    const markdown = await caseStudy();
    expect(markdown).not.toContain(NAMED_CONTACT);
    expect(markdown).not.toContain('07700 900123');
    expect(markdown).toContain('How to get in touch about this project has not been recorded.');
    expect(eventFileBytes().includes(NAMED_CONTACT)).toBe(false);
  });

  it('refuses words already erased (409), an unknown project (404), an unknown event (404) and an event that is not a story version (422)', async () => {
    const again = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: namingThanks, reason: 'Asked again' }).expect(409);
    expect(again.body.code).toBe('project.story_words_already_erased');
    const noProject = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-nowhere', eventId: namingThanks, reason: 'Asked' }).expect(404);
    expect(noProject.body.code).toBe('project.not_found');
    const noEvent = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: 'no-such-event', reason: 'Asked' }).expect(404);
    expect(noEvent.body.code).toBe('project.story_version_not_found');
    const registration = (await historyOf()).events.find((e) => e.type === 'ProjectRegistered')!.eventId;
    const notStory = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: registration, reason: 'Asked' }).expect(422);
    expect(notStory.body.code).toBe('project.not_a_story_version');
  });

  it('reads a version recorded before sealing as before, and refuses to erase it (422), saying to void it instead', async () => {
    const plain = await appendDirectly('ProjectStoryRecorded', {
      projectId: 'p-energy',
      part: 'lessons',
      text: 'Paper first, then online.',
      recordedOn: '2026-11-01',
    });
    expect(await caseStudy()).toContain('Paper first, then online.');
    const refused = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: plain, reason: 'Asked' }).expect(422);
    expect(refused.body.code).toBe('project.story_not_sealed');
    expect(refused.body.detail).toMatch(/void it instead \(VoidProjectStory\)/);
    await as(lead, 'VoidProjectStory', { projectId: 'p-energy', eventId: plain, reason: 'Names nobody, but withdrawn' }).expect(201);
    expect(await caseStudy()).not.toContain('Paper first, then online.');
  });

  it('erases the words of a version already withdrawn, which the history had kept readable', async () => {
    const withdrawn = await record('next_steps', `${NAMED} will run the next workshop.`, '2026-12-03');
    await as(lead, 'VoidProjectStory', { projectId: 'p-energy', eventId: withdrawn, reason: 'Named without agreement' }).expect(201);
    expect(JSON.stringify((await historyOf()).events.find((e) => e.eventId === withdrawn))).toContain(`${NAMED} will run`);
    await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: withdrawn, reason: 'Named without agreement' }).expect(201);
    expect((await historyOf()).events.find((e) => e.eventId === withdrawn)!.summary).toMatchObject({ part: 'next_steps', wordsErased: true });
    expect(JSON.stringify((await historyOf()).events)).not.toContain(`${NAMED} will run`);
  });

  it('finishes an erasure that stopped between recording it and destroying the key, when asked again', async () => {
    const version = await record('background', `Started after ${NAMED} wrote to the council.`, '2026-12-02');
    const subjectId = (await historyOf()).events.find((e) => e.eventId === version)!.summary.sealedUnder as string;
    // The erasure is in the log, but the process stopped before the key was destroyed.
    await appendDirectly(
      'ProjectStoryWordsErased',
      { projectId: 'p-energy', eventId: version, subjectId, reason: 'Asked not to be named' },
      new Date().toISOString(),
    );
    expect(await keys().getKey(subjectId)).toBeDefined();
    const again = await as(lead, 'EraseProjectStoryWords', { projectId: 'p-energy', eventId: version, reason: 'Asked not to be named' }).expect(409);
    expect(again.body.code).toBe('project.story_words_already_erased');
    expect(await keys().isDestroyed(subjectId)).toBe(true);
    expect(await caseStudy()).not.toContain(NAMED);
  });
});
