import { command, spec } from '../core/spec';
import { ProjectEvent, ProjectProposalNotAdopted, ProjectRegistered } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';

const given = (events: ProjectEvent[]) => spec(projectDecider).given(events);

const data: ProjectRegistered['data'] = {
  projectId: 'p1',
  title: 'Community energy guidance note',
  serviceArea: 'Environment',
  aim: 'Develop an introductory guidance note together',
  frameworkId: 'west-berkshire',
  improvementSought: 'Residents find clear guidance',
  openToNewMembers: true,
};
const registered: ProjectRegistered = { type: 'ProjectRegistered', data, occurredAt: '2026-01-12' };
// The default command is handled at 2026-03-01T12:00:00.000Z.
const register = (startedOn: string) => command<ProjectCommand>('RegisterProject', { ...data, startedOn });

const proposal: ProjectProposalNotAdopted['data'] = {
  projectId: 'p1',
  proposalId: 'prop-1',
  contributionId: 'con-3',
  proposal: 'Hold the launch in every parish',
  reason: 'There was budget for one launch only',
  decisionId: 'dec-1',
  recordedOn: '2026-02-20',
};
const notAdopted = (changes: Record<string, unknown>) =>
  command<ProjectCommand>('RecordProjectProposalNotAdopted', { ...proposal, ...changes } as never);
const notAdoptedEvent: ProjectProposalNotAdopted = { type: 'ProjectProposalNotAdopted', data: proposal, occurredAt: '2026-02-20' };

describe('project: the edges of its rules', () => {
  describe('a start date given at registration', () => {
    it('takes a start at the very moment the project is recorded', () => {
      given([])
        .when(register('2026-03-01T12:00:00.000Z'))
        .then([{ type: 'ProjectRegistered', data: { ...data, startedOn: '2026-03-01T12:00:00.000Z' }, occurredAt: '2026-03-01T12:00:00.000Z' }]);
    });

    it('refuses a start later than that, naming both days', () => {
      given([])
        .when(register('2026-04-01T09:00:00.000Z'))
        .thenRefuses(
          'rule',
          'project p1 cannot have started on 2026-04-01, after it was recorded (2026-03-01); register it when it starts',
          'project.starts_in_future',
        );
    });
  });

  describe('a proposal not adopted', () => {
    it.each([
      ['a number', 42],
      ['empty', ''],
      ['blank', '   '],
    ])('refuses a decision id that is %s', (_what, decisionId) => {
      given([registered])
        .when(notAdopted({ decisionId }))
        .thenRefuses(
          'rule',
          'decisionId of proposal prop-1 must be the id of a decision of this project, or null',
          'project.proposal_decision_not_an_id',
        );
    });

    it.each([
      ['a number', 42],
      ['empty', ''],
      ['blank', '   '],
    ])('refuses a contribution id that is %s', (_what, contributionId) => {
      given([registered])
        .when(notAdopted({ contributionId }))
        .thenRefuses(
          'rule',
          'contributionId of proposal prop-1 must be the id of a contribution, or null',
          'project.proposal_contribution_not_an_id',
        );
    });

    it.each([
      ['a number', 7],
      ['blank', '  '],
    ])('refuses a proposal whose words are %s', (_what, words) => {
      given([registered])
        .when(notAdopted({ proposal: words }))
        .thenRefuses('rule', 'proposal prop-1 needs the words of what was proposed', 'project.proposal_missing');
    });

    it.each([
      ['a number', 7],
      ['blank', '  '],
    ])('refuses a reason that is %s', (_what, reason) => {
      given([registered])
        .when(notAdopted({ reason }))
        .thenRefuses(
          'rule',
          'proposal prop-1 was not adopted: say why, so participants hear what happened to their idea',
          'project.proposal_reason_missing',
        );
    });
  });

  describe('the state folded from its events', () => {
    it('opens a registered project at co-planning, started the day it occurred, with nothing set up and no proposal yet', () => {
      expect(given([registered]).state).toEqual({
        status: 'open',
        projectId: 'p1',
        title: 'Community energy guidance note',
        frameworkId: 'west-berkshire',
        stage: 'co_planning',
        setupDone: {},
        startedOn: '2026-01-12',
        proposalIds: [],
      });
    });

    it('keeps each proposal not adopted by its id', () => {
      expect(given([registered, notAdoptedEvent]).state).toMatchObject({ status: 'open', proposalIds: ['prop-1'] });
    });

    it('leaves a project never registered as it was when a stray proposal is folded', () => {
      expect(given([notAdoptedEvent]).state).toEqual({ status: 'unregistered' });
    });
  });
});
