/**
 * A deterministic source of variety for the demo: the same seed always gives the same sequence.
 * FNV-1a turns the seed text into a number; a 32-bit linear congruential generator (the constants
 * published in Numerical Recipes) steps it.
 */
export function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A whole number from `min` to `max` inclusive. */
export function wholeBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
