import { command, spec } from '../core/spec';
import { ProjectEvent, ProjectRegistered } from './project';
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

describe('a project that started before it was recorded', () => {
  it('given nothing, when it is registered with its start date, then it occurred on that day, so as-of answers and the stage history count from it', () => {
    given([])
      .when(command<ProjectCommand>('RegisterProject', { ...data, startedOn: '2026-01-12' }))
      .then([{ type: 'ProjectRegistered', data: { ...data, startedOn: '2026-01-12' }, occurredAt: '2026-01-12' }]);
  });

  it('given nothing, when it is registered without a start date (or with none), then it starts when it is recorded', () => {
    given([])
      .when(command<ProjectCommand>('RegisterProject', { ...data, startedOn: null }))
      .then([{ type: 'ProjectRegistered', data }]);
  });

  it('given nothing, when its start date is after the day it is recorded, then it is refused', () => {
    given([])
      .when(command<ProjectCommand>('RegisterProject', { ...data, startedOn: '2099-01-01' }))
      .thenRefuses('rule', /cannot have started on 2099-01-01, after it was recorded/, 'project.starts_in_future');
  });

  it('given nothing, when its start date is not a date, then it is refused naming the field', () => {
    given([])
      .when(command<ProjectCommand>('RegisterProject', { ...data, startedOn: 'last spring' }))
      .thenRefuses('rule', /startedOn/);
  });
});
