import { command, spec } from '../core/spec';
import { Fact } from '../core/fact';
import { EventCorrected } from '../corrections/correction';
import { decisionFacts } from '../decisions/decision.facts';
import { DecisionEvent } from '../decisions/decision';
import { ProjectClosed, ProjectEvent, ProjectProposalNotAdopted, ProjectRegistered } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';
import { projectFacts } from './project.facts';

const given = (events: (ProjectEvent | EventCorrected)[]) => spec(projectDecider).given(events as ProjectEvent[]);

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
  },
};
const closed: ProjectClosed = { type: 'ProjectClosed', data: { projectId: 'p1', closedOn: '2026-11-30', summary: 'Guidance note published' } };
const proposal: ProjectProposalNotAdopted['data'] = {
  projectId: 'p1',
  proposalId: 'prop-1',
  contributionId: 'con-3',
  proposal: 'Hold the launch in every parish',
  reason: 'There was budget for one launch only',
  decisionId: 'dec-1',
  recordedOn: '2026-07-02',
};
const notAdopted = (data: Partial<ProjectProposalNotAdopted['data']> = {}) =>
  command<ProjectCommand>('RecordProjectProposalNotAdopted', { ...proposal, ...data } as never, { now: '2026-12-05T09:00:00.000Z' });
const recorded = (data: Partial<ProjectProposalNotAdopted['data']> = {}): ProjectProposalNotAdopted => ({
  type: 'ProjectProposalNotAdopted',
  data: { ...proposal, ...data },
  occurredAt: data.recordedOn ?? proposal.recordedOn,
});

describe('a proposal not adopted, recorded on the project', () => {
  it('records it with the decision of the project that turned it down, dated when it was known', () => {
    given([registered]).when(notAdopted()).then([recorded()]);
  });

  it('records it with no decision and no contribution, as null', () => {
    given([registered])
      .when(notAdopted({ decisionId: null, contributionId: null }))
      .then([recorded({ decisionId: null, contributionId: null })]);
    given([registered])
      .when(
        command<ProjectCommand>('RecordProjectProposalNotAdopted', { ...proposal, decisionId: undefined, contributionId: undefined } as never, {
          now: '2026-12-05T09:00:00.000Z',
        }),
      )
      .then([recorded({ decisionId: null, contributionId: null })]);
  });

  it('names in its references the decision and the contribution, which must belong to this project; without them it names nothing', () => {
    const references = projectDecider.references!.RecordProjectProposalNotAdopted!;
    expect(references(notAdopted().data as never)).toEqual([
      { aggregate: 'decision', id: 'dec-1', ofProject: 'p1' },
      { aggregate: 'contribution', id: 'con-3', ofProject: 'p1' },
    ]);
    expect(references(notAdopted({ decisionId: null }).data as never)).toEqual([{ aggregate: 'contribution', id: 'con-3', ofProject: 'p1' }]);
    expect(references(notAdopted({ decisionId: null, contributionId: null }).data as never)).toEqual([]);
  });

  it('is voided by a correction, after which the same id can be recorded again', () => {
    const voided: EventCorrected = {
      type: 'EventCorrected',
      data: { eventId: 'event-2', eventType: 'ProjectProposalNotAdopted', kind: 'void', changes: null, reason: 'It was adopted after all' },
    };
    given([registered, recorded()])
      .when(command('VoidProjectProposalNotAdopted', { projectId: 'p1', eventId: 'event-2', reason: 'It was adopted after all' }))
      .then([{ ...voided, occurredAt: '2026-07-02' } as never]);
    given([registered, recorded(), voided]).when(notAdopted()).then([recorded()]);
  });

  it('joins the decision-level proposals in one list of facts, in the order recorded, with decisionId null where none was named', () => {
    const decisionLevel: DecisionEvent = {
      type: 'ProposalNotAdopted',
      data: {
        decisionId: 'dec-1',
        projectId: 'p1',
        proposalId: 'prop-0',
        contributionId: null,
        proposal: 'A grants section',
        reason: 'No grant scheme',
      },
    };
    const events = [registered, decisionLevel, recorded({ decisionId: null, contributionId: null })] as (ProjectEvent | DecisionEvent)[];
    const facts = { ...projectFacts.empty(), ...decisionFacts.empty() };
    events.forEach((event, i) => {
      const fact = { eventId: `e${i + 1}`, type: event.type, position: i + 1, occurredAt: '2026-07-02', data: event.data };
      const fold = event.type in projectFacts.eventTypes ? projectFacts : decisionFacts;
      fold.apply(facts as never, fact as Fact<ProjectEvent> & Fact<DecisionEvent>);
    });
    expect(facts.notAdopted).toEqual([
      { eventId: 'e2', decisionId: 'dec-1', proposalId: 'prop-0', contributionId: null, proposal: 'A grants section', reason: 'No grant scheme' },
      {
        eventId: 'e3',
        decisionId: null,
        proposalId: 'prop-1',
        contributionId: null,
        proposal: 'Hold the launch in every parish',
        reason: 'There was budget for one launch only',
      },
    ]);
  });
});

describe('a proposal not adopted on the project: what is refused, with the code clients see', () => {
  it('refuses it on a project never registered, and on a closed one', () => {
    given([]).when(notAdopted()).thenRefuses('not_found', 'project p1 does not exist; register it first', 'project.not_found');
    given([registered, closed])
      .when(notAdopted())
      .thenRefuses('conflict', /is closed/, 'project.closed');
  });

  it('refuses the same proposal id twice in the project', () => {
    given([registered, recorded()])
      .when(notAdopted({ proposal: 'Something else' }))
      .thenRefuses(
        'conflict',
        'proposal prop-1 is already recorded as not adopted on project p1; use a new id or correct that event',
        'project.proposal_already_recorded',
      );
  });

  it('refuses a proposal without its words or without the reason', () => {
    given([registered])
      .when(notAdopted({ proposal: ' ' }))
      .thenRefuses('rule', 'proposal prop-1 needs the words of what was proposed', 'project.proposal_missing');
    given([registered])
      .when(notAdopted({ reason: '' }))
      .thenRefuses('rule', /was not adopted: say why/, 'project.proposal_reason_missing');
  });

  it('refuses a decision or contribution id that is blank or not text', () => {
    given([registered])
      .when(notAdopted({ decisionId: '' }))
      .thenRefuses('rule', /decisionId of proposal prop-1 must be the id of a decision/, 'project.proposal_decision_not_an_id');
    given([registered])
      .when(notAdopted({ contributionId: 7 as never }))
      .thenRefuses('rule', /contributionId of proposal prop-1 must be the id of a contribution/, 'project.proposal_contribution_not_an_id');
  });

  it('refuses a day that is not a calendar date', () => {
    given([registered])
      .when(notAdopted({ recordedOn: 'July' }))
      .thenRefuses('rule', /^recordedOn "July" is not a real calendar date/, 'value.not_a_date');
  });
});
