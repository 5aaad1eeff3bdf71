/**
 * The API's retry policy: at most 5 attempts, waiting 1 s, 2 s, 4 s, 8 s; retry 408, 429, 5xx,
 * network errors; never another 4xx; honour Retry-After up to maxRetryAfter. Fake timers make
 * every wait exact, and jitter is off unless a test is about jitter.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  InternalServerError,
  RateLimitError,
  type Score,
} from '../../src/index.ts';
import {
  apiError,
  clientWith,
  connectionRefused,
  gaps,
  json,
  ok,
  SCORE,
  settle,
  warmUp,
} from './helpers.ts';

beforeAll(warmUp);
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-05-28T14:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

async function run<T>(promise: PromiseLike<T>) {
  const result = settle(promise);
  await vi.runAllTimersAsync();
  return result;
}

describe('retry schedule', () => {
  it('retries a 500 four times, waiting 1 s, 2 s, 4 s and 8 s, then throws with attempts 5', async () => {
    const failure = () => apiError(500, 'internal_error');
    const { iiq, sent } = clientWith([failure(), failure(), failure(), failure(), failure()]);
    const error = await run(iiq.account.retrieve());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, code: 'internal_error', attempts: 5 });
    expect(gaps(sent)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('returns the response of the first attempt that succeeds', async () => {
    const { iiq, sent } = clientWith([
      apiError(503, 'internal_error'),
      apiError(503, 'internal_error'),
      ok(),
    ]);
    const score = await run(iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T'));
    expect(score).toEqual(SCORE);
    expect(sent).toHaveLength(3);
    expect(gaps(sent)).toEqual([1000, 2000]);
  });

  it('retries a 429 without Retry-After on the same schedule', async () => {
    const limited = () => apiError(429, 'rate_limited');
    const { iiq, sent } = clientWith([limited(), limited(), limited(), limited(), limited()]);
    const error = await run(iiq.account.retrieve());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ attempts: 5, retryAfter: null });
    expect(gaps(sent)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('retries network errors and throws APIConnectionError naming the cause', async () => {
    const { iiq, sent } = clientWith([
      connectionRefused(),
      connectionRefused(),
      connectionRefused(),
      connectionRefused(),
      connectionRefused(),
    ]);
    const error = await run(iiq.account.retrieve());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toMatchObject({ attempts: 5, idempotencyKey: null });
    expect((error as Error).message).toBe(
      'Could not reach https://api.intentiq.dev for GET /account after 5 attempts: connect ECONNREFUSED 127.0.0.1:4010. Check your network, proxy and the baseUrl option.',
    );
    expect(gaps(sent)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('retries 408 and every 5xx status, not only the common ones', async () => {
    for (const status of [408, 502, 504, 507, 555]) {
      const { iiq, sent } = clientWith([json(status, {}), ok()]);
      await run(iiq.account.retrieve());
      expect(sent, `status ${status}`).toHaveLength(2);
    }
  });

  it('makes maxRetries + 1 attempts when the client or the call sets maxRetries', async () => {
    const failing = () => Array.from({ length: 6 }, () => apiError(500, 'internal_error'));
    const fromClient = clientWith(failing(), { maxRetries: 1 });
    expect(await run(fromClient.iiq.account.retrieve())).toMatchObject({ attempts: 2 });
    const fromCall = clientWith(failing());
    expect(await run(fromCall.iiq.account.retrieve({ maxRetries: 0 }))).toMatchObject({
      attempts: 1,
    });
    expect(fromCall.sent).toHaveLength(1);
  });
});

describe('non-retryable statuses', () => {
  const cases = [
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [402, 'insufficient_credits'],
    [403, 'restricted_use'],
    [404, 'not_found'],
    [409, 'idempotency_conflict'],
    [422, 'unscorable_domain'],
  ] as const;

  for (const [status, code] of cases) {
    it(`sends a request answered ${status} ${code} once`, async () => {
      const { iiq, sent } = clientWith([apiError(status, code), ok()]);
      const error = await run(iiq.scores.create({ domain: 'stripe.com' }));
      expect(error).toMatchObject({ status, code, attempts: 1 });
      expect(sent).toHaveLength(1);
    });
  }
});

describe('Retry-After', () => {
  it('waits the number of seconds Retry-After gives, without jitter', async () => {
    const limited = apiError(429, 'rate_limited', {}, { 'retry-after': '12' });
    const { iiq, sent } = clientWith([limited, ok()], { retryJitter: true });
    await run(iiq.scores.create({ domain: 'stripe.com' }));
    expect(gaps(sent)).toEqual([12_000]);
  });

  it('waits until the HTTP date Retry-After gives', async () => {
    const limited = apiError(
      429,
      'rate_limited',
      {},
      { 'retry-after': 'Thu, 28 May 2026 14:00:07 GMT' },
    );
    const { iiq, sent } = clientWith([limited, ok()]);
    await run(iiq.scores.create({ domain: 'stripe.com' }));
    expect(gaps(sent)).toEqual([7000]);
  });

  it('honours Retry-After on a 503 too', async () => {
    const busy = apiError(503, 'internal_error', {}, { 'retry-after': '3' });
    const { iiq, sent } = clientWith([busy, ok()]);
    await run(iiq.account.retrieve());
    expect(gaps(sent)).toEqual([3000]);
  });

  it('backs off instead of waiting for the rate-limit window when Retry-After is missing', async () => {
    // Every response carries RateLimit-Reset (60 s here); without Retry-After it is not a wait.
    const { iiq, sent } = clientWith([apiError(500, 'internal_error'), ok()]);
    await run(iiq.account.retrieve());
    expect(gaps(sent)).toEqual([1000]);
  });

  it('fails at once with RateLimitError when Retry-After exceeds maxRetryAfter', async () => {
    const limited = apiError(429, 'rate_limited', {}, { 'retry-after': '120' });
    const { iiq, sent } = clientWith([limited, ok()]);
    const error = await run(iiq.scores.create({ domain: 'stripe.com' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 120, attempts: 1 });
    expect((error as Error).message).toBe(
      'A rate_limited message from the API. The API asked to wait 120 s, longer than maxRetryAfter (60 s), so the SDK did not wait: retry after 120 s, or use the bulk endpoint for batches. (429 rate_limited, request req_01HZ9X3F7QMHN4V)',
    );
    expect(sent).toHaveLength(1);
  });

  it('waits for a Retry-After within a raised maxRetryAfter', async () => {
    const limited = apiError(429, 'rate_limited', {}, { 'retry-after': '120' });
    const { iiq, sent } = clientWith([limited, ok()], { maxRetryAfter: 300 });
    await run(iiq.scores.create({ domain: 'stripe.com' }));
    expect(gaps(sent)).toEqual([120_000]);
  });
});

describe('jitter', () => {
  it('waits between 75% and 100% of each backoff step by default', async () => {
    const failure = () => apiError(500, 'internal_error');
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValueOnce(0).mockReturnValueOnce(0.999_999).mockReturnValueOnce(0.5);
    const { iiq, sent } = clientWith([failure(), failure(), failure(), ok()], {
      retryJitter: true,
    });
    await run(iiq.account.retrieve());
    random.mockRestore();
    const [first, second, third] = gaps(sent);
    expect(first).toBe(750);
    expect(second).toBeGreaterThanOrEqual(1999);
    expect(second).toBeLessThanOrEqual(2000);
    expect(third).toBe(3500);
  });

  it('applies a custom jitter function to the nominal delay', async () => {
    const { iiq, sent } = clientWith([apiError(500, 'internal_error'), ok()], {
      retryJitter: (delay) => delay / 2,
    });
    await run(iiq.account.retrieve());
    expect(gaps(sent)).toEqual([500]);
  });
});

describe('idempotency', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('sends the same generated Idempotency-Key on every attempt of a write', async () => {
    const failure = () => apiError(500, 'internal_error');
    const { iiq, sent } = clientWith([failure(), failure(), ok()]);
    await run(iiq.scores.create({ domain: 'stripe.com' }));
    const keys = sent.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(uuid);
    expect(keys).toEqual([keys[0], keys[0], keys[0]]);
  });

  it('generates a different key for each call', async () => {
    const { iiq, sent } = clientWith([ok(), ok()]);
    await run(iiq.scores.create({ domain: 'stripe.com' }));
    await run(iiq.scores.create({ domain: 'stripe.com' }));
    expect(sent[0]?.headers['idempotency-key']).not.toBe(sent[1]?.headers['idempotency-key']);
  });

  it("uses the caller's key, on every attempt, and reports it on the error", async () => {
    const failure = () => apiError(500, 'internal_error');
    const { iiq, sent } = clientWith([failure(), failure()], { maxRetries: 1 });
    const error = await run(
      iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey: 'order-42' }),
    );
    expect(sent.map((request) => request.headers['idempotency-key'])).toEqual([
      'order-42',
      'order-42',
    ]);
    expect(error).toMatchObject({ idempotencyKey: 'order-42', attempts: 2 });
  });

  it('sends a write with idempotencyKey: null once, without the header, even on a 503', async () => {
    const { iiq, sent } = clientWith([apiError(503, 'internal_error'), ok()]);
    const error = await run(iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey: null }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ attempts: 1, idempotencyKey: null });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers).not.toHaveProperty('idempotency-key');
  });

  it('sends no Idempotency-Key on reads', async () => {
    const { iiq, sent } = clientWith([ok()]);
    const score: Score = (await run(iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T'))) as Score;
    expect(score.id).toBe('scr_01HZ9X3F7QMHN4T');
    expect(sent[0]?.headers).not.toHaveProperty('idempotency-key');
  });
});
