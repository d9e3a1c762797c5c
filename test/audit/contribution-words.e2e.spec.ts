import { CommandBus } from '@nestjs/cqrs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HandleDomainCommand, READ_MODELS, ReadModels } from '@coprod/application';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { KEY_STORE, KeyStore } from '@coprod/privacy';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const SPEAKER = 'part-101';
const SPEAKER_NAME = 'Aled Rhydderch';
/** What the speaker said, recorded as their own words. */
const WORDS = 'Nobody told me the panels could belong to Cwmafon village hall';
/** An officer's account of what two people asked for: quotes nobody. */
const STAFF_SUMMARY = 'Asked for a worked example of a village-owned solar scheme';
/** A contribution as stored before contributions said whose words they were: it may be someone's words. */
const UNSTATED = 'I would join if somebody rang me first, not an email';
const DECISION = 'd-energy-note';

const register = (participantId: string, name: string) => ({
  participantId,
  role: 'resident',
  seldomHeardGroups: [],
  preferredFormats: ['in_person'],
  personal: { subjectId: participantId, fields: { name } },
});

const staffSummary = {
  activityId: 'act-1',
  contributionId: 'con-1',
  participantIds: [SPEAKER, 'part-102'],
  kind: 'idea',
  recordedAs: 'staff_summary',
  summary: STAFF_SUMMARY,
};
const ownWords = {
  activityId: 'act-1',
  contributionId: 'con-2',
  participantIds: [SPEAKER],
  kind: 'feedback',
  recordedAs: 'participant_words',
  personal: { subjectId: SPEAKER, fields: { words: WORDS } },
};

/** Every file of the data folder, so a search covers the log, its write-ahead file, the read models and the keys. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function filesHolding(dir: string, text: string): string[] {
  return filesUnder(dir)
    .filter((file) => readFileSync(file).includes(Buffer.from(text, 'utf8')))
    .map((file) => file.slice(dir.length + 1));
}

describe("a participant's words in a contribution are their personal data (over HTTP, on real files)", () => {
  let api: ApiHarness;
  /** part-102's attendance, recorded before the contributions in the session's stream. */
  let attendanceEventId: string;

  const committee = async (type: 'text/markdown' | 'text/html') =>
    (await api.http().get(`/api/decisions/${DECISION}/reports/committee`).set('Accept', type).expect(200)).text;
  const historyReport = async (kind: string, id: string) =>
    (await api.http().get(`/api/history/${kind}/${id}/report`).set('Accept', 'text/markdown').expect(200)).text;
  const subjectAccess = async () => {
    const json = await api.http().get(`/api/participants/${SPEAKER}/subject-access`).set('Accept', 'application/json').expect(200);
    const markdown = await api.http().get(`/api/participants/${SPEAKER}/subject-access`).expect(200);
    return { json: json.body, text: `${json.text}\n${markdown.text}` };
  };
  /** The contribution in their own words, as their subject access export shows it. */
  const ownWordsEntry = (record: { events: { details: Record<string, unknown> }[] }) =>
    record.events.find((entry) => entry.details.contributionId === 'con-2')?.details;

  beforeAll(async () => {
    api = await startApiHarness();
    await api.command('RegisterProject', energyProject).expect(201);
    for (const [id, name] of [[SPEAKER, SPEAKER_NAME], ['part-102', 'Ffion Maddocks'], ['part-103', 'Ivor Pengelly']]) {
      await api.command('RegisterParticipant', register(id, name)).expect(201);
    }
    await api
      .command('PlanActivity', {
        activityId: 'act-1',
        projectId: 'p-energy',
        title: 'Design workshop: who owns the panels',
        activityType: 'workshop',
        stage: 'co_design',
        format: 'in_person',
        plannedFor: '2026-03-10T10:00:00Z',
        ladderLevel: 'co_design',
      })
      .expect(201);
    await api.command('HoldActivity', { activityId: 'act-1', heldOn: '2026-03-10T10:00:00Z', durationMinutes: 120, ladderLevel: 'co_design' }).expect(201);
    const attended = await api.command('RecordAttendance', { activityId: 'act-1', participantId: 'part-102', minutes: 120, capacity: 'member', format: 'in_person' }).expect(201);
    attendanceEventId = attended.body.eventIds[0];
    await api.command('RecordContribution', staffSummary).expect(201);
    await api.command('RecordContribution', ownWords).expect(201);

    // Recorded the way every contribution was before `recordedAs`: straight through the command path, as the demo and imports did.
    const unstated = await api.app.get(CommandBus).execute(
      new HandleDomainCommand(
        {
          type: 'RecordContribution',
          data: { activityId: 'act-1', contributionId: 'con-3', participantIds: ['part-103'], kind: 'idea', summary: UNSTATED },
          metadata: { commandId: 'unstated-con-3', now: '2026-03-10T13:00:00Z', actor: { id: 'test.officer', role: 'evaluation_lead' } },
        },
        { source: 'api', correlationId: 'unstated-con-3' },
      ),
    );
    await api.app.get<ReadModels>(READ_MODELS).runtime.waitFor(unstated.position, 30_000);

    await api
      .command('RecordDecision', {
        decisionId: DECISION,
        projectId: 'p-energy',
        title: 'Publish the community energy guidance note',
        decisionMaker: 'cabinet',
        reference: 'EX9001',
        decidedOn: '2026-06-18',
        recommendation: 'That the Executive publishes the guidance note with a worked example of a village-owned scheme',
      })
      .expect(201);
    await api
      .command('LinkInfluence', {
        decisionId: DECISION,
        influenceId: 'inf-1',
        contributionIds: ['con-1', 'con-2', 'con-3'],
        activityIds: ['act-1'],
        youSaid: 'Show how a village can own its panels',
        weDid: 'The note has a worked example of a village-owned scheme',
        whereInRecommendation: 'Worked example',
        ladderLevel: 'co_production',
        needhamCarrLevel: 'intermediate',
        optionsAlreadyFormed: false,
      })
      .expect(201);
  }, 120_000);
  afterAll(() => api.close());

  it('refuses participant words of two people, and words sent as plain text beside them', async () => {
    const several = await api.command('RecordContribution', { ...ownWords, contributionId: 'con-9', participantIds: [SPEAKER, 'part-102'] }).expect(422);
    expect(several.body.detail).toMatch(/con-9 is recorded as participant words but names part-101, part-102/);
    const plain = await api.command('RecordContribution', { ...ownWords, contributionId: 'con-9', summary: WORDS }).expect(400);
    expect(plain.body.errors.map((e: { field: string }) => e.field)).toEqual(['summary']);
  });

  it('still accepts a correction of an earlier event of the session, re-deciding the sealed words and the unstated text after it', async () => {
    await api.command('AmendAttendance', { activityId: 'act-1', eventId: attendanceEventId, minutes: 90, reason: 'Left at the break' }).expect(201);
  });

  it('keeps the words out of every byte of the data folder, while the staff summary and the unstated text are stored as before', async () => {
    const stored = (await api.app.get<EventStore>(EVENT_STORE).readStream('activity-act-1')).filter((e) => e.type === 'ContributionRecorded');
    expect(stored.map((e) => e.data.recordedAs)).toEqual(['staff_summary', 'participant_words', undefined]);
    expect(filesUnder(api.dataDir).map((file) => file.slice(api.dataDir.length + 1))).toEqual(expect.arrayContaining(['events.db', 'keys.db']));
    expect(filesHolding(api.dataDir, STAFF_SUMMARY)).toContain('events.db-wal');
    expect(filesHolding(api.dataDir, UNSTATED)).toContain('events.db-wal');
    expect(filesHolding(api.dataDir, WORDS)).toEqual([]);
    expect(filesHolding(api.dataDir, SPEAKER_NAME)).toEqual([]);
  });

  it('prints the staff summary in the committee extract, and neither the words nor the unstated text, only that they exist', async () => {
    for (const type of ['text/markdown', 'text/html'] as const) {
      const extract = await committee(type);
      expect(extract).toContain(STAFF_SUMMARY);
      expect(extract).not.toContain(WORDS);
      expect(extract).not.toContain(UNSTATED);
      expect(extract).toContain('2 more contributions behind this decision are not repeated here');
      expect(extract).toMatch(/3 people, 3 of them residents or community members, shaped this decision/);
    }
  });

  it('prints neither the words nor the unstated text in the audit history, while it shows the staff summary', async () => {
    const history = await historyReport('project', 'p-energy');
    expect(history).toContain(STAFF_SUMMARY);
    expect(history).not.toContain(WORDS);
    expect(history).not.toContain(UNSTATED);
    expect(history).toContain('summary not shown: recorded before contributions said whose words they were');
  });

  it('shows the participant their own words in their subject access, as something they said, not a detail about them', async () => {
    const { json } = await subjectAccess();
    expect(ownWordsEntry(json)?.personal).toEqual({ subjectId: SPEAKER, fields: { words: WORDS } });
    expect(json.personalDetails).toEqual({ name: SPEAKER_NAME });
  });

  describe('after the participant is erased', () => {
    let key: Buffer;
    beforeAll(async () => {
      key = (await api.app.get<KeyStore>(KEY_STORE).getKey(SPEAKER))!;
      expect(key).toHaveLength(32);
      await api.http().post(`/api/participants/${SPEAKER}/erasure`).set('Content-Type', 'application/json').send({ reason: 'asked by letter' }).expect(201);
    });

    it('destroys the key their words were sealed under, so their own export shows them as erased', async () => {
      const keys = api.app.get<KeyStore>(KEY_STORE);
      expect(await keys.getKey(SPEAKER)).toBeUndefined();
      expect(await keys.isDestroyed(SPEAKER)).toBe(true);
      const { json, text } = await subjectAccess();
      expect(json.erased).toBe(true);
      expect(ownWordsEntry(json)?.personal).toEqual({ subjectId: SPEAKER, erased: true });
      expect(text).not.toContain(WORDS);
      expect(text).not.toContain(SPEAKER_NAME);
    });

    it('still counts the contribution and shows the staff summary, and no report or history carries the words', async () => {
      const extracts = [await committee('text/markdown'), await committee('text/html')];
      for (const extract of extracts) {
        expect(extract).toContain(STAFF_SUMMARY);
        expect(extract).toContain('2 more contributions behind this decision are not repeated here');
      }
      const caseStudy = (await api.http().get('/api/projects/p-energy/reports/case-study?audience=internal_evaluation').set('Accept', 'text/html').expect(200)).text;
      const histories = await Promise.all([historyReport('participant', SPEAKER), historyReport('project', 'p-energy'), historyReport('decision', DECISION)]);
      const historyJson = (await api.http().get(`/api/history/participant/${SPEAKER}`).expect(200)).text;
      for (const output of [...extracts, caseStudy, ...histories, historyJson]) {
        expect(output).not.toContain(WORDS);
        expect(output).not.toContain(SPEAKER_NAME);
      }
    });

    it('leaves the words, and the key that could open them, in no byte of the data folder', () => {
      expect(filesHolding(api.dataDir, WORDS)).toEqual([]);
      expect(filesHolding(api.dataDir, SPEAKER_NAME)).toEqual([]);
      for (const form of [key, Buffer.from(key.toString('base64')), Buffer.from(key.toString('hex'))]) {
        expect(filesUnder(api.dataDir).filter((file) => readFileSync(file).includes(form))).toEqual([]);
      }
    });
  });
});
