import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_STORE, TokenStore } from '@coprod/privacy';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

/**
 * Every abuse found by trying the public API as a new user would, each refused with a 4xx that
 * names the rule, with nothing stored. The people: a recorder (record only), two evaluation leads
 * (approve and pay), an administrator.
 */
describe('every write obeys the rules, on every path (real API, real files)', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const send = (who: string, type: string, body: object, headers: Record<string, string> = {}) => api.command(type, body, { ...as(who), ...headers });
  const count = () => {
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  /** Asserts the request is refused with `status`, its problem naming `rule`, and that nothing was stored. */
  const refused = async (request: Promise<{ status: number; body: { detail?: string; errors?: unknown } }>, status: number, rule: RegExp) => {
    const before = count();
    const response = await request;
    expect(response.status).toBe(status);
    expect(JSON.stringify(response.body)).toMatch(rule);
    expect(count()).toBe(before);
  };
  let attendanceId = '';

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    tokens.admin = await api.issueToken('administrator', 'admin.one');
    tokens.recorder = await api.issueToken('recorder', 'rec.one');
    tokens.approver = await api.issueToken('evaluation_lead', 'lead.approver');
    tokens.payer = await api.issueToken('evaluation_lead', 'lead.payer');
    tokens.third = await api.issueToken('evaluation_lead', 'lead.third');
    // A member of staff who is also a participant (part-staff) and claims expenses like anyone else.
    const store = api.app.get<TokenStore>(TOKEN_STORE);
    tokens.staffClaimant = (await store.issue({ actorId: 'lead.staff', role: 'evaluation_lead', label: 'test', participantId: 'part-staff' })).token;

    await send('admin', 'RegisterProject', energyProject).expect(201);
    for (const id of ['part-1', 'part-2', 'part-staff']) {
      await send('admin', 'RegisterParticipant', {
        participantId: id,
        role: id === 'part-staff' ? 'council_officer' : 'resident',
        seldomHeardGroups: [],
        preferredFormats: ['in_person'],
        personal: { subjectId: id, fields: { name: `Name of ${id}`, email: `${id}@example.org` } },
      }).expect(201);
    }
    await send('recorder', 'PlanActivity', { activityId: 'act-1', projectId: 'p-energy', title: 'Workshop', activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2026-03-10T10:00:00Z', ladderLevel: 'co_design' }).expect(201);
    await send('recorder', 'HoldActivity', { activityId: 'act-1', heldOn: '2026-03-10T10:00:00Z', durationMinutes: 120, ladderLevel: 'co_design' }).expect(201);
    const attended = await send('recorder', 'RecordAttendance', { activityId: 'act-1', participantId: 'part-1', minutes: 120, capacity: 'member', format: 'in_person' }).expect(201);
    attendanceId = attended.body.eventIds[0];
  });
  afterAll(() => api.close());

  const claim = (claimId: string, participantId = 'part-1', amountPence = 1000) => ({
    claimId,
    projectId: 'p-energy',
    participantId,
    activityId: 'act-1',
    category: 'travel',
    amountPence,
    description: 'Bus fare',
    claimedOn: '2026-03-10',
  });
  const approve = (claimId: string) => ({ claimId, approvedOn: '2026-03-11' });
  const pay = (claimId: string, amountPence = 1000) => ({ claimId, paidOn: '2026-03-12', amountPence, method: 'bank_transfer', reference: null });

  describe('corrections', () => {
    it('no longer accepts the free-form CorrectEvent, and says which commands replace it', async () => {
      await refused(
        send('admin', 'CorrectEvent', { stream: 'expense-e-1', eventId: attendanceId, kind: 'amend', changes: { amountPence: 999_999 }, reason: 'x' }),
        404,
        /CorrectEvent is no longer accepted.*AmendAttendance/,
      );
    });

    it('refuses raising an approved claim: money is not rewritten after approval', async () => {
      await send('recorder', 'ClaimExpense', claim('e-raise')).expect(201);
      await send('approver', 'ApproveExpense', approve('e-raise')).expect(201);
      await refused(
        send('recorder', 'AmendExpenseClaim', { claimId: 'e-raise', amountPence: 999_999, category: 'travel', description: 'Bus fare', reason: 'more' }),
        409,
        /is approved and can no longer be amended: withdraw its approval first/,
      );
    });

    it('refuses a second payment, and a reversal without the pay_expenses permission or by the payer', async () => {
      await send('recorder', 'ClaimExpense', claim('e-twice')).expect(201);
      await send('approver', 'ApproveExpense', approve('e-twice')).expect(201);
      await send('payer', 'PayExpense', pay('e-twice')).expect(201);
      await refused(send('third', 'PayExpense', pay('e-twice')), 409, /already paid.*a second payment needs a new claim/);
      await refused(send('recorder', 'ReverseExpensePayment', { claimId: 'e-twice', reversedOn: '2026-03-13', reason: 'x' }), 403, /lacks the permission pay_expenses/);
      await refused(send('payer', 'ReverseExpensePayment', { claimId: 'e-twice', reversedOn: '2026-03-13', reason: 'x' }), 403, /paid claim e-twice and cannot also reverse that payment/);
    });

    it('shows a reversed payment as a compensating entry: the paid total falls, the payment stays in the record', async () => {
      const paidTotal = async () => {
        const outcomes = await api.http().get('/api/projects/p-energy/outcomes').set(as('admin')).expect(200);
        return JSON.stringify(outcomes.body);
      };
      await send('recorder', 'ClaimExpense', claim('e-back', 'part-2', 2500)).expect(201);
      await send('approver', 'ApproveExpense', approve('e-back')).expect(201);
      await send('payer', 'PayExpense', pay('e-back', 2500)).expect(201);
      const before = await paidTotal();
      const reversed = await send('third', 'ReverseExpensePayment', { claimId: 'e-back', reversedOn: '2026-03-20', reason: 'Transfer returned: account closed' }).expect(201);
      expect(reversed.body.eventTypes).toEqual(['ExpensePaymentReversed']);
      expect(await paidTotal()).not.toEqual(before);
      const history = await api.http().get('/api/history/expense/e-back').set(as('admin')).expect(200);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['ExpenseClaimed', 'ExpenseApproved', 'ExpensePaid', 'ExpensePaymentReversed']);
    });

    it('refuses withdrawing someone else\'s approval without the approve_expenses permission', async () => {
      await send('recorder', 'ClaimExpense', claim('e-withdraw')).expect(201);
      await send('approver', 'ApproveExpense', approve('e-withdraw')).expect(201);
      await refused(send('recorder', 'WithdrawExpenseApproval', { claimId: 'e-withdraw', withdrawnOn: '2026-03-12', reason: 'x' }), 403, /lacks the permission approve_expenses/);
    });

    it.each([
      [-30, 400, /minutes/],
      [1_000_000, 400, /minutes/],
      [200, 422, /more than activity act-1 lasted \(120 minutes/],
    ])('refuses attendance amended to %p minutes', async (minutes, status, rule) => {
      await refused(send('recorder', 'AmendAttendance', { activityId: 'act-1', eventId: attendanceId, minutes, reason: 'typo' }), status, rule);
    });

    it('refuses a category, capacity or date outside what the original command accepts', async () => {
      await refused(send('recorder', 'AmendAttendance', { activityId: 'act-1', eventId: attendanceId, capacity: 'bribe', reason: 'x' }), 400, /capacity/);
      await refused(send('recorder', 'AmendActivityPlan', { activityId: 'act-1', eventId: attendanceId, plannedFor: 'garbage', reason: 'x' }), 400, /plannedFor/);
      await refused(send('recorder', 'ClaimExpense', { ...claim('e-bribe'), category: 'bribe' }), 400, /category/);
    });

    it('refuses a correction aimed at an event of another record or of another kind', async () => {
      await refused(send('recorder', 'AmendActivityPlan', { activityId: 'act-1', eventId: attendanceId, title: 'New', reason: 'x' }), 422, /is AttendanceRecorded, not ActivityPlanned/);
      await refused(send('recorder', 'VoidAttendance', { activityId: 'act-1', eventId: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40', reason: 'x' }), 404, /activity has no event/);
    });

    it('amends attendance within the session under the record permission, and refuses correcting a voided event', async () => {
      await send('recorder', 'AmendAttendance', { activityId: 'act-1', eventId: attendanceId, minutes: 95, reason: 'left at lunch' }).expect(201);
      await send('recorder', 'VoidAttendance', { activityId: 'act-1', eventId: attendanceId, reason: 'not there after all' }).expect(201);
      await refused(send('recorder', 'AmendAttendance', { activityId: 'act-1', eventId: attendanceId, minutes: 60, reason: 'x' }), 409, /was voided/);
    });
  });

  describe('segregation of duties', () => {
    it('refuses payment by whoever approved the claim', async () => {
      await send('recorder', 'ClaimExpense', claim('e-sod')).expect(201);
      await send('approver', 'ApproveExpense', approve('e-sod')).expect(201);
      await refused(send('approver', 'PayExpense', pay('e-sod')), 403, /lead.approver approved claim e-sod .* cannot also pay it/);
      await send('payer', 'PayExpense', pay('e-sod')).expect(201);
    });

    it('recognises a member of staff approving their own claim through their linked participant record', async () => {
      await send('recorder', 'ClaimExpense', claim('e-own', 'part-staff')).expect(201);
      await refused(send('staffClaimant', 'ApproveExpense', approve('e-own')), 403, /lead.staff is the claimant on claim e-own/);
    });
  });

  describe('idempotency keys', () => {
    it('refuses the same key with another body (422) and records nothing new', async () => {
      const key = { 'Idempotency-Key': 'form-2026-0001' };
      const first = await send('recorder', 'PlanActivity', { activityId: 'act-k1', projectId: 'p-energy', title: 'First', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: '2026-04-01', ladderLevel: 'co_design' }, key).expect(201);
      const again = await send('recorder', 'PlanActivity', { activityId: 'act-k1', projectId: 'p-energy', title: 'First', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: '2026-04-01', ladderLevel: 'co_design' }, key).expect(200);
      expect(again.body).toMatchObject({ duplicate: true, eventIds: first.body.eventIds });
      await refused(
        send('recorder', 'PlanActivity', { activityId: 'act-k2', projectId: 'p-energy', title: 'Second', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: '2026-04-02', ladderLevel: 'co_design' }, key),
        422,
        /Idempotency-Key was already used for a different request/,
      );
    });

    it('gives two people using one key each their own result, and never shows one the other\'s', async () => {
      const key = { 'Idempotency-Key': 'shared-key-0001' };
      const mine = await send('recorder', 'RecordAttendance', { activityId: 'act-1', participantId: 'part-2', minutes: 60, capacity: 'member', format: 'paper' }, key).expect(201);
      const theirs = await send('third', 'ApproveExpense', approve('e-withdraw-none'), key);
      expect(theirs.status).not.toBe(200);
      expect(JSON.stringify(theirs.body)).not.toContain(mine.body.eventIds[0]);
      await send('recorder', 'ClaimExpense', claim('e-key'), { 'Idempotency-Key': 'claim-key-0001' }).expect(201);
      const second = await send('approver', 'ApproveExpense', approve('e-key'), key).expect(201);
      expect(second.body.eventIds).not.toEqual(mine.body.eventIds);
      expect(second.body.duplicate).toBe(false);
    });
  });

  describe('erasure', () => {
    it('takes no date from the caller', async () => {
      await refused(send('admin', 'EraseParticipant', { participantId: 'part-2', erasedOn: '1999-01-01', reason: 'asked' }), 400, /erasedOn/);
    });

    it('through the generic command route is the same operation: the key is destroyed and no name is readable anywhere', async () => {
      const erased = await send('admin', 'EraseParticipant', { participantId: 'part-2', reason: 'asked by letter' }).expect(201);
      expect(erased.body.eventTypes).toEqual(['ParticipantErased']);
      const access = await api.http().get('/api/participants/part-2/subject-access').set(as('admin')).set('Accept', 'application/json').expect(200);
      expect(access.body.erased).toBe(true);
      expect(JSON.stringify(access.body)).not.toContain('Name of part-2');
      expect(JSON.stringify(access.body)).not.toContain('part-2@example.org');
      for (const file of readdirSync(api.dataDir)) {
        const bytes = readFileSync(join(api.dataDir, file));
        expect(bytes.includes('Name of part-2')).toBe(false);
      }
      const history = await api.http().get('/api/history/participant/part-2').set(as('admin')).expect(200);
      const recorded = history.body.events.find((e: { type: string }) => e.type === 'ParticipantErased');
      expect(Date.parse(recorded.summary.erasedOn ?? recorded.occurredAt)).toBeGreaterThan(Date.parse('2026-01-01'));
    });

    it('cannot be undone by any command, and refuses further records about the person', async () => {
      await refused(send('admin', 'CorrectEvent', { stream: 'participant-part-2', eventId: attendanceId, kind: 'void', changes: null, reason: 'undo' }), 404, /no longer accepted/);
      await refused(send('recorder', 'RecordAttendance', { activityId: 'act-1', participantId: 'part-2', minutes: 30, capacity: 'member', format: 'paper' }), 409, /was erased on/);
    });
  });
});
