/**
 * What happens to a copy after the emulator accepts it, decided by the recipient address so a
 * test can ask for any outcome offline: the local part before `+` names it.
 *
 * | address | outcome |
 * |---|---|
 * | `bounce@…`, `bounce+hard@…` | hard bounce (550 5.1.1 no such user) |
 * | `bounce+soft@…` | soft bounce (452 4.2.2 mailbox full) |
 * | `defer@…` | deferred (451 4.7.1 try again later) |
 * | `drop@…` | dropped |
 * | `complaint@…` | delivered, then a spam complaint |
 * | `unsubscribe@…` | delivered, then an unsubscribe |
 * | anything else | delivered |
 *
 * Opens and clicks come from the admin API (`POST /__emulator/events/open`, `…/click`).
 */

/** The emulator's own names for what happened to a copy. */
export type EmulatedKind =
  | 'delivered'
  | 'bounced'
  | 'deferred'
  | 'dropped'
  | 'complained'
  | 'unsubscribed'
  | 'opened'
  | 'clicked';

/** The delivery result of one copy, and what follows it. */
export interface Outcome {
  /** The delivery step: delivered, bounced, deferred or dropped. */
  readonly delivery: 'delivered' | 'bounced' | 'deferred' | 'dropped';
  readonly bounce?: 'hard' | 'soft';
  /** SMTP reply of the receiving server. */
  readonly smtp: string;
  /** A feedback event after delivery, when the address asks for one. */
  readonly feedback?: 'complained' | 'unsubscribed';
}

const DELIVERED: Outcome = { delivery: 'delivered', smtp: '250 2.0.0 OK' };

/** The outcome the emulator gives a copy sent to `address`. */
export function outcomeFor(address: string): Outcome {
  const local = address.slice(0, address.lastIndexOf('@')).toLowerCase();
  const [base, tag] = local.split('+', 2);
  switch (base) {
    case 'bounce':
      return tag === 'soft'
        ? { delivery: 'bounced', bounce: 'soft', smtp: '452 4.2.2 mailbox full' }
        : { delivery: 'bounced', bounce: 'hard', smtp: '550 5.1.1 no such user' };
    case 'defer':
      return { delivery: 'deferred', smtp: '451 4.7.1 try again later' };
    case 'drop':
      return { delivery: 'dropped', smtp: '554 5.7.1 dropped by the emulator' };
    case 'complaint':
      return { ...DELIVERED, feedback: 'complained' };
    case 'unsubscribe':
      return { ...DELIVERED, feedback: 'unsubscribed' };
    default:
      return DELIVERED;
  }
}
