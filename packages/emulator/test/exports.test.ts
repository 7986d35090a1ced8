import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public surface', () => {
  it('exports exactly these runtime names (a change here is a visible API change)', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ALIYUN_DEFAULT_SEED',
      'TENCENT_DEFAULT_SEED',
      'clientEndpoints',
      'followRealTime',
      'formatRequestLine',
      'publicOrigin',
      'startEmulator',
    ]);
  });

  it('documents the default Tencent seed it promises', () => {
    expect(api.TENCENT_DEFAULT_SEED.templates?.map((t) => [t.id, t.name, t.status])).toEqual([
      [100001, 'welcome', 'approved'],
      [100002, 'newsletter', 'approved'],
    ]);
    expect(api.TENCENT_DEFAULT_SEED.senders).toEqual([
      { address: 'noreply@mail.example.com', verified: true },
    ]);
  });
});
