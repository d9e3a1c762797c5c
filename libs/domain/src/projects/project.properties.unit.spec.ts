import fc from 'fast-check';
import { checkInvariants, correctionsStayFinal, eventRef, ids, invariant, mostly, reason, request, StreamView } from '../core/properties';
import { SETUP_ACTIVITIES, Stage, STAGES } from '../core/vocabulary';
import { ProjectEvent, STORY_PARTS, STORY_TEXT_MAX_LENGTH } from './project';
import { projectDecider } from './project.decider';

const projectId = ids('p1', 'p2');
const text = (valid: string) => mostly([valid], ['', '  ']);
const day = mostly(['2026-01-20', '2026-03-01T10:00:00Z'], ['', '2026-02-30']);
const frameworkId = fc.constantFrom('west-berkshire', 'southend');

const register = request(
  'RegisterProject',
  fc.record({
    projectId,
    title: text('Community energy guidance note'),
    serviceArea: fc.constant('Environment'),
    aim: text('An introductory guidance note on community energy generation'),
    frameworkId,
    improvementSought: text('Residents can start an energy co-op'),
    openToNewMembers: fc.boolean(),
  }),
);
const correcting = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ projectId, eventId: eventRef, reason, ...fields }, { requiredKeys: ['projectId', 'eventId', 'reason'] });

const requests = fc.oneof(
  { weight: 1, arbitrary: register },
  {
    weight: 1,
    arbitrary: request(
      'TailorOutcome',
      fc.record({ projectId, outcomeId: fc.constant('outcome-5'), wording: text('More residents start energy co-ops') }),
    ),
  },
  {
    weight: 4,
    arbitrary: request(
      'RecordSetupActivity',
      fc.record({
        projectId,
        activity: mostly(SETUP_ACTIVITIES, ['bake_sale']),
        doneOn: day,
        note: fc.constantFrom(null, 'Agreed at the first meeting'),
      }),
    ),
  },
  {
    weight: 4,
    arbitrary: request(
      'MoveProjectToStage',
      fc.record({ projectId, stage: mostly(STAGES, ['co_dreaming']), enteredOn: day, reason: mostly([null, 'The council delivers it'], ['']) }),
    ),
  },
  { weight: 2, arbitrary: request('ChangeProjectFramework', fc.record({ projectId, frameworkId, reason })) },
  {
    weight: 2,
    arbitrary: request(
      'RecordPrincipleReflection',
      fc.record({
        projectId,
        principleId: fc.constant('equal-partners'),
        reflection: text('Residents chaired every meeting'),
        madeADifference: fc.boolean(),
        recordedOn: day,
      }),
    ),
  },
  { weight: 1, arbitrary: request('CloseProject', fc.record({ projectId, closedOn: day, summary: text('Guidance note published') })) },
  {
    weight: 2,
    arbitrary: request(
      'RecordProjectStory',
      fc.record({
        projectId,
        part: mostly(STORY_PARTS, ['gossip']),
        text: mostly(['Posting papers ahead mattered', '  Thanks to every member  '], ['', ' ', 'a'.repeat(STORY_TEXT_MAX_LENGTH + 1)]),
        recordedOn: day,
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'RecordProjectProposalNotAdopted',
      fc.record({
        projectId,
        proposalId: ids('prop-1', 'prop-2'),
        contributionId: fc.constantFrom(null, 'con-1'),
        proposal: text('Launch in every parish'),
        reason: text('Budget for one launch only'),
        decisionId: mostly([null, 'dec-1'], ['']),
        recordedOn: day,
      }),
    ),
  },
  { weight: 1, arbitrary: request('VoidProjectProposalNotAdopted', correcting({})) },
  { weight: 1, arbitrary: request('VoidProjectStory', correcting({})) },
  { weight: 2, arbitrary: request('AmendSetupActivity', correcting({ note: fc.constantFrom('Agreed by e-mail', '') })) },
  { weight: 2, arbitrary: request('VoidSetupActivity', correcting({})) },
  {
    weight: 1,
    arbitrary: request(
      'AmendPrincipleReflection',
      correcting({ reflection: text('Residents chaired most meetings'), madeADifference: fc.boolean() }),
    ),
  },
  { weight: 1, arbitrary: request('VoidPrincipleReflection', correcting({})) },
);

/**
 * Walks the project as a reader sees it: registered once, stages only forward, each set-up activity and
 * proposal once, nothing after closing but its story, every story part non-empty, trimmed and within its limit.
 */
function projectInvariants({ id, raw, read }: StreamView<ProjectEvent>): void {
  let registered = false;
  let closed = false;
  let stage: Stage = 'co_planning';
  let framework = '';
  let startedOn = '';
  const setup = new Set<string>();
  const proposals = new Set<string>();
  for (const event of read) {
    invariant(
      registered !== (event.type === 'ProjectRegistered'),
      `project ${id}: ${event.type} ${event.id} ${registered ? 'after it was registered' : 'before it was registered'}`,
    );
    invariant(!closed || event.type === 'ProjectStoryRecorded', `project ${id} was closed, then ${event.type} ${event.id}`);
    if (event.type === 'ProjectStoryRecorded' || event.type === 'ProjectProposalNotAdopted' || event.type === 'PrincipleReflectionRecorded') {
      const day = event.data.recordedOn.slice(0, 10);
      invariant(
        day >= startedOn && day <= event.recordedAt.slice(0, 10),
        `project ${id}: ${event.type} ${event.id} dated ${day}, outside ${startedOn} to the day it was recorded`,
      );
    }
    switch (event.type) {
      case 'ProjectRegistered':
        registered = true;
        framework = event.data.frameworkId;
        startedOn = event.occurredAt.slice(0, 10);
        break;
      case 'StageEntered': {
        const { from, skipped, reason } = event.data;
        const [at, to] = [STAGES.indexOf(from), STAGES.indexOf(event.data.stage)];
        invariant(from === stage, `project ${id} entered ${event.data.stage} from ${from} while in ${stage}`);
        invariant(to > at, `project ${id} moved back or stayed: ${from} to ${event.data.stage}`);
        invariant(
          JSON.stringify(skipped) === JSON.stringify(STAGES.slice(at + 1, to)),
          `project ${id} skipped ${skipped.join(', ')} going ${from} to ${event.data.stage}`,
        );
        invariant(
          skipped.every((s) => s === 'co_delivery'),
          `project ${id} skipped ${skipped.join(', ')}`,
        );
        invariant(skipped.length === 0 || !!reason, `project ${id} skipped co-delivery without a reason`);
        stage = event.data.stage;
        break;
      }
      case 'ProjectFrameworkChanged':
        invariant(
          event.data.previousFrameworkId === framework && event.data.frameworkId !== framework,
          `project ${id} changed framework ${event.data.previousFrameworkId} to ${event.data.frameworkId} while on ${framework}`,
        );
        framework = event.data.frameworkId;
        break;
      case 'SetupActivityRecorded':
        invariant(!setup.has(event.data.activity), `set-up activity ${event.data.activity} is recorded twice on project ${id}`);
        setup.add(event.data.activity);
        break;
      case 'ProjectClosed':
        closed = true;
        break;
      case 'ProjectStoryRecorded': {
        const { part } = event.data;
        const written = event.data.personal?.fields?.text ?? event.data.text ?? '';
        invariant((STORY_PARTS as readonly string[]).includes(part), `project ${id} has a story part ${part}`);
        invariant(
          written !== '' && written === written.trim() && written.length <= STORY_TEXT_MAX_LENGTH,
          `project ${id} has a ${part} of ${written.length} characters, untrimmed or empty`,
        );
        break;
      }
      case 'ProjectProposalNotAdopted':
        invariant(!proposals.has(event.data.proposalId), `proposal ${event.data.proposalId} is recorded twice on project ${id}`);
        invariant(event.data.decisionId === null || event.data.decisionId !== '', `proposal ${event.data.proposalId} names a blank decision`);
        proposals.add(event.data.proposalId);
        break;
    }
  }
  correctionsStayFinal(raw);
}

describe('project properties', () => {
  it('keeps stages moving forward, each set-up activity and proposal once, and a closed project closed but to its story', () => {
    checkInvariants(projectDecider, { opening: register, requests }, projectInvariants);
  });
});
