/**
 * `GET /v1/account`: the workspace behind the key (plan, credits, rate limits) and the calling key
 * itself, never more of it than its last four characters.
 */
import { describe, expect, it } from 'vitest';
import { mockApi } from '../helpers.ts';

describe('GET /account', () => {
  it('shows a Starter workspace to its live key, with no mode in the body', async () => {
    const api = mockApi({ plan: 'starter' });
    const reply = await api.get('/account', { key: api.mock.keys.live });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^ws_[0-9A-Z]{16}$/),
      name: 'Mock workspace',
      plan: 'starter',
      credits: { limit: 1000, used: 0, remaining: 1000, resets_at: '2026-06-01T00:00:00Z' },
      rate_limits: { score_per_minute: 60, reads_per_minute: 600, concurrent_bulk_jobs: 10 },
      key: { mode: 'live', scope: 'write', last4: api.mock.keys.live.slice(-4) },
    });
  });

  it('counts what live keys spent; a test key sees the same credits and spends none', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    await api.post('/score', { domain: 'notion.so' });
    const live = await api.get('/account', { key: api.mock.keys.live });
    const test = await api.get('/account');
    expect(live.body.credits).toEqual({
      limit: 10000,
      used: 1,
      remaining: 9999,
      resets_at: '2026-06-01T00:00:00Z',
    });
    expect(test.body.credits).toEqual(live.body.credits);
    expect(test.body.mode).toBe('test');
  });

  it('names the calling key by mode, scope and last four characters only', async () => {
    const api = mockApi();
    const reply = await api.get('/account', { key: api.mock.keys.read.live });
    expect(reply.body.key).toEqual({
      mode: 'live',
      scope: 'read',
      last4: api.mock.keys.read.live.slice(-4),
    });
    expect(reply.text).not.toContain(api.mock.keys.read.live);
  });

  it('answers 401 with no quota headers to a request without a key', async () => {
    const api = mockApi();
    const reply = await api.get('/account', { key: null });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
    expect(reply.headers.get('x-quota-limit')).toBeNull();
  });
});
