import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limit per device', () => {
  it('allows a burst, then refills at the sustained rate, per key', () => {
    let t = 0;
    const limiter = createRateLimiter({ burst: 3, perMinute: 60 }, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    t += 1000;
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });
});
