import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coprodAsync, RunningServer, serve } from '../crash/coprod-processes';
import { energyProject } from '../support/api-harness';

const SESSION = 'act-drill';

/** A free port on the loopback address, for the server under test. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The figures a command line prints for a project, without the parts that say when they were asked for. */
function figuresOf(output: string) {
  const body = JSON.parse(output.slice(output.indexOf('{'))) as {
    outcomes: unknown;
    clocks: { eventCount: number; lastPositionIncluded: number; provenanceDigest: string };
  };
  return {
    outcomes: body.outcomes,
    eventCount: body.clocks.eventCount,
    lastPosition: body.clocks.lastPositionIncluded,
    digest: body.clocks.provenanceDigest,
  };
}

/**
 * The operator's drill on real processes and real files: a server is being written to, a backup is
 * taken meanwhile, the data folder is destroyed, the backup restored and verified, and the figures
 * equal those the original record gave as known at the backup's last event.
 */
describe('backup and restore drill (real server, real files)', () => {
  let root: string;
  let dataDir: string;
  let server: RunningServer | undefined;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'coprod-drill-'));
    dataDir = join(root, 'data');
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up while a writer runs, then restores into an empty folder with the chain verified and the figures equal', async () => {
    const port = await freePort();
    server = await serve(dataDir, port);
    const post = async (type: string, body: unknown) => {
      const answer = await fetch(`http://127.0.0.1:${port}/api/commands/${type}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (answer.status !== 201) throw new Error(`${type} answered ${answer.status}: ${await answer.text()}`);
      return (await answer.json()) as { position: number };
    };
    await post('RegisterProject', energyProject);
    await post('PlanActivity', {
      activityId: SESSION,
      projectId: 'p-energy',
      title: 'Drill evening',
      activityType: 'workshop',
      stage: 'co_design',
      format: 'in_person',
      plannedFor: '2026-05-12T18:00:00.000Z',
      ladderLevel: 'co_design',
    });
    await post('HoldActivity', { activityId: SESSION, heldOn: '2026-05-12T18:00:00.000Z', durationMinutes: 90, ladderLevel: 'co_design' });

    let writing = true;
    let acknowledged = 0;
    let lastAcknowledged = 0;
    const writer = (async () => {
      for (let person = 1; writing; person += 1) {
        await post('RegisterParticipant', {
          participantId: `part-${person}`,
          role: person % 3 === 0 ? 'carer' : 'resident',
          seldomHeardGroups: person % 4 === 0 ? ['carers'] : [],
          preferredFormats: ['in_person'],
          personal: { subjectId: `part-${person}`, fields: { name: `Drill Person ${person}` } },
        });
        const { position } = await post('RecordAttendance', {
          activityId: SESSION,
          participantId: `part-${person}`,
          minutes: 30 + (person % 60),
          capacity: 'member',
          format: 'in_person',
        });
        acknowledged += 2;
        lastAcknowledged = position;
      }
    })();
    while (acknowledged < 40) await new Promise((r) => setTimeout(r, 20));

    const acknowledgedBeforeBackup = lastAcknowledged;
    const backup = await coprodAsync(dataDir, ['backup', '--out', join(root, 'backup')]);
    const afterBackup = acknowledged;
    expect(backup.output).toMatch(
      /backup written to .*: \d+ events, head at position \d+, chain verified; events\.db \(\d+ bytes\), keys\.db \(\d+ bytes\)/,
    );
    expect(backup.status).toBe(0);
    const backedUpTo = Number(/head at position (\d+)/.exec(backup.output)![1]);
    // Everything acknowledged before the backup began is in it.
    expect(backedUpTo).toBeGreaterThanOrEqual(acknowledgedBeforeBackup);

    while (acknowledged < afterBackup + 20) await new Promise((r) => setTimeout(r, 20));
    writing = false;
    await writer;
    await server.stop();
    server = undefined;
    expect(lastAcknowledged).toBeGreaterThan(backedUpTo);

    const then = await coprodAsync(dataDir, ['outcomes', '--project', 'p-energy', '--known-at', String(backedUpTo), '--json']);
    expect(then.status).toBe(0);

    rmSync(dataDir, { recursive: true, force: true });

    const restored = await coprodAsync(dataDir, ['restore', '--from', join(root, 'backup')]);
    expect(restored.output).toMatch(
      new RegExp(`restored the backup of .*: \\d+ events, head at position ${backedUpTo}, hash [0-9a-f]{64}; chain verified`),
    );
    expect(restored.status).toBe(0);

    const verified = await coprodAsync(dataDir, ['verify']);
    expect(verified.output).toMatch(new RegExp(`chain verified: ${backedUpTo} events, head at position ${backedUpTo}`));
    expect(verified.status).toBe(0);

    const now = await coprodAsync(dataDir, ['outcomes', '--project', 'p-energy', '--json']);
    expect(now.status).toBe(0);
    expect(figuresOf(now.output)).toEqual(figuresOf(then.output));
    // The figures reach the backup's last event that concerns the project, and nothing after it.
    expect(figuresOf(now.output).lastPosition).toBeGreaterThan(0);
    expect(figuresOf(now.output).lastPosition).toBeLessThanOrEqual(backedUpTo);

    // The keys came back with the record: a person's details can still be read.
    const access = await coprodAsync(dataDir, ['subject-access', 'part-1', '--json']);
    expect(access.status).toBe(0);
    expect(access.output).toContain('Drill Person 1');
  }, 420_000);

  it('refuses to restore over a record that holds events unless forced, and refuses a damaged backup before touching anything', async () => {
    const port = await freePort();
    server = await serve(dataDir, port);
    const answer = await fetch(`http://127.0.0.1:${port}/api/commands/RegisterProject`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(energyProject),
    });
    expect(answer.status).toBe(201);
    const backupDir = join(root, 'backup');
    expect((await coprodAsync(dataDir, ['backup', '--out', backupDir])).status).toBe(0);
    const again = await coprodAsync(dataDir, ['backup', '--out', backupDir]);
    expect(again.status).toBe(1);
    expect(again.output).toMatch(/is not empty: give each backup a new folder/);
    const later = await fetch(`http://127.0.0.1:${port}/api/commands/RegisterProject`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...energyProject, projectId: 'p-after-backup' }),
    });
    expect(later.status).toBe(201);
    await server.stop();
    server = undefined;

    const refused = await coprodAsync(dataDir, ['restore', '--from', backupDir]);
    expect(refused.status).toBe(1);
    expect(refused.output.trim()).toMatch(
      /^coprod: .*events\.db already holds 2 events; restoring would replace them: stop the server and add --force/,
    );
    const forced = await coprodAsync(dataDir, ['restore', '--from', backupDir, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.output).toMatch(/replacing 2 events\): 1 events, head at position 1/);
    // The service verified the old record up to position 2; on the restored, shorter one it starts afresh
    // rather than calling it truncated, and takes writes again.
    server = await serve(dataDir, port);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect([ready.status, await ready.text()]).toEqual([200, expect.any(String)]);
    const afterRestore = await fetch(`http://127.0.0.1:${port}/api/commands/RegisterProject`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...energyProject, projectId: 'p-after-restore' }),
    });
    expect(afterRestore.status).toBe(201);
    await server.stop();
    server = undefined;

    appendFileSync(join(backupDir, 'keys.db'), 'damage');
    const damaged = await coprodAsync(join(root, 'elsewhere'), ['restore', '--from', backupDir]);
    expect(damaged.status).toBe(1);
    expect(damaged.output).toMatch(/is damaged: keys\.db no longer matches its hash in manifest\.json/);
    const empty = await coprodAsync(dataDir, ['restore', '--from', root]);
    expect(empty.status).toBe(1);
    expect(empty.output).toMatch(/holds no backup: manifest\.json is missing/);
  }, 300_000);
});
