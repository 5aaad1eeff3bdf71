import { describe, expect, it } from 'vitest';
import { mockApi } from '../helpers.ts';

// 2026-05-28T14:02:11Z, the mock's default start, in unix seconds.
const START = Date.parse('2026-05-28T14:02:11Z') / 1000;

describe('rate limits', () => {
  it('sends both families of rate-limit headers on every response', async () => {
    const api = mockApi({ plan: 'starter' });
    const reply = await api.post('/score', { domain: 'stripe.com' });
    expect(reply.headers.get('x-ratelimit-limit')).toBe('60');
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(reply.headers.get('x-ratelimit-reset')).toBe(String(START + 60));
    expect(reply.headers.get('ratelimit-limit')).toBe('60');
    expect(reply.headers.get('ratelimit-remaining')).toBe('59');
    expect(reply.headers.get('ratelimit-reset')).toBe('60');
  });

  it('answers 429 with Retry-After past the plan’s score limit, then recovers after the window', async () => {
    const api = mockApi({ plan: 'starter' });
    for (let i = 0; i < 60; i++)
      expect((await api.post('/score', { domain: 'stripe.com' })).status).toBe(200);
    const limited = await api.post('/score', { domain: 'stripe.com' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body.error).toEqual({
      type: 'rate_limit_error',
      code: 'rate_limited',
      message:
        'Too many score requests. Retry after 60 seconds, or use the bulk endpoint for batches.',
      request_id: limited.headers.get('x-request-id'),
    });
    api.mock.clock.advance('59s');
    expect((await api.post('/score', { domain: 'stripe.com' })).status).toBe(429);
    api.mock.clock.advance('1s');
    expect((await api.post('/score', { domain: 'stripe.com' })).status).toBe(200);
  });

  it('slides: requests leave the window one minute after they were made', async () => {
    const api = mockApi({ plan: 'starter' });
    for (let i = 0; i < 30; i++) await api.post('/score', { domain: 'stripe.com' });
    api.mock.clock.advance('30s');
    for (let i = 0; i < 30; i++) await api.post('/score', { domain: 'stripe.com' });
    const limited = await api.post('/score', { domain: 'stripe.com' });
    expect(limited.headers.get('retry-after')).toBe('30');
    api.mock.clock.advance('30s');
    const after = await api.post('/score', { domain: 'stripe.com' });
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('29');
  });

  it('counts reads apart from scores (600 a minute on every plan)', async () => {
    const api = mockApi({ plan: 'starter' });
    const read = await api.get('/account');
    expect(read.headers.get('x-ratelimit-limit')).toBe('600');
    expect(read.headers.get('x-ratelimit-remaining')).toBe('599');
  });

  it('gives each plan its score limit', async () => {
    for (const [plan, limit] of [
      ['starter', '60'],
      ['team', '300'],
      ['scale', '1200'],
    ] as const) {
      const reply = await mockApi({ plan }).post('/score', { domain: 'stripe.com' });
      expect(reply.headers.get('x-ratelimit-limit')).toBe(limit);
    }
  });

  it('can be switched off with rateLimits: false, still reporting the nominal figures', async () => {
    const api = mockApi({ plan: 'starter', rateLimits: false });
    for (let i = 0; i < 70; i++)
      expect((await api.post('/score', { domain: 'stripe.com' })).status).toBe(200);
    const reply = await api.post('/score', { domain: 'stripe.com' });
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('60');
  });
});

describe('limits per workspace, across its test and live keys', () => {
  it('shares the per-minute score window between the two modes', async () => {
    const api = mockApi({ plan: 'starter' });
    for (let i = 0; i < 60; i++) {
      expect((await api.post('/score', { domain: 'stripe.com' })).status).toBe(200);
    }
    expect((await api.post('/score', { domain: 'stripe.com' })).status).toBe(429);
    const live = await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    expect(live.status).toBe(429);
    expect(live.headers.get('retry-after')).toBe('60');
  });

  it('counts the 10-job cap over both modes', async () => {
    const api = mockApi();
    for (let i = 0; i < 10; i++) {
      expect((await api.post('/score/bulk', { domains: [`company-${i}.com`] })).status).toBe(202);
    }
    const live = await api.post(
      '/score/bulk',
      { domains: ['stripe.com'] },
      { key: api.mock.keys.live },
    );
    expect(live.status).toBe(429);
    expect(live.body.error.code).toBe('rate_limited');
  });

  it('keeps another workspace’s windows apart', async () => {
    const api = mockApi({ plan: 'starter' });
    for (let i = 0; i < 60; i++) await api.post('/score', { domain: 'stripe.com' });
    const other = api.mock.workspaces.create({ plan: 'starter' });
    expect(
      (await api.post('/score', { domain: 'stripe.com' }, { key: other.keys.test })).status,
    ).toBe(200);
  });
});

describe('credits', () => {
  it('answers 402 insufficient_credits with resets_at when the cycle is spent', async () => {
    const api = mockApi();
    api.mock.credits.set({ remaining: 0 });
    const reply = await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    expect(reply.status).toBe(402);
    expect(reply.body.error).toEqual({
      type: 'billing_error',
      code: 'insufficient_credits',
      message:
        'This workspace has 0 credits left in the current cycle and this request needs 1 credit. Credits reset at 2026-06-01T00:00:00Z; upgrade the plan for more.',
      request_id: reply.headers.get('x-request-id'),
      resets_at: '2026-06-01T00:00:00Z',
    });
  });

  it('still serves cache hits and test keys with no credits left', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    api.mock.credits.set({ remaining: 0 });
    expect(
      (await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live })).status,
    ).toBe(200);
    expect((await api.post('/score', { domain: 'notion.so' })).status).toBe(200);
  });

  it('resets the credits when the next cycle begins, on the first of the month', async () => {
    const api = mockApi();
    api.mock.credits.set({ remaining: 0 });
    api.mock.clock.set('2026-06-01T00:00:00Z');
    expect(
      (await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live })).status,
    ).toBe(200);
    expect(api.mock.credits.get()).toEqual({
      limit: 10000,
      used: 1,
      remaining: 9999,
      resets_at: '2026-07-01T00:00:00Z',
    });
  });

  it('records credits.low once per cycle when less than 10% is left', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live };
    api.mock.credits.set({ remaining: 1001 });
    await api.post('/score', { domain: 'stripe.com' }, live);
    expect(api.mock.events.list({ type: 'credits.low' })).toEqual([]);
    await api.post('/score', { domain: 'notion.so' }, live);
    await api.post('/score', { domain: 'linear.app' }, live);
    const low = api.mock.events.list({ type: 'credits.low' });
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({
      mode: 'live',
      data: {
        remaining: 999,
        limit: 10000,
        threshold_percent: 10,
        resets_at: '2026-06-01T00:00:00Z',
      },
    });
  });

  it('shows the plan, credits and rate limits on GET /account', async () => {
    const api = mockApi({ plan: 'scale' });
    const reply = await api.get('/account');
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^ws_[0-9A-Z]{16}$/),
      name: 'Mock workspace',
      plan: 'scale',
      credits: { limit: 100000, used: 0, remaining: 100000, resets_at: '2026-06-01T00:00:00Z' },
      rate_limits: { score_per_minute: 1200, reads_per_minute: 600, concurrent_bulk_jobs: 10 },
      key: { mode: 'test', scope: 'write', last4: api.mock.keys.test.slice(-4) },
      mode: 'test',
    });
  });
});
