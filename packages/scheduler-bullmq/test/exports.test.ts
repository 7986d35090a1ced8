import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('the public surface is these names (a change here is a visible diff)', () => {
  expect(Object.keys(api).sort()).toEqual(['bullmqScheduler']);
});
