import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { ProjectClosed, ProjectEvent, ProjectFrameworkChanged, ProjectRegistered, StageEntered } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';

const given = (events: ProjectEvent[]) => spec(projectDecider).given(events);

const registered: ProjectRegistered = {
  type: 'ProjectRegistered',
  data: {
    projectId: 'p2',
    title: 'Carers breaks review',
    serviceArea: 'Adult social care',
    aim: 'Redesign short breaks with carers',
    frameworkId: 'west-berkshire',
    improvementSought: 'Carers get a break when they need one',
    openToNewMembers: false,
  },
};
const frameworkChanged: ProjectFrameworkChanged = {
  type: 'ProjectFrameworkChanged',
  data: { projectId: 'p2', frameworkId: 'southend', previousFrameworkId: 'west-berkshire', reason: 'Joint project with Southend' },
};
const closed: ProjectClosed = { type: 'ProjectClosed', data: { projectId: 'p2', closedOn: '2026-09-30', summary: 'Done' } };
const toStage = (stage: string, reason: string | null = null) =>
  command<ProjectCommand>('MoveProjectToStage', { projectId: 'p2', stage, enteredOn: '2026-04-01', reason } as never);
const entered = (stage: StageEntered['data']['stage'], from: StageEntered['data']['stage']): StageEntered => ({
  type: 'StageEntered',
  data: { projectId: 'p2', stage, from, skipped: [], reason: null, enteredOn: '2026-03-01' },
});

describe('project: what each command records', () => {
  it('records a tailored outcome wording', () => {
    const data = { projectId: 'p2', outcomeId: 'wb-5', wording: 'Carers get a break when they need one' };
    given([registered])
      .when(command<ProjectCommand>('TailorOutcome', data))
      .then([{ type: 'OutcomeTailored', data }]);
  });

  it('records a principle reflection, dated when it was made', () => {
    const data = {
      projectId: 'p2',
      principleId: 'equality',
      reflection: 'Paper forms let more carers take part',
      madeADifference: true,
      recordedOn: '2026-02-20',
    };
    given([registered])
      .when(command<ProjectCommand>('RecordPrincipleReflection', data))
      .then([{ type: 'PrincipleReflectionRecorded', data, occurredAt: '2026-02-20' }]);
  });

  it('records closing, dated on the day it closed', () => {
    given([registered])
      .when(command<ProjectCommand>('CloseProject', closed.data))
      .then([{ ...closed, occurredAt: '2026-09-30' }]);
  });

  it('records a framework change with the framework it replaces', () => {
    given([registered])
      .when(command<ProjectCommand>('ChangeProjectFramework', { projectId: 'p2', frameworkId: 'southend', reason: 'Joint project with Southend' }))
      .then([frameworkChanged]);
  });

  it('folds a framework change, so the next change starts from the new framework', () => {
    expect(given([registered, frameworkChanged]).state).toMatchObject({ status: 'open', frameworkId: 'southend' });
    given([registered, frameworkChanged])
      .when(command<ProjectCommand>('ChangeProjectFramework', { projectId: 'p2', frameworkId: 'west-berkshire', reason: 'Back to ours' }))
      .then([
        {
          type: 'ProjectFrameworkChanged',
          data: { projectId: 'p2', frameworkId: 'west-berkshire', previousFrameworkId: 'southend', reason: 'Back to ours' },
        },
      ]);
    given([registered, frameworkChanged])
      .when(command<ProjectCommand>('ChangeProjectFramework', { projectId: 'p2', frameworkId: 'southend', reason: 'again' }))
      .thenRefuses('conflict', 'project p2 already uses framework southend', 'project.same_framework');
  });

  it('ignores events of a project never registered when folding', () => {
    const setUp = {
      type: 'SetupActivityRecorded' as const,
      data: { projectId: 'p2', activity: 'members_briefed' as const, doneOn: '2026-01-20', note: null },
    };
    expect(given([frameworkChanged, entered('co_design', 'co_planning'), closed, setUp]).state).toEqual({ status: 'unregistered' });
    expect(given([setUp]).state).toEqual({ status: 'unregistered' });
  });

  it('keeps each project in its own stream, named project-<id>', () => {
    expect(streamName(projectDecider, projectDecider.streamIdOf(toStage('co_design')))).toBe('project-p2');
  });
});

describe('project: what is refused, with the code clients see', () => {
  it('refuses registering twice', () => {
    given([registered])
      .when(command<ProjectCommand>('RegisterProject', registered.data))
      .thenRefuses('conflict', 'project p2 is already registered as "Carers breaks review"', 'project.already_registered');
  });

  it.each([
    ['TailorOutcome', { projectId: 'p2', outcomeId: 'wb-5', wording: 'x' }],
    ['RecordPrincipleReflection', { projectId: 'p2', principleId: 'equality', reflection: 'x', madeADifference: false, recordedOn: '2026-05-02' }],
    ['CloseProject', { projectId: 'p2', closedOn: '2026-09-30', summary: 'x' }],
    ['ChangeProjectFramework', { projectId: 'p2', frameworkId: 'southend', reason: 'x' }],
  ])('refuses %s on a project never registered, and on a closed one', (type, data) => {
    given([])
      .when(command<ProjectCommand>(type as ProjectCommand['type'], data as never))
      .thenRefuses('not_found', 'project p2 does not exist; register it first', 'project.not_found');
    given([registered, closed])
      .when(command<ProjectCommand>(type as ProjectCommand['type'], data as never))
      .thenRefuses('conflict', 'project p2 (Carers breaks review) is closed; its record can be corrected but not extended', 'project.closed');
  });

  it('refuses changing to the framework already in use', () => {
    given([registered])
      .when(command<ProjectCommand>('ChangeProjectFramework', { projectId: 'p2', frameworkId: 'west-berkshire', reason: 'x' }))
      .thenRefuses('conflict', 'project p2 already uses framework west-berkshire', 'project.same_framework');
  });

  it('refuses dates that are not dates on reflections and closing', () => {
    given([registered])
      .when(
        command<ProjectCommand>('RecordPrincipleReflection', {
          projectId: 'p2',
          principleId: 'equality',
          reflection: 'x',
          madeADifference: true,
          recordedOn: 'soon',
        }),
      )
      .thenRefuses('rule', /recordedOn "soon" is not a real calendar date/, 'value.not_a_date');
    given([registered])
      .when(command<ProjectCommand>('CloseProject', { projectId: 'p2', closedOn: '2026-13-01', summary: 'x' }))
      .thenRefuses('rule', /closedOn "2026-13-01" is not a real calendar date/, 'value.not_a_date');
  });

  it('refuses set-up and stage dates that are not dates, naming the field', () => {
    given([registered])
      .when(command<ProjectCommand>('RecordSetupActivity', { projectId: 'p2', activity: 'members_briefed', doneOn: '2026-02-30', note: null }))
      .thenRefuses('rule', /^doneOn "2026-02-30" is not a real calendar date/, 'value.not_a_date');
    given([registered])
      .when(command<ProjectCommand>('MoveProjectToStage', { projectId: 'p2', stage: 'co_design', enteredOn: 'next week', reason: null }))
      .thenRefuses('rule', /^enteredOn "next week" is not a real calendar date/, 'value.not_a_date');
  });

  it('refuses a set-up activity outside the four, or recorded twice', () => {
    const setUp = (activity: string) =>
      command<ProjectCommand>('RecordSetupActivity', { projectId: 'p2', activity, doneOn: '2026-02-01', note: null } as never);
    given([registered])
      .when(setUp('party_held'))
      .thenRefuses('rule', /activity "party_held" is not one of steering_group_formed/, 'value.not_allowed');
    given([registered, { type: 'SetupActivityRecorded', data: { projectId: 'p2', activity: 'members_briefed', doneOn: '2026-01-20', note: null } }])
      .when(setUp('members_briefed'))
      .thenRefuses(
        'conflict',
        'set-up activity members_briefed was already recorded as done on 2026-01-20 for project p2; correct that event instead',
        'project.setup_already_recorded',
      );
  });

  it('refuses moving back or staying, skipping more than co-delivery, or skipping co-delivery without a reason', () => {
    given([registered, entered('co_design', 'co_planning')])
      .when(toStage('co_design'))
      .thenRefuses('conflict', 'project p2 is in co_design; it can only move forward (to a stage after co_design)', 'project.stage_not_forward');
    given([registered])
      .when(toStage('co_delivery'))
      .thenRefuses('rule', 'project p2 cannot skip co_design; only co-delivery is optional', 'project.stage_skipped');
    given([registered, entered('co_design', 'co_planning')])
      .when(toStage('co_evaluation'))
      .thenRefuses(
        'rule',
        'moving past co-delivery needs a reason: not every project is co-delivered, but the co-design decision must be recorded',
        'project.skip_needs_reason',
      );
    given([registered, entered('co_design', 'co_planning')])
      .when(toStage('co_evaluation', 'Delivered by the provider'))
      .then([
        {
          type: 'StageEntered',
          data: {
            projectId: 'p2',
            stage: 'co_evaluation',
            enteredOn: '2026-04-01',
            reason: 'Delivered by the provider',
            from: 'co_design',
            skipped: ['co_delivery'],
          },
          occurredAt: '2026-04-01',
        },
      ]);
  });
});
