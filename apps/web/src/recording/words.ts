import {
  ACTIVITY_TYPES,
  ATTENDANCE_CAPACITIES,
  ATTRIBUTIONS,
  CONTRIBUTION_KINDS,
  FORMATS,
  LADDER_LEVELS,
  PARTICIPANT_ROLES,
  QUOTE_USES,
  STAGES,
  SURVEY_ITEMS,
} from '@coprod/domain';

/** The words people use for each value of the record's vocabulary, in the order forms offer them. */
const WORDS = {
  role: {
    resident: 'Resident',
    person_drawing_on_care: 'Person who draws on care and support',
    carer: 'Carer',
    family_member: 'Family member',
    community_organisation_rep: 'Representative of a voluntary or community organisation',
    council_officer: 'Council officer',
    councillor: 'Councillor',
  },
  format: { in_person: 'In person', online: 'Online', phone: 'By phone', paper: 'On paper', hybrid: 'Hybrid' },
  stage: { co_planning: 'Co-planning', co_design: 'Co-design', co_delivery: 'Co-delivery', co_evaluation: 'Co-evaluation' },
  activityType: {
    meeting: 'Meeting',
    workshop: 'Workshop',
    training: 'Training',
    co_delivery_shift: 'Co-delivery shift',
    survey_round: 'Survey round',
    vote: 'Vote',
    event: 'Event',
  },
  capacity: { member: 'Member', chair: 'Chair', facilitator: 'Facilitator', co_facilitator: 'Co-facilitator', co_trainer: 'Co-trainer', note_taker: 'Note-taker' },
  ladder: {
    coercion: 'Coercion',
    educating: 'Educating',
    informing: 'Informing',
    consultation: 'Consultation',
    engagement: 'Engagement',
    co_design: 'Co-design',
    co_production: 'Co-production',
  },
  kind: { idea: 'An idea', proposal: 'A proposal', feedback: 'Feedback', co_delivery_work: 'Co-delivery work' },
  attribution: { named: 'With their name', role_only: 'With their role only (for example, "a carer")', anonymous: 'Anonymously' },
  use: { internal_evaluation: "The council's own evaluation", committee_papers: 'Committee and cabinet papers', public: 'Public reports and web pages' },
  surveyItem: {
    confidence_in_partnership: 'I am confident working in partnership with the council',
    skills_and_knowledge: 'I have the skills and knowledge to take part',
    sense_of_influence: 'I can influence what the council decides',
  },
} as const;

type Vocabulary = keyof typeof WORDS;

const LISTS: Record<Vocabulary, readonly string[]> = {
  role: PARTICIPANT_ROLES,
  format: FORMATS,
  stage: STAGES,
  activityType: ACTIVITY_TYPES,
  capacity: ATTENDANCE_CAPACITIES,
  ladder: LADDER_LEVELS,
  kind: CONTRIBUTION_KINDS,
  attribution: ATTRIBUTIONS,
  use: QUOTE_USES,
  surveyItem: SURVEY_ITEMS,
};

/** A value of the vocabulary as people say it; the value itself when it is not known. */
export function say(vocabulary: Vocabulary, value: string | null | undefined): string {
  if (!value) return '';
  return (WORDS[vocabulary] as Record<string, string>)[value] ?? value.replace(/_/g, ' ');
}

/** Several values as people say them, joined: "In person, by phone". */
export function sayAll(vocabulary: Vocabulary, values: readonly string[]): string {
  return values.map((value, i) => (i === 0 ? say(vocabulary, value) : say(vocabulary, value).toLowerCase())).join(', ');
}

/** The choices a form offers for a vocabulary, with the chosen ones marked (for radios, checkboxes and selects). */
export function choices(vocabulary: Vocabulary, chosen: string | readonly string[] | null | undefined, only?: readonly string[]) {
  const picked = new Set(Array.isArray(chosen) ? chosen : chosen ? [chosen as string] : []);
  return LISTS[vocabulary]
    .filter((value) => !only || only.includes(value))
    .map((value) => ({ value, text: say(vocabulary, value), checked: picked.has(value), selected: picked.has(value) }));
}

/** Whether a value belongs to a vocabulary. */
export function known(vocabulary: Vocabulary, value: string): boolean {
  return LISTS[vocabulary].includes(value);
}
