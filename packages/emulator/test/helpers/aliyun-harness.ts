import { ALIYUN_DEFAULT_SEED, aliyunModule } from '../../src/aliyun/index.js';
import { fakeContext, T0, TEST_KEY, type V1Options, v1Request } from './aliyun-sign.js';

/** The DirectMail module on a fake context, seeded with the default account unless `empty`. */
export function harness(empty = false) {
  const ctx = fakeContext();
  const module = aliyunModule({ credentials: [TEST_KEY], authNow: () => T0 });
  if (!empty) module.seed(ALIYUN_DEFAULT_SEED);
  const call = (action: string, params: Record<string, string> = {}, o: Partial<V1Options> = {}) =>
    module.handle(v1Request({ action, params, ...o }), ctx);
  return { module, ctx, call };
}
