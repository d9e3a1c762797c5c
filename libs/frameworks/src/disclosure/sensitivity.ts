import { z } from 'zod';
import { EXPENSE_CATEGORIES, PARTICIPANT_ROLES } from '@coprod/domain';

/**
 * The dimensions a figure can be broken down by. Sensitivity belongs to the dimension (and, where a
 * dimension mixes private and public categories, to its categories), not to the chart it appears in:
 * a carer is as identifiable in a table of hours as in a table of people.
 */
export const DISCLOSURE_DIMENSIONS = [
  'role',
  'role_group',
  'seldom_heard_group',
  'attendance_format',
  'sessions_attended',
  'session_stage',
  'session_format',
  'survey_mean',
  'expense_category',
  'expense_per_person',
  'decision_level',
  'decision_maker',
] as const;
export type DisclosureDimension = (typeof DISCLOSURE_DIMENSIONS)[number];

/**
 * Dimensions no figure yet publishes under disclosure control by that dimension (their figures count
 * meetings, or people in ways that are public by design): they are shown, and a file asking to protect
 * one is refused rather than silently ignored. A test over the indicator catalogue keeps this list true.
 */
export const SHOWN_ONLY_DIMENSIONS: readonly DisclosureDimension[] = [
  'attendance_format',
  'sessions_attended',
  'session_stage',
  'session_format',
  'decision_level',
  'decision_maker',
];

/** Whether a dimension's cells are protected, the categories exempt from that, and why. */
export interface DimensionSensitivity {
  protected: boolean;
  /** Categories of a protected dimension that are public facts all the same (e.g. councillors present). */
  publicCategories: readonly string[];
  /** Why, in the words a method section uses. */
  reason: string;
  /** Who changed the default: the framework file or the council's disclosure settings file; absent for a default. */
  setBy?: SensitivitySource;
}

/** Where a change to the default sensitivity of a dimension was made. */
export type SensitivitySource = 'framework' | 'council';

export type SensitivityPolicy = Readonly<Record<DisclosureDimension, DimensionSensitivity>>;

/**
 * The documented defaults. Protected: anything that could tell someone's health, care or
 * circumstances, a person's survey answers, or what one person was paid. Public: facts about meetings
 * held in public (sessions by stage and format, which councillors and officers were present, totals).
 */
export const DEFAULT_SENSITIVITY: SensitivityPolicy = {
  role: {
    protected: true,
    publicCategories: ['resident', 'council_officer', 'councillor'],
    reason:
      'A role such as "person who draws on care and support", "carer" or "family member" tells something about a person\'s health or circumstances, and a community organisation representative is easily named in a small group; residents, council officers and councillors are shown.',
  },
  role_group: {
    protected: false,
    publicCategories: [],
    reason: 'How many residents, council staff and councillors were in the room is a fact about public meetings.',
  },
  seldom_heard_group: {
    protected: true,
    publicCategories: [],
    reason: 'Seldom-heard groups include disability, age, ethnicity and income: special-category or circumstantial data.',
  },
  attendance_format: {
    protected: false,
    publicCategories: [],
    reason: 'How people took part (in person, online, phone, paper) is a fact about the sessions, not about the people.',
  },
  sessions_attended: {
    protected: false,
    publicCategories: [],
    reason: 'How many came back to a second session is a fact about public meetings.',
  },
  session_stage: { protected: false, publicCategories: [], reason: 'Sessions by stage count meetings, not people.' },
  session_format: { protected: false, publicCategories: [], reason: 'Sessions by format count meetings, not people.' },
  survey_mean: {
    protected: true,
    publicCategories: [],
    reason: "A mean over a few people tells each person's own answers.",
  },
  expense_category: {
    protected: true,
    publicCategories: [],
    reason: 'Money by category (care cover, for instance) tells what one person was paid and why.',
  },
  expense_per_person: {
    protected: true,
    publicCategories: [],
    reason: "An amount paid to fewer people than the threshold is close to one person's payment.",
  },
  decision_level: { protected: false, publicCategories: [], reason: 'Decisions and the level of influence reached are public.' },
  decision_maker: { protected: false, publicCategories: [], reason: 'Who made a decision is public.' },
};

/**
 * The categories a dimension's `publicCategories` may name, where the engine itself defines them: a
 * misspelt category would otherwise exempt nothing while the file seems to say it does. Seldom-heard
 * groups are each framework's own, so they are not listed here.
 */
const KNOWN_CATEGORIES: Partial<Record<DisclosureDimension, readonly string[]>> = {
  role: PARTICIPANT_ROLES,
  role_group: ['residents_and_communities', 'council_staff', 'councillors'],
  expense_category: EXPENSE_CATEGORIES,
};

/** A framework file's (or a council's) changes to the defaults, dimension by dimension. */
export const sensitivityOverridesSchema = z
  .record(
    z.string(),
    z.strictObject({
      protected: z.boolean(),
      publicCategories: z.array(z.string().trim().min(1)).optional(),
      reason: z.string().trim().min(1, "say why, for the report's method section"),
    }),
  )
  // Checked here rather than on the record's key, so the message names the key and the known ones and points at its line.
  .superRefine((overrides, context) => {
    for (const [key, change] of Object.entries(overrides)) {
      if (!(DISCLOSURE_DIMENSIONS as readonly string[]).includes(key))
        context.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a known dimension (known: ${DISCLOSURE_DIMENSIONS.join(', ')})` });
      else if (change.publicCategories?.some((c) => KNOWN_CATEGORIES[key as DisclosureDimension] && !KNOWN_CATEGORIES[key as DisclosureDimension]!.includes(c))) {
        const known = KNOWN_CATEGORIES[key as DisclosureDimension]!;
        const unknown = change.publicCategories.filter((c) => !known.includes(c));
        context.addIssue({
          code: 'custom',
          path: [key, 'publicCategories'],
          message: `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length === 1 ? 'is not a category' : 'are not categories'} of ${key} (known: ${known.join(', ')})`,
        });
      } else if (change.protected && (SHOWN_ONLY_DIMENSIONS as readonly string[]).includes(key))
        context.addIssue({
          code: 'custom',
          path: [key, 'protected'],
          message: `${key} cannot be protected: no figure is yet withheld by it, so the setting would change nothing; these dimensions can only be shown: ${SHOWN_ONLY_DIMENSIONS.join(', ')}`,
        });
    }
  })
  .default({})
  .transform(
    (overrides) =>
      overrides as Partial<
        Record<DisclosureDimension, { protected: boolean; publicCategories?: string[]; reason: string; setBy?: SensitivitySource }>
      >,
  );

export type SensitivityOverrides = z.output<typeof sensitivityOverridesSchema>;

/** The defaults with a framework's or council's overrides laid over them. */
export function sensitivityPolicy(...overrides: (SensitivityOverrides | undefined)[]): SensitivityPolicy {
  const policy: Record<string, DimensionSensitivity> = { ...DEFAULT_SENSITIVITY };
  for (const layer of overrides) {
    for (const [dimension, change] of Object.entries(layer ?? {})) {
      if (!change) continue;
      policy[dimension] = {
        protected: change.protected,
        publicCategories: change.publicCategories ?? [],
        reason: change.reason,
        setBy: change.setBy ?? 'framework',
      };
    }
  }
  return policy as SensitivityPolicy;
}

/** Whether one category of a dimension is protected under a policy. */
export function isProtected(policy: SensitivityPolicy, dimension: DisclosureDimension, category: string): boolean {
  const rule = policy[dimension];
  return rule.protected && !rule.publicCategories.includes(category);
}
