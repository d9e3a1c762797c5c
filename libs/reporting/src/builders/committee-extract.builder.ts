import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS, PARTICIPANT_ROLES, roleGroup, type ParticipantRole } from '@coprod/domain/core/vocabulary';
import type { ActivityFact, DecisionFact, InfluenceFact, ProjectFacts } from '@coprod/frameworks';
import { peopleBehind } from '@coprod/frameworks/indicators/decisions.indicators';
import { labelOf } from '@coprod/frameworks/indicators/labels';
import { heldAttendance } from '@coprod/frameworks/indicators/people.indicators';
import { applyReportDefinition } from '../definitions/apply-report-definition';
import type { ReportBlock, ReportModel, ReportSection } from '../model/report-model';
import { consentedQuotes, quotesInOrder } from './consented-quotes';
import type { ProjectEvidence, ReportSetting } from './report-inputs';
import { longDate, provenanceBlocks, reportProvenance } from './report-provenance';

/** What a committee extract is built from: the decision's project and the decision to describe. */
export interface CommitteeExtractInput {
  evidence: ProjectEvidence;
  decisionId: string;
  setting: ReportSetting;
}

const NOT_SHOWN = 'not shown (too few people)';

/**
 * How co-production shaped one decision, in the shape of a committee paper: who was involved and
 * how, what they proposed, what changed and where, what was not adopted, the level reached, quotes
 * consented for committee papers (those about this decision first), and commitments.
 */
export function buildCommitteeExtract(input: CommitteeExtractInput): ReportModel {
  const { evidence, setting, decisionId } = input;
  const { facts } = evidence;
  const decision = facts.decisions.get(decisionId);
  if (!decision) throw new Error(`decision ${decisionId} is not in the record of project ${evidence.projectId}; check the decision id and the clocks`);
  const influences = facts.influences.filter((i) => i.decisionId === decisionId);
  const people = [...new Set(influences.flatMap((i) => peopleBehind(facts, i)))];
  const sessions = sessionsBehind(facts, influences);
  const threshold = setting.suppressionThreshold;

  const sections: ReportSection[] = [
    { id: 'how_residents_shaped', heading: 'How residents shaped this decision', blocks: shapedBlocks(facts, decision, influences, people, sessions) },
    { id: 'who_was_involved', heading: 'Who was involved', blocks: involvedBlocks(facts, people, sessions, threshold) },
    { id: 'what_they_proposed', heading: 'What they proposed', blocks: proposedBlocks(facts, influences) },
    { id: 'what_changed', heading: 'What changed because of it', blocks: changedBlocks(decision, influences) },
    { id: 'not_adopted', heading: 'What was not adopted, and why', blocks: notAdoptedBlocks(facts, decisionId) },
    { id: 'we_asked_you_said_we_did', heading: 'We asked, you said, we did', blocks: weAskedBlocks(facts, influences) },
    { id: 'level_of_involvement', heading: 'Level of involvement reached', blocks: levelBlocks(influences, people.length) },
    { id: 'quotes', heading: 'In their own words', blocks: quoteBlocks(evidence, decisionId) },
    { id: 'open_commitments', heading: 'Commitments still open', blocks: commitmentBlocks(facts, decisionId) },
    { id: 'provenance', heading: 'Where these figures come from', blocks: provenanceBlocks(evidence.range) },
  ];
  const model: ReportModel = {
    kind: 'committee_extract',
    title: decision.title,
    subtitle: `How co-production shaped this decision (${decision.reference})`,
    lang: 'en-GB',
    publisher: setting.publisher,
    suppressionThreshold: threshold,
    cover: [
      { label: 'Decision', value: decision.title },
      { label: 'Reference', value: decision.reference },
      { label: 'Decided by', value: labelOf(decision.decisionMaker) },
      { label: 'Decided on', value: longDate(decision.decidedOn) },
      { label: 'Project', value: facts.project?.title ?? evidence.projectId },
      { label: 'Framework', value: `${evidence.framework.name}, version ${evidence.framework.version}` },
    ],
    sections,
    provenance: reportProvenance(evidence.range, evidence.clocks, setting, evidence.framework),
  };
  return applyReportDefinition(model, setting.definition);
}

function sessionsBehind(facts: ProjectFacts, influences: InfluenceFact[]): ActivityFact[] {
  const ids = new Set(influences.flatMap((i) => i.activityIds));
  for (const c of facts.contributions) if (influences.some((i) => i.contributionIds.includes(c.contributionId))) ids.add(c.activityId);
  return [...ids]
    .map((id) => facts.activities.get(id))
    .filter((a): a is ActivityFact => a !== undefined && a.heldOn !== null && !a.cancelled)
    .sort((a, b) => (a.heldOn ?? '').localeCompare(b.heldOn ?? ''));
}

const isResident = (facts: ProjectFacts, id: string) => {
  const role = facts.participants.get(id)?.role;
  return role !== undefined && roleGroup(role as ParticipantRole) === 'residents_and_communities';
};

function shapedBlocks(facts: ProjectFacts, decision: DecisionFact, influences: InfluenceFact[], people: string[], sessions: ActivityFact[]): ReportBlock[] {
  if (influences.length === 0) {
    return [{ kind: 'paragraph', text: `No influence of the people involved on this decision has been documented in the record.` }];
  }
  const residents = people.filter((id) => isResident(facts, id)).length;
  const formats = [...new Set(sessions.map((s) => labelOf(s.format).toLowerCase()))];
  return [
    {
      kind: 'paragraph',
      text:
        `${people.length} people, ${residents} of them residents or community members, shaped this decision of the ${labelOf(decision.decisionMaker).toLowerCase()} ` +
        `on ${longDate(decision.decidedOn)} through ${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}` +
        `${formats.length ? ` (${formats.join(', ')})` : ''}. ${influences.length} ${influences.length === 1 ? 'change' : 'changes'} to the recommendation can be traced to what they said.`,
    },
    {
      kind: 'key_figures',
      figures: [
        { label: 'people involved', value: String(people.length), n: people.length, suppressed: false, sourceEventIds: influences.map((i) => i.eventId) },
        { label: 'residents and community members', value: String(residents), n: people.length, suppressed: false, sourceEventIds: influences.map((i) => i.eventId) },
        { label: 'changes traced to them', value: String(influences.length), n: people.length, suppressed: false, sourceEventIds: influences.map((i) => i.eventId) },
      ],
    },
  ];
}

function involvedBlocks(facts: ProjectFacts, people: string[], sessions: ActivityFact[], threshold: number): ReportBlock[] {
  if (people.length === 0) return [];
  const rows = PARTICIPANT_ROLES.map((role) => [role, people.filter((id) => facts.participants.get(id)?.role === role).length] as const)
    .filter(([, count]) => count > 0)
    .map(([role, count]) => [labelOf(role), count < threshold ? NOT_SHOWN : String(count)]);
  const attendance = heldAttendance(facts);
  return [
    { kind: 'table', table: { caption: 'People behind this decision, by role', columns: ['Role', 'People'], rows, rowHeaders: true } },
    {
      kind: 'table',
      table: {
        caption: 'Sessions where this decision was shaped',
        columns: ['Session', 'Held on', 'Stage', 'How', 'People taking part'],
        rows: sessions.map((s) => [
          s.title,
          longDate(s.heldOn ?? s.plannedFor),
          labelOf(s.stage),
          labelOf(s.format),
          String(new Set(attendance.filter((a) => a.activityId === s.activityId).map((a) => a.participantId)).size),
        ]),
        rowHeaders: true,
      },
    },
  ];
}

/**
 * Staff summaries only: a participant's own words reach a committee paper as a quote they agreed to,
 * and a contribution recorded before its wording was stated may hold someone's words.
 */
function proposedBlocks(facts: ProjectFacts, influences: InfluenceFact[]): ReportBlock[] {
  const linked = new Set(influences.flatMap((i) => i.contributionIds));
  const behind = facts.contributions.filter((c) => linked.has(c.contributionId));
  const shown = behind.filter((c): c is typeof c & { staffSummary: string } => c.staffSummary !== null);
  const blocks: ReportBlock[] = shown.length
    ? [{ kind: 'list', items: shown.map((c) => `${labelOf(c.kind)}: ${c.staffSummary}`), contributionIds: shown.map((c) => c.contributionId) }]
    : [];
  const unshown = behind.length - shown.length;
  if (unshown > 0) {
    const one = unshown === 1;
    blocks.push({
      kind: 'paragraph',
      text:
        `${unshown} ${shown.length ? 'more ' : ''}${one ? 'contribution' : 'contributions'} behind this decision ${one ? 'is' : 'are'} not repeated here, ` +
        `as ${one ? "it is, or may be, a participant's" : "they are, or may be, participants'"} own words: what people said appears in this paper only as quotes they agreed to.`,
    });
  }
  return blocks;
}

function changedBlocks(decision: DecisionFact, influences: InfluenceFact[]): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'notice', text: `The recommendation: ${decision.recommendation}` }];
  if (influences.length) {
    blocks.push({
      kind: 'table',
      table: {
        caption: 'What changed, and where it appears',
        columns: ['What changed', 'Where in the recommendation'],
        rows: influences.map((i) => [i.weDid, i.whereInRecommendation ?? 'Not stated']),
        rowHeaders: false,
      },
    });
  }
  return blocks;
}

function notAdoptedBlocks(facts: ProjectFacts, decisionId: string): ReportBlock[] {
  const rows = facts.notAdopted.filter((p) => p.decisionId === decisionId).map((p) => [p.proposal, p.reason]);
  return rows.length ? [{ kind: 'table', table: { caption: 'Proposals not adopted', columns: ['Proposal', 'Why it was not adopted'], rows, rowHeaders: true } }] : [];
}

function weAskedBlocks(facts: ProjectFacts, influences: InfluenceFact[]): ReportBlock[] {
  if (influences.length === 0) return [];
  const asked = (i: InfluenceFact) => {
    const ids = new Set([...i.activityIds, ...facts.contributions.filter((c) => i.contributionIds.includes(c.contributionId)).map((c) => c.activityId)]);
    const titles = [...ids].map((id) => facts.activities.get(id)?.title).filter((t): t is string => Boolean(t));
    return titles.join('; ') || 'Not recorded';
  };
  return [
    {
      kind: 'table',
      table: {
        caption: 'We asked, you said, we did',
        columns: ['We asked', 'You said', 'We did'],
        rows: influences.map((i) => [asked(i), i.youSaid, i.weDid]),
        rowHeaders: false,
      },
    },
  ];
}

function levelBlocks(influences: InfluenceFact[], people: number): ReportBlock[] {
  if (influences.length === 0) return [{ kind: 'paragraph', text: 'No level can be stated: no influence on this decision is documented.' }];
  const highest = <T extends string>(levels: readonly T[], pick: (i: InfluenceFact) => string) =>
    levels.slice().reverse().find((level) => influences.some((i) => pick(i) === level));
  const tlap = highest(LADDER_LEVELS, (i) => i.ladderLevel);
  const needham = highest(NEEDHAM_CARR_LEVELS, (i) => i.needhamCarrLevel);
  const sources = influences.map((i) => i.eventId);
  return [
    {
      kind: 'key_figures',
      figures: [
        { label: 'highest rung of the TLAP ladder reached', value: tlap ? labelOf(tlap) : 'Not stated', n: people, suppressed: false, sourceEventIds: sources },
        { label: 'highest Needham and Carr level reached', value: needham ? labelOf(needham) : 'Not stated', n: people, suppressed: false, sourceEventIds: sources },
      ],
    },
    {
      kind: 'table',
      table: {
        caption: 'Level reached by each change',
        columns: ['Change', 'TLAP ladder', 'Needham and Carr'],
        rows: influences.map((i) => [i.weDid, labelOf(i.ladderLevel), labelOf(i.needhamCarrLevel)]),
        rowHeaders: true,
      },
    },
  ];
}

function quoteBlocks(evidence: ProjectEvidence, decisionId: string): ReportBlock[] {
  const all = quotesInOrder(evidence);
  const ordered = [...all.filter((q) => q.decisionId === decisionId), ...all.filter((q) => q.decisionId !== decisionId)];
  return consentedQuotes(ordered, evidence, 'committee_papers').map((quote): ReportBlock => ({ kind: 'quote', quote }));
}

function commitmentBlocks(facts: ProjectFacts, decisionId: string): ReportBlock[] {
  const commitments = [...facts.commitments.values()].filter((c) => c.decisionId === decisionId);
  if (commitments.length === 0) return [];
  const open = commitments.filter((c) => c.metOn === null);
  return [
    { kind: 'paragraph', text: `${open.length} of ${commitments.length} commitments made with this decision are still open.` },
    {
      kind: 'table',
      table: {
        caption: 'Commitments made with this decision',
        columns: ['Commitment', 'Due by', 'Status'],
        rows: [...open, ...commitments.filter((c) => c.metOn !== null)].map((c) => [
          c.description,
          c.dueBy ? longDate(c.dueBy) : 'No date set',
          c.metOn ? `Met on ${longDate(c.metOn)}: ${c.evidence ?? ''}`.trim() : 'Open',
        ]),
        rowHeaders: true,
      },
    },
  ];
}
