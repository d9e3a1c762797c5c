import { DeadlineExceededError } from '@eventstore/db-client';

/** A read the adapter can stop: a client read (`cancel`) or a subscription (`unsubscribe`). */
type StoppableRead<T> = AsyncIterable<T> & { cancel?(): Promise<void>; unsubscribe?(): Promise<void>; destroy?(): unknown };

/**
 * The items of a read, failing with the client's DeadlineExceededError when the server sends nothing
 * for `idleMs`. The client gives reads no deadline of their own (6.2.1 passes `deadline: Infinity`),
 * so without this one stuck read would hold up everything queued behind it. The read is stopped
 * however the iteration ends.
 */
export async function* withIdleDeadline<T>(read: StoppableRead<T>, idleMs: number, what: string): AsyncGenerator<T> {
  const iterator = read[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const silence = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceededError(undefined, `${what}: the server sent nothing for ${idleMs} ms`)), idleMs);
      });
      let next: IteratorResult<T>;
      try {
        next = await Promise.race([iterator.next(), silence]);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await stop(read);
  }
}

async function stop<T>(read: StoppableRead<T>): Promise<void> {
  if (read.unsubscribe) await read.unsubscribe().catch(() => undefined);
  else if (read.cancel) await read.cancel().catch(() => undefined);
  read.destroy?.();
}
