/**
 * Scoped keys: a workspace starts with a write and a read key in each mode; a read key may only
 * `GET`, and anything else is `403 insufficient_scope` before its body is read. Keys can be made
 * and revoked in-process (`mock.keys`) and over HTTP (`/__mock/keys`).
 */
import { describe, expect, it } from 'vitest';
import { mockApi, send } from '../helpers.ts';

const READ_ONLY = (method: string, path: string) =>
  `This API key is read-only (scope read); ${method} ${path} needs a key with the write scope. Use a write key for changes, and keep read keys for dashboards and reports.`;

describe('read keys', () => {
  it('read everything', async () => {
    const api = mockApi();
    const key = api.mock.keys.read.test;
    await api.post('/score', { domain: 'stripe.com' });
    expect((await api.get('/account', { key })).status).toBe(200);
    expect((await api.get('/watchlists', { key })).status).toBe(200);
    expect((await api.get('/events', { key })).body.data[0].type).toBe('score.computed');
  });

  it('are refused every write with 403 insufficient_scope', async () => {
    const api = mockApi();
    const key = api.mock.keys.read.live;
    for (const [method, path, body, template] of [
      ['POST', '/score', { domain: 'stripe.com' }, '/score'],
      ['POST', '/score/bulk', { domains: ['stripe.com'] }, '/score/bulk'],
      ['POST', '/watchlists', { name: 'Mine' }, '/watchlists'],
      ['PATCH', '/watchlists/wl_01HZ9X5C3V4N6P2', { name: 'Mine' }, '/watchlists/{id}'],
      ['DELETE', '/webhook_endpoints/we_01HZ9X6D8T2M4Q5', undefined, '/webhook_endpoints/{id}'],
      [
        'POST',
        '/intent/searches',
        { interest_domain: 'gong.io', icp_domain: 'hubspot.com' },
        '/intent/searches',
      ],
    ] as const) {
      const reply = await api.call(method, path, body, { key });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body.error).toEqual({
        type: 'permission_error',
        code: 'insufficient_scope',
        message: READ_ONLY(method, `/v1${template}`),
        request_id: expect.stringMatching(/^req_/),
      });
    }
    expect(api.mock.credits.get().used).toBe(0);
    expect(api.mock.inspect().workspaces[0]?.live.watchlists).toBe(0);
  });

  it('are told the endpoint by its template, never the ID they sent in the path', async () => {
    const api = mockApi();
    const id = `wl_${'x'.repeat(20_000)}`;
    const reply = await api.call('DELETE', `/watchlists/${id}`, undefined, {
      key: api.mock.keys.read.live,
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toBe(READ_ONLY('DELETE', '/v1/watchlists/{id}'));
    expect(reply.text).not.toContain('xxxx');
  });

  it('are refused before the body is read: a bad body is still a 403, not a 400', async () => {
    const api = mockApi();
    const key = api.mock.keys.read.test;
    const malformed = await api.post('/score', undefined, { key, raw: '{"domain":' });
    expect(malformed.status).toBe(403);
    expect(malformed.body.error.code).toBe('insufficient_scope');
    const huge = await api.post('/score/bulk', { domains: Array(2000).fill('x') }, { key });
    expect(huge.status).toBe(403);
  });

  it('show their scope on GET /v1/account, by mode and last four characters', async () => {
    const api = mockApi();
    const key = api.mock.keys.read.live;
    expect((await api.get('/account', { key })).body.key).toEqual({
      mode: 'live',
      scope: 'read',
      last4: key.slice(-4),
    });
    expect((await api.get('/account')).body.key).toEqual({
      mode: 'test',
      scope: 'write',
      last4: api.mock.keys.test.slice(-4),
    });
  });
});

describe('mock.keys', () => {
  it('creates a key of any mode and scope, derived from the seed', async () => {
    const api = mockApi();
    const created = api.mock.keys.create({ mode: 'live', scope: 'read' });
    expect(created).toEqual({
      key: expect.stringMatching(/^iiq_live_mock[0-9A-Za-z]{28}$/),
      mode: 'live',
      scope: 'read',
      workspace: api.mock.inspect().workspaces[0]?.id,
    });
    expect(mockApi().mock.keys.create({ mode: 'live', scope: 'read' }).key).toBe(created.key);
    const writer = api.mock.keys.create();
    expect(writer).toMatchObject({ mode: 'test', scope: 'write' });
    expect((await api.post('/score', { domain: 'stripe.com' }, { key: writer.key })).status).toBe(
      200,
    );
    expect((await api.post('/score', { domain: 'x.com' }, { key: created.key })).status).toBe(403);
  });

  it('revokes a key: the next request is 401 and says it was revoked', async () => {
    const api = mockApi();
    const { key } = api.mock.keys.create({ scope: 'read' });
    expect(api.mock.keys.revoke(key)).toBe(true);
    expect(api.mock.keys.revoke(key)).toBe(false);
    const reply = await api.get('/account', { key });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatchObject({
      code: 'unauthorized',
      message: `This API key (ending ${key.slice(-4)}) was revoked. Create a new key and deploy it in its place.`,
    });
    expect(reply.text).not.toContain(key);
  });

  it('keeps mock.revokeKey(key) as another name for mock.keys.revoke(key)', async () => {
    const api = mockApi();
    expect(api.mock.revokeKey(api.mock.keys.read.test)).toBe(true);
    expect((await api.get('/account', { key: api.mock.keys.read.test })).status).toBe(401);
  });

  it('lists every key by its last four characters, never whole', () => {
    const api = mockApi();
    api.mock.keys.revoke(api.mock.keys.read.live);
    const list = api.mock.keys.list();
    expect(list.map(({ mode, scope, revoked }) => [mode, scope, revoked])).toEqual([
      ['test', 'write', false],
      ['live', 'write', false],
      ['test', 'read', false],
      ['live', 'read', true],
    ]);
    expect(JSON.stringify(list)).not.toContain(api.mock.keys.test);
  });

  it('refuses a mode or scope it does not know, and more than 100 keys', () => {
    const api = mockApi();
    expect(() => api.mock.keys.create({ scope: 'admin' as 'read' })).toThrow(
      'scope must be "read" or "write", got "admin"',
    );
    expect(() => api.mock.keys.create({ mode: 'prod' as 'live' })).toThrow(
      'mode must be "test" or "live", got "prod"',
    );
    for (let i = 0; i < 96; i++) api.mock.keys.create();
    expect(() => api.mock.keys.create()).toThrow(/at most 100 keys/);
  });
});

describe('/__mock/keys', () => {
  const admin = (api: ReturnType<typeof mockApi>, method: string, path: string, body?: unknown) =>
    send(api.mock.fetch, `https://api.intentiq.dev/__mock${path}`, method, body, { key: null });

  it('creates, lists and revokes keys over HTTP', async () => {
    const api = mockApi();
    const created = await admin(api, 'POST', '/keys', { mode: 'test', scope: 'read' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ mode: 'test', scope: 'read' });
    const listed = await admin(api, 'GET', '/keys');
    expect(listed.body).toMatchObject({
      test: api.mock.keys.test,
      live: api.mock.keys.live,
      read: api.mock.keys.read,
    });
    expect(listed.body.data).toHaveLength(5);
    expect(listed.body.data[4]).toEqual({
      workspace: expect.stringMatching(/^ws_/),
      mode: 'test',
      scope: 'read',
      last4: created.body.key.slice(-4),
      revoked: false,
    });
    expect((await admin(api, 'POST', '/keys/revoke', { key: created.body.key })).body).toEqual({
      revoked: true,
    });
    expect((await api.get('/account', { key: created.body.key })).status).toBe(401);
    const bad = await admin(api, 'POST', '/keys', { scope: 'everything' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('scope must be "read" or "write", got "everything"');
  });
});
