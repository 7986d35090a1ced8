import { isMailError } from '@mailbridge/core';
import { describe, expect, it } from 'vitest';
import { createScheduler, memoryStore } from '../src/index.js';

describe('createScheduler options', () => {
  it('names a bad or unknown key (invalid_input) instead of a scheduler that never fires', () => {
    const bad = (options: Record<string, unknown>) => {
      try {
        void createScheduler({ store: memoryStore(), ...options } as never).close();
      } catch (error) {
        return isMailError(error) ? `${error.code} ${error.issues[0]?.path.join('.')}` : 'other';
      }
      return 'accepted';
    };
    expect(bad({ concurrency: 0 })).toBe('invalid_input createScheduler.concurrency');
    expect(bad({ pollMs: -1 })).toBe('invalid_input createScheduler.pollMs');
    expect(bad({ missed: 'skipp' })).toBe('invalid_input createScheduler.missed');
    expect(bad({ keepRuns: 0 })).toBe('invalid_input createScheduler.keepRuns');
    expect(bad({ hook: {} })).toBe('invalid_input createScheduler.hook');
    expect(bad({ store: undefined })).toBe('invalid_input createScheduler.store');
    expect(bad({ pollMs: 50, concurrency: 2, missed: 'skip', missedAfterMs: 0 })).toBe('accepted');
  });
});
