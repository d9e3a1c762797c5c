import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const INJECTIONS = [
  "p'; DROP TABLE events;--",
  "x' OR '1'='1",
  '"); process.exit(1); ("',
  '${require("child_process").execSync("touch pwned")}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
];

describe('hostile and malformed input (real API, real files)', () => {
  let api: ApiHarness;
  const events = () => {
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      return db.prepare('SELECT type, data FROM events ORDER BY position').all() as { type: string; data: string }[];
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    api = await startApiHarness();
  });
  afterEach(() => api.close());

  it('refuses injection strings as ids with 400 naming the field, and stores nothing', async () => {
    for (const id of INJECTIONS) {
      const response = await api.command('RegisterProject', { ...energyProject, projectId: id }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['projectId']);
    }
    expect(events()).toEqual([]);
  });

  it('stores injection strings in text exactly as given, as plain text, and never runs them', async () => {
    const title = INJECTIONS.slice(0, 3).join(' ');
    const aim = INJECTIONS.slice(3).join(' ');
    await api.command('RegisterProject', { ...energyProject, title, aim }).expect(201);
    const projects = await api.http().get('/api/projects').expect(200);
    expect(projects.body).toEqual([expect.objectContaining({ projectId: 'p-energy', title, aim })]);
    expect(events().map((e) => e.type)).toEqual(['ProjectRegistered']);
    expect(JSON.parse(events()[0].data)).toMatchObject({ title, aim });
  });

  it('answers injection strings in paths with 400 or 404, never 500, and stores nothing', async () => {
    for (const id of INJECTIONS) {
      const encoded = encodeURIComponent(id);
      for (const path of [`/api/history/project/${encoded}`, `/api/projects/${encoded}/outcomes`, `/api/participants/${encoded}/subject-access`, `/api/history/${encoded}/p-energy`]) {
        const response = await api.http().get(path);
        expect([400, 404]).toContain(response.status);
        expect(response.headers['content-type']).toMatch(/problem\+json/);
      }
      const erasure = await api.http().post(`/api/participants/${encoded}/erasure`).set('Content-Type', 'application/json').send({});
      expect([400, 404]).toContain(erasure.status);
    }
    expect(events()).toEqual([]);
  });

  it('refuses an oversized body with 413 problem details', async () => {
    const response = await api.command('RegisterProject', { ...energyProject, aim: 'x'.repeat(1_100_000) }).expect(413);
    expect(response.body).toMatchObject({ status: 413, title: 'Request too large' });
    expect(events()).toEqual([]);
  });

  it('refuses malformed JSON with 400 problem details', async () => {
    const response = await api.http().post('/api/commands/RegisterProject').set('Content-Type', 'application/json').send('{"projectId": "p-energy",').expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400 });
    expect(response.body.detail).toMatch(/JSON/);
    expect(events()).toEqual([]);
  });

  it('refuses a body that is not JSON with 415 problem details, whatever it contains', async () => {
    const asText = await api.http().post('/api/commands/RegisterProject').set('Content-Type', 'text/plain').send(JSON.stringify(energyProject)).expect(415);
    expect(asText.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(asText.body).toMatchObject({ status: 415, title: 'Unsupported media type' });
    expect(asText.body.detail).toMatch(/"text\/plain"; send it as JSON with Content-Type: application\/json/);
    await api.http().post('/api/commands/RegisterProject').type('form').send({ projectId: 'p-energy', title: 'Form' }).expect(415);
    await api.http().post('/api/participants/part-1/erasure').set('Content-Type', 'application/xml').send('<reason>x</reason>').expect(415);
    expect(events()).toEqual([]);
  });

  it('refuses unknown fields with 400 naming them, on commands and on erasure', async () => {
    const response = await api.command('RegisterProject', { ...energyProject, isAdmin: true, __proto__: { polluted: true } }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('isAdmin');
    const erasure = await api.http().post('/api/participants/part-1/erasure').set('Content-Type', 'application/json').send({ reason: 'asked', everything: true }).expect(400);
    expect(erasure.body.errors.map((e: { field: string }) => e.field)).toEqual(['everything']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(events()).toEqual([]);
  });
});
