import { describe, expect, it } from 'vitest';
import { mockApi } from '../helpers.ts';

describe('authentication', () => {
  it('answers 401 without a key, with a message that says how to send one', async () => {
    const reply = await mockApi().post('/score', { domain: 'stripe.com' }, { key: null });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error: {
        type: 'authentication_error',
        code: 'unauthorized',
        message:
          'No API key was sent. Pass it as "Authorization: Bearer <key>"; test keys start with iiq_test_.',
        request_id: reply.headers.get('x-request-id'),
      },
    });
  });

  it('answers 401 for a malformed key without echoing it', async () => {
    const reply = await mockApi().get('/account', { key: 'iiq_live_short' });
    expect(reply.status).toBe(401);
    expect(reply.body.error.message).toBe(
      'The API key is malformed: keys are iiq_test_ or iiq_live_ followed by 32 or more letters and digits.',
    );
    expect(reply.text).not.toContain('iiq_live_short');
  });

  it('answers 401 for a header that is not a bearer token', async () => {
    const api = mockApi();
    const reply = await api.get('/account', {
      key: null,
      headers: { Authorization: `Basic ${api.mock.keys.test}` },
    });
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain(api.mock.keys.test);
  });

  it('answers 401 for a well-formed key that does not exist', async () => {
    const reply = await mockApi().get('/account', { key: `iiq_live_${'x'.repeat(32)}` });
    expect(reply.status).toBe(401);
    expect(reply.body.error.message).toBe(
      'The API key is not valid: no such key exists. Check that it was copied whole, or create a new key.',
    );
  });

  it('refuses a revoked key at once', async () => {
    const api = mockApi();
    expect((await api.get('/account')).status).toBe(200);
    expect(api.mock.revokeKey(api.mock.keys.test)).toBe(true);
    const reply = await api.get('/account');
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthorized');
    expect(reply.body.error.message).toBe(
      `This API key (ending ${api.mock.keys.test.slice(-4)}) was revoked. Create a new key and deploy it in its place.`,
    );
    expect(reply.body.mode).toBe('test');
    expect((await api.get('/account', { key: api.mock.keys.live })).status).toBe(200);
  });

  it('sends rate-limit headers and a request id on a 401 too', async () => {
    const reply = await mockApi().get('/account', { key: null });
    expect(reply.headers.get('x-request-id')).toMatch(/^req_[0-9A-Z]{16}$/);
    expect(reply.headers.get('x-ratelimit-limit')).toBe('600');
    expect(reply.headers.get('ratelimit-reset')).toBe('60');
  });

  it('answers 404 for the ids of another workspace', async () => {
    const api = mockApi();
    const other = api.mock.workspaces.create({ plan: 'scale' });
    const theirs = await api.post('/watchlists', { name: 'Theirs' }, { key: other.keys.test });
    expect(theirs.status).toBe(201);
    const reply = await api.get(`/watchlists/${theirs.body.id}`);
    expect(reply.status).toBe(404);
    expect(reply.body.error).toMatchObject({
      code: 'not_found',
      message: `No watchlist with ID ${theirs.body.id} exists in this workspace.`,
    });
  });

  it('keeps test and live objects apart', async () => {
    const api = mockApi();
    const { body: score } = await api.post('/score', { domain: 'stripe.com' });
    expect((await api.get(`/score/${score.id}`, { key: api.mock.keys.live })).status).toBe(404);
    const live = await api.get('/watchlists', { key: api.mock.keys.live });
    expect(live.body).toEqual({ data: [], has_more: false, next_cursor: null });
  });

  it('derives the default keys from the seed, so they are the same in every run', () => {
    const { test, live, read } = mockApi().mock.keys;
    const again = mockApi().mock.keys;
    expect({ test, live, read }).toEqual({ test: again.test, live: again.live, read: again.read });
    expect(test).toMatch(/^iiq_test_mock[0-9A-Za-z]{28}$/);
    expect(live).toMatch(/^iiq_live_mock[0-9A-Za-z]{28}$/);
    expect(read.test).toMatch(/^iiq_test_mock[0-9A-Za-z]{28}$/);
    expect(read.live).toMatch(/^iiq_live_mock[0-9A-Za-z]{28}$/);
    expect(new Set([test, live, read.test, read.live]).size).toBe(4);
    const keys = { test };
    expect(mockApi({ seed: 'other' }).mock.keys.test).not.toBe(keys.test);
  });

  it('accepts keys given in the options', async () => {
    const test = `iiq_test_${'a1'.repeat(16)}`;
    const api = mockApi({ keys: { test } });
    expect(api.mock.keys.test).toBe(test);
    expect((await api.get('/account', { key: test })).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers 404 not_found for a path the API does not have', async () => {
    const reply = await mockApi().get('/scores');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toMatchObject({
      code: 'not_found',
      message:
        'There is no endpoint at GET /v1/scores. Check the path against the API reference (the base URL ends in /v1).',
    });
  });

  it('answers 404 not_found naming the allowed methods for a wrong method', async () => {
    const reply = await mockApi().call('PATCH', '/score');
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe('PATCH is not supported on /v1/score; use POST.');
  });
});
