import { loadConfig } from './app-config';

describe('the local identity read from COPROD_ACTOR and COPROD_ACTOR_ROLE', () => {
  it('is the local administrator when no role is set, so commands that need no actor keep working', () => {
    expect(loadConfig({}).localActor).toEqual({ id: 'local.officer', role: 'administrator' });
  });

  it('takes any role the record knows', () => {
    for (const role of ['administrator', 'evaluation_lead', 'recorder', 'auditor', 'viewer']) {
      expect(loadConfig({ COPROD_ACTOR: 'j.smith', COPROD_ACTOR_ROLE: role }).localActor).toEqual({ id: 'j.smith', role });
    }
  });

  it('refuses a role it does not know, in one sentence naming the setting, the value and the roles accepted', () => {
    expect(() => loadConfig({ COPROD_ACTOR_ROLE: 'evaluaton_lead' })).toThrow(
      new Error('COPROD_ACTOR_ROLE must be one of administrator, evaluation_lead, recorder, auditor, viewer, got "evaluaton_lead"'),
    );
    expect(() => loadConfig({ COPROD_ACTOR_ROLE: '' })).toThrow(/^COPROD_ACTOR_ROLE must be one of .*, got ""$/);
    expect(() => loadConfig({ COPROD_ACTOR_ROLE: 'Administrator' })).toThrow(/got "Administrator"/);
  });
});
