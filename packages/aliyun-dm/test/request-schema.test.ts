/**
 * The neutral sends do not run the action's request schema (provider.ts `envelopeOperation`):
 * these tests hold the mapping's output to that schema, so a constraint added to the schema
 * and not to the capabilities fails here, and check the limits core enforces in its place.
 */
import { isMailError, type Message } from '@mailbridge/core';
import { checkBatch } from '@mailbridge/core/provider';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../src/actions.js';
import { capabilities } from '../src/capabilities.js';
import { flattenParams } from '../src/client.js';
import { batchParams, sendParams } from '../src/mapping.js';
import { batch, message } from './helpers/fixtures.js';

/** TemplateName and ReceiversName: 1 to 30 characters (capabilities.batch). */
const BATCH_NAME_MAX = 30;

const MESSAGES: Record<string, Message> = {
  minimal: message(),
  'every field': message({
    from: { address: 'noreply@mail.example.com', name: '小明 Shop' },
    to: [{ address: 'a@example.com' }, { address: 'b+tag@example.com' }],
    bcc: [{ address: 'audit@example.com' }],
    replyTo: [{ address: 'support@example.com', name: '客服 😀' }],
    subject: "测试 😀 !'()*~+%&=",
    html: '<p>你好</p>',
    text: 'plain',
    tags: ['demo'],
    tracking: { opens: true, clicks: true },
    headers: { 'X-User-Notify-Id': '42' },
    providerOptions: {
      'aliyun-dm': {
        addressType: 0,
        unsubscribeLinkType: 'default',
        unsubscribeFilterLevel: 'edm_id',
        ipPoolId: 'pool-1',
      },
    },
  }),
  'console reply-to': message({ providerOptions: { 'aliyun-dm': { replyToAddress: true } } }),
  template: message({
    text: undefined,
    template: { id: 100012, data: { UserName: '小明', count: 3 } },
  } as never),
  'empty strings': message({ subject: '', text: '' }),
};

describe('SingleSendMail parameters of the neutral path', () => {
  it.each(Object.entries(MESSAGES))(
    '%s: pass the request schema, which changes nothing',
    (_, m) => {
      const params = sendParams(m);
      const parsed = ACTIONS.SingleSendMail.request.safeParse(params);
      expect(parsed.error).toBeUndefined();
      expect(flattenParams(parsed.data ?? {})).toEqual(flattenParams(params));
    },
  );
});

describe('BatchSendMail parameters of the neutral path', () => {
  const name = (n: number) => '欢'.repeat(n);
  it.each([
    ['minimal', batch()],
    ['names at the limit', batch({ group: name(30), template: { id: name(30) } })],
    ['numeric template id', batch({ template: { id: 7 } })],
    [
      'every field',
      batch({
        replyTo: { address: 'r@example.com', name: 'R' },
        tags: ['demo'],
        tracking: { opens: true },
        providerOptions: { 'aliyun-dm': { addressType: 0, ipPoolId: 'p' } },
      }),
    ],
  ])('%s: pass the request schema, which changes nothing', (_, b) => {
    const params = batchParams(b);
    const parsed = ACTIONS.BatchSendMail.request.safeParse(params);
    expect(parsed.error).toBeUndefined();
    expect(flattenParams(parsed.data ?? {})).toEqual(flattenParams(params));
  });

  it.each([
    ['template name', { template: { id: name(BATCH_NAME_MAX + 1) } }, ['template', 'id']],
    ['empty template name', { template: { id: '' } }, ['template', 'id']],
    ['group name', { group: 'g'.repeat(BATCH_NAME_MAX + 1) }, ['group']],
    ['empty group name', { group: '' }, ['group']],
  ])('%s out of 1–30 characters: invalid_input before any request', (_, overrides, path) => {
    const b = batch(overrides);
    // The schema refuses the same names, so the check is the schema's, moved into the
    // capabilities the core checks every batch against.
    expect(ACTIONS.BatchSendMail.request.safeParse(rawOf(b)).success).toBe(false);
    let error: unknown;
    try {
      checkBatch(b, capabilities);
    } catch (e) {
      error = e;
    }
    expect(isMailError(error) && error.code).toBe('invalid_input');
    expect(isMailError(error) && error.issues?.[0]?.path).toEqual(path);
  });
});

/** The parameters the mapping would build for `b`, without its checks (as the schema sees them). */
function rawOf(b: ReturnType<typeof batch>) {
  return {
    AccountName: b.from.address,
    AddressType: 1,
    TemplateName: String(b.template.id),
    ReceiversName: b.group,
  };
}
