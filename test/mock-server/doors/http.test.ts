import { request as httpRequest } from 'node:http';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi, type MockServer } from '../../../mock-server/index.ts';
import { type CallOptions, STRIPE_SCORE, send } from '../helpers.ts';

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: Parameters<ReturnType<typeof createMockApi>['listen']>[0] = {}) {
  const mock = createMockApi();
  const server = await mock.listen(options);
  servers.push(server);
  const call = (method: string, path: string, body?: unknown, callOptions: CallOptions = {}) =>
    send(fetch, `${server.url}${path}`, method, body, {
      ...callOptions,
      key: callOptions.key === undefined ? mock.keys.test : callOptions.key,
    });
  const admin = (method: string, path: string, body?: unknown) =>
    send(fetch, `${server.origin}/__mock${path}`, method, body, { key: null });
  return { mock, server, call, admin };
}

describe('the HTTP door', () => {
  it('listens on 127.0.0.1 and answers the API reference’s curl example with the reference Score', async () => {
    const { call, server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const reply = await call('POST', '/score', { domain: 'stripe.com' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-iiq-cache')).toBe('miss');
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^scr_/),
      ...STRIPE_SCORE,
      mode: 'test',
    });
  });

  it('answers a body over 1 MB with a 400 JSON error and closes the connection', async () => {
    const { server, mock } = await serve();
    const body = JSON.stringify({ domains: ['x'.repeat(1_100_000)] });
    const reply = await new Promise<{
      status: number;
      body: string;
      connection: string | undefined;
    }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/score/bulk`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${mock.keys.test}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(reply.status).toBe(400);
    expect(reply.connection).toBe('close');
    expect(JSON.parse(reply.body).error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('larger than 1048576 bytes'),
    });
  });

  it('answers a request target in absolute form, as a client behind a proxy sends it', async () => {
    const { server, mock } = await serve({
      handlers: [http.get('*/v1/ping', () => HttpResponse.json({ pong: true }))],
    });
    const { port } = new URL(server.origin);
    const get = (path: string) =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          path,
          headers: { Authorization: `Bearer ${mock.keys.test}` },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end();
      });
    const account = await get('http://api.intentiq.dev/v1/account?expand=none');
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ mode: 'test' });
    expect(mock.requests.list()[0]).toMatchObject({
      path: '/v1/account',
      query: { expand: 'none' },
    });
    expect(await get('http://api.intentiq.dev/v1/ping')).toEqual({
      status: 200,
      body: { pong: true },
    });
  });

  it('answers unknown paths outside the base path with a 404 JSON error', async () => {
    const { server } = await serve();
    const reply = await send(fetch, `${server.origin}/score`, 'GET', undefined, { key: null });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });

  it('consults extra MSW handlers first', async () => {
    const { call } = await serve({
      handlers: [http.get('*/v1/account', () => HttpResponse.json({ overridden: true }))],
    });
    expect((await call('GET', '/account')).body).toEqual({ overridden: true });
    expect((await call('POST', '/score', { domain: 'stripe.com' })).status).toBe(200);
  });

  it('stops accepting connections once closed', async () => {
    const { server, call } = await serve();
    await call('GET', '/account');
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    await expect(fetch(`${server.url}/account`)).rejects.toThrow();
  });
});

describe('the /__mock/ controls over HTTP', () => {
  it('advances the clock: a cached score expires after 7 days', async () => {
    const { call, admin } = await serve();
    await call('POST', '/score', { domain: 'stripe.com' });
    expect((await admin('GET', '/clock')).body).toEqual({ now: '2026-05-28T14:02:11Z' });
    expect((await admin('POST', '/clock/advance', { by: '7d' })).body).toEqual({
      now: '2026-06-04T14:02:11Z',
    });
    const reply = await call('POST', '/score', { domain: 'stripe.com' });
    expect(reply.headers.get('x-iiq-cache')).toBe('miss');
    expect((await admin('POST', '/clock/set', { to: '2026-06-05T00:00:00Z' })).body).toEqual({
      now: '2026-06-05T00:00:00Z',
    });
    expect((await admin('POST', '/clock/set', { to: '2026-01-01T00:00:00Z' })).status).toBe(400);
  });

  it('sets credits: the next live score is 402', async () => {
    const { call, admin, mock } = await serve();
    expect((await admin('POST', '/credits', { remaining: 0 })).body).toEqual({
      limit: 10000,
      used: 10000,
      remaining: 0,
      resets_at: '2026-06-01T00:00:00Z',
    });
    expect(
      (await call('POST', '/score', { domain: 'stripe.com' }, { key: mock.keys.live })).status,
    ).toBe(402);
  });

  it('revokes a key: the next request is 401', async () => {
    const { call, admin, mock } = await serve();
    expect((await admin('POST', '/keys/revoke', { key: mock.keys.test })).body).toEqual({
      revoked: true,
    });
    expect((await call('GET', '/account')).status).toBe(401);
  });

  it('creates a workspace and returns its keys', async () => {
    const { call, admin } = await serve();
    const created = (await admin('POST', '/workspaces', { plan: 'starter' })).body;
    expect(created).toEqual({
      id: expect.stringMatching(/^ws_/),
      name: 'Workspace 2',
      plan: 'starter',
      keys: {
        test: expect.stringMatching(/^iiq_test_mock/),
        live: expect.stringMatching(/^iiq_live_mock/),
        read: {
          test: expect.stringMatching(/^iiq_test_mock/),
          live: expect.stringMatching(/^iiq_live_mock/),
        },
      },
    });
    expect((await call('GET', '/account', undefined, { key: created.keys.live })).body.plan).toBe(
      'starter',
    );
  });

  it('injects faults for the next requests to a path', async () => {
    const { call, admin } = await serve();
    await admin('POST', '/faults', { path: '/v1/score', status: 503, count: 2 });
    const first = await call('POST', '/score', { domain: 'stripe.com' });
    expect(first.status).toBe(503);
    expect(first.body.error).toMatchObject({ type: 'api_error', code: 'internal_error' });
    expect((await call('POST', '/score', { domain: 'stripe.com' })).status).toBe(503);
    expect((await call('POST', '/score', { domain: 'stripe.com' })).status).toBe(200);
    expect((await admin('GET', '/faults')).body).toEqual({ data: [] });
  });

  it('lists events, inspects the state and resets it', async () => {
    const { call, admin } = await serve();
    await call('POST', '/score', { domain: 'stripe.com' });
    const events = (await admin('GET', '/events?type=score.computed')).body.data;
    expect(events).toEqual([expect.objectContaining({ type: 'score.computed', mode: 'test' })]);
    const state = (await admin('GET', '/inspect')).body;
    expect(state.workspaces[0]).toMatchObject({
      plan: 'team',
      test: { scores: 1, events: 1 },
      live: { scores: 0 },
    });
    expect(JSON.stringify(state)).not.toMatch(/iiq_(test|live)_mock/);
    expect((await admin('POST', '/reset')).body).toEqual({
      reset: true,
      now: '2026-05-28T14:02:11Z',
    });
    expect((await admin('GET', '/inspect')).body.workspaces[0].test.scores).toBe(0);
  });

  it('answers an unknown control with 404 and a bad body with 400', async () => {
    const { admin } = await serve();
    expect((await admin('POST', '/teleport')).status).toBe(404);
    const bad = await admin('POST', '/clock/advance', { by: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      '"soon" is not a duration: use a number of milliseconds or units s, m, h, d such as "90m", "7d" or "1h30m"',
    );
  });
});
