import Database from 'better-sqlite3';
import { join } from 'node:path';
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
    await as(lead, 'RegisterProject', energyProject).expect(201);
    await as(lead, 'RegisterProject', { ...energyProject, projectId: 'p-other', title: 'Another project' }).expect(201);
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
});
