import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public surface', () => {
  it('exports exactly these runtime names (a change here is a visible API change)', () => {
    expect(Object.keys(api).sort()).toEqual(['EXIT', 'createProgram']);
  });

  it('keeps the documented exit codes', () => {
    expect(api.EXIT).toEqual({ ok: 0, failed: 1, invalidInput: 2, notSent: 3, unknownDelivery: 4 });
  });
});
