/**
 * Shared pieces of the provider-surface tests (test/surface/*): what one call came to, the
 * emulator's request total for a provider, the shape of a broken-limit error, a loopback
 * server that records what reaches it (for actions the emulator cannot answer with success),
 * and the untyped `call` params a JSON request cannot carry as given.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMailError } from '@mailbridge/core';
import type { Emulator } from '@mailbridge/emulator';
import { expect } from 'vitest';

/** What a call came to: the answer's field names, or the error's codes. */
export type Outcome =
  | { readonly ok: true; readonly fields: readonly string[] }
  | {
      readonly ok: false;
      readonly code: string;
      readonly providerCode?: string;
      readonly httpStatus?: number;
    };

/** Settle a call into an Outcome; an error that is not a MailError fails the test. */
export async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    const value = (await call) as Record<string, unknown>;
    return { ok: true, fields: Object.keys(value).sort() };
  } catch (error) {
    if (!isMailError(error)) throw error;
    return {
      ok: false,
      code: error.code,
      ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
      ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    };
  }
}

/** How many requests the emulator received for one provider, all actions together. */
export function requestTotal(emu: Emulator, provider: 'aliyun-dm' | 'tencent-ses'): number {
  return Object.values(emu.requests[provider] ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
}

/**
 * Assert the error of a request that breaks a documented limit: `invalid_input`, nothing sent,
 * and an issue whose path starts with the action and holds the parameter, its message stating
 * the limit; the error's own message names the parameter too.
 */
export function expectLimitError(
  error: unknown,
  action: string,
  param: string,
  limit: string,
): void {
  expect(isMailError(error), `expected a MailError, got ${String(error)}`).toBe(true);
  if (!isMailError(error)) return;
  expect(error.code).toBe('invalid_input');
  expect(error.delivery).not.toBe('unknown');
  const issue = error.issues?.find((i) => i.path[0] === action && i.path.includes(param));
  expect(issue, `no issue at ${action}.${param}: ${JSON.stringify(error.issues)}`).toBeDefined();
  expect(issue?.message).toContain(limit);
  expect(error.message).toContain(param);
}

/** A request as the recording server saw it. */
export interface Recorded {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback HTTP server answering every request with `answer`, keeping what it received. */
export async function recordingServer(answer: unknown): Promise<{
  readonly url: string;
  readonly received: readonly Recorded[];
  close(): Promise<void>;
}> {
  const received: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Params of an untyped `call` that JSON would drop, change or fail on, each with the path its
 * issue names under `at` (the adapter's prefix for the params object).
 */
export function unsendableParams(
  at: string,
): readonly [params: Record<string, unknown>, path: readonly (string | number)[]][] {
  const loop: Record<string, unknown> = { Name: 'a' };
  loop['Self'] = loop;
  return [
    [{ Limit: 10n }, [at, 'Limit']],
    [{ Filter: loop }, [at, 'Filter', 'Self']],
    [{ Callback: () => 1 }, [at, 'Callback']],
    [{ Tag: Symbol('t') }, [at, 'Tag']],
    [{ Since: new Date(0) }, [at, 'Since']],
    [{ Ratio: Number.NaN }, [at, 'Ratio']],
    [{ List: [1, undefined] }, [at, 'List', 1]],
  ];
}
