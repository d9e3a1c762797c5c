import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const decision = (decisionId: string, projectId: string) => ({
  decisionId,
  projectId,
  title: `Decision ${decisionId}`,
  decisionMaker: 'cabinet',
  reference: `EX-${decisionId}`,
  decidedOn: '2026-06-18',
  recommendation: 'Adopt the guidance note',
});
const onProject = (proposalId: string, projectId = 'p-energy') => ({
  projectId,
  proposalId,
  proposal: 'Hold the launch in every parish',
  reason: 'There was budget for one launch only',
  decisionId: null,
  recordedOn: '2026-07-02',
});
const onDecision = (proposalId: string, decisionId = 'dec-energy') => ({
  decisionId,
  proposalId,
  contributionId: null,
  proposal: 'Print the note in every community language at once',
  reason: 'No translation budget this year',
});

/** The indicator with this id, wherever the outcomes answer holds it. */
function findIndicator(body: unknown, id: string): { items: { proposalId: string }[] } | undefined {
  if (Array.isArray(body)) return body.map((item) => findIndicator(item, id)).find((found) => found !== undefined);
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (record.id === id && Array.isArray(record.items)) return record as { items: { proposalId: string }[] };
  return findIndicator(Object.values(record), id);
}

/**
 * A proposal not adopted can be recorded on a decision or on the project; its id names one proposal of the
 * project, so a second record of it, at either level and on any decision of the project, would list it twice.
 */
describe('a proposal id is recorded once in its project, whichever level records it (real API, real files)', () => {
  let api: ApiHarness;
  const storedEvents = (): number => {
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    api = await startApiHarness();
    await api.command('RegisterProject', { ...energyProject, startedOn: '2026-01-10' }).expect(201);
    await api.command('RegisterProject', { ...energyProject, projectId: 'p-other', title: 'Another project', startedOn: '2026-01-10' }).expect(201);
    await api.command('RecordDecision', decision('dec-energy', 'p-energy')).expect(201);
    await api.command('RecordDecision', decision('dec-energy-2', 'p-energy')).expect(201);
    await api.command('RecordDecision', decision('dec-other', 'p-other')).expect(201);
  });
  afterAll(() => api.close());

  it('refuses on the project an id first recorded on a decision, with 409 naming the id and the decision, storing nothing', async () => {
    await api.command('RecordProposalNotAdopted', onDecision('prop-translate')).expect(201);
    const before = storedEvents();
    const again = await api.command('RecordProjectProposalNotAdopted', onProject('prop-translate')).expect(409);
    expect(again.body.code).toBe('project.proposal_already_recorded');
    expect(again.body.detail).toMatch(/^proposal prop-translate is already recorded as not adopted on decision dec-energy of project p-energy/);
    expect(storedEvents()).toBe(before);
  });

  it('refuses on a decision an id first recorded on the project, with 409 naming the id and the project, storing nothing', async () => {
    await api.command('RecordProjectProposalNotAdopted', onProject('prop-parishes')).expect(201);
    const before = storedEvents();
    const again = await api.command('RecordProposalNotAdopted', onDecision('prop-parishes')).expect(409);
    expect(again.body.code).toBe('decision.proposal_already_recorded');
    expect(again.body.detail).toMatch(/^proposal prop-parishes is already recorded as not adopted on project p-energy/);
    expect(storedEvents()).toBe(before);
  });

  it('refuses on another decision of the same project an id recorded on the first, storing nothing', async () => {
    await api.command('RecordProposalNotAdopted', onDecision('prop-languages')).expect(201);
    const before = storedEvents();
    const again = await api.command('RecordProposalNotAdopted', onDecision('prop-languages', 'dec-energy-2')).expect(409);
    expect(again.body.code).toBe('decision.proposal_already_recorded');
    expect(again.body.detail).toMatch(/prop-languages is already recorded as not adopted on decision dec-energy of project p-energy/);
    expect(storedEvents()).toBe(before);
  });

  it('takes the same id in another project, and again once the first record of it is voided', async () => {
    await api.command('RecordProposalNotAdopted', onDecision('prop-translate', 'dec-other')).expect(201);
    await api.command('RecordProjectProposalNotAdopted', onProject('prop-parishes', 'p-other')).expect(201);
    const first = await api.command('RecordProposalNotAdopted', onDecision('prop-withdrawn')).expect(201);
    await api.command('RecordProjectProposalNotAdopted', onProject('prop-withdrawn')).expect(409);
    await api
      .command('VoidProposalNotAdopted', { decisionId: 'dec-energy', eventId: first.body.eventIds[0], reason: 'It was adopted after all' })
      .expect(201);
    await api.command('RecordProjectProposalNotAdopted', onProject('prop-withdrawn')).expect(201);
  });

  it('lists each proposal once in the project figure of proposals not adopted', async () => {
    const outcomes = await api.http().get('/api/projects/p-energy/outcomes').expect(200);
    const figure = findIndicator(outcomes.body, 'proposals_not_adopted');
    expect(figure?.items.map((item) => item.proposalId)).toEqual(['prop-translate', 'prop-parishes', 'prop-languages', 'prop-withdrawn']);
  });
});
