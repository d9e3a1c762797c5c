import { Command } from '../core/event';
import { Decider } from '../core/decider';
import { DomainError } from '../core/errors';
import { IdRecorded, refuseIdRecordedBefore } from '../core/project-id-claim';
import { command, spec } from '../core/spec';
import { Fact } from '../core/fact';
import { ProjectEvent, ProjectProposalNotAdopted, ProjectRegistered } from '../projects/project';
import { ProjectCommand } from '../projects/project.decide';
import { projectDecider } from '../projects/project.decider';
import { projectFacts } from '../projects/project.facts';
import { DecisionEvent, DecisionRecorded, ProposalNotAdopted } from './decision';
import { DecisionCommand } from './decision.decide';
import { decisionDecider } from './decision.decider';
import { decisionFacts } from './decision.facts';

const registered: ProjectRegistered = {
  type: 'ProjectRegistered',
  data: {
    projectId: 'p1',
    title: 'Community energy guidance note',
    serviceArea: 'Environment',
    aim: 'Develop an introductory guidance note on community energy generation together',
    frameworkId: 'west-berkshire',
    improvementSought: 'Residents find and use clear guidance on starting a community energy scheme',
    openToNewMembers: true,
    startedOn: '2026-01-10',
  },
  occurredAt: '2026-01-10',
};
const decided: DecisionRecorded = {
  type: 'DecisionRecorded',
  data: {
    decisionId: 'dec-1',
    projectId: 'p1',
    title: 'Adopt the guidance note',
    decisionMaker: 'cabinet',
    reference: 'EX-1',
    decidedOn: '2026-06-18',
    recommendation: 'Adopt it',
  },
  occurredAt: '2026-06-18',
};
const onDecision = (proposalId: string) =>
  command<DecisionCommand>('RecordProposalNotAdopted', {
    decisionId: 'dec-1',
    proposalId,
    contributionId: null,
    proposal: 'A grants section',
    reason: 'There is no grant scheme',
  });
const onProject = (proposalId: string) =>
  command<ProjectCommand>(
    'RecordProjectProposalNotAdopted',
    {
      projectId: 'p1',
      proposalId,
      contributionId: null,
      proposal: 'Hold the launch in every parish',
      reason: 'There was budget for one launch only',
      decisionId: null,
      recordedOn: '2026-07-02',
    },
    { now: '2026-12-05T09:00:00.000Z' },
  );
const recordedOnDecision = (proposalId: string): ProposalNotAdopted => ({
  type: 'ProposalNotAdopted',
  data: { decisionId: 'dec-1', projectId: 'p1', proposalId, contributionId: null, proposal: 'A grants section', reason: 'There is no grant scheme' },
  occurredAt: '2026-06-18',
});
const recordedOnProject = (proposalId: string): ProjectProposalNotAdopted => ({
  type: 'ProjectProposalNotAdopted',
  data: { ...onProject(proposalId).data, projectId: 'p1', proposalId, contributionId: null, decisionId: null } as ProjectProposalNotAdopted['data'],
  occurredAt: '2026-07-02',
});
const atDecision = (eventId: string, projectId = 'p1'): IdRecorded => ({ projectId, stream: 'decision-dec-1', eventId });
const atProject = (eventId: string, projectId = 'p1'): IdRecorded => ({ projectId, stream: `project-${projectId}`, eventId });

/**
 * Given the aggregate's own events and where the id stands recorded elsewhere (as the command path finds it),
 * when the command comes: its claims are checked against the project (here every record is of p1), then it is decided.
 */
function givenRecorded<C extends Command, E extends DecisionEvent | ProjectEvent, S>(
  decider: Decider<C, E, S>,
  events: E[],
  elsewhere: IdRecorded[],
) {
  const given = spec(decider).given(events);
  return {
    when: (cmd: C) => {
      const checked = () => {
        for (const claim of decider.claims?.[cmd.type as C['type']]?.(cmd.data as never) ?? []) refuseIdRecordedBefore(claim, 'p1', elsewhere);
      };
      return {
        then: (expected: E[]) => {
          checked();
          given.when(cmd).then(expected);
        },
        thenRefuses: (code: string, message: string) => {
          expect(checked).toThrow(DomainError);
          expect(checked).toThrow(expect.objectContaining({ kind: 'conflict', code, message }));
        },
      };
    },
  };
}

describe('a proposal id names one proposal of the project, at the decision level and the project level', () => {
  it('is claimed by both commands, in the project named or the project of the decision, with each level’s own code', () => {
    expect(decisionDecider.claims!.RecordProposalNotAdopted!(onDecision('prop-1').data as never)).toEqual([
      expect.objectContaining({
        what: 'proposal',
        id: 'prop-1',
        ofProjectOf: { aggregate: 'decision', id: 'dec-1' },
        recordedBy: ['ProposalNotAdopted', 'ProjectProposalNotAdopted'],
        idField: 'proposalId',
        code: 'decision.proposal_already_recorded',
      }),
    ]);
    expect(projectDecider.claims!.RecordProjectProposalNotAdopted!(onProject('prop-1').data as never)).toEqual([
      expect.objectContaining({ what: 'proposal', id: 'prop-1', ofProject: 'p1', code: 'project.proposal_already_recorded' }),
    ]);
  });

  it('refuses on the project an id recorded first on a decision of the project, naming the id and the decision', () => {
    givenRecorded(projectDecider, [registered], [atDecision('event-9')])
      .when(onProject('prop-1'))
      .thenRefuses(
        'project.proposal_already_recorded',
        'proposal prop-1 is already recorded as not adopted on decision dec-1 of project p1; use a new id or correct that event',
      );
  });

  it('refuses on a decision an id recorded first on the project, naming the id and the project', () => {
    givenRecorded(decisionDecider, [decided], [atProject('event-9')])
      .when(onDecision('prop-1'))
      .thenRefuses(
        'decision.proposal_already_recorded',
        'proposal prop-1 is already recorded as not adopted on project p1; use a new id or correct that event',
      );
  });

  it('records an id recorded only in another project, or nowhere', () => {
    givenRecorded(projectDecider, [registered], [atProject('event-9', 'p-other')])
      .when(onProject('prop-1'))
      .then([recordedOnProject('prop-1')]);
    givenRecorded(decisionDecider, [decided], [])
      .when(onDecision('prop-1'))
      .then([recordedOnDecision('prop-1')]);
  });

  it('names the first recording where history from before the rule holds the id at both levels', () => {
    givenRecorded(decisionDecider, [decided, recordedOnDecision('prop-1')], [atProject('event-3'), atDecision('event-2')])
      .when(onDecision('prop-1'))
      .thenRefuses(
        'decision.proposal_already_recorded',
        'proposal prop-1 is already recorded as not adopted on project p1; use a new id or correct that event',
      );
  });

  it('folds history from before the rule, with one id at both levels, without refusing anything else or losing either record', () => {
    const project = spec(projectDecider).given([registered, recordedOnProject('prop-1')]);
    expect(project.state).toMatchObject({ status: 'open', proposalIds: ['prop-1'] });
    project.when(onProject('prop-2')).then([recordedOnProject('prop-2')]);
    const decision = spec(decisionDecider).given([decided, recordedOnDecision('prop-1')]);
    expect(decision.state).toMatchObject({ status: 'recorded', proposalIds: ['prop-1'] });
    decision.when(onDecision('prop-2')).then([recordedOnDecision('prop-2')]);

    const facts = { ...projectFacts.empty(), ...decisionFacts.empty() };
    const history = [registered, decided, recordedOnProject('prop-1'), recordedOnDecision('prop-1')] as (ProjectEvent | DecisionEvent)[];
    history.forEach((event, i) => {
      const fact = { eventId: `e${i + 1}`, type: event.type, position: i + 1, occurredAt: '2026-07-02', data: event.data };
      const fold = event.type in projectFacts.eventTypes ? projectFacts : decisionFacts;
      fold.apply(facts as never, fact as Fact<ProjectEvent> & Fact<DecisionEvent>);
    });
    expect(facts.notAdopted.map((p) => [p.eventId, p.proposalId])).toEqual([
      ['e3', 'prop-1'],
      ['e4', 'prop-1'],
    ]);
  });
});
