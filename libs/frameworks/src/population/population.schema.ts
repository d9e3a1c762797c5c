import { z } from 'zod';
import { evenWithItemProblems, uniqueIds } from '../framework/unique-values';

const text = z.string().trim().min(1, 'must not be empty');

const group = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'must be lower-case words joined by underscores, e.g. disabled_people'),
  name: text,
  /** Fraction of the local population in the group. */
  share: z
    .number()
    .min(0, 'must be a fraction between 0 and 1 (17% is written 0.17)')
    .max(1, 'must be a fraction between 0 and 1 (17% is written 0.17)'),
});

/** Who lives in a council's area, by seldom-heard group, for comparing reach with the local population. */
export const populationProfileSchema = z.strictObject({
  area: text,
  /** Citation of the figures, e.g. the census table they come from. */
  source: text,
  year: z.number().int('must be a whole year, e.g. 2021').min(1801).max(2200),
  groups: z
    .array(group)
    .min(1, 'list at least one group with its share of the population')
    .superRefine(uniqueIds('groups'), evenWithItemProblems),
});

export type PopulationProfile = z.output<typeof populationProfileSchema>;
