/**
 * The request journal: what a user's code sent, for assertions in the user's own tests.
 */
import { describe, expect, it } from 'vitest';
import {
  createMockApi,
  MAX_JOURNAL_BODY_BYTES,
  MAX_JOURNAL_ENTRIES,
} from '../../../mock-server/index.ts';
import { IntentIQ } from '../../../src/index.ts';

function client(mock = createMockApi()) {
  return { mock, iiq: new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, maxRetries: 0 }) };
}

describe('mock.requests', () => {
  it('lists what the code called, newest first, with the body, status and request id', async () => {
    const { mock, iiq } = client();
    await iiq.scores.create({ domain: 'https://www.stripe.com/atlas' });
    const { response } = await iiq.account.retrieve().withResponse();
    const [latest, first] = mock.requests.list();
    expect(latest).toEqual({
      request_id: response.headers.get('x-request-id'),
      method: 'GET',
      path: '/v1/account',
      operation: 'retrieveAccount',
      query: {},
      body: null,
      status: 200,
      duration_ms: expect.any(Number),
      at: '2026-05-28T14:02:11Z',
      authorization: `…${mock.keys.test.slice(-4)}`,
    });
    expect(first).toMatchObject({
      method: 'POST',
      path: '/v1/score',
      operation: 'createScore',
      body: { domain: 'stripe.com' },
      status: 200,
    });
  });

  it('filters by method, by path (with or without the base path) and by time', async () => {
    const { mock, iiq } = client();
    await iiq.scores.create({ domain: 'stripe.com' });
    mock.clock.advance('1h');
    await iiq.scores.create({ domain: 'notion.so' });
    await iiq.account.retrieve();
    expect(mock.requests.list({ method: 'post' }).map((entry) => entry.body)).toEqual([
      { domain: 'notion.so' },
      { domain: 'stripe.com' },
    ]);
    expect(mock.requests.list({ path: '/account' })).toHaveLength(1);
    expect(mock.requests.list({ path: '/v1/account' })).toHaveLength(1);
    expect(mock.requests.list({ since: '2026-05-28T15:00:00Z' })).toHaveLength(2);
  });

  it('records query parameters, repeated ones as lists, and refused requests too', async () => {
    const { mock } = client();
    await mock.fetch(`${mock.baseUrl}/events?limit=2&type=score.computed&type=x`, {
      headers: { Authorization: `Bearer ${mock.keys.test}` },
    });
    await mock.fetch(`${mock.baseUrl}/account`);
    const [unauthorized, events] = mock.requests.list();
    expect(events?.query).toEqual({ limit: '2', type: ['score.computed', 'x'] });
    expect(events?.status).toBe(400);
    expect(unauthorized).toMatchObject({ status: 401, authorization: null });
  });

  it('never keeps the key: the Authorization header is its last four characters', async () => {
    const { mock, iiq } = client();
    await iiq.scores.create({ domain: 'stripe.com' });
    expect(JSON.stringify(mock.requests.list())).not.toContain(mock.keys.test);
  });

  it('does not journal the /__mock/ controls', async () => {
    const { mock } = client();
    await mock.fetch('https://api.intentiq.dev/__mock/clock');
    expect(mock.requests.list()).toEqual([]);
  });

  it('keeps the newest 1,000 requests', async () => {
    const { mock } = createMockApiWithoutLimits();
    const headers = { Authorization: `Bearer ${mock.keys.test}` };
    for (let i = 0; i < MAX_JOURNAL_ENTRIES + 5; i++) {
      await mock.fetch(`${mock.baseUrl}/account?i=${i}`, { headers });
    }
    const entries = mock.requests.list();
    expect(entries).toHaveLength(MAX_JOURNAL_ENTRIES);
    expect(entries[0]?.query).toEqual({ i: String(MAX_JOURNAL_ENTRIES + 4) });
    expect(entries.at(-1)?.query).toEqual({ i: '5' });
  });

  it('keeps at most 8 MiB of bodies, forgetting the oldest first', async () => {
    const { mock } = createMockApiWithoutLimits();
    const headers = {
      Authorization: `Bearer ${mock.keys.test}`,
      'Content-Type': 'application/json',
    };
    const name = 'x'.repeat(80);
    const accounts = Array.from({ length: 9_000 }, (_, i) => `company-${i}-padding-padding.com`);
    const body = JSON.stringify({ name, accounts, alert_threshold: 'hot_entry' });
    expect(body.length).toBeGreaterThan(300_000);
    const count = Math.ceil(MAX_JOURNAL_BODY_BYTES / body.length) + 3;
    for (let i = 0; i < count; i++) {
      // 400 (more accounts than the Team plan allows): cheap, and still journaled.
      await mock.fetch(`${mock.baseUrl}/watchlists`, { method: 'POST', headers, body });
    }
    const entries = mock.requests.list();
    expect(entries.length).toBeLessThan(count);
    expect(entries.length * body.length).toBeLessThanOrEqual(MAX_JOURNAL_BODY_BYTES);
  });

  it('counts bodies in UTF-8 bytes, not characters', async () => {
    const { mock } = createMockApiWithoutLimits();
    const headers = {
      Authorization: `Bearer ${mock.keys.test}`,
      'Content-Type': 'application/json',
    };
    // 500,001 characters, 999,991 bytes of UTF-8: nine of them are over 8 MiB, 4.5 M characters are not.
    const body = JSON.stringify({ name: 'é'.repeat(499_990) });
    expect(new TextEncoder().encode(body).length).toBe(999_991);
    for (let i = 0; i < 9; i++) {
      // 400 (the name is too long): still journaled.
      await mock.fetch(`${mock.baseUrl}/watchlists`, { method: 'POST', headers, body });
    }
    expect(mock.requests.list()).toHaveLength(8);
  });

  it('counts paths and query strings against the 8 MiB too', async () => {
    const { mock } = createMockApiWithoutLimits();
    const headers = { Authorization: `Bearer ${mock.keys.test}` };
    const query = `q=${'a'.repeat(500_000)}`;
    const count = Math.ceil(MAX_JOURNAL_BODY_BYTES / query.length) + 3;
    for (let i = 0; i < count; i++) {
      await mock.fetch(`${mock.baseUrl}/account?${query}&i=${i}`, { headers });
    }
    const entries = mock.requests.list();
    expect(entries.length).toBeLessThan(count);
    expect(entries.length * query.length).toBeLessThanOrEqual(MAX_JOURNAL_BODY_BYTES);
    expect(entries[0]?.query).toEqual({ q: 'a'.repeat(500_000), i: String(count - 1) });
  });

  it('keeps no body over the 1 MB limit, which the mock refused', async () => {
    const { mock } = client();
    const body = JSON.stringify({ domain: 'stripe.com', padding: 'x'.repeat(1_100_000) });
    const response = await mock.fetch(`${mock.baseUrl}/score`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${mock.keys.test}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(mock.requests.list()[0]).toMatchObject({ status: 400, body: null });
  });

  it('keeps a body nested too deeply as its text, not parsed', async () => {
    const { mock } = client();
    const body = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await mock.fetch(`${mock.baseUrl}/score`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${mock.keys.test}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(mock.requests.list()[0]?.body).toBe(body);
  });

  it('is cleared by reset()', async () => {
    const { mock, iiq } = client();
    await iiq.account.retrieve();
    mock.reset();
    expect(mock.requests.list()).toEqual([]);
  });

  it('belongs to one mock: another mock sees none of its requests', async () => {
    const a = client();
    const b = client();
    await a.iiq.account.retrieve();
    expect(a.mock.requests.list()).toHaveLength(1);
    expect(b.mock.requests.list()).toEqual([]);
  });

  it('tells subscribers each exchange with its response', async () => {
    const { mock, iiq } = client();
    const seen: number[] = [];
    const stop = mock.requests.subscribe((exchange) => seen.push(exchange.response.status));
    await iiq.account.retrieve();
    stop();
    await iiq.account.retrieve();
    expect(seen).toEqual([200]);
  });
});

describe('GET /__mock/requests', () => {
  it('lists the journal over HTTP with the same filters', async () => {
    const mock = createMockApi();
    const server = await mock.listen();
    try {
      const iiq = new IntentIQ({ apiKey: mock.keys.test, baseUrl: server.url });
      await iiq.scores.create({ domain: 'stripe.com' });
      await iiq.account.retrieve();
      const response = await fetch(`${server.origin}/__mock/requests?method=POST&path=/score`);
      const { data } = (await response.json()) as { data: unknown[] };
      expect(data).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/v1/score',
          body: { domain: 'stripe.com' },
        }),
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('GET /__mock/requests, with bodies a user should not send', () => {
  it('answers 200 after a body nested 100,000 levels deep, with the body as its text', async () => {
    const mock = createMockApi();
    const body = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await mock.fetch(`${mock.baseUrl}/score`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${mock.keys.test}`, 'Content-Type': 'application/json' },
      body,
    });
    const response = await mock.fetch('https://api.intentiq.dev/__mock/requests');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { status: number; body: unknown }[] };
    expect(data).toEqual([expect.objectContaining({ status: 400, body })]);
  });

  it('treats an empty filter as no filter', async () => {
    const mock = createMockApi();
    await mock.fetch(`${mock.baseUrl}/account`, {
      headers: { Authorization: `Bearer ${mock.keys.test}` },
    });
    const response = await mock.fetch(
      'https://api.intentiq.dev/__mock/requests?method=&path=&since=',
    );
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { path: string }[] };
    expect(data.map((entry) => entry.path)).toEqual(['/v1/account']);
  });
});

function createMockApiWithoutLimits() {
  return { mock: createMockApi({ rateLimits: false }) };
}
