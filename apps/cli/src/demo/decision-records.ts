import { DecisionMaker } from '@coprod/domain';
import { DemoCommandData } from './demo-commands';
import { instant } from './demo-clock';
import { DemoActor } from './demo-step';
import { Timeline } from './timeline';

/** A decision with what shaped it, what was not taken up and what was promised. */
export interface DemoDecision {
  id: string;
  projectId: string;
  title: string;
  maker: DecisionMaker;
  reference: string;
  /** Day of the meeting or signed delegation, `YYYY-MM-DD`. */
  decided: string;
  recommendation: string;
  /** When the lead recorded it, `YYYY-MM-DD HH:MM`. */
  recorded: string;
  influences: Omit<DemoCommandData<'LinkInfluence'>, 'decisionId'>[];
  notAdopted?: Omit<DemoCommandData<'RecordProposalNotAdopted'>, 'decisionId'>[];
  commitments?: { id: string; description: string; dueBy: string | null; met?: { on: string; evidence: string } }[];
}

/** Records the decision and its links in one sitting, and each commitment met when it was met. */
export function recordDecision(timeline: Timeline, lead: DemoActor, decision: DemoDecision): void {
  const decisionId = decision.id;
  const sitting = timeline.from(instant(decision.recorded), lead).record('RecordDecision', {
    decisionId,
    projectId: decision.projectId,
    title: decision.title,
    decisionMaker: decision.maker,
    reference: decision.reference,
    decidedOn: instant(`${decision.decided} 12:00`),
    recommendation: decision.recommendation,
  });
  for (const influence of decision.influences) sitting.record('LinkInfluence', { decisionId, ...influence });
  for (const proposal of decision.notAdopted ?? []) sitting.record('RecordProposalNotAdopted', { decisionId, ...proposal });
  for (const commitment of decision.commitments ?? []) {
    sitting.record('MakeCommitment', {
      decisionId,
      commitmentId: commitment.id,
      description: commitment.description,
      dueBy: commitment.dueBy === null ? null : instant(commitment.dueBy),
    });
  }
  for (const commitment of decision.commitments ?? []) {
    if (!commitment.met) continue;
    const metOn = instant(commitment.met.on);
    timeline.from(metOn, lead).record('MeetCommitment', { decisionId, commitmentId: commitment.id, metOn, evidence: commitment.met.evidence });
  }
}
