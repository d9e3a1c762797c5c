import { z } from 'zod';

/** Runs a list check even when some items are invalid, so one pass reports every problem. */
export const evenWithItemProblems = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };

/** The value of `key` on each item that has one, ignoring items too broken to have it. */
function valuesOf(items: readonly unknown[], key: string): [unknown, number][] {
  return items.flatMap((item, index): [unknown, number][] =>
    item !== null && typeof item === 'object' && key in item ? [[(item as Record<string, unknown>)[key], index]] : [],
  );
}

/** A list check: values of `key` must not repeat; the second use is the one reported. */
export function uniqueValues(key: string, explain: (value: unknown, first: number) => string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx) => {
    const seen = new Map<unknown, number>();
    for (const [value, index] of valuesOf(items, key)) {
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else ctx.addIssue({ code: 'custom', path: [index, key], message: explain(value, first) });
    }
  };
}

/** A list check: item ids must be unique within the list named `listName`. */
export const uniqueIds = (listName: string) =>
  uniqueValues(
    'id',
    (id, first) => `duplicate id "${String(id)}" (already used by ${listName}[${first}]); ids must be unique within ${listName}`,
  );
