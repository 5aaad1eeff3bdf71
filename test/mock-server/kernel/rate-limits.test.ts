import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../../mock-server/kernel/rate-limits.ts';

describe('RateWindow', () => {
  it('allows `limit` requests in any 60 seconds, then says when to retry', () => {
    const window = new RateWindow(3);
    expect(window.hit(0)).toMatchObject({ allowed: true, remaining: 2, resetAt: 60_000 });
    window.hit(10_000);
    expect(window.hit(20_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(window.hit(30_000)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetAt: 60_000,
      retryAfter: 30,
    });
    expect(window.hit(60_000)).toMatchObject({ allowed: true, remaining: 0, resetAt: 70_000 });
  });

  it('does not count refused requests', () => {
    const window = new RateWindow(1);
    window.hit(0);
    for (let t = 1; t < 10; t++) window.hit(t * 1000);
    expect(window.hit(60_000).allowed).toBe(true);
  });

  it('keeps counting right over many requests (it compacts as it goes)', () => {
    const window = new RateWindow(10);
    for (let t = 0; t < 100_000; t++) window.hit(t * 10_000);
    expect(window.peek(100_000 * 10_000)).toMatchObject({ remaining: 5 });
  });
});
