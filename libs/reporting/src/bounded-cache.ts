/**
 * A least-recently-used cache with a limit on entries and on their total size, for work that depends
 * only on its key (a chart drawn from its spec, a font subset from its glyphs, the height of a text).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private total = 0;

  /**
   * @param maxEntries how many values it keeps at most
   * @param maxSize the most their sizes may add up to; `sizeOf` gives each value's size
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxSize = Infinity,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  /** The value kept for `key`, made the most recently used; undefined when none is kept. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for `key`, dropping the least recently used values to stay within the limits. */
  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    this.delete(key);
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxSize) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  /** The value kept for `key`, or the one `make` returns, which is then kept. */
  getOrMake(key: string, make: () => V): V {
    const kept = this.get(key);
    if (kept !== undefined) return kept;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** How many values are kept. */
  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }
}
