import { DemoStep } from './demo-step';
import { registerPeople } from './people';
import { recordCommunityEnergy } from './projects/community-energy';
import { recordCommunityEnergyEvidence } from './projects/community-energy-evidence';
import { recordMascotVote } from './projects/mascot-vote';
import { recordRecoveryCollege } from './projects/recovery-college';
import { recordRecoveryCollegeEvidence } from './projects/recovery-college-evidence';
import { recordServiceUserVoice } from './projects/service-user-voice';
import { recordServiceUserVoiceEvidence } from './projects/service-user-voice-evidence';
import { Timeline } from './timeline';

/**
 * The demo record: four co-produced projects from the councils' own framework documents, with
 * invented people, as the commands that record them, in the order they are recorded (by `at`;
 * steps recorded in the same minute keep the order they were built in). Pure data: every call
 * returns the same steps.
 */
export function buildDemoRecord(): DemoStep[] {
  const timeline = new Timeline();
  registerPeople(timeline);
  recordCommunityEnergy(timeline);
  recordCommunityEnergyEvidence(timeline);
  recordRecoveryCollege(timeline);
  recordRecoveryCollegeEvidence(timeline);
  recordMascotVote(timeline);
  recordServiceUserVoice(timeline);
  recordServiceUserVoiceEvidence(timeline);
  return timeline.steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.at.localeCompare(b.step.at) || a.order - b.order)
    .map(({ step }) => step);
}
