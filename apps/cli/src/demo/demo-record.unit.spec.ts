import { ATTRIBUTIONS, FORMATS, PARTICIPANT_ROLES, STAGES } from '@coprod/domain';
import { buildDemoRecord } from './demo-record';
import { DemoStep } from './demo-step';

const steps = buildDemoRecord();
const ofType = (type: string) => steps.filter((step) => step.type === type).map((step) => step.data);
const distinct = (values: unknown[]) => [...new Set(values)].sort();

/** The field that names what each creating command creates. */
const CREATED_ID: Record<string, string> = {
  RegisterProject: 'projectId',
  RegisterParticipant: 'participantId',
  PlanActivity: 'activityId',
  RecordContribution: 'contributionId',
  RecordDecision: 'decisionId',
  LinkInfluence: 'influenceId',
  RecordProposalNotAdopted: 'proposalId',
  MakeCommitment: 'commitmentId',
  ClaimExpense: 'claimId',
  CaptureQuote: 'quoteId',
  RecordSurveyResponse: 'responseId',
  DefineServiceMeasure: 'measureId',
};

describe('buildDemoRecord', () => {
  it('builds the same record on every call', () => {
    expect(buildDemoRecord()).toEqual(steps);
  });

  it('records steps in order of recording, each at a valid instant', () => {
    const times = steps.map((step) => step.at);
    expect(times.every((at) => new Date(at).toISOString() === at)).toBe(true);
    expect(times).toEqual([...times].sort());
  });

  it('never creates the same id twice, and every step key is unique', () => {
    for (const [type, field] of Object.entries(CREATED_ID)) {
      const ids = ofType(type).map((data) => data[field]);
      expect({ type, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({ type, duplicates: [] });
    }
    const keys = steps.flatMap((step) => (step.key ? [step.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('involves 40 to 60 people in every role, with seldom-heard groups and offline preferences', () => {
    const people = ofType('RegisterParticipant');
    expect(people.length).toBeGreaterThanOrEqual(40);
    expect(people.length).toBeLessThanOrEqual(60);
    expect(distinct(people.map((p) => p.role))).toEqual([...PARTICIPANT_ROLES].sort());
    expect(distinct(people.flatMap((p) => p.seldomHeardGroups as string[]))).toEqual(
      expect.arrayContaining(['disabled_people', 'carers', 'digitally_excluded', 'non_english_speakers', 'people_with_learning_disabilities']),
    );
    expect(distinct(people.flatMap((p) => p.preferredFormats as string[]))).toEqual(expect.arrayContaining(['paper', 'phone']));
    const names = people.map((p) => (p.personal as { fields: { name: string } }).fields.name);
    expect(names).toEqual(expect.arrayContaining(['Siân Llewellyn', 'Małgorzata Wiśniewska']));
  });

  it('holds 25 to 40 sessions in every format and at every stage, and attendance in every capacity', () => {
    const sessions = ofType('PlanActivity');
    expect(sessions.length).toBeGreaterThanOrEqual(25);
    expect(sessions.length).toBeLessThanOrEqual(40);
    expect(distinct(sessions.map((s) => s.format))).toEqual([...FORMATS].sort());
    expect(distinct(sessions.map((s) => s.stage))).toEqual([...STAGES].sort());
    expect(distinct(sessions.map((s) => s.activityType))).toContain('training');
    const attendance = ofType('RecordAttendance');
    expect(distinct(attendance.map((a) => a.capacity))).toEqual(['chair', 'co_facilitator', 'co_trainer', 'member']);
    expect(steps.filter((s) => s.type === 'RecordAttendance' && s.source === 'paper').length).toBeGreaterThan(0);
  });

  it('moves projects forward: one skips co-delivery with a reason and one closes after co-evaluation', () => {
    const skips = ofType('MoveProjectToStage').filter((m) => m.stage === 'co_evaluation' && m.reason);
    expect(skips.length).toBeGreaterThan(0);
    const closed = ofType('CloseProject').map((c) => c.projectId);
    const evaluated = ofType('MoveProjectToStage').filter((m) => m.stage === 'co_evaluation').map((m) => m.projectId);
    expect(closed.length).toBeGreaterThan(0);
    expect(evaluated).toEqual(expect.arrayContaining(closed));
  });

  it('gives quotes every combination of attribution and use, in Welsh and Polish too, with one withdrawn', () => {
    const quotes = ofType('CaptureQuote');
    expect(quotes.length).toBeGreaterThanOrEqual(15);
    expect(quotes.length).toBeLessThanOrEqual(25);
    const widest = (uses: string[]) => (uses.includes('public') ? 'public' : uses.includes('committee_papers') ? 'committee_papers' : 'internal_evaluation');
    const combinations = distinct(quotes.map((q) => `${q.attribution}/${widest(q.allowedUses as string[])}`));
    expect(combinations).toHaveLength(ATTRIBUTIONS.length * 3);
    expect(distinct(quotes.map((q) => q.language))).toEqual(['cy', 'en', 'pl']);
    expect(ofType('WithdrawQuoteConsent')).toHaveLength(1);
  });

  it("records contributions mostly as staff summaries, and a few in one participant's own words, held as their personal data", () => {
    const contributions = ofType('RecordContribution');
    const words = contributions.filter((c) => c.recordedAs === 'participant_words');
    expect(contributions.filter((c) => c.recordedAs !== 'staff_summary' && c.recordedAs !== 'participant_words')).toEqual([]);
    expect(words.length).toBeGreaterThanOrEqual(2);
    expect(words.length * 5).toBeLessThan(contributions.length);
    for (const said of words) {
      expect(said).not.toHaveProperty('summary');
      expect(said.participantIds).toEqual([(said.personal as { subjectId: string }).subjectId]);
    }
    const quoted = new Set(ofType('CaptureQuote').map((q) => q.participantId));
    expect(words.some((said) => quoted.has((said.participantIds as string[])[0]))).toBe(true);
  });

  it('takes expense claims down every path: paid, rejected with a reason, amended, still waiting', () => {
    const claims = ofType('ClaimExpense');
    expect(distinct(claims.map((c) => c.category))).toEqual(expect.arrayContaining(['travel', 'care_cover', 'recognition_payment', 'voucher']));
    const decided = new Set([...ofType('ApproveExpense'), ...ofType('RejectExpense')].map((d) => d.claimId));
    expect(claims.filter((c) => !decided.has(c.claimId))).toHaveLength(1);
    expect(ofType('RejectExpense').every((r) => (r.reason as string).length > 0)).toBe(true);
    expect(ofType('AmendExpenseClaim')).toHaveLength(1);
    expect(ofType('PayExpense')).toHaveLength(ofType('ApproveExpense').length);
  });

  it('records influence that the "not co-production" check should flag, and proposals not adopted with reasons', () => {
    const influences = ofType('LinkInfluence');
    expect(influences.some((i) => i.optionsAlreadyFormed === true && i.ladderLevel === 'consultation')).toBe(true);
    expect(distinct(influences.map((i) => i.needhamCarrLevel))).toEqual(['basic', 'intermediate', 'transformational']);
    expect(distinct(ofType('RecordDecision').map((d) => d.decisionMaker))).toEqual(['cabinet', 'committee', 'officer_delegation', 'project_group']);
    const met = new Set(ofType('MeetCommitment').map((m) => m.commitmentId));
    expect(ofType('MakeCommitment').filter((c) => !met.has(c.commitmentId)).length).toBeGreaterThan(0);
    expect(met.size).toBeGreaterThan(0);
  });

  it('asks pre and post surveys in two projects, leaving some people unmatched', () => {
    const responses = ofType('RecordSurveyResponse');
    const byPerson = (phase: string) => responses.filter((r) => r.phase === phase).map((r) => `${r.projectId}/${r.participantId}`);
    const pre = byPerson('pre');
    const post = new Set(byPerson('post'));
    expect(distinct(responses.map((r) => r.projectId))).toHaveLength(2);
    expect(pre.filter((p) => !post.has(p)).length).toBeGreaterThan(0);
    expect([...post].every((p) => pre.includes(p))).toBe(true);
  });

  it('names the earlier step each correction corrects', () => {
    const corrections = steps.filter((step): step is DemoStep & { correctsStepKey: string } => step.correctsStepKey !== undefined);
    expect(corrections.map((c) => c.type).sort()).toEqual(['AmendAttendance', 'VoidContribution']);
    for (const correction of corrections) {
      const target = steps.findIndex((step) => step.key === correction.correctsStepKey);
      expect(target).toBeGreaterThanOrEqual(0);
      expect(target).toBeLessThan(steps.indexOf(correction));
      expect(correction.data.eventId).toBeUndefined();
    }
  });
});
