import { z } from 'zod';
import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS, STAGES } from '@coprod/domain/core/vocabulary';
import { sensitivityOverridesSchema } from '../disclosure/sensitivity';
import { INDICATOR_IDS, NOT_COPRODUCTION_CHECKS } from './indicator-ids';
import { evenWithItemProblems, uniqueIds, uniqueValues } from './unique-values';

const text = z.string().trim().min(1, 'must not be empty');

const itemId = z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'must be lower-case words joined by underscores, e.g. making_a_difference');

const frameworkId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. west-berkshire');

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? undefined : `"${String(issue.input)}" is not a known ${what} (known: ${values.join(', ')})`),
  });
}

/** An optional list, empty when left out. */
function list<T extends z.ZodType<{ id: string }>>(item: T, listName: string) {
  return z.array(item).superRefine(uniqueIds(listName), evenWithItemProblems).default([]);
}

const principle = z.strictObject({ id: itemId, name: text, description: text });

const outcome = z.strictObject({
  id: itemId,
  number: z.number().int().min(1, 'outcomes are numbered from 1'),
  title: text,
  description: text.optional(),
  /** The project states which improvement it seeks (West Berkshire's outcome 5). */
  tailoredPerProject: z.boolean().default(false),
  indicators: z.array(oneOf(INDICATOR_IDS, 'indicator')).min(1, 'name at least one indicator that evidences this outcome'),
  /** The kind of participant quote that illustrates it, e.g. "a resident describing a decision they changed". */
  quoteKind: text,
});

const notCoproduction = z.strictObject({
  id: itemId,
  description: text,
  /** The engine's rule that flags it, or null where only people can judge. */
  check: oneOf(NOT_COPRODUCTION_CHECKS, 'check').nullable().default(null),
});

const outcomes = z
  .array(outcome, {
    error: (issue) => (issue.input === undefined ? 'is missing; a framework needs at least one outcome' : undefined),
  })
  .min(1, 'a framework needs at least one outcome')
  .superRefine(uniqueIds('outcomes'), evenWithItemProblems)
  .superRefine(
    uniqueValues('number', (n, first) => `outcome number ${String(n)} is already used by outcomes[${first}]; number them 1, 2, 3, ...`),
    evenWithItemProblems,
  );

/** A council's framework for co-production, as written in its YAML file. */
export const frameworkSchema = z.strictObject({
  id: frameworkId,
  name: text,
  version: z
    .string({
      error: (issue) =>
        typeof issue.input === 'number'
          ? `write the version in quotes, e.g. version: "${issue.input}" (unquoted, YAML reads it as a number)`
          : undefined,
    })
    .trim()
    .min(1, 'must not be empty'),
  publisher: text,
  /** Citation of the document the framework is taken from. */
  source: text,
  definition: text,
  aim: text.optional(),
  /** Definitions from other bodies that the framework quotes beside its own, each with who wrote it. */
  otherDefinitions: list(z.strictObject({ id: itemId, source: text, text }), 'otherDefinitions'),
  principles: list(principle, 'principles'),
  outcomes,
  setupActivities: list(z.strictObject({ id: itemId, name: text }), 'setupActivities'),
  stages: list(z.strictObject({ id: oneOf(STAGES, 'stage'), name: text, description: text }), 'stages'),
  notCoproduction: list(notCoproduction, 'notCoproduction'),
  benefits: list(z.strictObject({ id: itemId, name: text, description: text }), 'benefits'),
  /** The New Economics Foundation's elements of co-production. */
  elements: list(z.strictObject({ id: itemId, name: text, description: text }), 'elements'),
  /** SCIE's values. */
  values: list(z.strictObject({ id: itemId, name: text }), 'values'),
  /** Needham and Carr's levels. */
  levels: list(z.strictObject({ id: oneOf(NEEDHAM_CARR_LEVELS, 'level'), name: text, description: text }), 'levels'),
  /** Think Local Act Personal's ladder, lowest rung first. */
  ladder: list(z.strictObject({ id: oneOf(LADDER_LEVELS, 'ladder rung'), name: text }), 'ladder'),
  /**
   * Which dimensions of the figures are protected by disclosure control, where the council's view
   * differs from the documented defaults; each change says why, for the report's method section.
   */
  disclosure: z.strictObject({ dimensions: sensitivityOverridesSchema }).optional(),
});

export type Framework = z.output<typeof frameworkSchema>;
