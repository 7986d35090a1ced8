/** The emulator's admin API (`/__emulator/...`) as a test calls it: JSON in, status and text out. */
import type { Emulator } from '../../src/index.js';
import { rawRequest } from './tencent-sign.js';

/** One admin call; `body` is the answer parsed as JSON (`undefined` when it is not JSON). */
export async function adminCall(emu: Emulator, method: string, path: string, body?: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const res = await rawRequest(
    emu,
    method,
    `/__emulator/${path}`,
    { 'content-type': 'application/json' },
    text,
  );
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, text: res.text, body: parsed as Record<string, unknown> };
}
