/**
 * The quota headers: every response to a request whose key was accepted carries the credits of the
 * workspace's cycle (`X-Quota-Limit`, `-Used`, `-Remaining`, `-Reset` in unix seconds), a paid
 * response already counting its own charge; responses sent before a key is accepted carry none.
 */
import { describe, expect, it } from 'vitest';
import { mockApi, type Reply } from '../helpers.ts';

const RESET = String(Date.parse('2026-06-01T00:00:00Z') / 1000);

function quota(reply: Reply) {
  return {
    limit: reply.headers.get('x-quota-limit'),
    used: reply.headers.get('x-quota-used'),
    remaining: reply.headers.get('x-quota-remaining'),
    reset: reply.headers.get('x-quota-reset'),
  };
}

describe('X-Quota-*', () => {
  it('shows the workspace’s credits on a response to a test key', async () => {
    const api = mockApi();
    api.mock.credits.set({ used: 1_234 });
    expect(quota(await api.get('/account'))).toEqual({
      limit: '10000',
      used: '1234',
      remaining: '8766',
      reset: RESET,
    });
  });

  it('counts the charge of the paid response that carries it', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live };
    const miss = await api.post('/score', { domain: 'stripe.com' }, live);
    expect(quota(miss)).toMatchObject({ used: '1', remaining: '9999' });
    const hit = await api.post('/score', { domain: 'stripe.com' }, live);
    expect(hit.headers.get('x-iiq-cache')).toBe('hit');
    expect(quota(hit)).toMatchObject({ used: '1', remaining: '9999' });
    const bulk = await api.post('/score/bulk', { domains: ['notion.so', 'linear.app'] }, live);
    expect(quota(bulk)).toMatchObject({ used: '3', remaining: '9997' });
  });

  it('moves by 10 credits a person once an intent search completes', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live };
    const search = { interest_domain: 'gong.io', icp_domain: 'hubspot.com', max_results: 13 };
    const created = await api.post('/intent/searches', search, live);
    expect(quota(created)).toMatchObject({ used: '0', remaining: '10000' });
    api.mock.clock.advance('3s');
    const done = await api.get(`/intent/searches/${created.body.id}`, live);
    expect(done.body.credits_charged).toBe(130);
    expect(quota(done)).toMatchObject({ used: '130', remaining: '9870' });
  });

  it('is on errors too, a 402 most of all', async () => {
    const api = mockApi();
    api.mock.credits.set({ remaining: 0 });
    const refused = await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    expect(refused.status).toBe(402);
    expect(quota(refused)).toEqual({ limit: '10000', used: '10000', remaining: '0', reset: RESET });
    const invalid = await api.post('/score', { domain: 'localhost' });
    expect(invalid.status).toBe(400);
    expect(quota(invalid).remaining).toBe('0');
  });

  it('shows the credits of now on a replayed response, not those of the first one', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live, headers: { 'Idempotency-Key': 'score-stripe' } };
    const first = await api.post('/score', { domain: 'stripe.com' }, live);
    await api.post('/score', { domain: 'notion.so' }, { key: api.mock.keys.live });
    const replay = await api.post('/score', { domain: 'stripe.com' }, live);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(quota(first).used).toBe('1');
    expect(quota(replay).used).toBe('2');
  });

  it('is not sent before a key is accepted', async () => {
    const api = mockApi();
    for (const reply of [
      await api.get('/account', { key: null }),
      await api.get('/account', { key: `iiq_test_${'0'.repeat(32)}` }),
      await api.get('/no-such-endpoint'),
    ]) {
      expect(reply.status === 401 || reply.status === 404).toBe(true);
      expect(quota(reply)).toEqual({ limit: null, used: null, remaining: null, reset: null });
    }
  });
});
