import Database from 'better-sqlite3';
import { join } from 'node:path';
import { QueryBus } from '@nestjs/cqrs';
import { GetProjectOutcomes, openStory, PERSONAL_DATA_PROTECTOR, PersonalDataProtector, ProjectOutcomes } from '@coprod/application';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const decision = (decisionId: string, projectId: string) => ({
  decisionId,
  projectId,
  title: `Decision ${decisionId}`,
  decisionMaker: 'cabinet',
  reference: `EX-${decisionId}`,
  decidedOn: '2026-06-18',
  recommendation: 'Adopt the guidance note',
});
const proposal = {
  projectId: 'p-energy',
  proposalId: 'prop-launch',
  proposal: 'Hold the launch in every parish',
  reason: 'There was budget for one launch only',
  decisionId: 'dec-energy',
  recordedOn: '2026-07-02',
};

describe('the story of a project and its proposals not adopted, over HTTP (real API, real files)', () => {
  let api: ApiHarness;
  let viewer: string;
  let lead: string;
  const eventTypes = (): string[] => {
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT type FROM events ORDER BY position').all() as { type: string }[]).map((row) => row.type);
    } finally {
      db.close();
    }
  };
  const as = (token: string, type: string, body: unknown) => api.command(type, body, { Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    lead = await api.issueToken('evaluation_lead');
    viewer = await api.issueToken('viewer');
    // Both started in January, recorded later: what is written about them may be dated from then.
    await as(lead, 'RegisterProject', { ...energyProject, startedOn: '2026-01-10' }).expect(201);
    await as(lead, 'RegisterProject', { ...energyProject, projectId: 'p-other', title: 'Another project', startedOn: '2026-01-10' }).expect(201);
    await as(lead, 'RecordDecision', decision('dec-energy', 'p-energy')).expect(201);
    await as(lead, 'RecordDecision', decision('dec-other', 'p-other')).expect(201);
  });
  afterAll(() => api.close());

  it('records a part of the story, and a newer version of it, keeping both in the history', async () => {
    const first = await as(lead, 'RecordProjectStory', {
      projectId: 'p-energy',
      part: 'lessons',
      text: '  Paper first.  ',
      recordedOn: '2026-12-01',
    }).expect(201);
    expect(first.body).toMatchObject({ stream: 'project-p-energy', eventTypes: ['ProjectStoryRecorded'] });
    await as(lead, 'RecordProjectStory', {
      projectId: 'p-energy',
      part: 'lessons',
      text: 'Paper first, then online.',
      recordedOn: '2026-12-04',
    }).expect(201);
    const history = await api.http().get('/api/history/project/p-energy').set('Authorization', `Bearer ${lead}`).expect(200);
    const stories = JSON.stringify(history.body);
    expect(stories).toContain('Paper first.');
    expect(stories).not.toContain('  Paper first.  ');
    expect(stories).toContain('Paper first, then online.');
  });

  it('refuses text over 4,000 characters with 400 naming the field, and an unknown part, storing nothing', async () => {
    const before = eventTypes().length;
    const long = await as(lead, 'RecordProjectStory', {
      projectId: 'p-energy',
      part: 'thanks',
      text: 'a'.repeat(4001),
      recordedOn: '2026-12-04',
    }).expect(400);
    expect(long.body.errors).toEqual([{ field: 'text', problems: [expect.stringMatching(/at most 4000 characters/)] }]);
    const part = await as(lead, 'RecordProjectStory', { projectId: 'p-energy', part: 'gossip', text: 'x', recordedOn: '2026-12-04' }).expect(400);
    expect(part.body.errors.map((e: { field: string }) => e.field)).toEqual(['part']);
    expect(eventTypes().length).toBe(before);
  });

  it('refuses a story for a project never registered with 404 and its code', async () => {
    const response = await as(lead, 'RecordProjectStory', {
      projectId: 'p-nowhere',
      part: 'thanks',
      text: 'Thank you',
      recordedOn: '2026-12-04',
    }).expect(404);
    expect(response.body.code).toBe('project.not_found');
  });

  it('refuses a viewer with 403, recording nothing', async () => {
    const before = eventTypes().length;
    await as(viewer, 'RecordProjectStory', { projectId: 'p-energy', part: 'thanks', text: 'Thank you', recordedOn: '2026-12-04' }).expect(403);
    await as(viewer, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-viewer' }).expect(403);
    expect(eventTypes().length).toBe(before);
  });

  it('records a proposal not adopted on the project, with a decision of this project or none, and the figure lists both', async () => {
    await as(lead, 'RecordProjectProposalNotAdopted', proposal).expect(201);
    const { decisionId, ...withoutDecision } = proposal;
    void decisionId;
    await as(lead, 'RecordProjectProposalNotAdopted', {
      ...withoutDecision,
      proposalId: 'prop-sundays',
      proposal: 'Open the hub on Sundays',
      reason: 'No staff on Sundays',
    }).expect(201);
    const outcomes = await api.http().get('/api/projects/p-energy/outcomes').set('Authorization', `Bearer ${lead}`).expect(200);
    const figure = JSON.stringify(outcomes.body);
    expect(figure).toContain('Hold the launch in every parish');
    expect(figure).toContain('Decision dec-energy');
    expect(figure).toContain('Not linked to a decision');
  });

  it('refuses a decision of another project with 422 naming it, an unknown decision with 404, and the same proposal twice with 409', async () => {
    const before = eventTypes().length;
    const other = await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-x', decisionId: 'dec-other' }).expect(422);
    expect(other.body.code).toBe('reference.of_another_project');
    expect(other.body.detail).toMatch(/decision dec-other belongs to project p-other, not p-energy/);
    const unknown = await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-y', decisionId: 'dec-missing' }).expect(404);
    expect(unknown.body.code).toBe('reference.not_found');
    const twice = await as(lead, 'RecordProjectProposalNotAdopted', proposal).expect(409);
    expect(twice.body.code).toBe('project.proposal_already_recorded');
    const blank = await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-z', reason: ' ' }).expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(eventTypes().length).toBe(before);
  });

  it('refuses a story part, a proposal or a reflection dated after today or before the project started, with 422 naming the field, storing nothing', async () => {
    const before = eventTypes().length;
    const part = { projectId: 'p-energy', part: 'lessons', text: 'Paper first.' };
    const future = await as(lead, 'RecordProjectStory', { ...part, recordedOn: '2062-04-01' }).expect(422);
    expect(future.body.code).toBe('project.recorded_in_future');
    expect(future.body.detail).toMatch(/recordedOn 2062-04-01 is after the day it is recorded/);
    const early = await as(lead, 'RecordProjectStory', { ...part, recordedOn: '1999-05-01' }).expect(422);
    expect(early.body.code).toBe('project.recorded_before_start');
    expect(early.body.detail).toMatch(/recordedOn 1999-05-01 is before project p-energy started \(2026-01-10\)/);
    const proposalEarly = await as(lead, 'RecordProjectProposalNotAdopted', {
      ...proposal,
      proposalId: 'prop-early',
      recordedOn: '2025-12-31',
    }).expect(422);
    expect(proposalEarly.body.code).toBe('project.recorded_before_start');
    const reflection = { projectId: 'p-energy', principleId: 'equality', reflection: 'Paper forms helped', madeADifference: true };
    const reflectionLate = await as(lead, 'RecordPrincipleReflection', { ...reflection, recordedOn: '2062-04-01' }).expect(422);
    expect(reflectionLate.body.code).toBe('project.recorded_in_future');
    expect(eventTypes().length).toBe(before);
  });

  describe('contributions and sessions named must be of the same project', () => {
    const session = (activityId: string, projectId: string) => ({
      activityId,
      projectId,
      title: `Workshop ${activityId}`,
      activityType: 'workshop',
      stage: 'co_design',
      format: 'in_person',
      plannedFor: '2026-03-10T18:00:00.000Z',
      ladderLevel: 'co_design',
    });
    const contribution = (activityId: string, contributionId: string) => ({
      activityId,
      contributionId,
      participantIds: [],
      kind: 'proposal',
      recordedAs: 'staff_summary',
      summary: 'Launch the note in every parish',
    });
    const influence = (activityIds: string[]) => ({
      decisionId: 'dec-energy',
      influenceId: `inf-${activityIds.join('-')}`,
      contributionIds: [],
      activityIds,
      youSaid: 'Start with the questions groups ask',
      weDid: 'The note is organised as those questions',
      whereInRecommendation: null,
      ladderLevel: 'co_design',
      needhamCarrLevel: 'intermediate',
      optionsAlreadyFormed: false,
    });

    beforeAll(async () => {
      for (const [activityId, projectId] of [
        ['act-energy', 'p-energy'],
        ['act-other', 'p-other'],
      ]) {
        await as(lead, 'PlanActivity', session(activityId, projectId)).expect(201);
        await as(lead, 'HoldActivity', { activityId, heldOn: '2026-03-10T18:00:00.000Z', durationMinutes: 90, ladderLevel: 'co_design' }).expect(201);
      }
      await as(lead, 'RecordContribution', contribution('act-energy', 'con-energy')).expect(201);
      await as(lead, 'RecordContribution', contribution('act-other', 'con-other')).expect(201);
    });

    it('records a proposal naming a contribution of this project', async () => {
      await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-con', contributionId: 'con-energy' }).expect(201);
    });

    it('refuses a contribution of another project with 422 and an unknown one with 404, storing nothing', async () => {
      const before = eventTypes().length;
      const other = await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-c2', contributionId: 'con-other' }).expect(
        422,
      );
      expect(other.body.code).toBe('reference.of_another_project');
      expect(other.body.detail).toMatch(/contribution con-other belongs to project p-other, not p-energy/);
      const unknown = await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-c3', contributionId: 'con-missing' }).expect(
        404,
      );
      expect(unknown.body.code).toBe('reference.not_found');
      expect(unknown.body.detail).toMatch(/contribution con-missing does not exist/);
      expect(eventTypes().length).toBe(before);
    });

    it('finds a contribution recorded after the first look, and links an influence to a session of the decision project', async () => {
      await as(lead, 'RecordContribution', contribution('act-energy', 'con-later')).expect(201);
      await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-later', contributionId: 'con-later' }).expect(201);
      await as(lead, 'LinkInfluence', influence(['act-energy'])).expect(201);
    });

    it('refuses a contribution voided since it was recorded with 404, as one never recorded', async () => {
      const recorded = await as(lead, 'RecordContribution', contribution('act-energy', 'con-withdrawn')).expect(201);
      await as(lead, 'RecordProjectProposalNotAdopted', { ...proposal, proposalId: 'prop-before-void', contributionId: 'con-withdrawn' }).expect(201);
      await as(lead, 'VoidContribution', {
        activityId: 'act-energy',
        eventId: recorded.body.eventIds[0],
        reason: 'Recorded at the wrong session',
      }).expect(201);
      const before = eventTypes().length;
      const voided = await as(lead, 'RecordProjectProposalNotAdopted', {
        ...proposal,
        proposalId: 'prop-after-void',
        contributionId: 'con-withdrawn',
      }).expect(404);
      expect(voided.body.code).toBe('reference.not_found');
      expect(eventTypes().length).toBe(before);
    });

    it('links an influence to contributions of the decision project, and refuses one of another project (422) or never recorded (404), storing nothing', async () => {
      await as(lead, 'LinkInfluence', { ...influence([]), influenceId: 'inf-con', contributionIds: ['con-energy'] }).expect(201);
      const before = eventTypes().length;
      const other = await as(lead, 'LinkInfluence', {
        ...influence([]),
        influenceId: 'inf-con-2',
        contributionIds: ['con-energy', 'con-other'],
      }).expect(422);
      expect(other.body.code).toBe('reference.of_another_project');
      expect(other.body.detail).toMatch(/contribution con-other belongs to project p-other, not p-energy of decision dec-energy/);
      const unknown = await as(lead, 'LinkInfluence', {
        ...influence(['act-energy']),
        influenceId: 'inf-con-3',
        contributionIds: ['con-missing'],
      }).expect(404);
      expect(unknown.body.code).toBe('reference.not_found');
      expect(unknown.body.detail).toMatch(/contribution con-missing does not exist/);
      expect(eventTypes().length).toBe(before);
    });

    it("refuses a decision's proposal not adopted naming a contribution of another project (422) or never recorded (404), storing nothing", async () => {
      const decisionProposal = { decisionId: 'dec-energy', proposal: 'Print it in every language at once', reason: 'No budget this year' };
      await as(lead, 'RecordProposalNotAdopted', { ...decisionProposal, proposalId: 'dprop-1', contributionId: 'con-energy' }).expect(201);
      const before = eventTypes().length;
      const other = await as(lead, 'RecordProposalNotAdopted', { ...decisionProposal, proposalId: 'dprop-2', contributionId: 'con-other' }).expect(
        422,
      );
      expect(other.body.code).toBe('reference.of_another_project');
      const unknown = await as(lead, 'RecordProposalNotAdopted', {
        ...decisionProposal,
        proposalId: 'dprop-3',
        contributionId: 'con-missing',
      }).expect(404);
      expect(unknown.body.code).toBe('reference.not_found');
      expect(eventTypes().length).toBe(before);
    });

    it('refuses an influence on a decision naming a session of another project with 422, storing nothing', async () => {
      const before = eventTypes().length;
      const other = await as(lead, 'LinkInfluence', influence(['act-energy', 'act-other'])).expect(422);
      expect(other.body.code).toBe('reference.of_another_project');
      expect(other.body.detail).toMatch(/activity act-other belongs to project p-other, not p-energy of decision dec-energy/);
      expect(eventTypes().length).toBe(before);
    });
  });

  it('withdraws a version of a story part: the one before is current again, the history keeps both, a viewer is refused', async () => {
    const outcomes = async () =>
      (await api.app.get(QueryBus).execute(new GetProjectOutcomes({ projectId: 'p-energy', now: new Date().toISOString() }))) as ProjectOutcomes;
    // The words are sealed in the record: the story is read as reports and pages read it, opened with each version's key.
    const protector = api.app.get<PersonalDataProtector>(PERSONAL_DATA_PROTECTOR);
    const story = async () => openStory((await outcomes()).facts, (data, id) => protector.open(data, id));
    await as(lead, 'RecordProjectStory', { projectId: 'p-energy', part: 'thanks', text: 'Thanks to every member.', recordedOn: '2026-11-01' }).expect(
      201,
    );
    const named = await as(lead, 'RecordProjectStory', {
      projectId: 'p-energy',
      part: 'thanks',
      text: 'Thanks to Jo Bloggs of Thatcham.',
      recordedOn: '2026-12-01',
    }).expect(201);
    const eventId = named.body.eventIds[0];
    expect((await story()).thanks?.text).toBe('Thanks to Jo Bloggs of Thatcham.');
    const withdrawal = { projectId: 'p-energy', eventId, reason: 'Jo Bloggs did not agree to be named' };
    const before = eventTypes().length;
    await as(viewer, 'VoidProjectStory', withdrawal).expect(403);
    const blank = await as(lead, 'VoidProjectStory', { ...withdrawal, reason: '' }).expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect(eventTypes().length).toBe(before);
    await as(lead, 'VoidProjectStory', withdrawal).expect(201);
    expect((await story()).thanks?.text).toBe('Thanks to every member.');
    const again = await as(lead, 'VoidProjectStory', withdrawal).expect(409);
    expect(again.body.code).toBe('correction.already_voided');
    expect(eventTypes().slice(-2)).toEqual(['ProjectStoryRecorded', 'EventCorrected']);
  });
});
