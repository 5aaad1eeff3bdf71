/**
 * The MSW door: `installMockApi` (the one-line setup) puts the mock behind the global `fetch`, so
 * code that builds its own client (or calls `fetch` directly) reaches the mock too.
 */
import { getResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockApi, installMockApi } from '../../../mock-server/index.ts';
import { IntentIQ } from '../../../src/index.ts';
import { STRIPE_SCORE } from '../helpers.ts';

const mock = installMockApi({ beforeAll, afterEach, afterAll, setupServer });

describe('MSW handlers with setupServer', () => {
  it('answer the SDK through the global fetch', async () => {
    const iiq = new IntentIQ({ apiKey: mock.keys.test });
    const score = await iiq.scores.create({ domain: 'stripe.com' });
    expect(score).toEqual({ id: expect.stringMatching(/^scr_/), ...STRIPE_SCORE, mode: 'test' });
  });

  it('answer a plain fetch, headers included', async () => {
    const response = await fetch('https://api.intentiq.dev/v1/account', {
      headers: { Authorization: `Bearer ${mock.keys.test}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBe('600');
    expect(await response.json()).toMatchObject({ plan: 'team', mode: 'test' });
  });

  it('serve the /__mock/ controls at the API’s origin', async () => {
    const response = await fetch('https://api.intentiq.dev/__mock/clock/advance', {
      method: 'POST',
      body: JSON.stringify({ by: '1d' }),
    });
    expect(await response.json()).toEqual({ now: '2026-05-29T14:02:11Z' });
  });

  it('start each test from a reset mock', async () => {
    expect(mock.clock.now().toISOString()).toBe('2026-05-28T14:02:11.000Z');
    expect(mock.inspect().workspaces[0]?.test.scores).toBe(0);
  });

  it('answer the client wherever IIQ_BASE_URL points, under the base path', async () => {
    vi.stubEnv('IIQ_BASE_URL', 'http://127.0.0.1:4010/v1');
    try {
      const iiq = new IntentIQ({ apiKey: mock.keys.test, maxRetries: 0 });
      expect(iiq.baseUrl).toBe('http://127.0.0.1:4010/v1');
      expect((await iiq.scores.create({ domain: 'stripe.com' })).score).toBe(94);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('leave requests to other origins alone unless they carry an IntentIQ key', async () => {
    const url = 'https://elsewhere.example/v1/account';
    expect(await getResponse(mock.handlers, new Request(url))).toBeUndefined();
    const withKey = new Request(url, { headers: { Authorization: `Bearer ${mock.keys.test}` } });
    expect((await getResponse(mock.handlers, withKey))?.status).toBe(200);
  });

  it('are the same objects on every access', () => {
    expect(mock.handlers).toBe(mock.handlers);
    expect(mock.handlers).toHaveLength(2);
  });
});

describe('MSW handlers built from a given http namespace (as in browsers)', () => {
  it('answer like the loaded ones', async () => {
    const other = createMockApi({ http, baseUrl: 'https://mock.example.test/v1' });
    const request = new Request('https://mock.example.test/v1/account', {
      headers: { Authorization: `Bearer ${other.keys.test}` },
    });
    const response = await getResponse(other.handlers, request);
    expect(response?.status).toBe(200);
    expect(await response?.json()).toMatchObject({ plan: 'team', mode: 'test' });
  });
});
