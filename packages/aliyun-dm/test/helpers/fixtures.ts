import type { Batch, Message } from '@mailbridge/core';
import type { AttemptContext, HttpRequest } from '@mailbridge/core/provider';
import { clientContext } from '../../src/client.js';
import { resolveConfig } from '../../src/config.js';
import { buildProvider } from '../../src/provider.js';

export const SECRET = 'test-secret-0123456789';

/** A provider with pinned nonces (`n-1`, `n-2`, …) talking to `endpoint`. */
export function provider(
  endpoint = 'https://dm.aliyuncs.com',
  extra: Record<string, unknown> = {},
) {
  let n = 0;
  const config = resolveConfig({
    region: 'cn-hangzhou',
    endpoint,
    credentials: { id: 'test-id', secret: SECRET },
    ...extra,
  });
  return buildProvider({ ...clientContext(config), nonce: () => `n-${++n}` });
}

export const attempt = (now = Date.UTC(2024, 1, 12, 8, 44, 3), n = 1): AttemptContext => ({
  attempt: n,
  signal: new AbortController().signal,
  now: () => now,
  execute: () => Promise.reject(new Error('no pipeline in this unit test')),
});

/** A normalised message, as the core hands it to adapters. */
export function message(overrides: Partial<Message> = {}): Message {
  return {
    from: { address: 'noreply@mail.example.com' },
    to: [{ address: 'a@example.com' }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: 'Hello',
    text: 'Hi',
    attachments: [],
    headers: {},
    tags: [],
    tracking: {},
    providerOptions: {},
    ...overrides,
  };
}

export function batch(overrides: Partial<Batch> = {}): Batch {
  return {
    from: { address: 'batch@mail.example.com' },
    group: 'list1',
    template: { id: 'welcome' },
    tags: [],
    tracking: {},
    providerOptions: {},
    ...overrides,
  };
}

/** The form parameters of a built request (body, else query). */
export function formOf(request: HttpRequest): Record<string, string> {
  const text =
    typeof request.body === 'string' ? request.body : new URL(request.url).search.slice(1);
  return Object.fromEntries(new URLSearchParams(text));
}

/** The business parameters only (common signature parameters removed). */
export function businessOf(request: HttpRequest): Record<string, string> {
  const {
    AccessKeyId: _a,
    Action: _b,
    Format: _c,
    RegionId: _d,
    SignatureMethod: _e,
    SignatureNonce: _f,
    SignatureVersion: _g,
    Timestamp: _h,
    Version: _i,
    Signature: _j,
    ...rest
  } = formOf(request);
  return rest;
}
