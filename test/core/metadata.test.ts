/**
 * `withResponse()`: the parsed body with the response and its metadata, from one request.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseQuota, parseRateLimit, parseRetryAfter } from '../../src/core/metadata.ts';
import { APIPromise, InsufficientCreditsError } from '../../src/index.ts';
import { apiError, clientWith, json, LIVE_KEY, ok, SCORE, settle } from './helpers.ts';

describe('withResponse()', () => {
  it('gives data, response, requestId, rateLimit, cache and idempotencyReplayed', async () => {
    const replayed = json(200, SCORE, { 'x-iiq-cache': 'hit', 'idempotency-replayed': 'true' });
    const { iiq } = clientWith([replayed]);
    const result = await iiq.scores.create({ domain: 'stripe.com' }).withResponse();
    expect(result.data).toEqual(SCORE);
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response.status).toBe(200);
    expect(result).toMatchObject({
      requestId: 'req_01HZ9X3F7QMHN4V',
      cache: 'hit',
      idempotencyReplayed: true,
      rateLimit: {
        limit: 300,
        remaining: 299,
        reset: new Date(1_780_063_391_000),
        resetSeconds: 60,
      },
    });
  });

  it('says null and false when the headers are absent', async () => {
    const bare = new Response(JSON.stringify(SCORE), { status: 200 });
    const { iiq } = clientWith([bare]);
    const result = await iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T').withResponse();
    expect(result).toMatchObject({
      requestId: null,
      rateLimit: null,
      quota: null,
      cache: null,
      idempotencyReplayed: false,
    });
  });

  it('sends the request once when the promise is both awaited and asked withResponse()', async () => {
    const { iiq, sent } = clientWith([ok(), ok()]);
    const promise = iiq.scores.create({ domain: 'stripe.com' });
    const [data, { data: same }] = await Promise.all([promise, promise.withResponse()]);
    expect(data).toEqual(SCORE);
    expect(same).toBe(data);
    expect(sent).toHaveLength(1);
  });

  it('is a promise: then, catch, finally and the APIPromise tag', async () => {
    const { iiq } = clientWith([ok()]);
    const promise = iiq.scores.retrieve('scr_01HZ9X3F7QMHN4T');
    expect(promise).toBeInstanceOf(APIPromise);
    expect(Object.prototype.toString.call(promise)).toBe('[object APIPromise]');
    let finished = false;
    const score = await promise.finally(() => {
      finished = true;
    });
    expect(score).toMatchObject({ score: 94 });
    expect(finished).toBe(true);
  });

  it('sends a call that is never awaited, without an unhandled rejection', async () => {
    const { iiq, sent } = clientWith([new Error('offline')], { maxRetries: 0 });
    void iiq.watchlists.delete('wl_01HZ9X5C3V4N6P2');
    await vi.waitFor(() => expect(sent.map((request) => request.method)).toEqual(['DELETE']));
  });
});

describe('rate-limit headers', () => {
  const now = Date.UTC(2026, 4, 28, 14, 0, 0);

  it('reads X-RateLimit-Reset as unix seconds and RateLimit-Reset as seconds from now', () => {
    const headers = new Headers({
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(now / 1000 + 45),
      'ratelimit-reset': '45',
      'retry-after': '45',
    });
    expect(parseRateLimit(headers, now)).toEqual({
      limit: 60,
      remaining: 0,
      reset: new Date(now + 45_000),
      resetSeconds: 45,
      retryAfter: 45,
    });
  });

  it('falls back to the IETF family alone', () => {
    const headers = new Headers({
      'ratelimit-limit': '600',
      'ratelimit-remaining': '12',
      'ratelimit-reset': '30',
    });
    expect(parseRateLimit(headers, now)).toEqual({
      limit: 600,
      remaining: 12,
      reset: new Date(now + 30_000),
      resetSeconds: 30,
    });
  });

  it('falls back to the X- family alone', () => {
    const headers = new Headers({
      'x-ratelimit-limit': '600',
      'x-ratelimit-remaining': '12',
      'x-ratelimit-reset': String(now / 1000 + 10),
    });
    expect(parseRateLimit(headers, now)).toMatchObject({
      resetSeconds: 10,
      reset: new Date(now + 10_000),
    });
  });

  it('parses Retry-After as seconds or as an HTTP date, and nothing else', () => {
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Thu, 28 May 2026 14:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Thu, 28 May 2026 13:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('quota headers', () => {
  const quotaHeaders = {
    'x-quota-limit': '10000',
    'x-quota-used': '9999',
    'x-quota-remaining': '1',
    'x-quota-reset': '1780272000',
  };

  it('are the quota of withResponse(): the cycle’s limit, used, remaining and reset', async () => {
    const { iiq } = clientWith([json(200, SCORE, { 'x-iiq-cache': 'miss', ...quotaHeaders })]);
    const { quota } = await iiq.scores.create({ domain: 'stripe.com' }).withResponse();
    expect(quota).toEqual({
      limit: 10_000,
      used: 9_999,
      remaining: 1,
      reset: new Date('2026-06-01T00:00:00Z'),
    });
  });

  it('are the quota of an API error, a 402 most of all', async () => {
    const refused = apiError(
      402,
      'insufficient_credits',
      { resets_at: '2026-06-01T00:00:00Z' },
      { ...quotaHeaders, 'x-quota-used': '10000', 'x-quota-remaining': '0' },
    );
    const { iiq } = clientWith([refused], { apiKey: LIVE_KEY });
    const error = await settle(iiq.scores.create({ domain: 'stripe.com' }));
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({
      quota: { limit: 10_000, used: 10_000, remaining: 0, reset: new Date(1_780_272_000_000) },
    });
    expect(JSON.parse(JSON.stringify(error)).quota).toEqual({
      limit: 10_000,
      used: 10_000,
      remaining: 0,
      reset: '2026-06-01T00:00:00.000Z',
    });
  });

  it('are null unless all four are there as integers', () => {
    expect(parseQuota(new Headers(quotaHeaders))).not.toBeNull();
    const { 'x-quota-reset': _, ...three } = quotaHeaders;
    expect(parseQuota(new Headers(three))).toBeNull();
    expect(parseQuota(new Headers({ ...quotaHeaders, 'x-quota-used': 'many' }))).toBeNull();
  });
});
