/**
 * What was last learnt about recently used streams, bounded so a long-running process does not grow
 * with the store: the least recently used stream is forgotten first. Streams only ever grow, so a
 * memo stays true up to the revision it records; callers read what was appended after it.
 */
export class StreamMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 20_000) {}

  get(stream: string): V | undefined {
    const value = this.entries.get(stream);
    if (value === undefined) return undefined;
    // Re-inserting moves the stream to the end of the Map's order: the most recently used.
    this.entries.delete(stream);
    this.entries.set(stream, value);
    return value;
  }

  set(stream: string, value: V): void {
    this.entries.delete(stream);
    this.entries.set(stream, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
