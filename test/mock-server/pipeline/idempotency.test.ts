import { describe, expect, it } from 'vitest';
import { mockApi } from '../helpers.ts';

const KEY = { headers: { 'Idempotency-Key': '8e03978e-40d5-43e8-bc93-6894a57f9324' } };

describe('idempotency', () => {
  it('replays the first response with Idempotency-Replayed: true and does not run the request again', async () => {
    const api = mockApi();
    const live = { ...KEY, key: api.mock.keys.live };
    const first = await api.post('/watchlists', { name: 'Q3', accounts: ['stripe.com'] }, live);
    const second = await api.post('/watchlists', { accounts: ['stripe.com'], name: 'Q3' }, live);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect((await api.get('/watchlists', { key: api.mock.keys.live })).body.data).toHaveLength(1);
  });

  it('replays a score with its X-IIQ-Cache header and charges once', async () => {
    const api = mockApi();
    const live = { ...KEY, key: api.mock.keys.live };
    await api.post('/score', { domain: 'stripe.com', force_refresh: true }, live);
    const replay = await api.post('/score', { domain: 'stripe.com', force_refresh: true }, live);
    expect(replay.headers.get('x-iiq-cache')).toBe('refresh');
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(api.mock.credits.get().used).toBe(1);
  });

  it('answers 409 idempotency_conflict for the same key with a different body', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' }, KEY);
    const reply = await api.post('/score', { domain: 'notion.so' }, KEY);
    expect(reply.status).toBe(409);
    expect(reply.body.error).toEqual({
      type: 'idempotency_error',
      code: 'idempotency_conflict',
      message:
        'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
      request_id: reply.headers.get('x-request-id'),
    });
  });

  it('forgets a key after 24 hours', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' }, KEY);
    api.mock.clock.advance('23h59m59s');
    expect((await api.post('/score', { domain: 'notion.so' }, KEY)).status).toBe(409);
    api.mock.clock.advance('1s');
    const reply = await api.post('/score', { domain: 'notion.so' }, KEY);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('idempotency-replayed')).toBeNull();
  });

  it('does not store a request rejected by validation', async () => {
    const api = mockApi();
    expect((await api.post('/score', { domain: 42 }, KEY)).status).toBe(400);
    const reply = await api.post('/score', { domain: 'stripe.com' }, KEY);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('idempotency-replayed')).toBeNull();
  });

  it('does not store a transient 500: a retry with the same key runs again', async () => {
    const api = mockApi();
    expect((await api.post('/score', { domain: 'flaky.test' }, KEY)).status).toBe(500);
    const retry = await api.post('/score', { domain: 'flaky.test' }, KEY);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBeNull();
  });

  it('keeps keys apart per mode', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' }, KEY);
    const live = await api.post(
      '/score',
      { domain: 'notion.so' },
      { ...KEY, key: api.mock.keys.live },
    );
    expect(live.status).toBe(200);
  });

  it('refuses a key longer than 255 characters', async () => {
    const reply = await mockApi().post(
      '/score',
      { domain: 'stripe.com' },
      { headers: { 'Idempotency-Key': 'k'.repeat(256) } },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      field: 'Idempotency-Key',
      message: 'Idempotency-Key must be 1 to 255 characters long.',
    });
  });
});
