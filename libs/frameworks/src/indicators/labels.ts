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
  };
  return nouns[role] ?? 'participant';
}

/** A count with its noun agreeing: `counted(1, 'claim awaits', 'claims await')` is "1 claim awaits". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
