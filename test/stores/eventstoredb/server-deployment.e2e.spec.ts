import { anEvent } from '@coprod/event-store/contract/event-store.contract';
import { ModelDeployment, modelDeployment } from './model-deployment';
import { refuseUnlessEmpty, testServerFromEnv } from './server-deployment';

/** The guards of `npm run test:eventstoredb`, checked on the model of a server. */
describe('the real-server tests refuse to write where they could harm a deployment', () => {
  let deployment: ModelDeployment;
  beforeEach(() => (deployment = modelDeployment({ nodes: 1 })));
  afterEach(() => deployment.dispose());

  it("read only their own variable, never a deployment's EVENTSTORE_CONNECTION_STRING", () => {
    expect(testServerFromEnv({ EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false' })).toBeUndefined();
    expect(testServerFromEnv({ COPROD_TEST_EVENTSTORE: 'esdb://localhost:2121?tls=false', COPROD_TEST_EVENTSTORE_NODES: 'node1=localhost:2121' })).toMatchObject({
      connectionString: 'esdb://localhost:2121?tls=false',
      nodes: [{ service: 'node1', host: 'localhost', port: 2121 }],
    });
  });

  it('run against a server holding only system events', async () => {
    await expect(refuseUnlessEmpty({ connectionString: deployment.connectionString, nodes: [], composeFile: '' })).resolves.toBeUndefined();
  });

  it('refuse a server that holds anything else, saying how to start an empty one', async () => {
    const store = await deployment.open();
    await store.append('activity-a1', [anEvent()], { expectedRevision: 'no_stream' });
    await store.close();
    await expect(refuseUnlessEmpty({ connectionString: deployment.connectionString, nodes: [], composeFile: '' })).rejects.toThrow(
      /already holds events outside system streams \(the first: AttendanceRecorded in activity-a1\).*docker compose -f test\/stores\/eventstoredb\/docker-compose.yml up/,
    );
  });
});
