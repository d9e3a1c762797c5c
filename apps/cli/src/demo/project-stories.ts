import type { StoryPart } from '@coprod/domain';
import { instant } from './demo-clock';
import type { DemoActor } from './demo-step';
import type { Timeline } from './timeline';

/** The parts of one project's story the demo records; a part left out stays unrecorded, as in real life. */
export type DemoStory = Partial<Record<StoryPart, string>>;

/**
 * Records a project's story as its evaluation lead would, one part a minute from `at` (a local time such
 * as `2026-10-16 15:00`), each dated `recordedOn` that afternoon. Parts are recorded in a fixed order so
 * the record is the same on every run.
 */
export function recordStory(timeline: Timeline, actor: DemoActor, projectId: string, at: string, story: DemoStory): void {
  const sitting = timeline.from(instant(at), actor);
  const order: StoryPart[] = ['background', 'reach', 'lessons', 'next_steps', 'thanks', 'contact'];
  for (const part of order) {
    const text = story[part];
    if (text !== undefined) sitting.record('RecordProjectStory', { projectId, part, text, recordedOn: instant(at) });
  }
}
