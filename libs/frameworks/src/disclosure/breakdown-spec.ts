import type { CellQuantities, DisclosedQuantity, DisclosureSpec } from './disclosure-spec';
import { LinearRelation, sumRelation } from './linear-audit';
import type { DisclosureDimension } from './sensitivity';

/** What a breakdown's cells measure, in whole units. */
export type Measure = 'people' | 'minutes' | 'pence';

/** The id of one quantity: what it measures, over whom, in which cell. The same id is the same number in any indicator. */
export function quantityId(measure: Measure | string, population: string, dimension: DisclosureDimension | 'total', category = 'all'): string {
  return `${measure}:${population}:${dimension}:${category}`;
}

export interface BreakdownSpecInput {
  dimension: DisclosureDimension;
  /** Whom the cells count (`involved`, `training`, `paid`): two breakdowns over the same people share quantities. */
  population: string;
  measure: Measure;
  /** Aligned with the breakdown: each cell's exact value (minutes, pence, people) and the people it rests on. */
  cells: readonly { key: string; value: number; people: number }[];
  /** Every category of the dimension, including the empty ones a breakdown leaves out. */
  categories: readonly string[];
  /** The total the cells add up to (a person in two categories would break this: leave it out then). */
  total?: { value: number; people: number };
  /** Label of the row that hidden cells are counted in together. */
  mergedLabel?: string;
}

/**
 * The disclosure spec of a breakdown by one dimension: each cell's value and, where the value is not
 * itself a count of people, the count of people behind it; their total; the merged row.
 */
export function breakdownSpec(input: BreakdownSpecInput): DisclosureSpec {
  const { dimension, population, measure } = input;
  const valueId = (category: string) => quantityId(measure, population, dimension, category);
  const peopleId = (category: string) => quantityId('people', population, dimension, category);
  const quantities: DisclosedQuantity[] = [];
  const refs: CellQuantities[] = [];
  for (const cell of input.cells) {
    quantities.push({ id: valueId(cell.key), value: cell.value, dimension, category: cell.key, restsOn: cell.people });
    if (measure !== 'people') quantities.push({ id: peopleId(cell.key), value: cell.people, dimension, category: cell.key, restsOn: cell.people });
    refs.push(measure === 'people' ? { value: valueId(cell.key) } : { value: valueId(cell.key), n: peopleId(cell.key) });
  }
  const categories = [...new Set([...input.categories, ...input.cells.map((c) => c.key)])];
  const relations: LinearRelation[] = [];
  let value: string | undefined;
  if (input.total) {
    value = quantityId(measure, population, 'total');
    quantities.push({ id: value, value: input.total.value, dimension: null, category: null, restsOn: input.total.people });
    relations.push(sumRelation(value, categories.map(valueId)));
    if (measure !== 'people') {
      const people = quantityId('people', population, 'total');
      quantities.push({ id: people, value: input.total.people, dimension: null, category: null, restsOn: input.total.people });
    }
  }
  return {
    quantities,
    relations,
    value,
    breakdown: refs,
    ...(input.mergedLabel
      ? {
          merge: {
            dimension,
            key: 'not_shown_separately',
            label: input.mergedLabel,
            universe: categories.map((category) => ({
              category,
              value: valueId(category),
              ...(measure === 'people' ? {} : { n: peopleId(category) }),
            })),
          },
        }
      : {}),
  };
}
