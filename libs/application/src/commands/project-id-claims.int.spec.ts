import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, DomainError } from '@coprod/domain';
import { SqliteEventStore } from '@coprod/event-store';
import { CommandExecutor } from './command-executor';
import { DeciderRegistry } from './decider-registry';
import { PersonalDataProtector } from './personal-data-protector';
import { ReferenceChecker } from './reference-checker';

const asIs: PersonalDataProtector = { seal: async (data) => data, open: async (data) => data, forget: async () => false };
const officer = { id: 'j.smith', role: 'evaluation_lead' };
let sequence = 0;

function command(type: string, data: Record<string, unknown>): Command {
  sequence += 1;
  return { type, data, metadata: { commandId: `claim-cmd-${sequence}`, now: '2026-07-10T09:00:00.000Z', actor: officer } } as Command;
}

/** One writer of the record: its own store connection and command path, as another process would have. */
function writer(file: string) {
  const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
  const executor = new CommandExecutor(store, new DeciderRegistry(), new ReferenceChecker(store, new DeciderRegistry()), asIs);
  return {
    store,
    send: (type: string, data: Record<string, unknown>) => executor.execute(command(type, data), { source: 'api', correlationId: `c-${sequence}` }),
  };
}

const onDecision = (proposalId: string) => ({
  decisionId: 'dec-1',
  proposalId,
  contributionId: null,
  proposal: 'A grants section',
  reason: 'There is no grant scheme',
});
const onProject = (proposalId: string) => ({
  projectId: 'p-1',
  proposalId,
  contributionId: null,
  proposal: 'A grants section',
  reason: 'There is no grant scheme',
  decisionId: null,
  recordedOn: '2026-07-02',
});

describe('a proposal id claimed on a decision and on its project, on the command path', () => {
  let dir: string;
  let first: ReturnType<typeof writer>;
  let second: ReturnType<typeof writer>;
  const proposalsRecorded = async () =>
    (await first.store.readAll({ types: ['ProposalNotAdopted', 'ProjectProposalNotAdopted'] })).map((e) => `${e.stream} ${e.data.proposalId}`);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-claims-'));
    first = writer(join(dir, 'events.db'));
    second = writer(join(dir, 'events.db'));
    await first.send('RegisterProject', {
      projectId: 'p-1',
      title: 'Community energy guidance',
      serviceArea: 'Environment',
      aim: 'An introductory note written with residents',
      frameworkId: 'west-berkshire',
      improvementSought: 'A note residents understand',
      openToNewMembers: true,
      startedOn: '2026-01-05',
    });
    await first.send('RecordDecision', {
      decisionId: 'dec-1',
      projectId: 'p-1',
      title: 'Adopt the guidance note',
      decisionMaker: 'cabinet',
      reference: 'EX-1',
      decidedOn: '2026-06-18',
      recommendation: 'Adopt it',
    });
  });
  afterEach(async () => {
    await Promise.all([first.store.close(), second.store.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('records one of two commands sent at once with the same id at the two levels, and refuses the other with 409', async () => {
    const outcomes = await Promise.allSettled([
      first.send('RecordProposalNotAdopted', onDecision('prop-1')),
      first.send('RecordProjectProposalNotAdopted', onProject('prop-1')),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason;
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).kind).toBe('conflict');
    expect((refused as DomainError).message).toMatch(/^proposal prop-1 is already recorded as not adopted on /);
    expect(await proposalsRecorded()).toHaveLength(1);
  });

  it('refuses in one writer an id another writer recorded after the first had looked', async () => {
    await first.send('RecordProjectProposalNotAdopted', onProject('prop-0'));
    await second.send('RecordProjectProposalNotAdopted', onProject('prop-2'));
    await second.send('RecordProposalNotAdopted', onDecision('prop-3'));
    await expect(second.send('RecordProposalNotAdopted', onDecision('prop-0'))).rejects.toMatchObject({
      code: 'decision.proposal_already_recorded',
      message: 'proposal prop-0 is already recorded as not adopted on project p-1; use a new id or correct that event',
    });
    await expect(first.send('RecordProjectProposalNotAdopted', onProject('prop-3'))).rejects.toMatchObject({
      code: 'project.proposal_already_recorded',
      message: 'proposal prop-3 is already recorded as not adopted on decision dec-1 of project p-1; use a new id or correct that event',
    });
    expect(await proposalsRecorded()).toEqual(['project-p-1 prop-0', 'project-p-1 prop-2', 'decision-dec-1 prop-3']);
  });
});
