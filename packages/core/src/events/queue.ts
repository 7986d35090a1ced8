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
  /** The events, in arrival order, until `close()`. */
  iterate(): AsyncIterableIterator<MailEvent>;
  close(): void;
}

/** A queue holding at most `capacity` events not yet pulled. */
export function createEventQueue(capacity: number): EventQueue {
  const items: MailEvent[] = [];
  const waiting: ((result: IteratorResult<MailEvent>) => void)[] = [];
  let closed = false;
  const done = (): IteratorResult<MailEvent> => ({ done: true, value: undefined });
  const iterator: AsyncIterableIterator<MailEvent> = {
    next() {
      const item = items.shift();
      if (item !== undefined) return Promise.resolve({ done: false, value: item });
      if (closed) return Promise.resolve(done());
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      closed = true;
      return Promise.resolve(done());
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
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
    iterate: () => iterator,
    close() {
      closed = true;
      for (const consumer of waiting.splice(0)) consumer(done());
    },
  };
}
