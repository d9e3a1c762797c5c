import { DemoStep } from './demo-step';
import { registerPeople } from './people';
import { recordCommunityEnergy } from './projects/community-energy';
import { recordCommunityEnergyEvidence } from './projects/community-energy-evidence';
import { Timeline } from './timeline';

/**
 * The demo record: four co-produced projects from the councils' own framework documents, with
 * invented people, every command in the order it is recorded (by `at`, ties in the order built).
 * Pure data: the same on every call.
 */
export function buildDemoRecord(): DemoStep[] {
  const timeline = new Timeline();
  registerPeople(timeline);
  recordCommunityEnergy(timeline);
  recordCommunityEnergyEvidence(timeline);
  return timeline.steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.at.localeCompare(b.step.at) || a.order - b.order)
    .map(({ step }) => step);
}
