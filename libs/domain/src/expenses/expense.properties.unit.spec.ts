import fc from 'fast-check';
import { ACTORS, checkInvariants, ids, invariant, isBlank, isWholeBetween, mostly, reason, request, StreamView } from '../core/properties';
import { EXPENSE_CATEGORIES } from '../core/vocabulary';
import { ExpenseClaimed, ExpenseEvent, PAYMENT_METHODS } from './expense';
import { expenseDecider } from './expense.decider';

const claimId = ids('e-1', 'e-2');
const amountPence = mostly([1240, 1_000_000], [0, -100, 12.5, 1_000_001, Number.NaN]);
const category = mostly(EXPENSE_CATEGORIES, ['taxi', '']);
const day = mostly(['2026-03-11', '2026-03-12', '2026-03-14T09:30:00Z'], ['2026-02-30', 'next week', '']);
const description = mostly(['Bus fare to the workshop and back'], ['', ' ']);

const claim = request(
  'ClaimExpense',
  fc.record({
    claimId,
    projectId: fc.constant('p1'),
    participantId: fc.constantFrom('p-1', 'p-2', 'p-3'),
    activityId: fc.constantFrom(null, 'a-1'),
    category,
    amountPence,
    description,
    claimedOn: day,
  }),
);
const requests = fc.oneof(
  { weight: 1, arbitrary: claim },
  { weight: 1, arbitrary: request('AmendExpenseClaim', fc.record({ claimId, amountPence, category, description, reason })) },
  { weight: 3, arbitrary: request('ApproveExpense', fc.record({ claimId, approvedOn: day })) },
  { weight: 1, arbitrary: request('RejectExpense', fc.record({ claimId, rejectedOn: day, reason })) },
  {
    weight: 4,
    arbitrary: request(
      'PayExpense',
      fc.record({ claimId, paidOn: day, amountPence, method: mostly(PAYMENT_METHODS, ['cheque']), reference: fc.constantFrom(null, 'BACS-88') }),
    ),
  },
  { weight: 2, arbitrary: request('WithdrawExpenseApproval', fc.record({ claimId, withdrawnOn: day, reason })) },
  { weight: 3, arbitrary: request('ReverseExpensePayment', fc.record({ claimId, reversedOn: day, reason })) },
);

const linkedParticipant = (actorId: string) => ACTORS.find((actor) => actor.id === actorId)?.participantId;

/** Walks the claim's ledger as a reader sees it, checking each entry against the claim as it stood. */
function claimInvariants({ id, read }: StreamView<ExpenseEvent>): void {
  let claim: ExpenseClaimed['data'] | undefined;
  let status: 'claimed' | 'approved' | 'rejected' | 'paid' = 'claimed';
  let amount = 0;
  let approval: { by: string; amount: number } | undefined;
  let payment: { by: string; amount: number } | undefined;
  let paidNet = 0;
  const checkAmount = (pence: number) => invariant(isWholeBetween(pence, 1, 1_000_000), `claim ${id} amount ${pence} is not whole pence from 1 to 1,000,000`);
  const checkCategory = (value: string) => invariant((EXPENSE_CATEGORIES as readonly string[]).includes(value), `claim ${id} category "${value}" is not in the vocabulary`);
  const notClaimantOrRecorder = (who: string, act: string) => {
    invariant(who !== claim!.recordedBy, `${who} recorded claim ${id} and ${act} it`);
    invariant(who !== claim!.participantId && linkedParticipant(who) !== claim!.participantId, `${who} is the claimant on claim ${id} and ${act} it`);
  };
  for (const event of read) {
    invariant((claim === undefined) === (event.type === 'ExpenseClaimed'), `claim ${id}: ${event.type} ${event.id} where the claim ${claim ? 'already exists' : 'does not exist yet'}`);
    if (event.type !== 'ExpenseClaimed') invariant(status !== 'rejected', `claim ${id} was rejected, then ${event.type} ${event.id}`);
    switch (event.type) {
      case 'ExpenseClaimed':
        claim = event.data;
        checkAmount(event.data.amountPence);
        checkCategory(event.data.category);
        invariant(!isBlank(event.data.description), `claim ${id} has no description`);
        amount = event.data.amountPence;
        break;
      case 'ExpenseClaimAmended':
        invariant(status === 'claimed', `claim ${id} amended while ${status}`);
        checkAmount(event.data.amountPence);
        checkCategory(event.data.category);
        amount = event.data.amountPence;
        break;
      case 'ExpenseApproved':
        invariant(status === 'claimed', `claim ${id} approved while ${status}`);
        notClaimantOrRecorder(event.data.approvedBy, 'approved');
        approval = { by: event.data.approvedBy, amount };
        status = 'approved';
        break;
      case 'ExpenseRejected':
        invariant(status === 'claimed', `claim ${id} rejected while ${status}`);
        notClaimantOrRecorder(event.data.rejectedBy, 'rejected');
        status = 'rejected';
        break;
      case 'ExpensePaid':
        invariant(status === 'approved' && approval !== undefined, `claim ${id} paid while ${status}`);
        notClaimantOrRecorder(event.data.paidBy, 'paid');
        invariant(event.data.paidBy !== approval.by, `${event.data.paidBy} approved claim ${id} and paid it`);
        invariant(event.data.amountPence === approval.amount, `claim ${id} paid ${event.data.amountPence} pence; ${approval.amount} were approved`);
        invariant((PAYMENT_METHODS as readonly string[]).includes(event.data.method), `claim ${id} paid by unknown method ${event.data.method}`);
        payment = { by: event.data.paidBy, amount: event.data.amountPence };
        paidNet += 1;
        status = 'paid';
        break;
      case 'ExpenseApprovalWithdrawn':
        invariant(status === 'approved', `approval of claim ${id} withdrawn while ${status}`);
        notClaimantOrRecorder(event.data.withdrawnBy, 'withdrew the approval of');
        approval = undefined;
        status = 'claimed';
        break;
      case 'ExpensePaymentReversed':
        invariant(status === 'paid' && payment !== undefined, `payment of claim ${id} reversed while ${status}`);
        notClaimantOrRecorder(event.data.reversedBy, 'reversed the payment of');
        invariant(event.data.reversedBy !== payment.by, `${payment.by} paid claim ${id} and reversed that payment`);
        invariant(event.data.amountPence === payment.amount, `reversal of ${event.data.amountPence} pence on claim ${id} differs from the ${payment.amount} paid`);
        payment = undefined;
        paidNet -= 1;
        status = 'approved';
        break;
    }
    invariant(paidNet === 0 || paidNet === 1, `claim ${id} is paid ${paidNet} times net of reversals`);
  }
}

describe('expense claim properties', () => {
  it('keeps every claim in whole pence, paid at most once, the approved amount, each step by someone else', () => {
    checkInvariants(expenseDecider, { opening: claim, requests }, claimInvariants);
  });
});
