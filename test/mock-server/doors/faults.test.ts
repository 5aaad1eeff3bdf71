/**
 * Injected faults, through every door: what a client's retry logic must survive, with the write
 * done (or not) exactly as each kind says.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockApi,
  type FaultSpec,
  installMockApi,
  type MockApi,
} from '../../../mock-server/index.ts';
import { APIConnectionError, APITimeoutError, IntentIQ } from '../../../src/index.ts';

type Door = 'mock.fetch' | 'http';

/** A mock and a client reaching it through one door; `fetcher` is the door as a plain fetch. */
async function through(door: Door, mock: MockApi = createMockApi()) {
  if (door === 'mock.fetch') {
    return { mock, baseUrl: mock.baseUrl, fetcher: mock.fetch, close: async () => {} };
  }
  const server = await mock.listen();
  return { mock, baseUrl: server.url, fetcher: globalThis.fetch, close: () => server.close() };
}

function post(fetcher: typeof fetch, url: string, key: string, signal?: AbortSignal) {
  return fetcher(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ domain: 'stripe.com' }),
    ...(signal === undefined ? {} : { signal }),
  });
}

const liveScores = (mock: MockApi) =>
  mock.events.list({ type: 'score.computed', mode: 'live' }).length;

describe.each<Door>(['mock.fetch', 'http'])('faults through %s', (door) => {
  it('status: answers the status with the API’s JSON error, and does nothing', async () => {
    const { mock, baseUrl, fetcher, close } = await through(door);
    mock.faults.inject({ path: '/score', status: 503 });
    const response = await post(fetcher, `${baseUrl}/score`, mock.keys.live);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'internal_error',
    );
    expect(liveScores(mock)).toBe(0);
    await close();
  });

  it('reset: the connection drops before any header, and nothing was done', async () => {
    const { mock, baseUrl, fetcher, close } = await through(door);
    mock.faults.inject({ path: '/score', kind: 'reset' });
    await expect(post(fetcher, `${baseUrl}/score`, mock.keys.live)).rejects.toThrow(TypeError);
    expect(liveScores(mock)).toBe(0);
    expect(mock.credits.get().used).toBe(0);
    expect((await post(fetcher, `${baseUrl}/score`, mock.keys.live)).status).toBe(200);
    await close();
  });

  it('commit_then_drop: the score is made and charged, then the connection drops', async () => {
    const { mock, baseUrl, fetcher, close } = await through(door);
    mock.faults.inject({ path: '/score', kind: 'commit_then_drop' });
    await expect(post(fetcher, `${baseUrl}/score`, mock.keys.live)).rejects.toThrow(TypeError);
    expect(liveScores(mock)).toBe(1);
    expect(mock.credits.get().used).toBe(1);
    await close();
  });

  it('cut: the headers arrive, then the body breaks off halfway', async () => {
    const { mock, baseUrl, fetcher, close } = await through(door);
    mock.faults.inject({ path: '/score', kind: 'cut' });
    const response = await post(fetcher, `${baseUrl}/score`, mock.keys.live);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(liveScores(mock)).toBe(1);
    await close();
  });

  it('latency: the normal answer, late', async () => {
    const { mock, baseUrl, fetcher, close } = await through(door);
    mock.faults.inject({ path: '/score', kind: 'latency', ms: 150 });
    const started = performance.now();
    const response = await post(fetcher, `${baseUrl}/score`, mock.keys.test);
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await close();
  });

  it('stall: no answer until the client gives up, and nothing was done', async () => {
    const { mock, baseUrl, fetcher, close } = await through(door);
    mock.faults.inject({ path: '/score', kind: 'stall', ms: '10s' });
    await expect(
      post(fetcher, `${baseUrl}/score`, mock.keys.live, AbortSignal.timeout(100)),
    ).rejects.toThrow();
    expect(liveScores(mock)).toBe(0);
    await close();
  });
});

describe('fault matching', () => {
  const specOf = (spec: Partial<FaultSpec>): FaultSpec => ({ path: '/score', ...spec });

  it('counts down: count requests fail, then requests pass', async () => {
    const mock = createMockApi();
    mock.faults.inject(specOf({ status: 500, count: 2 }));
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(mock.fetch, `${mock.baseUrl}/score`, mock.keys.test)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('matches a path template, a method, or every path', async () => {
    const mock = createMockApi();
    const headers = { Authorization: `Bearer ${mock.keys.test}` };
    mock.faults.inject({ path: '/score/bulk/{id}', method: 'get', status: 502 });
    const one = await mock.fetch(`${mock.baseUrl}/score/bulk/job_0000000000000000`, { headers });
    expect(one.status).toBe(502);
    mock.faults.inject({ path: '*', status: 503 });
    expect((await mock.fetch(`${mock.baseUrl}/account`, { headers })).status).toBe(503);
  });

  it('fails a share of requests with a probability, the same share for the same seed', async () => {
    const run = async () => {
      const mock = createMockApi({ seed: 'faults' });
      mock.faults.inject({ path: '/account', status: 503, probability: 0.3 });
      const out: number[] = [];
      for (let i = 0; i < 200; i++) {
        const response = await mock.fetch(`${mock.baseUrl}/account`, {
          headers: { Authorization: `Bearer ${mock.keys.test}` },
        });
        out.push(response.status);
      }
      return out;
    };
    const first = await run();
    const failed = first.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(90);
    expect(await run()).toEqual(first);
  });

  it('refuses a fault it cannot carry out, naming what it takes', () => {
    const mock = createMockApi();
    expect(() => mock.faults.inject({ path: '/score', kind: 'latency' })).toThrow(/needs ms/);
    expect(() => mock.faults.inject({ path: '/score', kind: 'stall', ms: '2h' })).toThrow(
      /at most 10 minutes/,
    );
    expect(() => mock.faults.inject({ path: '/score', status: 503, probability: 2 })).toThrow(
      /probability must be from 0 to 1/,
    );
    expect(() =>
      mock.faults.inject({ path: '/score', kind: 'explode' as FaultSpec['kind'] }),
    ).toThrow(/kind must be one of/);
    expect(() => mock.faults.inject({ path: '/score', method: 'PSOT', status: 503 })).toThrow(
      "a fault's method must be one of GET, POST, PUT, PATCH, DELETE",
    );
    expect(mock.faults.list()).toEqual([]);
  });

  it('is injected over HTTP under /__mock/faults too', async () => {
    const mock = createMockApi();
    const server = await mock.listen();
    try {
      const reply = await fetch(`${server.origin}/__mock/faults`, {
        method: 'POST',
        body: JSON.stringify({ path: '/score', kind: 'reset', count: 1 }),
      });
      expect(reply.status).toBe(200);
      await expect(post(fetch, `${server.url}/score`, mock.keys.test)).rejects.toThrow(TypeError);
      expect((await post(fetch, `${server.url}/score`, mock.keys.test)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('the SDK’s retries, against every kind', () => {
  const client = (mock: MockApi, options: { timeout?: number; maxRetries?: number } = {}) =>
    new IntentIQ({
      apiKey: mock.keys.live,
      fetch: mock.fetch,
      logLevel: 'off',
      retryJitter: () => 0, // retry at once: the backoff is not what these tests are about
      ...options,
    });

  it('survives a reset, a cut and a stall, and the idempotency key makes a dropped commit pay once', async () => {
    const mock = createMockApi();
    mock.faults.inject({ path: '/score', kind: 'reset' });
    mock.faults.inject({ path: '/score', kind: 'commit_then_drop' });
    mock.faults.inject({ path: '/score', kind: 'cut' });
    mock.faults.inject({ path: '/score', kind: 'stall', ms: '10s' });
    const iiq = client(mock, { timeout: 200 });
    const { data, response } = await iiq.scores
      .create({ domain: 'notion.so' }, { idempotencyKey: 'crm-sync-notion' })
      .withResponse();
    expect(data.domain).toBe('notion.so');
    // Attempt 2 committed (then dropped); attempts 3-5 replay it instead of paying again.
    expect(response.headers.get('idempotency-replayed')).toBe('true');
    expect(mock.credits.get().used).toBe(1);
    expect(mock.requests.list({ path: '/score' })).toHaveLength(5);
  });

  it('reports a connection that keeps dropping as APIConnectionError with the attempts made', async () => {
    const mock = createMockApi();
    mock.faults.inject({ path: '/score', kind: 'reset', count: 10 });
    const error = await client(mock, { maxRetries: 2 })
      .scores.create({ domain: 'notion.so' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).attempts).toBe(3);
  });

  it('reports a stall past the timeout as APITimeoutError', async () => {
    const mock = createMockApi();
    mock.faults.inject({ path: '/account', kind: 'stall', ms: '10s', count: 10 });
    const error = await client(mock, { timeout: 100, maxRetries: 1 })
      .account.retrieve()
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(APITimeoutError);
  });
});

describe('faults under MSW', () => {
  const mock = installMockApi({ beforeAll, afterEach, afterAll, setupServer });

  it('reset, commit_then_drop, cut and latency through setupServer', async () => {
    const url = 'https://api.intentiq.dev/v1/score';
    mock.faults.inject({ path: '/score', kind: 'reset' });
    await expect(post(fetch, url, mock.keys.live)).rejects.toThrow(TypeError);
    mock.faults.inject({ path: '/score', kind: 'commit_then_drop' });
    await expect(post(fetch, url, mock.keys.live)).rejects.toThrow(TypeError);
    expect(liveScores(mock)).toBe(1);
    // msw's interceptor turns a body that breaks off into a failed fetch (before the headers).
    mock.faults.inject({ path: '/score', kind: 'cut' });
    await expect(post(fetch, url, mock.keys.live)).rejects.toThrow(TypeError);
    mock.faults.inject({ path: '/score', kind: 'latency', ms: 50 });
    expect((await post(fetch, url, mock.keys.test)).status).toBe(200);
  });
});
