import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient, FORWARDS, START, jsonEvent } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '@coprod/event-store';
import { runCli } from '../run-cli';
import { FaultyDeployment } from './fault-scenarios';
import { quiet } from './model-deployment';

/** The only variable the server tests read: never EVENTSTORE_CONNECTION_STRING, which may name a deployment. */
export const TEST_SERVER_VARIABLE = 'COPROD_TEST_EVENTSTORE';
/** The cluster's nodes as `service=host:port,...`, for the scenarios that pause, stop and start nodes. */
export const TEST_NODES_VARIABLE = 'COPROD_TEST_EVENTSTORE_NODES';
/** The compose file that runs those nodes (default: the throwaway cluster beside this file). */
export const TEST_COMPOSE_VARIABLE = 'COPROD_TEST_EVENTSTORE_COMPOSE_FILE';

interface Node {
  service: string;
  host: string;
  port: number;
}

export interface TestServer {
  connectionString: string;
  /** Known when the server is a cluster the tests may pause and restart. */
  nodes: Node[];
  composeFile: string;
}

export function testServerFromEnv(env: NodeJS.ProcessEnv = process.env): TestServer | undefined {
  const connectionString = env[TEST_SERVER_VARIABLE]?.trim();
  if (!connectionString) return undefined;
  const nodes = (env[TEST_NODES_VARIABLE] ?? '')
    .split(',')
    .filter(Boolean)
    .map((spec) => {
      const [service, address] = spec.split('=');
      const [host, port] = address.split(':');
      return { service: service.trim(), host: host.trim(), port: Number(port) };
    });
  return { connectionString, nodes, composeFile: env[TEST_COMPOSE_VARIABLE] ?? join(__dirname, 'docker-compose.yml') };
}

/**
 * Refuses a server that holds anything but system events: these tests write into the server they are
 * given, so they run only against an empty one, never one that could hold a deployment's record.
 */
export async function refuseUnlessEmpty(server: TestServer): Promise<void> {
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition: START })) {
      const event = resolved.event;
      if (event && !event.streamId.startsWith('$') && !event.type.startsWith('$')) {
        throw new Error(
          `${TEST_SERVER_VARIABLE} names a server that already holds events outside system streams (the first: ${event.type} in ${event.streamId}). ` +
            'These tests write into the server they are given, so they run only against an empty one. Start the throwaway cluster ' +
            '(docker compose -f test/stores/eventstoredb/docker-compose.yml up -d --wait; it keeps nothing between starts) and point the variable at it.',
        );
      }
    }
  } finally {
    await client.dispose();
  }
}

/** A real cluster, faults caused with `docker compose` on the nodes named in COPROD_TEST_EVENTSTORE_NODES. */
export function serverDeployment(server: TestServer): FaultyDeployment & { readonly cluster: boolean } {
  const compose = (...args: string[]) => execFileSync('docker', ['compose', '-f', server.composeFile, ...args], { stdio: 'pipe', timeout: 120_000 });
  let follower: Node | undefined;
  const followerNode = async () => (follower ??= (await nodesBy('follower'))[0]);
  const nodesBy = async (state: string) => {
    const found: Node[] = [];
    for (const node of server.nodes) if ((await nodeState(node)) === state) found.push(node);
    if (found.length === 0) throw new Error(`no ${state} among ${server.nodes.map((n) => n.service).join(', ')}`);
    return found;
  };
  let paused: Node[] = [];
  const unpause = () => {
    if (paused.length > 0) compose('unpause', ...paused.map((n) => n.service));
    paused = [];
  };
  const connectionTo = (node: Node) => `esdb://${node.host}:${node.port}?tls=false`;
  return {
    cluster: server.nodes.length > 1,
    connectionString: server.connectionString,
    commitTimeoutMs: 2000,
    open: async (via = 'leader') =>
      EventStoreDbEventStore.connect({ connectionString: via === 'follower' ? connectionTo(await followerNode()) : server.connectionString, logger: quiet }),
    writeForeign: async (stream, type, data) => {
      const client = EventStoreDBClient.connectionString(server.connectionString);
      try {
        await client.appendToStream(stream, [jsonEvent({ type, data })]);
      } finally {
        await client.dispose();
      }
    },
    // A frozen node would not answer at all; a delayed one answers, from a log that lags behind.
    lagFollower: async () => void compose('exec', '-T', `${(await followerNode()).service}-netem`, 'tc', 'qdisc', 'add', 'dev', 'eth0', 'root', 'netem', 'delay', '500ms'),
    catchUpFollower: async () => void compose('exec', '-T', `${(await followerNode()).service}-netem`, 'tc', 'qdisc', 'del', 'dev', 'eth0', 'root'),
    pauseAllFollowers: async () => {
      const [leader] = await nodesBy('leader');
      paused = server.nodes.filter((n) => n !== leader);
      compose('pause', ...paused.map((n) => n.service));
    },
    resumeAllFollowers: async () => unpause(),
    changeLeader: async () => {
      const [old] = await nodesBy('leader');
      compose('stop', old.service);
      unpause();
      const deadline = Date.now() + 60_000;
      while (!(await nodesBy('leader').catch(() => [])).some((n) => n !== old)) {
        if (Date.now() > deadline) throw new Error('no new leader within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      compose('start', old.service);
    },
    verify: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'coprod-verify-'));
      try {
        const run = await runCli(['verify'], { COPROD_DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: server.connectionString });
        return { exitCode: run.exitCode, stdout: `${run.stdout}${run.error ? `\n${run.error.message}` : ''}` };
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The node's role as it reports it on /info: leader, follower, ... (undefined while it does not answer). */
async function nodeState(node: Node): Promise<string | undefined> {
  try {
    const response = await fetch(`http://${node.host}:${node.port}/info`, { signal: AbortSignal.timeout(2000) });
    const info = (await response.json()) as { state?: string; State?: string };
    return (info.state ?? info.State)?.toLowerCase();
  } catch {
    return undefined;
  }
}
