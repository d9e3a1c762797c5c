import Database from 'better-sqlite3';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, watch, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@coprod/event-store';
import { openPersonalData, PersonalDataCipher, SqliteKeyStore } from '@coprod/privacy';
import { canMountSmallDisk, compiledProgramExists, coprod, eventually, FaultServer, refusedStart, startServer } from './fault-server';

/**
 * Faults injected into a real `coprod serve` process and its real files. For each: what /health/ready
 * answers, that nothing served is wrong, that the service recovers by itself where it can, and that
 * no acknowledged event is lost.
 */
const folders: string[] = [];
let template: string;

function copyOfDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-fault-'));
  folders.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}

function project(projectId: string) {
  return {
    projectId,
    title: `Project ${projectId}`,
    serviceArea: 'Adult social care',
    aim: 'Map the service-user voice and fill its gaps',
    frameworkId: 'care-act-nef-scie',
    improvementSought: 'Fewer gaps in whose voice is heard',
    openToNewMembers: true,
  };
}

function participant(participantId: string, name: string) {
  return {
    participantId,
    role: 'resident',
    seldomHeardGroups: [],
    preferredFormats: ['online'],
    personal: { subjectId: participantId, fields: { name } },
  };
}

/** The events stored in a data folder's event file, read with a store of its own. */
async function storedIds(files: string): Promise<Set<string>> {
  const store = new SqliteEventStore({ file: join(files, 'events.db') });
  try {
    return new Set((await store.readAll()).map((e) => e.id));
  } finally {
    await store.close();
  }
}

const projectIds = async (server: FaultServer) =>
  ((await server.get('/api/projects')).body as { projectId: string }[]).map((p) => p.projectId).sort();
const ready = async (server: FaultServer) => ((await server.get('/health/ready')).status === 200 ? true : undefined);

(compiledProgramExists() ? describe : describe.skip)('fault injection on the real server', () => {
  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), 'coprod-fault-template-'));
    folders.push(template);
    const demo = await coprod(template, ['demo']).done;
    if (demo.status !== 0) throw new Error(`coprod demo failed:\n${demo.output}`);
  }, 180_000);

  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  describe('the read models', () => {
    let server: FaultServer;
    let dir: string;
    let before: string[];
    const acknowledged: string[] = [];

    beforeAll(async () => {
      dir = copyOfDemo();
      server = await startServer(dir);
      await eventually('readiness', () => ready(server));
      before = await projectIds(server);
    }, 120_000);
    afterAll(() => server?.stop());

    it('a killed rebuild changes nothing served: the live read models answer as before, and /health/ready stays 200', async () => {
      const side = join(dir, 'read-models.db.rebuilding');
      // Frozen the moment its file beside the live one appears, then killed: a rebuild cut off part way.
      for (let attempt = 0; attempt < 5 && !existsSync(side); attempt += 1) {
        const rebuild = coprod(dir, ['rebuild']);
        const watcher = watch(dir, (_, name) => {
          if (name === 'read-models.db.rebuilding') rebuild.child.kill('SIGSTOP');
        });
        await Promise.race([
          rebuild.done,
          eventually('the rebuild to start building beside the live file', async () => (existsSync(side) ? true : undefined), 60_000),
        ]);
        watcher.close();
        rebuild.child.kill('SIGKILL');
        await rebuild.done;
      }
      expect(existsSync(side)).toBe(true);
      expect(await projectIds(server)).toEqual(before);
      expect(before.length).toBeGreaterThan(0);
      expect((await server.get('/health/ready')).status).toBe(200);
      const written = await server.command('RegisterProject', project('p-after-killed-rebuild'));
      expect(written.status).toBe(201);
      acknowledged.push(...written.body.eventIds);
      expect(await projectIds(server)).toEqual([...before, 'p-after-killed-rebuild'].sort());
    }, 90_000);

    it('a finished rebuild swaps in at once, and the running server goes on answering and projecting', async () => {
      const finished = await coprod(dir, ['rebuild']).done;
      expect(finished.output).toMatch(/rebuilt every read model from \d+ events/);
      expect(existsSync(join(dir, 'read-models.db.rebuilding'))).toBe(false);
      expect(await projectIds(server)).toEqual([...before, 'p-after-killed-rebuild'].sort());
      const written = await server.command('RegisterProject', project('p-after-rebuild'));
      expect(written.status).toBe(201);
      acknowledged.push(...written.body.eventIds);
      await eventually('the new project to be listed', async () => ((await projectIds(server)).includes('p-after-rebuild') ? true : undefined));
    }, 90_000);

    it('a deleted read-model file: not ready (naming the file), queries refused rather than answered wrong, then rebuilt by itself', async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `read-models.db${suffix}`), { force: true });
      const health = await server.get('/health/ready');
      expect(health.status).toBe(503);
      expect(health.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(health.body.error.readModels.status).toBe('down');
      expect(health.body.detail).toMatch(/read-model file .*read-models\.db was removed while the service ran/);
      const during = await server.get('/api/projects');
      expect([200, 503]).toContain(during.status);
      if (during.status === 200) expect((during.body as { projectId: string }[]).map((p) => p.projectId).sort()).toEqual(await projectIds(server));
      await eventually('readiness after the rebuild', () => ready(server));
      expect(existsSync(join(dir, 'read-models.db'))).toBe(true);
      expect(await projectIds(server)).toEqual([...before, 'p-after-killed-rebuild', 'p-after-rebuild'].sort());
      const written = await server.command('RegisterProject', project('p-after-deletion'));
      expect(written.status).toBe(201);
      acknowledged.push(...written.body.eventIds);
      await eventually('the project written after the deletion to be listed', async () =>
        (await projectIds(server)).includes('p-after-deletion') ? true : undefined,
      );
    }, 90_000);

    it('no acknowledged event was lost', async () => {
      const stored = await storedIds(dir);
      for (const id of acknowledged) expect(stored.has(id)).toBe(true);
      expect(acknowledged).toHaveLength(3);
    });
  });

  describe('the keys file', () => {
    it('refuses to start, saying how to restore, when the keys file is missing', async () => {
      const dir = copyOfDemo();
      rmSync(join(dir, 'keys.db'));
      const refusal = await refusedStart(dir);
      expect(refusal.exitCode).not.toBe(0);
      expect(refusal.output).toMatch(
        /coprod: the keys file .*keys\.db is missing( or holds no keys)?, but the event record holds personal data sealed under (its )?keys; restore the keys file/,
      );
      expect(
        existsSync(join(dir, 'keys.db')) ? new Database(join(dir, 'keys.db')).prepare('SELECT COUNT(*) FROM subject_keys').pluck().get() : 0,
      ).toBe(0);
    }, 120_000);

    it('refuses to start when the keys file is damaged', async () => {
      const dir = copyOfDemo();
      const fd = openSync(join(dir, 'keys.db'), 'r+');
      writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
      closeSync(fd);
      const refusal = await refusedStart(dir);
      expect(refusal.exitCode).not.toBe(0);
      expect(refusal.output).toMatch(/coprod: the keys file .*keys\.db is damaged \(.*\); restore the keys file/);
    }, 120_000);

    it('refuses to start with the keys file of another record', async () => {
      const other = mkdtempSync(join(tmpdir(), 'coprod-fault-other-'));
      folders.push(other);
      const server = await startServer(other);
      expect((await server.command('RegisterParticipant', participant('part-other', 'Someone Else'))).status).toBe(201);
      await server.stop();
      const dir = copyOfDemo();
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `keys.db${suffix}`), { force: true });
      cpSync(join(other, 'keys.db'), join(dir, 'keys.db'));
      const refusal = await refusedStart(dir);
      expect(refusal.exitCode).not.toBe(0);
      expect(refusal.output).toMatch(
        /coprod: the keys file holds keys for 1 person, none of whom this record holds personal data about: the keys belong to another record \(.*keys\.db\); restore the keys file/,
      );
    }, 180_000);

    describe('while the server runs', () => {
      let server: FaultServer;
      let dir: string;
      beforeAll(async () => {
        dir = copyOfDemo();
        server = await startServer(dir);
        await eventually('readiness', () => ready(server));
      }, 120_000);
      afterAll(() => server?.stop());

      it("one unreadable key hides that person's words in the case study, logs the problem, and the report is still served", async () => {
        const html = async () => server.get('/api/projects/p-energy/reports/case-study', { accept: 'text/html' });
        const first = await html();
        expect(first.status).toBe(200);
        const shown = await quotesShown(dir, first.text);
        expect(shown.length).toBeGreaterThan(1);
        const [damaged, ...others] = shown;
        const keys = new Database(join(dir, 'keys.db'));
        keys.prepare('UPDATE subject_keys SET key = randomblob(7) WHERE subject_id = ?').run(damaged.subjectId);
        keys.close();
        const after = await html();
        expect(after.status).toBe(200);
        expect(after.text).not.toContain(damaged.fragment);
        for (const other of others.filter((o) => o.subjectId !== damaged.subjectId)) expect(after.text).toContain(other.fragment);
        expect(server.output()).toMatch(
          new RegExp(`the words of quote ${damaged.quoteId} \\(event [^)]+\\) cannot be opened and is left out of the report`),
        );
      }, 60_000);

      it('a keys file removed under the server: not ready, personal data refused with 503, other writes go on, nothing half-written', async () => {
        const head = (await server.get('/health')).body.headPosition as number;
        for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `keys.db${suffix}`), { force: true });
        const health = await server.get('/health/ready');
        expect(health.status).toBe(503);
        expect(health.body.error.keys.status).toBe('down');
        expect(health.body.detail).toMatch(/the keys file .*keys\.db was removed while the service ran; restore the keys file from the backup/);
        const personal = await server.command('RegisterParticipant', participant('part-after-loss', 'Newly Met'));
        expect(personal.status).toBe(503);
        expect(personal.body).toMatchObject({ title: 'Keys unavailable', code: 'keys.unavailable' });
        const plain = await server.command('RegisterProject', project('p-without-personal-data'));
        expect(plain.status).toBe(201);
        expect((await server.get('/health')).body.headPosition).toBe(head + 1);
        expect((await storedIds(dir)).has(plain.body.eventIds[0])).toBe(true);
      }, 60_000);
    });
  });

  describe('the integrity chain', () => {
    it('an event row edited under the server: not ready naming the position, writes refused with 503, reports carry the notice', async () => {
      const dir = copyOfDemo();
      const server = await startServer(dir);
      try {
        await eventually('readiness', () => ready(server));
        const written = await server.command('RegisterProject', project('p-before-edit'));
        expect(written.status).toBe(201);
        const head = (await server.get('/health')).body.headPosition as number;
        await eventually('the new event to be verified', async () =>
          (await server.get('/health/ready')).body.info?.integrity?.verifiedTo === head ? true : undefined,
        );
        const raw = new Database(join(dir, 'events.db'));
        raw.prepare("UPDATE events SET data = json_set(data, '$.title', 'A forged title') WHERE position = ?").run(head);
        raw.close();
        const health = await eventually('the edit to be found', async () => {
          const answer = await server.get('/health/ready');
          return answer.status === 503 ? answer : undefined;
        });
        expect(health.body.error.integrity.status).toBe('down');
        expect(health.body.detail).toContain(`integrity check failed at position ${head}`);
        const refused = await server.command('RegisterProject', project('p-after-edit'));
        expect(refused.status).toBe(503);
        expect(refused.body).toMatchObject({ title: 'Integrity check failed', code: 'integrity.failed' });
        expect((await server.get('/health')).body.headPosition).toBe(head);
        const report = await server.get('/api/projects/p-energy/reports/case-study', { accept: 'text/html' });
        expect(report.status).toBe(200);
        expect(report.text).toContain(`Integrity check failed at position ${head}`);
        expect((await storedIds(dir)).has(written.body.eventIds[0])).toBe(true);
      } finally {
        await server.stop();
      }
    }, 180_000);

    it('signs checkpoints by itself outside the event file; verify refuses one without a trusted key unless asked', async () => {
      const dir = copyOfDemo();
      const keyDir = mkdtempSync(join(tmpdir(), 'coprod-fault-signing-'));
      folders.push(keyDir);
      const made = await coprod(dir, ['checkpoint', '--private-key', join(keyDir, 'org.pem'), '--out', join(keyDir, 'manual.json')]).done;
      expect(made.status).toBe(0);
      const server = await startServer(dir, { env: { COPROD_CHECKPOINT_KEY: join(keyDir, 'org.pem'), COPROD_CHECKPOINT_SECONDS: '1' } });
      let latest: string;
      try {
        latest = join(dir, 'checkpoints', 'latest.json');
        await eventually('the first signed checkpoint', async () => (existsSync(latest) ? true : undefined));
        const written = await server.command('RegisterProject', project('p-checkpointed'));
        expect(written.status).toBe(201);
        const head = (await server.get('/health')).body.headPosition as number;
        await eventually('a checkpoint of the new head', async () =>
          existsSync(join(dir, 'checkpoints', `checkpoint-${String(head).padStart(10, '0')}.json`)) ? true : undefined,
        );
      } finally {
        await server.stop();
      }
      const untrusted = await coprod(dir, ['verify', '--against', latest]).done;
      expect(untrusted.status).toBe(2);
      expect(untrusted.output).toMatch(/REFUSED: a checkpoint proves nothing unless it is signed by a key you trust/);
      const trusted = await coprod(dir, ['verify', '--against', latest, '--public-key', join(keyDir, 'org.pem.pub')]).done;
      expect(trusted.status).toBe(0);
      expect(trusted.output).toMatch(/matches checkpoint of /);
      const accepted = await coprod(dir, ['verify', '--against', latest, '--accept-untrusted']).done;
      expect(accepted.status).toBe(0);
      expect(accepted.output).toMatch(/warning: --accept-untrusted/);
    }, 180_000);

    it('a truncated log: not ready, saying events were removed from the end; writes refused', async () => {
      const dir = copyOfDemo();
      const server = await startServer(dir);
      try {
        await eventually('readiness', () => ready(server));
        const head = (await server.get('/health')).body.headPosition as number;
        await eventually('the head to be verified', async () =>
          (await server.get('/health/ready')).body.info?.integrity?.verifiedTo === head ? true : undefined,
        );
        const raw = new Database(join(dir, 'events.db'));
        raw.prepare('DELETE FROM events WHERE position > ?').run(head - 3);
        raw.close();
        const health = await eventually('the truncation to be found', async () => {
          const answer = await server.get('/health/ready');
          return answer.status === 503 ? answer : undefined;
        });
        expect(health.body.detail).toMatch(
          new RegExp(
            `integrity check failed at position ${head - 2}: the log ends at position ${head - 3} but position ${head} was verified earlier: events were removed from the end`,
          ),
        );
        expect((await server.command('RegisterProject', project('p-after-truncation'))).status).toBe(503);
      } finally {
        await server.stop();
      }
    }, 180_000);
  });

  (canMountSmallDisk() ? describe : describe.skip)('a full disk (a small tmpfs of its own)', () => {
    it('answers 507 with problem details, stores nothing half-written, says not ready, and recovers by itself once space is freed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'coprod-fault-disk-'));
      folders.push(dir);
      const server = await startServer(dir, { diskBytes: 2 * 1024 * 1024, env: { COPROD_MIN_FREE_BYTES: String(48 * 1024) } });
      try {
        await eventually('readiness', () => ready(server));
        const acknowledged: string[] = [];
        const acknowledgedProjects: string[] = ['p-disk-0'];
        const first = await server.command('RegisterProject', project('p-disk-0'));
        expect(first.status).toBe(201);
        acknowledged.push(...first.body.eventIds);
        fillDisk(join(server.files, 'filler'));
        // The WAL may still have room for a few commits; the disk is full once SQLite must grow a file.
        let refusal: { status: number; body: any } | undefined;
        for (let i = 1; i < 400 && !refusal; i += 1) {
          const answer = await server.command('RegisterProject', { ...project(`p-disk-${i}`), aim: 'x'.repeat(2000) });
          if (answer.status === 201) {
            acknowledged.push(...answer.body.eventIds);
            acknowledgedProjects.push(`p-disk-${i}`);
          } else refusal = answer;
        }
        expect(refusal?.status).toBe(507);
        expect(refusal?.body).toMatchObject({ title: 'Storage full', code: 'storage.full' });
        expect(refusal?.body.detail).toMatch(/disk .* is full, so nothing of this change was stored; free space/);
        const health = await server.get('/health/ready');
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({ error: { disk: { status: 'down' } } });
        expect(health.body.detail).toMatch(/the disk holding .* has \d+ bytes free .*: writes are refused with 507; free space there/);
        rmSync(join(server.files, 'filler'));
        await eventually('readiness once space is freed', () => ready(server), 40_000);
        const after = await server.command('RegisterProject', project('p-disk-after'));
        expect(after.status).toBe(201);
        acknowledged.push(...after.body.eventIds);
        acknowledgedProjects.push('p-disk-after');
        await eventually('the project written after the disk was freed to be listed', async () =>
          (await projectIds(server)).includes('p-disk-after') ? true : undefined,
        );
        // The small disk lives in the server's own mount namespace: its record is read through the server.
        expect((await server.get('/health')).body.headPosition).toBe(acknowledged.length);
        expect(await projectIds(server)).toEqual(acknowledgedProjects.sort());
      } finally {
        await server.stop();
      }
    }, 180_000);
  });
});

/** Writes a file until the disk has no room left. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

/** Quotes whose words the case study shows, with the subject whose key opens them and a fragment of the words to look for. */
async function quotesShown(dir: string, html: string): Promise<{ quoteId: string; subjectId: string; fragment: string }[]> {
  const copy = mkdtempSync(join(tmpdir(), 'coprod-fault-keys-'));
  folders.push(copy);
  for (const name of readdirSync(dir).filter((n) => n.startsWith('keys.db'))) cpSync(join(dir, name), join(copy, name));
  const keys = new SqliteKeyStore({ file: join(copy, 'keys.db') });
  const store = new SqliteEventStore({ file: join(dir, 'events.db') });
  try {
    const cipher = new PersonalDataCipher(keys);
    const found: { quoteId: string; subjectId: string; fragment: string }[] = [];
    for (const event of await store.readAll({ types: ['QuoteCaptured'] })) {
      const data = event.data as { quoteId?: string; personal: { subjectId: string } };
      const opened = (await openPersonalData(data, event.id, cipher)) as { personal?: { fields?: { words?: string } } };
      const fragment = (opened.personal?.fields?.words ?? '').match(/[A-Za-z ]{24,}/)?.[0]?.slice(0, 24);
      if (fragment && html.includes(fragment))
        found.push({ quoteId: data.quoteId ?? event.stream.replace(/^quote-/, ''), subjectId: data.personal.subjectId, fragment });
    }
    return found;
  } finally {
    await keys.close();
    await store.close();
  }
}
