import { label } from './indicator';

const LABELS: Record<string, string> = {
  resident: 'Residents',
  person_drawing_on_care: 'People who draw on care and support',
  carer: 'Carers',
  family_member: 'Family members',
  community_organisation_rep: 'Voluntary and community organisation representatives',
  council_officer: 'Council officers',
  councillor: 'Councillors',
  residents_and_communities: 'Residents and communities',
  council_staff: 'Council staff',
  councillors: 'Councillors',
  in_person: 'In person',
  online: 'Online',
  phone: 'Phone',
  paper: 'Paper',
  hybrid: 'Hybrid',
  co_planning: 'Co-planning',
  co_design: 'Co-design',
  co_delivery: 'Co-delivery',
  co_evaluation: 'Co-evaluation',
  co_production: 'Co-production',
  care_cover: 'Care or childcare cover',
  recognition_payment: 'Recognition payment',
  officer_delegation: 'Officer under delegation',
  project_group: 'Project group',
  confidence_in_partnership: 'Confidence working in partnership',
  skills_and_knowledge: 'Skills and knowledge',
  sense_of_influence: 'Sense of influence',
};

/** The words a report uses for a vocabulary key. */
export function labelOf(key: string): string {
  return LABELS[key] ?? label(key);
}

/** Singular form of a role, for attributions ("a carer"). */
export function roleNoun(role: string): string {
  const nouns: Record<string, string> = {
    resident: 'resident',
    person_drawing_on_care: 'person who draws on care and support',
    carer: 'carer',
    family_member: 'family member',
    community_organisation_rep: 'community organisation representative',
    council_officer: 'council officer',
    councillor: 'councillor',
    residents_and_communities: 'resident or community member',
    council_staff: 'member of council staff',
    councillors: 'councillor',
  };
  return nouns[role] ?? 'participant';
}

const plurals = new Intl.PluralRules('en-GB');

/**
 * A count with its noun agreeing, chosen by the language's plural rules rather than `n === 1`:
 * `counted(1, 'claim awaits', 'claims await')` is "1 claim awaits", `counted(0, ...)` "0 claims await".
 */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${plurals.select(n) === 'one' ? one : many}`;
}

/** The noun of each unit a figure counts, singular and plural: every figure names what it counts. */
export const UNIT_NOUNS = {
  people: ['person', 'people'],
  sessions: ['session', 'sessions'],
  decisions: ['decision', 'decisions'],
  hours: ['hour', 'hours'],
  proposals: ['proposal', 'proposals'],
  responses: ['response', 'responses'],
  claims: ['claim', 'claims'],
  changes: ['change', 'changes'],
  influences: ['influence', 'influences'],
  measures: ['service measure', 'service measures'],
  reflections: ['reflection', 'reflections'],
  principles: ['principle', 'principles'],
  activities: ['set-up activity', 'set-up activities'],
  flags: ['flag', 'flags'],
  pairs: ['matched pair', 'matched pairs'],
} as const satisfies Record<string, readonly [string, string]>;

/** "1 person", "2 people", "0 decisions", "1.5 hours". */
export function quantity(n: number, unit: keyof typeof UNIT_NOUNS): string {
  const [one, many] = UNIT_NOUNS[unit];
  return counted(n, one, many);
}

/** The verb agreeing with a count: `agree(1, 'was', 'were')`. */
export function agree(n: number, one: string, many: string): string {
  return plurals.select(n) === 'one' ? one : many;
}
