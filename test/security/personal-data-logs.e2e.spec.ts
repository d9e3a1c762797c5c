import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApi } from '../../apps/api/src/main';
import { energyProject } from '../support/api-harness';

const NAME = 'Ottoline Vasquez-Brummell';
const WORDS = 'the marmalade committee finally heard the hedgerow people';
const EMAIL = 'ottoline.vb@example.org';

describe('personal data never reaches the logs', () => {
  let app: INestApplication;
  let dataDir: string;
  const captured: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        captured.push(String(chunk));
        return write(chunk as string, ...(rest as []));
      }) as typeof stream.write;
      restore.push(() => (stream.write = write));
    }
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-logs-'));
    const saved = { ...process.env };
    Object.assign(process.env, { COPROD_DATA_DIR: dataDir, COPROD_AUTH: 'local' });
    app = await createApi({ logger: ['log', 'warn', 'error', 'debug', 'verbose'] });
    await app.init();
    process.env = saved;
  });
  afterAll(async () => {
    await app.close();
    restore.forEach((undo) => undo());
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs start-up, refusals and the read side without the name, contact details or words of a participant', async () => {
    const post = (type: string, body: object) => request(app.getHttpServer()).post(`/api/commands/${type}`).set('Content-Type', 'application/json').send(body);
    await post('RegisterProject', energyProject).expect(201);
    await post('RegisterParticipant', {
      participantId: 'part-1',
      role: 'resident',
      seldomHeardGroups: [],
      preferredFormats: ['paper'],
      personal: { subjectId: 'part-1', fields: { name: NAME, email: EMAIL } },
    }).expect(201);
    const quote = {
      quoteId: 'q-1',
      projectId: 'p-energy',
      participantId: 'part-1',
      activityId: null,
      decisionId: null,
      context: 'Steering group',
      outcomeIds: ['more_engaged'],
      attribution: 'named',
      allowedUses: ['internal_evaluation'],
      language: 'en',
      capturedOn: '2026-02-11T11:00:00.000Z',
      personal: { subjectId: 'part-1', fields: { words: WORDS } },
    };
    await post('CaptureQuote', quote).expect(201);
    // Refusals echo what was wrong: they must not echo the personal data sent with it.
    await post('CaptureQuote', quote).expect(409);
    await post('CaptureQuote', { ...quote, quoteId: 'q-2', participantId: 'part-9', personal: { subjectId: 'part-9', fields: { words: WORDS } } }).expect(404);
    await post('RegisterParticipant', { participantId: 'part-2', role: 'wizard', personal: { subjectId: 'part-2', fields: { name: NAME } } }).expect(400);
    await request(app.getHttpServer()).get('/api/participants/part-1/subject-access').expect(200);
    await request(app.getHttpServer()).get('/api/projects/p-energy/outcomes').expect(200);

    const logs = captured.join('');
    // Each refusal reaches the log, so a refusal that logged what was sent would be caught below.
    expect(logs).toContain('POST /api/commands/CaptureQuote refused 409 quote.already_captured');
    expect(logs).toContain('POST /api/commands/CaptureQuote refused 404');
    expect(logs).toContain('POST /api/commands/RegisterParticipant refused 400');
    for (const secret of [NAME, 'Vasquez', EMAIL, WORDS, 'marmalade']) expect(logs).not.toContain(secret);
  });
});
