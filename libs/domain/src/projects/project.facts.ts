import { Fact, FactFold } from '../core/fact';
import type { NotAdoptedFact } from '../decisions/decision.facts';
import { ProjectEvent, StoryPart } from './project';

/** The latest version of one part of a project's story, its words readable. */
export interface StoryPartFact {
  text: string;
  recordedOn: string;
  eventId: string;
}

/**
 * One recorded version of a story part as stored: a plain `text` where it was recorded before story text was
 * sealed, otherwise its words sealed (`personal`, exactly as stored), which a reader opens with their key.
 */
export interface StoryVersionFact {
  eventId: string;
  recordedOn: string;
  text?: string;
  personal?: unknown;
}

/** What a project's own record says: its registration, tailoring, set-up, stages, reflections, story and proposals not adopted. */
export interface ProjectRecordFacts {
  project?: {
    projectId: string;
    title: string;
    serviceArea: string;
    aim: string;
    frameworkId: string;
    improvementSought: string;
    registeredOn: string;
    closedOn: string | null;
    stage: string;
    eventId: string;
  };
  tailoredOutcomes: Record<string, { wording: string; eventId: string }>;
  setup: { activity: string; doneOn: string; eventId: string }[];
  stages: { stage: string; from: string; skipped: string[]; reason: string | null; enteredOn: string; eventId: string }[];
  reflections: { principleId: string; reflection: string; madeADifference: boolean; recordedOn: string; eventId: string }[];
  /**
   * Each part as last recorded, where its words can be read without a key (recorded before story text was sealed):
   * a later recording replaces it here, the earlier stays in the history. A part whose latest version is sealed is
   * absent until a reader opens `storyVersions` (the application's `openStory`), so sealed words are never shown
   * unopened and an older version never stands in for a newer one.
   */
  story: Partial<Record<StoryPart, StoryPartFact>>;
  /** Every version of each part still counting, oldest first: voided versions and versions whose words were erased are left out. */
  storyVersions: Partial<Record<StoryPart, StoryVersionFact[]>>;
  /**
   * Proposals not adopted recorded on the project; the same list the decision-level ones join when a
   * project's facts are folded together, so every reader of `notAdopted` sees both, in the order recorded.
   */
  notAdopted: NotAdoptedFact[];
}

export const projectFacts: FactFold<ProjectEvent, ProjectRecordFacts> = {
  empty: () => ({ tailoredOutcomes: {}, setup: [], stages: [], reflections: [], story: {}, storyVersions: {}, notAdopted: [] }),
  eventTypes: {
    ProjectRegistered: true,
    OutcomeTailored: true,
    SetupActivityRecorded: true,
    StageEntered: true,
    ProjectFrameworkChanged: true,
    PrincipleReflectionRecorded: true,
    ProjectClosed: true,
    ProjectStoryRecorded: true,
    ProjectStoryWordsErased: true,
    ProjectProposalNotAdopted: true,
  },
  apply(f: ProjectRecordFacts, e: Fact<ProjectEvent>): void {
    switch (e.type) {
      case 'ProjectRegistered': {
        const { projectId, title, serviceArea, aim, frameworkId, improvementSought } = e.data;
        f.project = {
          projectId,
          title,
          serviceArea,
          aim,
          frameworkId,
          improvementSought,
          registeredOn: e.occurredAt,
          closedOn: null,
          stage: 'co_planning',
          eventId: e.eventId,
        };
        return;
      }
      case 'OutcomeTailored':
        f.tailoredOutcomes[e.data.outcomeId] = { wording: e.data.wording, eventId: e.eventId };
        return;
      case 'SetupActivityRecorded':
        f.setup.push({ activity: e.data.activity, doneOn: e.data.doneOn, eventId: e.eventId });
        return;
      case 'StageEntered':
        f.stages.push({
          stage: e.data.stage,
          from: e.data.from,
          skipped: e.data.skipped ?? [],
          reason: e.data.reason ?? null,
          enteredOn: e.data.enteredOn,
          eventId: e.eventId,
        });
        if (f.project) f.project.stage = e.data.stage;
        return;
      case 'ProjectFrameworkChanged':
        if (f.project) f.project.frameworkId = e.data.frameworkId;
        return;
      case 'PrincipleReflectionRecorded':
        f.reflections.push({
          principleId: e.data.principleId,
          reflection: e.data.reflection,
          madeADifference: !!e.data.madeADifference,
          recordedOn: e.data.recordedOn,
          eventId: e.eventId,
        });
        return;
      case 'ProjectClosed':
        if (f.project) f.project.closedOn = e.data.closedOn;
        return;
      case 'ProjectStoryRecorded': {
        const { part, recordedOn, text, personal } = e.data;
        const version: StoryVersionFact =
          personal === undefined ? { eventId: e.eventId, recordedOn, text } : { eventId: e.eventId, recordedOn, personal };
        f.storyVersions[part] = [...(f.storyVersions[part] ?? []), version];
        currentStory(f, part);
        return;
      }
      case 'ProjectStoryWordsErased':
        // Erased words no longer count, as a voided version: the part falls back to the version before it.
        for (const part of Object.keys(f.storyVersions) as StoryPart[]) {
          const versions = f.storyVersions[part]!;
          if (!versions.some((v) => v.eventId === e.data.eventId)) continue;
          f.storyVersions[part] = versions.filter((v) => v.eventId !== e.data.eventId);
          currentStory(f, part);
        }
        return;
      case 'ProjectProposalNotAdopted': {
        const { decisionId, proposalId, contributionId, proposal, reason } = e.data;
        f.notAdopted.push({
          eventId: e.eventId,
          decisionId: decisionId ?? null,
          proposalId,
          contributionId: contributionId ?? null,
          proposal,
          reason,
        });
        return;
      }
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};

/** Sets a part's readable current version from its latest version still counting: plain words stand, sealed ones wait to be opened. */
function currentStory(f: ProjectRecordFacts, part: StoryPart): void {
  const latest = f.storyVersions[part]?.at(-1);
  if (latest && typeof latest.text === 'string') f.story[part] = { text: latest.text, recordedOn: latest.recordedOn, eventId: latest.eventId };
  else delete f.story[part];
}
