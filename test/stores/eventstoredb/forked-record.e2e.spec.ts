import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';
import { appendAsEarlierVersion } from '@coprod/event-store/eventstoredb/model/earlier-version-writer';
import { EventStoreDbModelClient } from '@coprod/event-store/eventstoredb/model/eventstoredb-model-client';
import { runCli } from '../run-cli';
import { ModelDeployment, modelDeployment } from './model-deployment';

/** A record two writers forked before positions were derived from the server, recovered through the real commands. */
describe('a record that forked before this version, on the model of a server', () => {
  let deployment: ModelDeployment;
  let dir: string;
  const coprod = (...args: string[]) => runCli(args, { COPROD_DATA_DIR: join(dir, 'cli-data'), EVENTSTORE_CONNECTION_STRING: deployment.connectionString });

  beforeEach(async () => {
    deployment = modelDeployment({ nodes: 1 });
    dir = mkdtempSync(join(tmpdir(), 'coprod-forked-'));
    const raw = new EventStoreDbModelClient(deployment.model);
    const head = await appendAsEarlierVersion(raw, anEvent(), { stream: 'activity-a1', revision: 0, position: 1, prevHash: '' });
    const second = await appendAsEarlierVersion(raw, anEvent(), { stream: 'activity-a2', revision: 0, position: 2, prevHash: head.hash });
    // A second writer had also read head 2: it sealed position 3 as well, and went on from its own view.
    const third = await appendAsEarlierVersion(raw, anEvent(), { stream: 'activity-a3', revision: 0, position: 3, prevHash: second.hash });
    await appendAsEarlierVersion(raw, anEvent(), { stream: 'activity-a4', revision: 0, position: 3, prevHash: second.hash });
    await appendAsEarlierVersion(raw, anEvent(), { stream: 'activity-a3', revision: 1, position: 4, prevHash: third.hash });
  });
  afterEach(() => {
    deployment.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens, and coprod verify checks it up to the fork', async () => {
    const verify = await coprod('verify');
    expect(verify.error).toBeUndefined();
    expect(verify.exitCode).toBe(2);
    expect(verify.stdout).toMatch(/^BROKEN: 3 events checked; first bad event at position 4 .*content does not match its hash/);
  });

  it('copies only up to the fork without --accept-server-order, and all of it, verified, with it', async () => {
    const upToFork = await coprod('migrate', '--from', deployment.connectionString, '--to', `sqlite:${join(dir, 'prefix.db')}`);
    expect(upToFork.exitCode).toBe(1);
    expect(upToFork.error?.message).toMatch(/came out as .* at position 4 .*the copy stopped here/);

    const whole = await coprod('migrate', '--from', deployment.connectionString, '--to', `sqlite:${join(dir, 'recovered.db')}`, '--accept-server-order');
    expect(whole.error).toBeUndefined();
    expect(whole.exitCode).toBe(0);
    expect(whole.stdout).toMatch(/verified: .* 5 events, same order, ids and hashes, chain intact/);

    const recovered = await runCli(['verify'], { COPROD_DATA_DIR: dir, COPROD_EVENTS_FILE: join(dir, 'recovered.db') });
    expect(recovered.stdout).toContain('chain verified: 5 events');
  });

  it('refuses --accept-server-order for an embedded source', async () => {
    const run = await coprod('migrate', '--from', `sqlite:${join(dir, 'prefix.db')}`, '--to', `sqlite:${join(dir, 'x.db')}`, '--accept-server-order');
    expect(run.error?.message).toMatch(/applies to an EventStoreDB source only/);
  });
});
