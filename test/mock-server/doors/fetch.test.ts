/**
 * The SDK against `mock.fetch`, the in-process door: no network, no global interception, one mock
 * per test. Shows the patterns the docs recommend.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMockApi, MAGIC_DOMAINS } from '../../../mock-server/index.ts';
import {
  InsufficientCreditsError,
  IntentIQ,
  InternalServerError,
  RateLimitError,
  UnscorableDomainError,
} from '../../../src/index.ts';

function setup(options: Parameters<typeof createMockApi>[0] = {}) {
  const mock = createMockApi(options);
  const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch, retryJitter: false });
  return { mock, iiq };
}

describe('the SDK on mock.fetch', () => {
  it('scores a domain and reads the cache status from the response metadata', async () => {
    const { iiq } = setup();
    const first = await iiq.scores.create({ domain: 'stripe.com' }).withResponse();
    expect(first.data).toMatchObject({ score: 94, band: 'HOT', mode: 'test' });
    expect(first.cache).toBe('miss');
    expect((await iiq.scores.create({ domain: 'stripe.com' }).withResponse()).cache).toBe('hit');
  });

  it('throws UnscorableDomainError with the domain for an unscorable domain', async () => {
    const { iiq } = setup();
    const error = await iiq.scores
      .create({ domain: MAGIC_DOMAINS.unscorable })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnscorableDomainError);
    expect(error).toMatchObject({
      status: 422,
      code: 'unscorable_domain',
      domain: 'unscorable.test',
    });
  });

  it('throws InsufficientCreditsError with resetsAt when the live credits are spent', async () => {
    const mock = createMockApi();
    const iiq = new IntentIQ({ apiKey: mock.keys.live, fetch: mock.fetch });
    mock.credits.set({ remaining: 0 });
    const error = await iiq.scores.create({ domain: 'stripe.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect((error as InsufficientCreditsError).resetsAt).toEqual(new Date('2026-06-01T00:00:00Z'));
  });

  it('gives up on rate-limited.test with RateLimitError when retries are off', async () => {
    const { iiq } = setup();
    const error = await iiq.scores
      .create({ domain: MAGIC_DOMAINS.rateLimited }, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 1 });
  });

  it('surfaces an injected 500 as InternalServerError', async () => {
    const { mock, iiq } = setup();
    mock.faults.inject({ path: '/account', status: 500 });
    const error = await iiq.account.retrieve({ maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((await iiq.account.retrieve()).plan).toBe('team');
  });

  it('runs a bulk job to completion by advancing the clock on each poll', async () => {
    const { mock, iiq } = setup();
    const job = await iiq.bulk.createAndWait(
      { domains: ['stripe.com', 'notion.so', 'linear.app', 'unscorable.test'] },
      { pollInterval: 0, onProgress: () => mock.clock.advance('1s') },
    );
    expect(job).toMatchObject({
      status: 'completed',
      progress: { total: 4, processed: 4, scored: 3, unscorable: 1 },
    });
    const scores = await iiq.bulk.results(job.id).toArray({ max: 10 });
    expect(scores.map((score) => score.domain)).toEqual(['stripe.com', 'notion.so', 'linear.app']);
  });

  it('pages through every event with for await', async () => {
    const { iiq } = setup();
    for (const domain of ['a.com', 'b.com', 'c.com', 'd.com', 'e.com'])
      await iiq.scores.create({ domain });
    const types: string[] = [];
    for await (const event of iiq.events.list({ limit: 2 })) types.push(event.type);
    expect(types).toHaveLength(5);
  });
});

describe('mock.fetch wherever the client points', () => {
  it('answers a client whose base URL is another origin, such as an exported IIQ_BASE_URL', async () => {
    const mock = createMockApi();
    vi.stubEnv('IIQ_BASE_URL', 'http://127.0.0.1:4010/v1');
    try {
      const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch });
      expect(iiq.baseUrl).toBe('http://127.0.0.1:4010/v1');
      expect((await iiq.scores.create({ domain: 'stripe.com' })).score).toBe(94);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('answers 404 with the API error for a path outside the base path', async () => {
    const mock = createMockApi();
    const response = await mock.fetch('https://elsewhere.example/api/score', {
      headers: { Authorization: `Bearer ${mock.keys.test}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('in-process controls', () => {
  it('give the same ids again after reset, for the same calls', async () => {
    const { mock, iiq } = setup();
    const first = await iiq.scores.create({ domain: 'stripe.com' });
    mock.reset();
    const again = await iiq.scores.create({ domain: 'stripe.com' });
    expect(again.id).toBe(first.id);
  });

  it('keep two mocks apart, even in parallel', async () => {
    const one = setup();
    const two = setup();
    await Promise.all([
      one.iiq.watchlists.create({ name: 'One' }),
      two.iiq.watchlists.create({ name: 'Two' }),
    ]);
    expect((await one.iiq.watchlists.list()).data.map((w) => w.name)).toEqual(['One']);
    expect((await two.iiq.watchlists.list()).data.map((w) => w.name)).toEqual(['Two']);
  });

  it('refuse to move the clock backwards, and bad durations', () => {
    const { mock } = setup();
    expect(() => mock.clock.set('2020-01-01T00:00:00Z')).toThrow(
      'the mock clock cannot go back in time; call reset() to start over',
    );
    expect(() => mock.clock.advance('a week')).toThrow(TypeError);
    expect(mock.clock.advance('1h30m').toISOString()).toBe('2026-05-28T15:32:11.000Z');
  });

  it('start the clock where asked', async () => {
    const { iiq } = setup({ now: '2030-01-15T09:00:00Z' });
    expect((await iiq.scores.create({ domain: 'stripe.com' })).computed_at).toBe(
      '2030-01-15T09:00:00Z',
    );
  });

  it('tell subscribers about every event as it is recorded', async () => {
    const { mock, iiq } = setup();
    const seen: string[] = [];
    const unsubscribe = mock.events.subscribe((space, event) =>
      seen.push(`${space.mode} ${event.type}`),
    );
    await iiq.scores.create({ domain: 'stripe.com' });
    unsubscribe();
    await iiq.scores.create({ domain: 'notion.so' });
    expect(seen).toEqual(['test score.computed']);
  });

  it('refuse a fault with a status that is not an error', () => {
    const { mock } = setup();
    expect(() => mock.faults.inject({ path: '/score', status: 200 })).toThrow(
      "a fault's status must be an HTTP error status from 400 to 599, got 200",
    );
  });

  it('refuse unknown options with a clear message', () => {
    expect(() => createMockApi({ plan: 'enterprise' as 'team' })).toThrow(
      'plan must be "starter", "team" or "scale", got "enterprise"',
    );
    expect(() => createMockApi({ keys: { test: 'iiq_test_short' } })).toThrow(
      /keys must look like real ones/,
    );
  });
});
