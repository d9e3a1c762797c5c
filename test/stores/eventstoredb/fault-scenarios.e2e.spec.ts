import { ambiguousTimeout, foreignEvent, laggingFollower, leaderChange, twoWriters } from './fault-scenarios';
import { ModelDeployment, modelDeployment } from './model-deployment';

describe('EventStoreDB faults, on the model of a three-node cluster', () => {
  let deployment: ModelDeployment;
  beforeEach(() => (deployment = modelDeployment()));
  afterEach(() => deployment.dispose());

  it('two writers at once: both record, positions stay 1..N, the store opens and verifies', () => twoWriters(deployment));

  it('an append that times out and commits later: the writer waits for the outcome, nothing forks', () => ambiguousTimeout(deployment));

  it('a follower that lags behind: appends and the reads that decide them go to the leader', () => laggingFollower(deployment));

  it('a leader change with an append in flight: the append is resent to the new leader and recorded once', () => leaderChange(deployment));

  it("another tool's event in a coprod stream: reported, skipped, and the stream stays writable", () => foreignEvent(deployment));
});
