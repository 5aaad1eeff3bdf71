/**
 * What a hostile (or careless) caller sends, and the API's answer: a JSON error that names the
 * field, never a hang, a 500, an engine message, a key accepted loosely, or a stored refusal.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TRIGGER_DATA_BYTES } from '../../../mock-server/areas/events/trigger.ts';
import { createMockApi, type MockServer } from '../../../mock-server/index.ts';
import { mockApi } from '../helpers.ts';

function nested(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function deepArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** POST /__mock/events/trigger, at the mock's origin. */
async function control(api: ReturnType<typeof mockApi>, raw: string) {
  const response = await api.mock.fetch('https://api.intentiq.dev/__mock/events/trigger', {
    method: 'POST',
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

describe('JSON nesting', () => {
  it('refuses an API body nested deeper than 32 levels, naming the field', async () => {
    const api = mockApi();
    const reply = await api.post('/score', undefined, {
      raw: `{"domain":"stripe.com","include":${nested(40)}}`,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'invalid_request',
      field:
        'include[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]',
      message: expect.stringContaining('at most 32 levels deep'),
    });
  });

  it('refuses a trigger nested 100,000 levels deep, stores nothing, and keeps GET /v1/events working', async () => {
    const api = mockApi();
    const raw = `{"type":"score.computed","data":{"score":{"summary":${nested(100_000)}}}}`;
    const reply = await control(api, raw);
    expect(reply.status).toBe(400);
    expect(reply.text).not.toMatch(/Maximum call stack|RangeError|at [A-Za-z]+ \(/);
    expect(reply.body.error.message).toContain('data.score.summary');
    expect(reply.body.error.field).toMatch(/^data\.score\.summary\[0\]\[0\]/);
    expect(api.mock.events.list()).toEqual([]);
    expect((await api.get('/events')).status).toBe(200);
  });

  it.each([
    [
      'a cycle',
      () => {
        const data: Record<string, unknown> = { domain: 'notion.so' };
        data.self = data;
        return data;
      },
      'plain JSON',
    ],
    ['a BigInt', () => ({ domain: 'notion.so', n: 10n }), 'plain JSON'],
    ['100,000 levels of arrays', () => ({ deep: deepArray(100_000) }), 'at most 32 levels'],
    ['40 levels of arrays', () => ({ deep: deepArray(40) }), 'at most 32 levels'],
  ])(
    'refuses in-process trigger data with %s, records nothing, and keeps GET /v1/events working',
    async (_what, data, message) => {
      const api = mockApi();
      expect(() => api.mock.events.trigger('signal.spike', data() as never)).toThrow(message);
      expect(api.mock.events.list()).toEqual([]);
      expect((await api.get('/events', { key: api.mock.keys.live })).status).toBe(200);
    },
  );

  it(`refuses trigger data over ${MAX_TRIGGER_DATA_BYTES} bytes of JSON, in-process and over HTTP`, async () => {
    const api = mockApi();
    const note = 'x'.repeat(MAX_TRIGGER_DATA_BYTES);
    expect(() => api.mock.events.trigger('signal.spike', { note } as never)).toThrow(
      `at most ${MAX_TRIGGER_DATA_BYTES} bytes`,
    );
    const reply = await control(api, JSON.stringify({ type: 'signal.spike', data: { note } }));
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain(`at most ${MAX_TRIGGER_DATA_BYTES} bytes`);
    expect(api.mock.events.list()).toEqual([]);
    const fits = { note: 'x'.repeat(MAX_TRIGGER_DATA_BYTES - 20) };
    expect(api.mock.events.trigger('signal.spike', fits as never).data).toMatchObject(fits);
  });

  it('accepts a body 32 levels deep', async () => {
    const api = mockApi();
    const data = JSON.parse(`{"score":{"domain":"notion.so"},"x":${nested(29)}}`);
    const reply = await control(api, JSON.stringify({ type: 'score.computed', data }));
    expect(reply.status).toBe(200);
  });
});

describe('control bodies', () => {
  it('refuses a body over 1 MB with a 400 on body, without running the control', async () => {
    const api = mockApi();
    const response = await api.mock.fetch('https://api.intentiq.dev/__mock/events/trigger', {
      method: 'POST',
      body: JSON.stringify({ type: 'signal.spike', data: { note: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 'invalid_request',
      field: 'body',
    });
    expect(api.mock.events.list()).toEqual([]);
  });

  it('names body when a control’s body is not JSON', async () => {
    const reply = await control(mockApi(), '{"type":');
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe('body');
  });
});

describe('field names from the request', () => {
  it('are cut to 100 characters in field and message', async () => {
    const api = mockApi();
    const key = 'k'.repeat(1_000_000);
    const reply = await api.post('/score', undefined, {
      raw: `{"domain":"stripe.com","${key}":1}`,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe(`${'k'.repeat(100)}…`);
    expect(reply.text.length).toBeLessThan(2_000);
  });
});

describe('paths from the request', () => {
  it('are cut to 100 characters in a 404, however long the URL mock.fetch is given', async () => {
    const api = mockApi();
    const reply = await api.get(`/nope/${'a'.repeat(1_000_000)}`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe(
      `There is no endpoint at GET /v1/nope/${'a'.repeat(87)}…. Check the path against the API reference (the base URL ends in /v1).`,
    );
    const control = await api.mock.fetch(
      `https://api.intentiq.dev/__mock/${'a'.repeat(1_000_000)}`,
    );
    expect(control.status).toBe(404);
    expect((await control.text()).length).toBeLessThan(1_000);
  });
});

describe('keys', () => {
  it.each([
    ['a trailing newline', '\n'],
    ['a trailing space', ' '],
    ['a trailing tab', '\t'],
  ])('refuse a key with %s: keys are compared exactly', async (_what, tail) => {
    const mock = createMockApi();
    const response = await mock.fetch(`${mock.baseUrl}/account`, {
      headers: { Authorization: `Bearer ${mock.keys.test}${tail}` },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthorized');
    expect(JSON.stringify(body)).not.toContain(mock.keys.test);
  });

  it('arrive without trailing whitespace through Headers, as over HTTP: fetch drops it before any server sees it', async () => {
    const mock = createMockApi();
    const headers = new Headers({ Authorization: `Bearer ${mock.keys.test} \t` });
    expect(headers.get('authorization')).toBe(`Bearer ${mock.keys.test}`);
    expect((await mock.fetch(`${mock.baseUrl}/account`, { headers })).status).toBe(200);
  });

  it('refuse two spaces after Bearer', async () => {
    const mock = createMockApi();
    const response = await mock.fetch(`${mock.baseUrl}/account`, {
      headers: { Authorization: `Bearer  ${mock.keys.test}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('idempotency and validation', () => {
  it.each([
    ['/score', { domain: 'bad domain' }, { domain: 'stripe.com' }],
    ['/score/bulk', { domains: ['stripe.com', 'not a domain'] }, { domains: ['stripe.com'] }],
    [
      '/watchlists',
      { name: 'Q3', accounts: ['bad domain'] },
      { name: 'Q3', accounts: ['stripe.com'] },
    ],
  ])('a value refused on POST %s is not stored under its key', async (path, bad, good) => {
    const api = mockApi();
    const headers = { 'Idempotency-Key': 'K-1' };
    const refused = await api.post(path, bad, { headers });
    expect(refused.status).toBe(400);
    const again = await api.post(path, bad, { headers });
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotency-replayed')).toBeNull();
    const accepted = await api.post(path, good, { headers });
    expect(accepted.status).toBeLessThan(300);
    expect(accepted.headers.get('idempotency-replayed')).toBeNull();
  });
});

describe('POST /v1/people/score', () => {
  it.each([
    [{ email: 5 }, 'email'],
    [{ linkedin_url: 5 }, 'linkedin_url'],
    [{ email: 'jane@stripe.com', role_hint: 5 }, 'role_hint'],
    [{ linkedin_url: 'https://www.linkedin.com/in/jane', role_hint: ['x'] }, 'role_hint'],
  ])('names the field of %j', async (body, field) => {
    const reply = await mockApi().post('/people/score', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe(field);
    expect(reply.body.error.message).not.toContain('any accepted form');
  });
});

describe('the HTTP door, with requests node’s HTTP parser refuses', () => {
  let server: MockServer;
  let key = '';
  const mock = createMockApi();
  beforeAll(async () => {
    key = mock.keys.test;
    server = await mock.listen();
  });
  afterAll(() => server.close());

  function raw(request: string | Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let out = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        out += chunk;
      });
      socket.on('end', () => resolve(out));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
      socket.setTimeout(5_000, () => {
        socket.destroy();
        reject(new Error('no answer within 5 s'));
      });
      socket.write(request);
    });
  }

  function jsonOf(answer: string): { error: Record<string, unknown> } {
    return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  }

  it('answers a bad chunk size with the API’s JSON error', async () => {
    const answer = await raw(
      'POST /v1/score HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(jsonOf(answer).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_request',
      field: 'body',
      request_id: expect.stringMatching(/^req_/),
    });
  });

  it('answers a bare LF inside a header with the API’s JSON error', async () => {
    const answer = await raw('GET /v1/account HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(jsonOf(answer).error).toMatchObject({ code: 'invalid_request', field: 'headers' });
  });

  it('answers 64 KB of headers with 431 and the API’s JSON error', async () => {
    const answer = await raw(
      `GET /v1/account HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(65_536)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(jsonOf(answer).error).toMatchObject({ code: 'invalid_request', field: 'headers' });
  });

  it('refuses a declared Content-Length over 1 MB on a control too, without running it', async () => {
    const answer = await raw(
      'POST /__mock/clock/advance HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{"by":"1d"',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(jsonOf(answer).error).toMatchObject({
      code: 'invalid_request',
      field: 'body',
      message: expect.stringContaining('larger than 1048576 bytes'),
    });
    expect(mock.clock.now().toISOString()).toBe('2026-05-28T14:02:11.000Z');
  });

  it('refuses a declared Content-Length over 1 MB at once, without waiting for the body', async () => {
    const answer = await raw(
      `POST /v1/score HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(jsonOf(answer).error).toMatchObject({ code: 'invalid_request', field: 'body' });
  });
});
