import { QueryBus } from '@nestjs/cqrs';
import { OutcomesCommand } from '../../apps/cli/src/commands/outcomes.command';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { recordSmallProject, signInTeam, Team } from '../support/small-project';

interface Answer {
  clocks: { asOf: string; knownAtPosition: number; lastPositionIncluded: number; eventCount: number; lastEventHash: string; provenanceDigest: string };
  outcomes: { quoteIds: string[] }[];
  indicators: Record<string, { value: unknown; statement: string }>;
}

const OUTCOMES = '/api/projects/p-energy/outcomes';
const offered = (answer: Answer) => answer.outcomes.flatMap((outcome) => outcome.quoteIds);
/** The answer without its clocks: what the figures say. */
const figures = ({ clocks, ...rest }: Answer) => rest;

describe('the provenance of an outcome answer (real API)', () => {
  let api: ApiHarness;
  let team: Team;
  const ask = async (query = ''): Promise<Answer> => (await api.http().get(`${OUTCOMES}${query}`).set(team.officer).expect(200)).body as Answer;

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    team = await signInTeam(api);
    await recordSmallProject(api, team);
  }, 120_000);
  afterAll(() => api.close());

  it('is the same digest and count when the same question is asked twice without change, as of now and as of a date', async () => {
    const first = await ask();
    const again = await ask();
    expect(first.clocks.provenanceDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(again.clocks).toEqual({ ...first.clocks, asOf: again.clocks.asOf });
    const dated = await ask('?asOf=2026-06-30');
    expect((await ask('?asOf=2026-06-30')).clocks).toEqual(dated.clocks);
    // A record up to April answers differently from the whole record, and says so in its provenance.
    const april = await ask('?asOf=2026-04-01');
    expect(figures(april)).not.toEqual(figures(dated));
    expect(april.clocks.eventCount).toBeLessThan(dated.clocks.eventCount);
    expect(april.clocks.provenanceDigest).not.toBe(dated.clocks.provenanceDigest);
  });

  const claim = (claimId: string, participantId: string, amountPence: number, description: string) =>
    api
      .command(
        'ClaimExpense',
        { claimId, projectId: 'p-energy', participantId, activityId: 'act-2', category: 'travel', amountPence, description, claimedOn: '2026-04-15' },
        team.officer,
      )
      .expect(201);
  const approve = (claimId: string) => api.command('ApproveExpense', { claimId, approvedOn: '2026-04-16' }, team.approver).expect(201);
  const pay = (claimId: string, amountPence: number) =>
    api.command('PayExpense', { claimId, paidOn: '2026-04-17', amountPence, method: 'bank_transfer', reference: null }, team.payer).expect(201);

  it('moves with every step of a claim (claimed, amended before approval, approved, paid), as do the paid total and the count', async () => {
    for (const [index, participantId] of ['part-1', 'part-3', 'part-4', 'part-5'].entries()) {
      await claim(`exp-${index + 2}`, participantId, 800, 'Taxi to the hall');
      await approve(`exp-${index + 2}`);
      await pay(`exp-${index + 2}`, 800);
    }
    const steps: Answer[] = [await ask()];
    await claim('exp-6', 'part-6', 3000, 'Taxi to the hall and back');
    steps.push(await ask());
    const amended = {
      claimId: 'exp-6',
      amountPence: 4500,
      category: 'travel',
      description: 'Taxi to the hall and back, late fare',
      reason: 'the session overran',
    };
    await api.command('AmendExpenseClaim', amended, team.officer).expect(201);
    steps.push(await ask());
    await approve('exp-6');
    steps.push(await ask());
    await pay('exp-6', 4500);
    steps.push(await ask());

    expect(steps.map((step) => step.indicators.expenses.value)).toEqual([4450, 4450, 4450, 4450, 8950]);
    for (let i = 1; i < steps.length; i += 1) {
      expect(figures(steps[i])).not.toEqual(figures(steps[i - 1]));
      expect(steps[i].clocks.eventCount).toBe(steps[i - 1].clocks.eventCount + 1);
      expect(steps[i].clocks.lastPositionIncluded).toBeGreaterThan(steps[i - 1].clocks.lastPositionIncluded);
    }
    expect(new Set(steps.map((step) => step.clocks.provenanceDigest)).size).toBe(steps.length);
  });

  it('moves with a correction: an amended attendance changes the hours, the count and the digest, and a void changes them again', async () => {
    const history = await api.http().get('/api/history/activity/act-2').set(team.officer).expect(200);
    const attendance = history.body.events.find((e: { type: string; summary: { participantId?: string } }) => e.type === 'AttendanceRecorded' && e.summary.participantId === 'part-2');
    const before = await ask();
    await api.command('AmendAttendance', { activityId: 'act-2', eventId: attendance.eventId, minutes: 60, reason: 'left at the break' }, team.officer).expect(201);
    const amended = await ask();
    await api.command('VoidAttendance', { activityId: 'act-2', eventId: attendance.eventId, reason: 'not there after all' }, team.officer).expect(201);
    const voided = await ask();
    for (const [earlier, later] of [[before, amended], [amended, voided]]) {
      expect(figures(later)).not.toEqual(figures(earlier));
      expect(later.clocks.provenanceDigest).not.toBe(earlier.clocks.provenanceDigest);
    }
    expect(amended.clocks.eventCount).toBe(before.clocks.eventCount + 1);
    expect(voided.clocks.lastPositionIncluded).toBeGreaterThan(amended.clocks.lastPositionIncluded);
  });

  it('counts a withdrawal of consent in an answer as known before it was recorded, because it changes that answer', async () => {
    const knownAt = `?knownAt=${(await ask()).clocks.knownAtPosition}`;
    const before = await ask(knownAt);
    expect(offered(before)).toContain('q-2');
    await api.command('WithdrawQuoteConsent', { quoteId: 'q-2', withdrawnOn: '2026-06-01', reason: 'no longer wishes to be quoted' }, team.officer).expect(201);
    const after = await ask(knownAt);
    expect(offered(after)).not.toContain('q-2');
    expect(after.clocks.knownAtPosition).toBe(before.clocks.knownAtPosition);
    expect(after.clocks.eventCount).toBe(before.clocks.eventCount + 1);
    expect(after.clocks.lastPositionIncluded).toBeGreaterThan(after.clocks.knownAtPosition);
    expect(after.clocks.lastEventHash).not.toBe(before.clocks.lastEventHash);
    expect(after.clocks.provenanceDigest).not.toBe(before.clocks.provenanceDigest);
    expect((await ask(knownAt)).clocks.provenanceDigest).toBe(after.clocks.provenanceDigest);
  });

  it('counts an erasure made through the erasure route in an answer as known before it, because it changes that answer', async () => {
    const knownAt = `?knownAt=${(await ask()).clocks.knownAtPosition}`;
    const before = await ask(knownAt);
    expect(offered(before)).toContain('q-3');
    await api
      .http()
      .post('/api/participants/part-3/erasure')
      .set(team.officer)
      .set('Content-Type', 'application/json')
      .send({ reason: 'asked by letter' })
      .expect(201);
    const after = await ask(knownAt);
    expect(offered(after)).not.toContain('q-3');
    expect(after.clocks.eventCount).toBe(before.clocks.eventCount + 1);
    expect(after.clocks.provenanceDigest).not.toBe(before.clocks.provenanceDigest);
  });

  it('gives a report the digest and count of the outcome answer asked under the clocks the report names', async () => {
    const report = await api.http().get('/api/projects/p-energy/reports/case-study').set(team.officer).set('Accept', 'text/markdown').expect(200);
    const digest = /Provenance digest: ([0-9a-f]{64})/.exec(report.text)?.[1];
    const [, asOf, knownAt] = /--as-of (\S+) --known-at (\d+)/.exec(report.text) ?? [];
    const answer = await ask(`?asOf=${encodeURIComponent(asOf)}&knownAt=${knownAt}&framework=west-berkshire`);
    expect(digest).toBe(answer.clocks.provenanceDigest);
    expect(report.text).toContain(`positions 1 to ${answer.clocks.lastPositionIncluded} (${answer.clocks.eventCount} events)`);
  });

  it('prints the same digest from the command line (coprod outcomes --json) as the API gives', async () => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      await new OutcomesCommand(api.app.get(QueryBus)).run([], { project: 'p-energy', json: true });
    } finally {
      log.mockRestore();
    }
    const fromCli = JSON.parse(printed.join('\n')) as Answer;
    expect(fromCli.clocks.provenanceDigest).toBe((await ask()).clocks.provenanceDigest);
  });
});
