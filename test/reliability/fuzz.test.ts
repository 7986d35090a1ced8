/**
 * The fuzz properties at CI size (FUZZ_RUNS, default 150 per property and provider); the
 * 10,000-case run is fuzz-full.ts. See fuzz-properties.ts for what each property asserts.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzErrorBodies, fuzzMessages, fuzzPercentEncode, fuzzSigner } from './fuzz-properties.js';
import { TARGETS } from './targets.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

for (const target of TARGETS) {
  describe(`fuzz: ${target.id}`, () => {
    it('message inputs: accepted, or invalid_input/unsupported before any request', async () => {
      const counts = await fuzzMessages(target, emu, RUNS);
      expect(total(counts)).toBe(RUNS);
      // The generators must reach both sides of the property, or it proves nothing.
      expect(counts['accepted'] ?? 0).toBeGreaterThan(RUNS / 20);
      expect(counts['invalid_input'] ?? 0).toBeGreaterThan(RUNS / 20);
    });

    it('random parameter values are signed so the emulator accepts every one', async () => {
      expect(total(await fuzzSigner(target, emu, RUNS))).toBe(RUNS);
    });

    if (target.id === 'aliyun-dm') {
      it('the V3 (ACS3-HMAC-SHA256) signer too', async () => {
        expect(total(await fuzzSigner(target, emu, RUNS, 'v3'))).toBe(RUNS);
      });
    }

    it('random provider error bodies: always a well-formed MailError', async () => {
      const counts = await fuzzErrorBodies(target, RUNS);
      expect(total(counts)).toBe(RUNS);
      expect(Object.keys(counts).length).toBeGreaterThanOrEqual(2);
    });
  });
}

describe('fuzz: DirectMail percent-encoder', () => {
  it('equals an independent RFC 3986 reference on random strings', () => {
    const counts = fuzzPercentEncode(RUNS * 4);
    expect(counts['equal'] ?? 0).toBeGreaterThan(RUNS);
  });
});
