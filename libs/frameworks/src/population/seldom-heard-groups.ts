/**
 * Suggested ids for groups a council finds hard to reach, recorded on participants and matched against a local
 * population profile. A council may use its own ids as well; these keep common ones consistent across councils.
 */
export const SELDOM_HEARD_GROUPS = [
  { id: 'disabled_people', name: 'Disabled people' },
  { id: 'carers', name: 'Unpaid carers' },
  { id: 'ethnic_minorities', name: 'People from ethnic minority groups' },
  { id: 'young_people', name: 'Young people' },
  { id: 'older_people', name: 'Older people' },
  { id: 'digitally_excluded', name: 'People without internet access or digital skills' },
  { id: 'lgbtq_plus', name: 'LGBTQ+ people' },
  { id: 'rural_residents', name: 'Residents of rural areas' },
  { id: 'low_income', name: 'People on low incomes' },
  { id: 'gypsy_roma_traveller', name: 'Gypsy, Roma and Traveller communities' },
  { id: 'people_with_learning_disabilities', name: 'People with learning disabilities' },
  { id: 'non_english_speakers', name: 'People whose main language is not English' },
] as const;
