import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from '../../../server/attempts';

describe('sign-in attempt limiter', () => {
  it('refuses a user id after the maximum failures until the window passes', () => {
    let clock = 0;
    const limiter = createAttemptLimiter(() => clock, 3, 1000);
    for (let i = 0; i < 3; i += 1) limiter.failed('u1');
    expect(limiter.allowed('u1')).toBe(false);
    expect(limiter.allowed('u2')).toBe(true);
    clock = 1000;
    expect(limiter.allowed('u1')).toBe(true);
  });

  it('forgets failures after a success', () => {
    const limiter = createAttemptLimiter(() => 0, 2, 1000);
    limiter.failed('u1');
    limiter.succeeded('u1');
    limiter.failed('u1');
    expect(limiter.allowed('u1')).toBe(true);
  });
});
