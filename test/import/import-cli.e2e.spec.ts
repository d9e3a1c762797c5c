import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { ContactIndex } from '@coprod/application/import';
import { runCli } from '../stores/run-cli';
import { freshDataDir, OFFICER, openRecord, PROJECT, recordOne, recordProjectAndSession, SESSION } from './import-world';

jest.setTimeout(180_000);

const ENV = (dataDir: string) => ({ COPROD_DATA_DIR: dataDir, COPROD_ACTOR: OFFICER.id, COPROD_ACTOR_ROLE: OFFICER.role });

async function headOf(dataDir: string): Promise<number> {
  const record = await openRecord(dataDir);
  try {
    return await record.app.get<EventStore>(EVENT_STORE).headPosition();
  } finally {
    await record.close();
  }
}

async function eventsOf(dataDir: string) {
  const record = await openRecord(dataDir);
  try {
    return await record.app.get<EventStore>(EVENT_STORE).readAll();
  } finally {
    await record.close();
  }
}

describe('coprod import: templates, then each kind from its template', () => {
  const dataDir = freshDataDir('templates');
  const templates = join(dataDir, 'templates');

  beforeAll(async () => {
    const record = await openRecord(dataDir);
    await recordProjectAndSession(record.app);
    await record.close();
  });

  it('writes a CSV and an XLSX template for every kind, the XLSX with a notes sheet explaining each column', async () => {
    const run = await runCli(['import', 'templates', '--out-dir', templates], ENV(dataDir));
    expect(run.error).toBeUndefined();
    expect(readdirSync(templates).sort()).toEqual(
      [
        'expenses.csv',
        'expenses.xlsx',
        'participants.csv',
        'participants.xlsx',
        'register.csv',
        'register.xlsx',
        'survey-mapping.example.json',
        'survey.csv',
        'survey.xlsx',
      ].sort(),
    );
    const csv = readFileSync(join(templates, 'register.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFparticipant_id,email,phone,minutes,capacity,format');
    expect(csv.split('\r\n')[1]).toBe('part-101,,,120,member,paper');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(join(templates, 'expenses.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['expenses', 'Notes']);
    const notes = workbook.getWorksheet('Notes')!;
    expect(notes.getRow(1).values).toEqual([undefined, 'column', 'required', 'what it holds', 'example']);
    expect(notes.rowCount).toBe(10);
    expect(String(notes.getRow(8).getCell(3).value)).toMatch(/pounds and pence/);
  });

  it('imports the worked example of each template: participants, then the register, a survey and a claim for them', async () => {
    const steps: [string, string, string[]][] = [
      ['participants', 'participants.xlsx', []],
      ['register', 'register.csv', ['--activity', SESSION]],
      ['survey', 'survey.xlsx', []],
      ['expenses', 'expenses.csv', []],
    ];
    for (const [kind, file, extra] of steps) {
      const run = await runCli(['import', kind, join(templates, file), '--project', PROJECT, ...extra], ENV(dataDir));
      expect({ kind, error: run.error?.message }).toEqual({ kind, error: undefined });
      expect(run.stdout).toMatch(/1 rows valid, 1 new; recorded 1 rows/);
    }
    const events = await eventsOf(dataDir);
    const imported = events.filter((e) => e.source === 'import');
    expect(imported.map((e) => e.type)).toEqual(['ParticipantRegistered', 'AttendanceRecorded', 'SurveyResponseRecorded', 'ExpenseClaimed']);
    for (const event of imported) expect(event.correlationId).toMatch(/^import:[0-9a-f]{64}:row:2$/);
    const claim = imported.find((e) => e.type === 'ExpenseClaimed')!;
    expect(claim.data).toMatchObject({ amountPence: 1250, category: 'travel', participantId: 'part-101' });
    // The person's name and e-mail are sealed under their key, never stored as plain text.
    expect(JSON.stringify(imported[0].data)).not.toMatch(/Siân|sian\.hb/);
  });
});

describe('coprod import: refusals, repeats, encodings and spreadsheets', () => {
  const dataDir = freshDataDir('rules');

  beforeAll(async () => {
    const record = await openRecord(dataDir);
    await recordProjectAndSession(record.app);
    for (const n of [1, 2, 3]) {
      await recordOne(record.app, 'RegisterParticipant', {
        participantId: `part-${n}`,
        role: 'resident',
        seldomHeardGroups: [],
        preferredFormats: ['in_person'],
        // Two people share a household e-mail: a match on it is ambiguous.
        personal: {
          subjectId: `part-${n}`,
          fields: { name: `Person ${n}`, ...(n < 3 ? { email: 'household@example.org' } : { email: 'third@example.org', phone: '01635 519000' }) },
        },
      });
    }
    await record.close();
  });

  it('lists every bad row with its row number, column and why, and stores nothing', async () => {
    const file = join(dataDir, 'bad-register.csv');
    writeFileSync(
      file,
      [
        'participant_id,email,phone,minutes,capacity,format',
        'part-1,,,90,member,in_person',
        'part-2,,,ninety,member,in_person',
        ',household@example.org,,60,member,paper',
        'part-3,,,500,member,in_person',
        'part-nobody,,,60,boss,in_person',
        ',nobody@example.org,,60,member,paper',
        'part-1,,,60,member,paper',
      ].join('\n'),
    );
    const before = await headOf(dataDir);
    const run = await runCli(['import', 'register', file, '--project', PROJECT, '--activity', SESSION], ENV(dataDir));
    expect(run.error?.message).toMatch(/bad-register\.csv was not imported, nothing was recorded/);
    const lines = run.error!.message.split('\n').slice(1);
    expect(lines).toEqual([
      expect.stringMatching(/^row 3, minutes: .*whole number/),
      expect.stringMatching(/^row 4, email: matches 2 participants \(part-1, part-2\); the match is ambiguous/),
      expect.stringMatching(/^row 5, minutes: .*500/),
      expect.stringMatching(/^row 6, capacity: /),
      expect.stringMatching(/^row 7, email: matches no participant/),
      expect.stringMatching(/^row 8, participant_id: participant part-1 is already recorded at activity/),
    ]);
    expect(await headOf(dataDir)).toBe(before);
  });

  it('records a file once however many times it is imported, matching people by phone without storing it', async () => {
    const file = join(dataDir, 'register.csv');
    writeFileSync(file, 'participant_id,email,phone,minutes,capacity,format\n,,+44 1635 519000,120,member,paper\npart-1,,,60,chair,in_person\n');
    const first = await runCli(['import', 'register', file, '--project', PROJECT, '--activity', SESSION, '--source', 'paper'], ENV(dataDir));
    expect(first.error).toBeUndefined();
    expect(first.stdout).toMatch(/2 rows valid, 2 new; recorded 2 rows \(2 events\), 0 already imported/);
    const head = await headOf(dataDir);
    const again = await runCli(['import', 'register', file, '--project', PROJECT, '--activity', SESSION], ENV(dataDir));
    expect(again.error).toBeUndefined();
    expect(again.stdout).toMatch(/2 rows valid, 0 new; recorded 0 rows \(0 events\), 2 already imported/);
    expect(await headOf(dataDir)).toBe(head);
    const attendance = (await eventsOf(dataDir)).filter((e) => e.type === 'AttendanceRecorded');
    expect(attendance.map((e) => [e.data.participantId, e.source])).toEqual([
      ['part-3', 'paper'],
      ['part-1', 'paper'],
    ]);
    expect(readFileSync(join(dataDir, 'events.db')).includes(Buffer.from('519000'))).toBe(false);
  });

  it('a dry run checks the whole file and records nothing', async () => {
    const file = join(dataDir, 'dry.csv');
    writeFileSync(file, 'participant_id,name,role\npart-dry,Dry Run,resident\n');
    const before = await headOf(dataDir);
    const run = await runCli(['import', 'participants', file, '--project', PROJECT, '--dry-run'], ENV(dataDir));
    expect(run.stdout).toMatch(/1 rows valid, 1 new; dry run: nothing was recorded/);
    expect(await headOf(dataDir)).toBe(before);
  });

  it('reads a Windows-1252 CSV, as Excel saves one on Windows, with £ and é', async () => {
    const people = join(dataDir, 'people-1252.csv');
    // 0x92 is Excel's curly apostrophe in Windows-1252.
    writeFileSync(
      people,
      Buffer.concat([
        Buffer.from('participant_id,name,role,access_needs\r\npart-zoe,Zoé Léger,resident,Doesn', 'latin1'),
        Buffer.from([0x92]),
        Buffer.from('t drive\r\n'),
      ]),
    );
    const claims = join(dataDir, 'claims-1252.csv');
    writeFileSync(
      claims,
      Buffer.from(
        'claim_id,participant_id,category,amount,description,claimed_on\r\nexp-1252,part-zoe,care_cover,£36.40,Garde d’enfants: crèche,2026-03-11\r\n'.replace(
          '’',
          "'",
        ),
        'latin1',
      ),
    );
    const registered = await runCli(['import', 'participants', people, '--project', PROJECT], ENV(dataDir));
    expect(registered.stdout).toMatch(/\(windows-1252, sha256/);
    const claimed = await runCli(['import', 'expenses', claims, '--project', PROJECT], ENV(dataDir));
    expect(claimed.error).toBeUndefined();
    const record = await openRecord(dataDir);
    try {
      const { SubjectAccess } = await import('@coprod/application');
      const access = await record.app.get(SubjectAccess).export('part-zoe');
      expect(JSON.stringify(access)).toContain('Zoé Léger');
      expect(JSON.stringify(access)).toContain('Doesn\u2019t drive');
    } finally {
      await record.close();
    }
    const claim = (await eventsOf(dataDir)).find((e) => e.type === 'ExpenseClaimed' && e.data.claimId === 'exp-1252')!;
    expect(claim.data).toMatchObject({ amountPence: 3640, description: "Garde d'enfants: crèche" });
  });

  it('reads an XLSX as Excel saves it: dates, numbers and formulas by their saved result; a formula with no result is refused', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Responses');
    sheet.addRow([
      'participant_id',
      'response_id',
      'phase',
      'responded_on',
      'confidence_in_partnership',
      'skills_and_knowledge',
      'sense_of_influence',
    ]);
    sheet.addRow(['part-1', 'svy-x-1', 'pre', new Date(Date.UTC(2026, 0, 20)), 2, { formula: 'B1+1', result: 3 }, 2]);
    sheet.addRow(['part-2', 'svy-x-2', 'pre', new Date(Date.UTC(2026, 0, 21)), 4, 4, 5]);
    const good = join(dataDir, 'survey.xlsx');
    await workbook.xlsx.writeFile(good);
    const run = await runCli(['import', 'survey', good, '--project', PROJECT], ENV(dataDir));
    expect(run.error).toBeUndefined();
    const responses = (await eventsOf(dataDir)).filter((e) => e.type === 'SurveyResponseRecorded');
    expect(responses.map((e) => [e.data.responseId, e.data.respondedOn, e.data.answers])).toEqual([
      ['svy-x-1', '2026-01-20', { confidence_in_partnership: 2, skills_and_knowledge: 3, sense_of_influence: 2 }],
      ['svy-x-2', '2026-01-21', { confidence_in_partnership: 4, skills_and_knowledge: 4, sense_of_influence: 5 }],
    ]);

    sheet.getRow(3).getCell(6).value = { formula: 'SUM(E2:E3)' } as never;
    sheet.getRow(3).getCell(2).value = 'svy-x-3';
    const unsaved = join(dataDir, 'survey-unsaved.xlsx');
    await workbook.xlsx.writeFile(unsaved);
    const refused = await runCli(['import', 'survey', unsaved, '--project', PROJECT], ENV(dataDir));
    expect(refused.error?.message).toMatch(/row 3, skills_and_knowledge: is a formula with no saved result; formulas are never worked out/);
  });

  it('reads a Microsoft Forms export through a mapping file', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow([
      'ID',
      'Start time',
      'Completion time',
      'Email',
      'Name',
      'I am confident working in partnership with the council',
      'I can influence what the council decides',
    ]);
    sheet.addRow([
      1,
      new Date(Date.UTC(2026, 4, 2, 9)),
      new Date(Date.UTC(2026, 4, 2, 9, 5)),
      'third@example.org',
      'anonymous',
      'Agree',
      'Strongly agree',
    ]);
    const file = join(dataDir, 'forms.xlsx');
    await workbook.xlsx.writeFile(file);
    const withoutMapping = await runCli(['import', 'survey', file, '--project', PROJECT], ENV(dataDir));
    expect(withoutMapping.error?.message).toMatch(/Microsoft Forms export .* give a mapping file/);
    const mapping = join(dataDir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        phase: 'post',
        responseIdPrefix: 'forms-post-',
        columns: {
          ID: 'response_id',
          'Completion time': 'responded_on',
          Email: 'email',
          'I am confident working in partnership with the council': 'confidence_in_partnership',
          'I can influence what the council decides': 'sense_of_influence',
        },
        answers: { Disagree: 2, Agree: 4, 'Strongly agree': 5 },
      }),
    );
    const run = await runCli(['import', 'survey', file, '--project', PROJECT, '--mapping', mapping], ENV(dataDir));
    expect(run.error).toBeUndefined();
    const response = (await eventsOf(dataDir)).find((e) => e.data.responseId === 'forms-post-1')!;
    expect(response.data).toMatchObject({
      participantId: 'part-3',
      phase: 'post',
      respondedOn: '2026-05-02',
      answers: { confidence_in_partnership: 4, sense_of_influence: 5 },
    });
  });

  it("forgets a person's contact digests when they are erased", async () => {
    const record = await openRecord(dataDir);
    try {
      const index = record.app.get(ContactIndex);
      await index.catchUp(record.app.get(EVENT_STORE), record.app.get(await import('@coprod/application').then((m) => m.PERSONAL_DATA_PROTECTOR)));
      expect(index.countFor('part-3')).toBe(2);
      await recordOne(record.app, 'EraseParticipant', { participantId: 'part-3', reason: 'Asked to be forgotten' });
      expect(index.countFor('part-3')).toBe(0);
      expect(index.find('phone', '01635 519000')).toEqual([]);
    } finally {
      await record.close();
    }
  });

  it("refuses a project that does not exist, and a session that is not the project's", async () => {
    const file = join(dataDir, 'target.csv');
    writeFileSync(file, 'participant_id,minutes,capacity,format\npart-1,30,member,paper\n');
    const noProject = await runCli(['import', 'register', file, '--project', 'p-nowhere', '--activity', SESSION], ENV(dataDir));
    expect(noProject.error?.message).toMatch(/project p-nowhere does not exist/);
    const noSession = await runCli(['import', 'register', file, '--project', PROJECT, '--activity', 'act-nowhere'], ENV(dataDir));
    expect(noSession.error?.message).toMatch(/session act-nowhere does not exist/);
  });

  it('needs the permission the commands need', async () => {
    const file = join(dataDir, 'viewer.csv');
    writeFileSync(file, 'participant_id,name,role\npart-v,Viewer Made,resident\n');
    const run = await runCli(['import', 'participants', file, '--project', PROJECT], { ...ENV(dataDir), COPROD_ACTOR_ROLE: 'viewer' });
    expect(run.error?.message).toMatch(/may not record/);
  });
});
