import { randomUUID } from 'node:crypto';
import { AppendResult, EventStore } from '@coprod/event-store';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';

/**
 * An EventStoreDB deployment the fault scenarios run on: the model of the server's semantics in CI,
 * or a real cluster where one is reachable. Faults are the deployment's to cause.
 */
export interface FaultyDeployment {
  /** What `coprod` is given as EVENTSTORE_CONNECTION_STRING. */
  readonly connectionString: string;
  /** How long the leader waits for a quorum before answering Timeout. */
  readonly commitTimeoutMs: number;
  /** Opens a store as a new process would; `follower` reaches the cluster through a follower (a load balancer, a demoted leader). */
  open(via?: 'leader' | 'follower'): Promise<EventStore>;
  /** Appends an event as another application would: no coprod envelope. */
  writeForeign(stream: string, type: string, data: Record<string, unknown>): Promise<void>;
  /** The follower that `open('follower')` reaches falls behind the leader; the others keep the cluster writable. */
  lagFollower(): Promise<void>;
  /** That follower catches up again. */
  catchUpFollower(): Promise<void>;
  /** Every follower stops replicating: the leader can no longer commit. */
  pauseAllFollowers(): Promise<void>;
  resumeAllFollowers(): Promise<void>;
  /** Another node becomes leader while a write is in flight on the old one; the cluster is writable again afterwards. */
  changeLeader(): Promise<void>;
  /** Runs `coprod verify` against the deployment. */
  verify(): Promise<{ exitCode: number; stdout: string }>;
}

type Outcome = PromiseSettledResult<AppendResult>;

/** What every scenario must end with: the store opens, positions run 1..N once each, nothing acknowledged is lost, `coprod verify` passes. */
export async function expectIntactRecord(deployment: FaultyDeployment, acknowledged: readonly string[]): Promise<void> {
  const store = await deployment.open();
  try {
    const all = await store.readAll();
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...acknowledged]));
  } finally {
    await store.close();
  }
  const verify = await deployment.verify();
  expect(verify.stdout).toMatch(/chain verified: \d+ events/);
  expect(verify.exitCode).toBe(0);
}

/** The reasons of any rejected outcome, for an assertion that reads well when it fails. */
export function refusals(outcomes: readonly Outcome[]): string[] {
  return outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => `${o.reason?.name}: ${o.reason?.message}`);
}

const stream = () => `activity-${randomUUID()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two processes write to the same store at the same time: a rolling deploy, two replicas, a CLI beside the api. */
export async function twoWriters(deployment: FaultyDeployment): Promise<void> {
  const [first, second] = [await deployment.open(), await deployment.open()];
  const acknowledged: string[] = [];
  let outcomes: Outcome[];
  let race: Outcome[];
  try {
    const writes: Promise<AppendResult>[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (const store of [first, second]) {
        const event = anEvent({ data: { round } });
        writes.push(store.append(stream(), [event], { expectedRevision: 'no_stream' }).then((r) => (acknowledged.push(event.id), r)));
      }
    }
    outcomes = await Promise.allSettled(writes);
    const shared = stream();
    race = await Promise.allSettled([
      first.append(shared, [anEvent({ data: { writer: 1 } })], { expectedRevision: 'no_stream' }),
      second.append(shared, [anEvent({ data: { writer: 2 } })], { expectedRevision: 'no_stream' }),
    ]);
  } finally {
    await Promise.allSettled([first.close(), second.close()]);
  }
  await expectIntactRecord(deployment, acknowledged);
  expect(refusals(outcomes)).toEqual([]);
  expect(race.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  expect(refusals(race)).toEqual([expect.stringMatching(/^WrongExpectedRevisionError/)]);
}

/** The leader cannot reach a quorum: appends time out, and commit once the followers are back. */
export async function ambiguousTimeout(deployment: FaultyDeployment): Promise<void> {
  const store = await deployment.open();
  const events = [anEvent(), anEvent(), anEvent()];
  let outcomes: Outcome[];
  let answeredWhilePaused = false;
  let resumed = false;
  const note = () => void (answeredWhilePaused ||= !resumed);
  try {
    await store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' });
    await deployment.pauseAllFollowers();
    const pending = events.slice(0, 2).map((event) => store.append(stream(), [event], { expectedRevision: 'no_stream' }));
    pending.forEach((p) => p.then(note, note));
    await sleep(deployment.commitTimeoutMs * 2);
    resumed = true;
    await deployment.resumeAllFollowers();
    const settled = await Promise.allSettled(pending);
    settled.push(...(await Promise.allSettled([store.append(stream(), [events[2]], { expectedRevision: 'no_stream' })])));
    outcomes = settled;
  } finally {
    await deployment.resumeAllFollowers();
    await store.close().catch(() => undefined);
  }
  await expectIntactRecord(deployment, []);
  expect(refusals(outcomes)).toEqual([]);
  expect(answeredWhilePaused).toBe(false);
  await expectRecorded(deployment, events.map((e) => e.id));
}

/** The leader changes while an append is in flight on it: the append is resent to the new leader and recorded once. */
export async function leaderChange(deployment: FaultyDeployment): Promise<void> {
  const store = await deployment.open();
  const events = [anEvent(), anEvent()];
  const outcomes: Outcome[] = [];
  try {
    await store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' });
    await deployment.pauseAllFollowers();
    const inFlight = store.append(stream(), [events[0]], { expectedRevision: 'no_stream' });
    inFlight.catch(() => undefined);
    await sleep(deployment.commitTimeoutMs / 2);
    await deployment.changeLeader();
    outcomes.push(...(await Promise.allSettled([inFlight])));
    outcomes.push(...(await Promise.allSettled([store.append(stream(), [events[1]], { expectedRevision: 'no_stream' })])));
  } finally {
    await deployment.resumeAllFollowers();
    await store.close().catch(() => undefined);
  }
  await expectIntactRecord(deployment, []);
  expect(refusals(outcomes)).toEqual([]);
  await expectRecorded(deployment, events.map((e) => e.id));
}

/** The store reaches the cluster through a follower that lags behind the leader. */
export async function laggingFollower(deployment: FaultyDeployment): Promise<void> {
  const store = await deployment.open('follower');
  const events = [anEvent(), anEvent(), anEvent()];
  const outcomes: Outcome[] = [];
  try {
    await deployment.lagFollower();
    for (const event of events) outcomes.push(...(await Promise.allSettled([store.append(stream(), [event], { expectedRevision: 'no_stream' })])));
  } finally {
    await deployment.catchUpFollower();
    await store.close().catch(() => undefined);
  }
  await expectIntactRecord(deployment, []);
  expect(refusals(outcomes)).toEqual([]);
  await expectRecorded(deployment, events.map((e) => e.id));
}

/** Another application writes into a coprod stream (and elsewhere) on the same server. */
export async function foreignEvent(deployment: FaultyDeployment): Promise<void> {
  await deployment.writeForeign(`billing-${randomUUID()}`, 'InvoiceImported', { amount: 12 });
  const store = await deployment.open();
  const target = stream();
  const outcomes: Outcome[] = [];
  try {
    await store.append(target, [anEvent({ data: { n: 1 } })], { expectedRevision: 'no_stream' });
    await deployment.writeForeign(target, 'LegacyNote', { text: 'added by another tool' });
    // Each command reads the stream, decides, and appends after the revision it read.
    for (const n of [2, 3]) {
      const read = await store.readStream(target);
      const attempt = store.append(target, [anEvent({ data: { n } })], { expectedRevision: read[read.length - 1].revision });
      outcomes.push(...(await Promise.allSettled([attempt])));
    }
  } finally {
    await store.close();
  }
  await expectIntactRecord(deployment, []);
  expect(refusals(outcomes)).toEqual([]);
  const reopened = await deployment.open();
  try {
    const events = await reopened.readStream(target);
    expect(events.map((e) => [e.revision, e.data.n])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  } finally {
    await reopened.close();
  }
}

async function expectRecorded(deployment: FaultyDeployment, ids: readonly string[]): Promise<void> {
  const store = await deployment.open();
  try {
    for (const id of ids) expect((await store.findEvent(id))?.id).toBe(id);
  } finally {
    await store.close();
  }
}
