/**
 * A bounded hand-off from the receiver to one `for await` consumer: the receiver offers events,
 * the consumer pulls them. Full means "answer 503 so the provider delivers it again later",
 * never an unbounded buffer.
 */
import type { MailEvent } from './event.js';

/** The receiving end of the receiver's event stream. */
export interface EventQueue {
  /** Queue an event; false when the queue is full or closed. */
  offer(event: MailEvent): boolean;
  /** A new iterator over the events, in arrival order, until `close()` (or its own `return()`). */
  iterate(): AsyncIterableIterator<MailEvent>;
  close(): void;
}

/** A queue holding at most `capacity` events not yet pulled. */
export function createEventQueue(capacity: number): EventQueue {
  const items: MailEvent[] = [];
  const waiting: ((result: IteratorResult<MailEvent>) => void)[] = [];
  let closed = false;
  const done = (): IteratorResult<MailEvent> => ({ done: true, value: undefined });
  return {
    offer(event) {
      if (closed) return false;
      const consumer = waiting.shift();
      if (consumer) {
        consumer({ done: false, value: event });
        return true;
      }
      if (items.length >= capacity) return false;
      items.push(event);
      return true;
    },
    // One iterator per loop: a loop that breaks or throws ends itself (`return()`), not the
    // queue, so a loop started again gets the events that arrive later.
    iterate() {
      let ended = false;
      const pending = new Set<(result: IteratorResult<MailEvent>) => void>();
      const iterator: AsyncIterableIterator<MailEvent> = {
        next() {
          if (ended) return Promise.resolve(done());
          const item = items.shift();
          if (item !== undefined) return Promise.resolve({ done: false, value: item });
          if (closed) return Promise.resolve(done());
          return new Promise((resolve) => {
            const take = (result: IteratorResult<MailEvent>) => {
              pending.delete(take);
              resolve(result);
            };
            pending.add(take);
            waiting.push(take);
          });
        },
        return() {
          ended = true;
          // A `next()` still waiting must not take an event this loop will never read.
          for (const take of pending) {
            waiting.splice(waiting.indexOf(take), 1);
            take(done());
          }
          return Promise.resolve(done());
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    close() {
      closed = true;
      for (const consumer of waiting.splice(0)) consumer(done());
    },
  };
}
