import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { CommitmentMade, DecisionEvent, DecisionRecorded, InfluenceLinked } from './decision';
import { DecisionCommand, LinkInfluence } from './decision.decide';
import { decisionDecider } from './decision.decider';

const given = (events: DecisionEvent[]) => spec(decisionDecider).given(events);
const DECIDED = '2026-06-18';

const recorded: DecisionRecorded = {
  type: 'DecisionRecorded',
  data: {
    decisionId: 'd-3',
    projectId: 'p1',
    title: 'Open libraries on Saturdays',
    decisionMaker: 'committee',
    reference: 'LIB-7',
    decidedOn: DECIDED,
    recommendation: 'Agree',
  },
};
const influence: LinkInfluence['data'] = {
  decisionId: 'd-3',
  influenceId: 'i-3',
  contributionIds: ['c-3'],
  activityIds: [],
  youSaid: 'Weekday hours exclude working parents',
  weDid: 'Saturday opening from September',
  whereInRecommendation: 'Paragraph 1',
  ladderLevel: 'co_design',
  needhamCarrLevel: 'intermediate',
  optionsAlreadyFormed: false,
};
const linked: InfluenceLinked = { type: 'InfluenceLinked', data: { ...influence, projectId: 'p1' } };
const committed: CommitmentMade = {
  type: 'CommitmentMade',
  data: { decisionId: 'd-3', projectId: 'p1', commitmentId: 'k-3', description: 'Report back in six months', dueBy: '2026-12-31' },
};
const recordWith = (data: Record<string, unknown>) => command<DecisionCommand>('RecordDecision', { ...recorded.data, ...data } as never);
const link = (data: Record<string, unknown> = {}) => command<DecisionCommand>('LinkInfluence', { ...influence, ...data } as never);
const notAdopted = (data: Record<string, unknown> = {}) =>
  command<DecisionCommand>('RecordProposalNotAdopted', {
    decisionId: 'd-3',
    proposalId: 'n-3',
    contributionId: 'c-4',
    proposal: 'Open on Sundays',
    reason: 'No staff',
    ...data,
  } as never);
const commit = (data: Record<string, unknown> = {}) =>
  command<DecisionCommand>('MakeCommitment', {
    decisionId: 'd-3',
    commitmentId: 'k-3',
    description: 'Report back in six months',
    dueBy: '2026-12-31',
    ...data,
  } as never);
const meet = (data: Record<string, unknown> = {}) =>
  command<DecisionCommand>('MeetCommitment', { decisionId: 'd-3', commitmentId: 'k-3', metOn: '2026-12-01', evidence: 'Minutes', ...data } as never);

describe('decision: what is refused, with the code clients see', () => {
  it('refuses recording twice, without a title, by an unknown decision-maker, or on a date that is not a date', () => {
    given([recorded])
      .when(recordWith({}))
      .thenRefuses('conflict', 'decision d-3 is already recorded as "Open libraries on Saturdays"', 'decision.already_recorded');
    given([])
      .when(recordWith({ title: ' ' }))
      .thenRefuses('rule', 'decision d-3 needs a title', 'decision.title_missing');
    given([])
      .when(recordWith({ decisionMaker: 'mayor' }))
      .thenRefuses('rule', /^decisionMaker "mayor" is not one of/, 'value.not_allowed');
    given([])
      .when(recordWith({ decidedOn: 'June' }))
      .thenRefuses('rule', /^decidedOn "June"/, 'value.not_a_date');
  });

  it('refuses anything on a decision never recorded', () => {
    for (const cmd of [link(), notAdopted(), commit(), meet()]) {
      given([]).when(cmd).thenRefuses('not_found', 'decision d-3 does not exist; record the decision first', 'decision.not_found');
    }
  });

  it('refuses an influence linked twice, with no source, without you said or we did, or without saying whether options were formed', () => {
    given([recorded, linked])
      .when(link())
      .thenRefuses(
        'conflict',
        'influence i-3 is already linked to decision d-3; use a new id or correct that event',
        'decision.influence_already_linked',
      );
    given([recorded])
      .when(link({ contributionIds: [], activityIds: [] }))
      .thenRefuses('rule', 'an influence must name the contributions or activities it came from', 'decision.influence_without_source');
    given([recorded])
      .when(link({ youSaid: ' ' }))
      .thenRefuses('rule', 'influence i-3 needs "you said": what participants said', 'decision.you_said_missing');
    given([recorded])
      .when(link({ weDid: '' }))
      .thenRefuses('rule', 'influence i-3 needs "we did": what changed in decision d-3', 'decision.we_did_missing');
    given([recorded])
      .when(link({ optionsAlreadyFormed: undefined }))
      .thenRefuses(
        'rule',
        'influence i-3 must say whether the options were already formed (true or false)',
        'decision.options_already_formed_missing',
      );
    given([recorded])
      .when(link({ contributionIds: [], activityIds: ['a-1'] }))
      .then([{ type: 'InfluenceLinked', data: { ...influence, contributionIds: [], activityIds: ['a-1'], projectId: 'p1' }, occurredAt: DECIDED }]);
  });

  it('refuses a proposal recorded twice, without its words, or without a reason', () => {
    const first = {
      type: 'ProposalNotAdopted' as const,
      data: { decisionId: 'd-3', projectId: 'p1', proposalId: 'n-3', contributionId: 'c-4', proposal: 'Open on Sundays', reason: 'No staff' },
    };
    given([recorded, first])
      .when(notAdopted())
      .thenRefuses(
        'conflict',
        'proposal n-3 is already recorded against decision d-3; use a new id or correct that event',
        'decision.proposal_already_recorded',
      );
    given([recorded])
      .when(notAdopted({ proposal: ' ' }))
      .thenRefuses('rule', 'proposal n-3 needs the words of what was proposed', 'decision.proposal_missing');
    given([recorded])
      .when(notAdopted({ reason: '' }))
      .thenRefuses('rule', 'proposal n-3 was not adopted: say why, so participants hear what happened to their idea', 'decision.reason_missing');
  });

  it('refuses a commitment made twice, without a description, or due before the decision', () => {
    given([recorded, committed])
      .when(commit())
      .thenRefuses(
        'conflict',
        'commitment k-3 is already recorded on decision d-3; use a new id or correct that event',
        'decision.commitment_already_made',
      );
    given([recorded])
      .when(commit({ description: ' ' }))
      .thenRefuses('rule', 'commitment k-3 needs a description of what was promised', 'decision.commitment_description_missing');
    given([recorded])
      .when(commit({ dueBy: '2026-06-17' }))
      .thenRefuses(
        'rule',
        'commitment k-3 is due by 2026-06-17, before decision d-3 was taken on 2026-06-18; check the date',
        'decision.commitment_due_before_decision',
      );
    given([recorded])
      .when(commit({ dueBy: '2026-06-18' }))
      .then([{ ...committed, data: { ...committed.data, dueBy: '2026-06-18' }, occurredAt: DECIDED }]);
  });

  it('refuses meeting a commitment never made, met already, without evidence, or before the decision', () => {
    const met = {
      type: 'CommitmentMet' as const,
      data: { decisionId: 'd-3', projectId: 'p1', commitmentId: 'k-3', metOn: '2026-11-01', evidence: 'Minutes' },
    };
    given([recorded])
      .when(meet())
      .thenRefuses('not_found', 'commitment k-3 was not made on decision d-3; make the commitment first', 'decision.commitment_not_found');
    given([recorded, committed, met])
      .when(meet())
      .thenRefuses(
        'conflict',
        'commitment k-3 was already met on 2026-11-01; correct that event if the date or evidence was wrong',
        'decision.commitment_already_met',
      );
    given([recorded, committed])
      .when(meet({ evidence: ' ' }))
      .thenRefuses('rule', 'meeting commitment k-3 needs evidence of what was done', 'decision.evidence_missing');
    given([recorded, committed])
      .when(meet({ metOn: '2026-06-17' }))
      .thenRefuses('rule', 'commitment k-3 cannot be met on 2026-06-17, before decision d-3 was taken on 2026-06-18', 'decision.met_before_decision');
  });

  it('keeps each decision in its own stream, named decision-<id>', () => {
    expect(streamName(decisionDecider, decisionDecider.streamIdOf(link()))).toBe('decision-d-3');
  });
});
