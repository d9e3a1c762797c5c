/** The roles people take part in, as the frameworks name them. Figures are broken down by these. */
export const PARTICIPANT_ROLES = [
  'resident',
  'person_drawing_on_care',
  'carer',
  'family_member',
  'community_organisation_rep',
  'council_officer',
  'councillor',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Broad groups for "residents vs staff vs councillors". */
export function roleGroup(role: ParticipantRole): 'residents_and_communities' | 'council_staff' | 'councillors' {
  if (role === 'council_officer') return 'council_staff';
  if (role === 'councillor') return 'councillors';
  return 'residents_and_communities';
}

/** Ways of taking part. Paper, phone and in person are offline: the digital divide is a named risk. */
export const FORMATS = ['in_person', 'online', 'phone', 'paper', 'hybrid'] as const;
export type Format = (typeof FORMATS)[number];
export const OFFLINE_FORMATS: readonly Format[] = ['in_person', 'phone', 'paper'];

/** Southend's four activities, used as project stages. Not every project is co-delivered. */
export const STAGES = ['co_planning', 'co_design', 'co_delivery', 'co_evaluation'] as const;
export type Stage = (typeof STAGES)[number];

/** Think Local Act Personal's ladder of co-production, lowest rung first. */
export const LADDER_LEVELS = [
  'coercion',
  'educating',
  'informing',
  'consultation',
  'engagement',
  'co_design',
  'co_production',
] as const;
export type LadderLevel = (typeof LADDER_LEVELS)[number];

/** Needham and Carr's levels of co-production. */
export const NEEDHAM_CARR_LEVELS = ['basic', 'intermediate', 'transformational'] as const;
export type NeedhamCarrLevel = (typeof NEEDHAM_CARR_LEVELS)[number];

/** West Berkshire's four set-up activities. */
export const SETUP_ACTIVITIES = [
  'steering_group_formed',
  'support_and_expenses_agreed',
  'members_briefed',
  'working_principles_agreed',
] as const;
export type SetupActivity = (typeof SETUP_ACTIVITIES)[number];

export const ACTIVITY_TYPES = ['meeting', 'workshop', 'training', 'co_delivery_shift', 'survey_round', 'vote', 'event'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** How a person took part in a session; facilitators and note-takers run it, and their time counts too. */
export const ATTENDANCE_CAPACITIES = ['member', 'chair', 'facilitator', 'co_facilitator', 'co_trainer', 'note_taker'] as const;
export type AttendanceCapacity = (typeof ATTENDANCE_CAPACITIES)[number];

export const CONTRIBUTION_KINDS = ['idea', 'proposal', 'feedback', 'co_delivery_work'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const DECISION_MAKERS = ['cabinet', 'committee', 'officer_delegation', 'project_group'] as const;
export type DecisionMaker = (typeof DECISION_MAKERS)[number];

export const EXPENSE_CATEGORIES = ['travel', 'care_cover', 'recognition_payment', 'voucher', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** How a quote may be attributed. `not_for_publication` quotes stay in internal evaluation only. */
export const ATTRIBUTIONS = ['named', 'role_only', 'anonymous'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** Where a quote may be used. */
export const QUOTE_USES = ['internal_evaluation', 'committee_papers', 'public'] as const;
export type QuoteUse = (typeof QUOTE_USES)[number];

/** Likert items asked before and after taking part (evidence for outcomes 2 and 4). */
export const SURVEY_ITEMS = ['confidence_in_partnership', 'skills_and_knowledge', 'sense_of_influence'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];
export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;
