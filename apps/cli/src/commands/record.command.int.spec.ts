import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@coprod/domain';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { CliModule } from '../cli.module';
import { errorText } from '../main';
import { RecordCommand } from './record.command';
import { withoutDeploymentStore } from '../../../../test/support/deployment-store';

const project = {
  projectId: 'p-story',
  title: 'Library opening hours review',
  serviceArea: 'Libraries',
  aim: 'Decide with residents when the branch libraries open',
  frameworkId: 'west-berkshire',
  improvementSought: 'Opening hours that suit the people who use the libraries',
  openToNewMembers: true,
  // Started before it was recorded, so the lessons below may be dated from then.
  startedOn: '2026-01-12',
};
const lessons = { projectId: 'p-story', part: 'lessons', text: 'Evening sessions brought in people who work days.', recordedOn: '2026-12-04' };

/** `coprod record` opened on a fresh data folder, as the CLI runs it, for the actor and role given. */
async function openCli(dataDir: string, role: string) {
  const saved = { ...process.env };
  process.env = withoutDeploymentStore(saved, { COPROD_DATA_DIR: dataDir, COPROD_ACTOR: `${role}.one`, COPROD_ACTOR_ROLE: role });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(CliModule, { logger: false });
  return {
    record: app.get(RecordCommand),
    streamTypes: async (stream: string) => (await app.get<EventStore>(EVENT_STORE).readStream(stream)).map((e) => e.type),
    close: async () => {
      await app.close();
      process.env = saved;
    },
  };
}

describe('coprod record: any command from the command line, by the same path as the API', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'coprod-record-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('records a part of the story of a closed project from --data and from --file, once per idempotency key', async () => {
    const cli = await openCli(dataDir, 'evaluation_lead');
    try {
      await cli.record.record('RegisterProject', { data: JSON.stringify(project) });
      await cli.record.record('CloseProject', {
        data: JSON.stringify({ projectId: 'p-story', closedOn: '2026-11-30', summary: 'New hours agreed' }),
      });
      const first = await cli.record.record('RecordProjectStory', { data: JSON.stringify(lessons), idempotencyKey: 'story-lessons-1' });
      expect(first).toMatchObject({ stream: 'project-p-story', eventTypes: ['ProjectStoryRecorded'], duplicate: false });
      const again = await cli.record.record('RecordProjectStory', { data: JSON.stringify(lessons), idempotencyKey: 'story-lessons-1' });
      expect(again.duplicate).toBe(true);
      const file = join(dataDir, 'thanks.json');
      writeFileSync(file, JSON.stringify({ ...lessons, part: 'thanks', text: 'Thank you to the Friends of the Library.' }));
      await cli.record.record('RecordProjectStory', { file, source: 'paper' });
      expect(await cli.streamTypes('project-p-story')).toEqual([
        'ProjectRegistered',
        'ProjectClosed',
        'ProjectStoryRecorded',
        'ProjectStoryRecorded',
      ]);
    } finally {
      await cli.close();
    }
  });

  it('refuses invalid data naming each field, a broken rule with its code, and a role that may not record, recording nothing', async () => {
    const lead = await openCli(dataDir, 'evaluation_lead');
    try {
      await lead.record.record('RegisterProject', { data: JSON.stringify(project) });
      const invalid = await lead.record
        .record('RecordProjectStory', { data: JSON.stringify({ ...lessons, part: 'gossip', text: '' }) })
        .catch((e: Error) => e);
      expect(errorText(invalid as Error)).toMatch(/^coprod: RecordProjectStory was not recorded:\n {2}part: part must be one of the following values: background, .*\n {2}text: text must not be empty/);
      const unregistered = await lead.record
        .record('RecordProjectStory', { data: JSON.stringify({ ...lessons, projectId: 'p-nowhere' }) })
        .catch((e: Error) => e);
      expect(unregistered).toBeInstanceOf(DomainError);
      expect((unregistered as DomainError).code).toBe('project.not_found');
      await expect(lead.record.record('RecordProjectStory', { data: '{"projectId":' })).rejects.toThrow(/the data of RecordProjectStory is not JSON/);
      await expect(lead.record.record('RecordProjectStory', {})).rejects.toThrow(/give the data of RecordProjectStory once/);
      await expect(lead.record.record('DeleteEverything', { data: '{}' })).rejects.toThrow(/unknown command DeleteEverything/);
    } finally {
      await lead.close();
    }
    const viewer = await openCli(dataDir, 'viewer');
    try {
      const refused = await viewer.record.record('RecordProjectStory', { data: JSON.stringify(lessons) }).catch((e: Error) => e);
      expect(refused).toMatchObject({ kind: 'forbidden', code: 'access.record' });
      expect(errorText(refused as Error)).toMatch(/^coprod: viewer.one \(viewer\) may not record/);
      expect(await viewer.streamTypes('project-p-story')).toEqual(['ProjectRegistered']);
    } finally {
      await viewer.close();
    }
  });

  it('refuses an influence naming a contribution never recorded, as the API does, recording nothing', async () => {
    const lead = await openCli(dataDir, 'evaluation_lead');
    try {
      await lead.record.record('RegisterProject', { data: JSON.stringify(project) });
      const decision = {
        decisionId: 'd-hours',
        projectId: 'p-story',
        title: 'Branch library opening hours',
        decisionMaker: 'cabinet',
        reference: 'CAB-2026-14',
        decidedOn: '2026-06-11',
        recommendation: 'Open the branch libraries on two evenings a week',
      };
      await lead.record.record('RecordDecision', { data: JSON.stringify(decision) });
      const influence = {
        decisionId: 'd-hours',
        influenceId: 'inf-evenings',
        contributionIds: ['con-never'],
        activityIds: [],
        youSaid: 'Open in the evenings',
        weDid: 'Two evenings a week',
        whereInRecommendation: null,
        ladderLevel: 'co_design',
        needhamCarrLevel: 'intermediate',
        optionsAlreadyFormed: false,
      };
      const refused = await lead.record.record('LinkInfluence', { data: JSON.stringify(influence) }).catch((e: Error) => e);
      expect(refused).toMatchObject({ kind: 'not_found', code: 'reference.not_found' });
      expect(errorText(refused as Error)).toMatch(/^coprod: contribution con-never does not exist; record it before LinkInfluence/);
      expect(await lead.streamTypes('decision-d-hours')).toEqual(['DecisionRecorded']);
    } finally {
      await lead.close();
    }
  });

  it('refuses on the project a proposal id already recorded on one of its decisions, as the API does, recording nothing', async () => {
    const lead = await openCli(dataDir, 'evaluation_lead');
    try {
      await lead.record.record('RegisterProject', { data: JSON.stringify(project) });
      const decision = {
        decisionId: 'd-hours',
        projectId: 'p-story',
        title: 'Branch library opening hours',
        decisionMaker: 'cabinet',
        reference: 'CAB-2026-14',
        decidedOn: '2026-06-11',
        recommendation: 'Open the branch libraries on two evenings a week',
      };
      await lead.record.record('RecordDecision', { data: JSON.stringify(decision) });
      const proposal = { proposalId: 'prop-sundays', contributionId: null, proposal: 'Open on Sundays', reason: 'No staff on Sundays' };
      await lead.record.record('RecordProposalNotAdopted', { data: JSON.stringify({ ...proposal, decisionId: 'd-hours' }) });
      const refused = await lead.record
        .record('RecordProjectProposalNotAdopted', {
          data: JSON.stringify({ ...proposal, projectId: 'p-story', decisionId: null, recordedOn: '2026-06-12' }),
        })
        .catch((e: Error) => e);
      expect(refused).toMatchObject({ kind: 'conflict', code: 'project.proposal_already_recorded' });
      expect(errorText(refused as Error)).toMatch(
        /^coprod: proposal prop-sundays is already recorded as not adopted on decision d-hours of project p-story/,
      );
      expect(await lead.streamTypes('project-p-story')).toEqual(['ProjectRegistered']);
    } finally {
      await lead.close();
    }
  });
});
