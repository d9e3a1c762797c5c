import { command, spec } from '../core/spec';
import { ProjectEvent, ProjectRegistered } from './project';
import { ProjectCommand } from './project.decide';
import { projectDecider } from './project.decider';

const given = (events: ProjectEvent[]) => spec(projectDecider).given(events);

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

describe('project', () => {
  describe('registering', () => {
    it('given nothing, when a project is registered, then it is registered in co-planning', () => {
      given([])
        .when(command<ProjectCommand>('RegisterProject', registered.data))
        .then([registered]);
      expect(given([registered]).state).toMatchObject({ status: 'open', stage: 'co_planning' });
    });

    it('given a registered project, when it is registered again, then it is refused', () => {
      given([registered])
        .when(command<ProjectCommand>('RegisterProject', registered.data))
        .thenRefuses('conflict', /already registered as "Community energy guidance note"/);
    });

    it('given nothing, when an outcome is tailored, then it is refused because the project does not exist', () => {
      given([])
        .when(command<ProjectCommand>('TailorOutcome', { projectId: 'p1', outcomeId: 'wb-5', wording: 'x' }))
        .thenRefuses('not_found', /project p1 does not exist/);
    });
  });

  describe('set-up activities', () => {
    it('when a set-up activity is recorded, then it happened on the day it was done', () => {
      given([registered])
        .when(
          command<ProjectCommand>('RecordSetupActivity', {
            projectId: 'p1',
            activity: 'steering_group_formed',
            doneOn: '2026-01-10T00:00:00.000Z',
            note: null,
          }),
        )
        .then([
          {
            type: 'SetupActivityRecorded',
            data: { projectId: 'p1', activity: 'steering_group_formed', doneOn: '2026-01-10T00:00:00.000Z', note: null },
            occurredAt: '2026-01-10T00:00:00.000Z',
          },
        ]);
    });

    it('given it was already recorded, when recorded again, then it is refused and points to correction', () => {
      given([
        registered,
        {
          type: 'SetupActivityRecorded',
          data: { projectId: 'p1', activity: 'members_briefed', doneOn: '2026-01-12T00:00:00.000Z', note: null },
        },
      ])
        .when(
          command<ProjectCommand>('RecordSetupActivity', {
            projectId: 'p1',
            activity: 'members_briefed',
            doneOn: '2026-02-12T00:00:00.000Z',
            note: null,
          }),
        )
        .thenRefuses('conflict', /already recorded as done on 2026-01-12.*correct that event instead/);
    });
  });

  describe('stages', () => {
    const move = (stage: string, reason: string | null = null) =>
      command<ProjectCommand>('MoveProjectToStage', { projectId: 'p1', stage, enteredOn: '2026-04-01T00:00:00.000Z', reason } as never);

    it('moves forward one stage at a time', () => {
      given([registered])
        .when(move('co_design'))
        .then([
          {
            type: 'StageEntered',
            data: { projectId: 'p1', stage: 'co_design', from: 'co_planning', skipped: [], reason: null, enteredOn: '2026-04-01T00:00:00.000Z' },
            occurredAt: '2026-04-01T00:00:00.000Z',
          },
        ]);
    });

    it('never moves backwards', () => {
      given([registered]).when(move('co_planning')).thenRefuses('conflict', /can only move forward/);
    });

    const inCoDesign: ProjectEvent = {
      type: 'StageEntered',
      data: { projectId: 'p1', stage: 'co_design', from: 'co_planning', skipped: [], reason: null, enteredOn: '2026-04-01T00:00:00.000Z' },
    };

    it('may skip co-delivery with a reason, and records what was skipped', () => {
      const [event] = projectDecider.decide(move('co_evaluation', 'Guidance is published by the council'), given([registered, inCoDesign]).state);
      expect(event).toMatchObject({ type: 'StageEntered', data: { skipped: ['co_delivery'], from: 'co_design' } });
    });

    it('refuses to skip co-delivery without a reason', () => {
      given([registered, inCoDesign]).when(move('co_evaluation')).thenRefuses('rule', /needs a reason/);
    });

    it('refuses to skip co-design', () => {
      given([registered]).when(move('co_delivery', 'in a hurry')).thenRefuses('rule', /cannot skip co_design/);
    });
  });

  describe('framework and closing', () => {
    it('switches framework, remembering the previous one', () => {
      given([registered])
        .when(command<ProjectCommand>('ChangeProjectFramework', { projectId: 'p1', frameworkId: 'southend', reason: 'Joint project' }))
        .then([
          {
            type: 'ProjectFrameworkChanged',
            data: { projectId: 'p1', frameworkId: 'southend', reason: 'Joint project', previousFrameworkId: 'west-berkshire' },
          },
        ]);
    });

    it('refuses a switch to the framework already in use', () => {
      given([registered])
        .when(command<ProjectCommand>('ChangeProjectFramework', { projectId: 'p1', frameworkId: 'west-berkshire', reason: 'x' }))
        .thenRefuses('conflict', /already uses framework west-berkshire/);
    });

    it('given a closed project, when anything more is recorded, then it is refused', () => {
      given([registered, { type: 'ProjectClosed', data: { projectId: 'p1', closedOn: '2026-09-01T00:00:00.000Z', summary: 'Done' } }])
        .when(
          command<ProjectCommand>('RecordPrincipleReflection', {
            projectId: 'p1',
            principleId: 'equality',
            reflection: 'x',
            madeADifference: true,
            recordedOn: '2026-09-02T00:00:00.000Z',
          }),
        )
        .thenRefuses('conflict', /is closed/);
    });
  });
});
