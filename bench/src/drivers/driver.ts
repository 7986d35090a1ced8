/**
 * What every send driver provides: one email per `send(i)` to the mock at `origin`, awaited to
 * the parsed answer, so each driver pays for the same round trip and differs only in the client.
 */
export interface SendDriver {
  send(index: number): Promise<void>;
  close(): Promise<void>;
}

/** Fake credentials: the mock verifies no signature, but every client still computes one. */
export const KEY = { id: 'AKIDbenchbenchbenchbench', secret: 'bench-secret-bench-secret' } as const;

/** The same message for every client: one recipient, a stored template with one variable. */
export const TEMPLATE_ID = 100001;
export const FROM = 'noreply@mail.example.com';
export const SUBJECT = 'Welcome';
export const HTML = '<p>Hello Ann, welcome to the shop.</p>';
export const to = (index: number) => `user${index}@example.com`;

/** Fail loudly when a client "succeeds" without the id the provider returned. */
export function expectId(value: unknown, what: string): void {
  if (value === undefined || value === null || value === '') {
    throw new Error(`bench: the answer carried no ${what}`);
  }
}
