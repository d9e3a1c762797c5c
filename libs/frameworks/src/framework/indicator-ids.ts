/**
 * The indicators a framework's outcomes may name. Each is computed by the indicator catalogue from the
 * event record; a framework file may only refer to these.
 */
export const INDICATOR_IDS = [
  'people_involved_by_role',
  'people_by_role_group',
  'hours_by_role',
  'sessions_by_stage',
  'sessions_by_format',
  'retention',
  'offline_share',
  'reach_seldom_heard',
  'reach_against_population',
  'decisions_influenced',
  'influence_levels',
  'resident_influence_share',
  'you_said_we_did',
  'proposals_not_adopted',
  'survey_change',
  'training_completions',
  'setup_activities',
  'stage_history',
  'service_measures',
  'expenses',
  'principle_reflections',
  'not_coproduction_flags',
] as const;

/**
 * The "this is not co-production" rules the engine can check against the record (after Bracknell Forest's list):
 * options already formed before people were asked, no residents in the room, volunteering with no say.
 */
export const NOT_COPRODUCTION_CHECKS = [
  'consultation_on_formed_options',
  'no_residents_involved',
  'volunteering_without_contribution',
] as const;
