/**
 * `startEmulator` options: a misspelt key or a value of the wrong shape stops the start with a
 * TypeError naming it, instead of an emulator that silently runs without it.
 */
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';

describe('startEmulator options', () => {
  it.each([
    ['a misspelt key', { prot: 0 }, 'prot'],
    ['a key without a secret', { aliyunKeys: [{ id: 'LTAIx' }] }, 'aliyunKeys[0]'],
    ['an empty key list', { tencentKeys: [] }, 'tencentKeys'],
    ['a port given as a string', { port: '8080' }, 'port'],
    ['defaultSeed as a string', { defaultSeed: 'no' }, 'defaultSeed'],
    [
      'a callback for no provider',
      { callbacks: { aliyun: 'http://127.0.0.1:1/' } },
      'callbacks.aliyun',
    ],
  ])('refuses %s, naming it', async (_what, options, key) => {
    const started = startEmulator(options as never);
    await expect(started).rejects.toThrow(TypeError);
    await expect(started).rejects.toThrow(key);
  });

  it('still starts with every documented option', async () => {
    const emu = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      aliyunKeys: [{ id: 'LTAIok', secret: 's3cret' }],
      tencentKeys: [{ id: 'AKIDok', secret: 's3cret' }],
      defaultSeed: false,
      startTime: Date.UTC(2026, 0, 1),
      authSkewMs: -1000,
      callbacks: { 'tencent-ses': 'http://127.0.0.1:9/events' },
      seed: {},
    });
    expect(emu.credentials.aliyun).toEqual([{ id: 'LTAIok', secret: 's3cret' }]);
    await emu.close();
  });
});
