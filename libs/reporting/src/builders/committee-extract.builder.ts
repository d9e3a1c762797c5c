import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS, PARTICIPANT_ROLES, roleGroup, type ParticipantRole } from '@coprod/domain/core/vocabulary';
import type { ActivityFact, DecisionFact, InfluenceFact, ProjectFacts } from '@coprod/frameworks';
import { peopleBehind } from '@coprod/frameworks/indicators/decisions.indicators';
import { labelOf } from '@coprod/frameworks/indicators/labels';
import { heldAttendance } from '@coprod/frameworks/indicators/people.indicators';
import { applyReportDefinition } from '../definitions/apply-report-definition';
import type { ReportBlock, ReportModel, ReportSection } from '../model/report-model';
import { discloseRoleTable, DisclosedRoleTable, sensitivityPolicy } from '@coprod/frameworks/disclosure';
import { consentedQuotes, quotesInOrder } from './consented-quotes';
import type { ProjectEvidence, ReportSetting } from './report-inputs';
import { longDate, reportProvenance } from './report-provenance';

/** What a committee extract is built from: the decision's project and the decision to describe. */
export interface CommitteeExtractInput {
  evidence: ProjectEvidence;
  decisionId: string;
  setting: ReportSetting;
}

/** The parts of the section only the evaluation lead can write, as the record holds them for this decision. */
type Account = {
  contactOfficer: string | null;
  howRecruited: string | null;
  notReached: string | null;
  howTold: string | null;
  limitations: string | null;
};

const NO_ACCOUNT: Account = { contactOfficer: null, howRecruited: null, notReached: null, howTold: null, limitations: null };

/** Everything the section's paragraphs are written from, worked out once. */
interface Shaping {
  facts: ProjectFacts;
  decision: DecisionFact;
  influences: InfluenceFact[];
  people: string[];
  sessions: ActivityFact[];
  threshold: number;
  /** The people behind the decision by role, with disclosure control applied to this extract as one output. */
  roles: DisclosedRoleTable;
  account: Account;
}

/**
 * The "Consultation and engagement" section of a council's committee report for one decision: no cover,
 * numbered paragraphs, about one to two pages. The meeting and the contact officer; who was involved and how
 * they were recruited; who was not reached; what they said (only quotes about this decision that their
 * authors agreed may go in committee papers); what changed; what was not adopted and why; the level of
 * involvement; how participants were told; limitations. What only a person can write comes from the
 * evaluation lead's engagement account; where it is missing the section says so rather than filling it in.
 */
export function buildCommitteeExtract(input: CommitteeExtractInput): ReportModel {
  const { evidence, setting, decisionId } = input;
  const { facts } = evidence;
  const decision = facts.decisions.get(decisionId);
  if (!decision)
    throw new Error(`decision ${decisionId} is not in the record of project ${evidence.projectId}; check the decision id and the clocks`);
  const influences = facts.influences.filter((i) => i.decisionId === decisionId);
  const people = [...new Set(influences.flatMap((i) => peopleBehind(facts, i)))];
  const s: Shaping = {
    facts,
    decision,
    influences,
    people,
    sessions: sessionsBehind(facts, influences),
    threshold: setting.suppressionThreshold,
    roles: discloseRoleTable(
      people.map((id) => facts.participants.get(id)?.role ?? ''),
      setting.suppressionThreshold,
      sensitivityPolicy(evidence.framework.disclosure?.dimensions),
    ),
    account: facts.engagementAccounts?.get(decisionId) ?? NO_ACCOUNT,
  };

  const sections: ReportSection[] = [
    { id: 'about_this_section', heading: 'About this section', blocks: aboutBlocks(s, facts.project?.title ?? evidence.projectId) },
    { id: 'who_was_involved', heading: 'Who was involved and how they were recruited', blocks: involvedBlocks(s) },
    { id: 'who_was_not_reached', heading: 'Who was not reached', blocks: notReachedBlocks(s, evidence) },
    { id: 'what_they_said', heading: 'What they said', blocks: saidBlocks(s, evidence) },
    { id: 'what_changed', heading: 'What changed because of it', blocks: changedBlocks(s) },
    { id: 'not_adopted', heading: 'What was not adopted, and why', blocks: notAdoptedBlocks(s) },
    { id: 'level_of_involvement', heading: 'Level of involvement', blocks: levelBlocks(s) },
    { id: 'how_participants_were_told', heading: 'How participants were told the outcome', blocks: toldBlocks(s) },
    { id: 'limitations', heading: 'Limitations', blocks: limitationBlocks(s) },
    // A short note closes the section (see ReportLayout.compact): the facts it gives stand for the page a case study spends on them.
    { id: 'provenance', heading: 'Where these figures come from', blocks: [] },
  ];
  const model: ReportModel = {
    kind: 'committee_extract',
    title: 'Consultation and engagement',
    subtitle: decision.reference
      ? `${decision.title} (${decision.reference})`
      : `${decision.title}, officer decision of ${longDate(decision.decidedOn)}`,
    lang: 'en-GB',
    publisher: setting.publisher,
    suppressionThreshold: s.threshold,
    layout: { coverPage: false, numberedParagraphs: true, compact: true },
    cover: [],
    sections,
    provenance: reportProvenance(evidence.range, evidence.clocks, setting, evidence.framework),
  };
  return applyReportDefinition(model, setting.definition);
}

const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Print widths shared by what each column holds rather than fixed or equal, so no short cell is wrapped to fit a long one. */
const byContent = (columns: number): '*'[] => Array.from({ length: columns }, () => '*');

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A part of the lead's account, or a plain sentence that it has not been recorded. */
function accountPart(value: string | null, missing: string): ReportBlock {
  return paragraph(value ?? `${missing} has not been recorded for this decision.`);
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

function aboutBlocks(s: Shaping, project: string): ReportBlock[] {
  const { decision } = s;
  // The subtitle above names the decision in full; with a paper number, the number is enough here.
  const named = decision.reference ? decision.reference : `"${decision.title}"`;
  // An officer deciding under delegation holds no meeting, and may have no paper number to cite.
  const occasion =
    decision.decisionMaker === 'officer_delegation'
      ? `This section is for the decision taken by an officer under delegation on ${longDate(decision.decidedOn)}: ${named}.`
      : `This section is for the ${labelOf(decision.decisionMaker).toLowerCase()} meeting of ${longDate(decision.decidedOn)}, which takes the decision ${named}.`;
  return [
    paragraph(`${occasion} It describes how the people affected were involved through the co-produced project "${project}".`),
    paragraph(
      s.account.contactOfficer ? `Contact officer: ${s.account.contactOfficer}.` : 'The contact officer for this section has not been recorded.',
    ),
  ];
}

function involvedBlocks(s: Shaping): ReportBlock[] {
  const { facts, decision, influences, people, sessions } = s;
  if (influences.length === 0) {
    return [
      paragraph('No involvement of the people affected in this decision has been documented in the record.'),
      accountPart(s.account.howRecruited, 'How people were recruited'),
    ];
  }
  const residents = people.filter((id) => isResident(facts, id)).length;
  const formats = [...new Set(sessions.map((a) => labelOf(a.format).toLowerCase()))];
  const blocks: ReportBlock[] = [
    paragraph(
      `${plural(people.length, 'person', 'people')}, ${residents} of them residents or community members, shaped this decision of the ` +
        `${labelOf(decision.decisionMaker).toLowerCase()} on ${longDate(decision.decidedOn)} through ${plural(sessions.length, 'session', 'sessions')}` +
        `${formats.length ? ` (${listed(formats)})` : ''}.`,
    ),
    s.account.howRecruited ? paragraph(`How they were recruited: ${s.account.howRecruited}`) : accountPart(null, 'How people were recruited'),
  ];
  const rows = s.roles.rows.map((row) => [row.label, row.value === null ? 'not shown (too few people)' : String(row.value)]);
  blocks.push({
    kind: 'table',
    table: { caption: 'People behind this decision, by role', columns: ['Role', 'People'], rows, rowHeaders: true, widths: byContent(2) },
  });
  const attendance = heldAttendance(facts);
  blocks.push({
    kind: 'table',
    table: {
      caption: 'Sessions where this decision was shaped',
      columns: ['Session', 'Held on', 'How', 'People taking part'],
      widths: byContent(4),
      rows: sessions.map((a) => [
        a.title,
        longDate(a.heldOn ?? a.plannedFor),
        labelOf(a.format),
        String(new Set(attendance.filter((x) => x.activityId === a.activityId).map((x) => x.participantId)).size),
      ]),
      rowHeaders: true,
    },
  });
  return blocks;
}

/**
 * The equalities paragraph: seldom-heard groups the project reached but nobody behind this decision
 * belongs to, the comparison with the local population where the council supplied one, and the lead's account.
 */
function notReachedBlocks(s: Shaping, evidence: ProjectEvidence): ReportBlock[] {
  const { facts, people } = s;
  const groupsOf = (id: string) => facts.participants.get(id)?.groups ?? [];
  // Only groups the project's disclosed figures name may be named here: naming a small one would say someone belongs to it.
  const named = new Set((evidence.summary.indicators.reach_seldom_heard?.breakdown ?? []).filter((c) => c.value !== null).map((c) => c.key));
  const reached = [...new Set([...facts.participants.keys()].flatMap(groupsOf))].sort();
  const projectGroups = reached.filter((g) => named.has(g));
  const behind = new Set(people.flatMap(groupsOf));
  const missing = projectGroups.filter((g) => !behind.has(g)).map((g) => labelOf(g).toLowerCase());
  const blocks: ReportBlock[] = [];
  if (people.length > 0) {
    blocks.push(
      paragraph(
        missing.length
          ? `The project reached people from ${plural(projectGroups.length, 'seldom-heard group', 'seldom-heard groups')}, but none from these groups shaped this decision: ${listed(missing)}.`
          : projectGroups.length
            ? 'Every seldom-heard group the project reached is among the people who shaped this decision.'
            : reached.length
              ? 'No seldom-heard group the project reached has enough people in it to be named here.'
              : 'Nobody involved in the project is recorded as belonging to a seldom-heard group.',
      ),
    );
  }
  const reach = evidence.summary.indicators.reach_against_population;
  blocks.push(
    paragraph(
      reach && reach.items.length > 0
        ? reach.statement
        : 'No profile of the local population was available, so who was under-represented cannot be measured against it.',
    ),
  );
  blocks.push(
    s.account.notReached
      ? paragraph(`The evaluation lead's account: ${s.account.notReached}`)
      : accountPart(null, "The evaluation lead's account of who was not reached"),
  );
  return blocks;
}

/**
 * Only quotes recorded about this decision whose authors agreed to committee papers; what people proposed
 * appears as staff summaries, since a contribution's own wording may be someone's words.
 */
function saidBlocks(s: Shaping, evidence: ProjectEvidence): ReportBlock[] {
  const linked = new Set(s.influences.flatMap((i) => i.contributionIds));
  const behind = s.facts.contributions.filter((c) => linked.has(c.contributionId));
  const shown = behind.filter((c): c is typeof c & { staffSummary: string } => c.staffSummary !== null);
  const blocks: ReportBlock[] = [];
  if (shown.length) {
    blocks.push(paragraph('What people proposed, as summarised by officers:'));
    blocks.push({
      kind: 'list',
      items: shown.map((c) => `${labelOf(c.kind)}: ${c.staffSummary}`),
      contributionIds: shown.map((c) => c.contributionId),
    });
  }
  const unshown = behind.length - shown.length;
  if (unshown > 0) {
    const one = unshown === 1;
    blocks.push(
      paragraph(
        `${unshown} ${shown.length ? 'more ' : ''}${one ? 'contribution' : 'contributions'} behind this decision ${one ? 'is' : 'are'} not repeated here, ` +
          `as ${one ? "it is, or may be, a participant's" : "they are, or may be, participants'"} own words: what people said appears here only as quotes they agreed to.`,
      ),
    );
  }
  const about = quotesInOrder(evidence).filter((q) => q.decisionId === s.decision.decisionId);
  const quotes = consentedQuotes(about, evidence, 'committee_papers', s.roles.shownRoles);
  if (quotes.length === 0) {
    blocks.push(paragraph('No quote about this decision has the consent of its author for use in committee papers.'));
  }
  blocks.push(...quotes.map((quote): ReportBlock => ({ kind: 'quote', quote })));
  return blocks;
}

function changedBlocks(s: Shaping): ReportBlock[] {
  const { facts, influences } = s;
  const blocks: ReportBlock[] = [paragraph(`The recommendation: ${s.decision.recommendation}`)];
  if (influences.length === 0) return blocks;
  blocks.push(paragraph(`${plural(influences.length, 'change', 'changes')} to the recommendation can be traced to what people said.`));
  const asked = (i: InfluenceFact) => {
    const ids = new Set([
      ...i.activityIds,
      ...facts.contributions.filter((c) => i.contributionIds.includes(c.contributionId)).map((c) => c.activityId),
    ]);
    const titles = [...ids].map((id) => facts.activities.get(id)?.title).filter((t): t is string => Boolean(t));
    return titles.join('; ') || 'Not recorded';
  };
  blocks.push({
    kind: 'table',
    table: {
      caption: 'We asked, you said, we did',
      columns: ['We asked', 'You said', 'We did', 'Where in the recommendation'],
      widths: byContent(4),
      rows: influences.map((i) => [asked(i), i.youSaid, i.weDid, i.whereInRecommendation ?? 'Not stated']),
      rowHeaders: false,
    },
  });
  return blocks;
}

function notAdoptedBlocks(s: Shaping): ReportBlock[] {
  const rows = s.facts.notAdopted.filter((p) => p.decisionId === s.decision.decisionId).map((p) => [p.proposal, p.reason]);
  if (rows.length === 0) return [paragraph('No proposal is recorded as not adopted for this decision.')];
  return [
    {
      kind: 'table',
      table: { caption: 'Proposals not adopted', columns: ['Proposal', 'Why it was not adopted'], rows, rowHeaders: true, widths: byContent(2) },
    },
  ];
}

function levelBlocks(s: Shaping): ReportBlock[] {
  const { influences } = s;
  if (influences.length === 0) return [paragraph('No level can be stated: no influence on this decision is documented.')];
  const highest = <T extends string>(levels: readonly T[], pick: (i: InfluenceFact) => string) =>
    levels
      .slice()
      .reverse()
      .find((level) => influences.some((i) => pick(i) === level));
  const tlap = highest(LADDER_LEVELS, (i) => i.ladderLevel);
  const needham = highest(NEEDHAM_CARR_LEVELS, (i) => i.needhamCarrLevel);
  const formed = influences.filter((i) => i.optionsAlreadyFormed).length;
  const blocks: ReportBlock[] = [
    paragraph(
      `The highest level reached was ${tlap ? labelOf(tlap).toLowerCase() : 'not stated'} on the Think Local Act Personal ladder of participation, ` +
        `and ${needham ? labelOf(needham).toLowerCase() : 'not stated'} on Needham and Carr's scale (n = ${s.people.length}).` +
        (formed
          ? ` For ${plural(formed, 'change', 'changes')}, the options had already been formed before people were involved: that part was consultation, not co-production.`
          : ''),
    ),
  ];
  return blocks;
}

/** How people heard the outcome, then the commitments made with the decision and whether each is met. */
function toldBlocks(s: Shaping): ReportBlock[] {
  const blocks: ReportBlock[] = [accountPart(s.account.howTold, 'How participants were told the outcome')];
  const commitments = [...s.facts.commitments.values()].filter((c) => c.decisionId === s.decision.decisionId);
  if (commitments.length === 0) return blocks;
  const open = commitments.filter((c) => c.metOn === null);
  blocks.push(paragraph(stillOpen(open.length, commitments.length)));
  blocks.push({
    kind: 'table',
    table: {
      caption: 'Commitments made with this decision',
      columns: ['Commitment', 'Due by', 'Status'],
      widths: byContent(3),
      rows: [...open, ...commitments.filter((c) => c.metOn !== null)].map((c) => [
        c.description,
        c.dueBy ? longDate(c.dueBy) : 'No date set',
        c.metOn ? `Met on ${longDate(c.metOn)}: ${c.evidence ?? ''}`.trim() : 'Open',
      ]),
      rowHeaders: true,
    },
  });
  return blocks;
}

/**
 * "0 of 1 commitment made with this decision is still open", "1 of 2 commitments ... is", "0 of 3 commitments
 * ... are": the verb is singular where either number is one, as the noun it agrees with is then read as one.
 */
export function stillOpen(open: number, total: number): string {
  return `${open} of ${plural(total, 'commitment', 'commitments')} made with this decision ${open === 1 || total === 1 ? 'is' : 'are'} still open.`;
}

/** What the record itself says about the weight the engagement can bear, then the lead's own account. */
function limitationBlocks(s: Shaping): ReportBlock[] {
  const notes: string[] = [];
  if (s.people.length > 0 && s.people.length < 20) notes.push(`the figures rest on a small number of people (${s.people.length})`);
  notes.push(`numbers of fewer than ${s.threshold} people are not shown, to protect those involved`);
  notes.push('quotes appear only with the consent of the people who said them, so not everyone who spoke is quoted');
  return [
    paragraph(`From the record: ${listed(notes)}.`),
    s.account.limitations
      ? paragraph(`The evaluation lead's account: ${s.account.limitations}`)
      : accountPart(null, "The evaluation lead's account of the limitations"),
  ];
}
