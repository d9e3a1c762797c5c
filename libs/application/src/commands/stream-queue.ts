/**
 * Runs work on one stream one piece at a time, in the order it arrived, while work on different
 * streams runs side by side. The writer decides a command on the stream's latest history and appends
 * with that revision; two commands to one stream deciding at once would make one of them stale, so
 * in this process they wait their turn instead (a stale revision then only comes from another process).
 */
export class StreamQueue {
  /** The last piece of work queued on each stream that still has work; removed when it finishes. */
  private readonly tails = new Map<string, Promise<unknown>>();
  private waiting = 0;

  /** Runs `work` once everything queued before it on `stream` has finished, whether it succeeded or not. */
  run<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(stream);
    this.waiting += 1;
    const mine = (before ? before.then(settled, settled) : Promise.resolve()).then(() => work());
    const tail = mine.then(settled, settled).finally(() => {
      this.waiting -= 1;
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    });
    this.tails.set(stream, tail);
    return mine;
  }

  /** How many commands are queued or running, over every stream: the writer's queue depth. */
  get depth(): number {
    return this.waiting;
  }
}

const settled = (): void => undefined;
