import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('the public surface is these names (a change here is a visible diff)', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ALIYUN_DM_REGIONS',
    'EVENT_KINDS',
    'EVENT_REGION_ZONES',
    'RATE_LIMITS',
    'SMTP_HOSTS',
    'SMTP_REPLY_TABLE',
    'actions',
    'aliyunDm',
    'capabilities',
    'classifyError',
    'createAliyunDmClient',
    'errors',
    'parseEvents',
    'percentEncode',
    'providerSuppression',
    'rpcSignature',
    'signerV1',
    'signerV3',
  ]);
});

it('aliyunDm is an AdapterFactory', () => {
  expect(api.aliyunDm.id).toBe('aliyun-dm');
  expect(typeof api.aliyunDm.fromUrl).toBe('function');
});
