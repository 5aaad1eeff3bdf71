/**
 * Every resource method against the reference mock server, in-process (`mock.fetch`, test key):
 * the client and the mock agree on paths, bodies, statuses and headers end to end.
 */
import { describe, expect, it } from 'vitest';
import { createMockApi, MAGIC_DOMAINS } from '../../mock-server/index.ts';
import {
  IdempotencyConflictError,
  InsufficientCreditsError,
  IntentIQ,
  InvalidRequestError,
  isPendingScore,
  NotFoundError,
  UnresolvablePersonError,
} from '../../src/index.ts';

function setup() {
  const mock = createMockApi();
  // Zero jitter: retries against the mock happen at once, without fake timers.
  const iiq = new IntentIQ({
    apiKey: mock.keys.test,
    fetch: mock.fetch,
    retryJitter: () => 0,
    logLevel: 'off',
  });
  return { mock, iiq };
}

describe('scores', () => {
  it('create() and retrieve() a score, in test mode, with the cache status', async () => {
    const { iiq } = setup();
    const created = await iiq.scores
      .create({ domain: 'https://www.stripe.com/atlas' })
      .withResponse();
    expect(created.data).toMatchObject({
      domain: 'stripe.com',
      score: 94,
      band: 'HOT',
      mode: 'test',
    });
    expect(created.cache).toBe('miss');
    expect(created.requestId).toMatch(/^req_/);
    expect(created.rateLimit).toMatchObject({
      limit: expect.any(Number),
      remaining: expect.any(Number),
    });
    const again = await iiq.scores.retrieve(created.data.id);
    expect(again).toMatchObject({ domain: 'stripe.com', score: 94 });
  });

  it('create() with webhook_url answers a pending score for a slow cold miss, then retrieve() gives the score', async () => {
    const { mock, iiq } = setup();
    // The URL must be a registered webhook endpoint: its secret signs the delivery.
    await iiq.webhookEndpoints.create({
      url: 'https://example.com/hooks/scores',
      events: ['score.computed'],
    });
    const pending = await iiq.scores.create({
      domain: MAGIC_DOMAINS.slow,
      webhook_url: 'https://example.com/hooks/scores',
    });
    expect(isPendingScore(pending)).toBe(true);
    expect(isPendingScore(await iiq.scores.retrieve(pending.id))).toBe(true);
    mock.clock.advance('5s');
    const done = await iiq.scores.retrieve(pending.id);
    expect(isPendingScore(done)).toBe(false);
    expect(done).toMatchObject({ domain: 'slow.test' });
  });

  it('retries a transient 500 and succeeds', async () => {
    const { iiq } = setup();
    const score = await iiq.scores.create({ domain: MAGIC_DOMAINS.flaky });
    expect(score.domain).toBe('flaky.test');
  });

  it('replays a write sent again with the same idempotency key, and refuses another body with it', async () => {
    const { iiq } = setup();
    const first = await iiq.scores
      .create({ domain: 'notion.so' }, { idempotencyKey: 'same-key' })
      .withResponse();
    const replay = await iiq.scores
      .create({ domain: 'notion.so' }, { idempotencyKey: 'same-key' })
      .withResponse();
    expect(replay.idempotencyReplayed).toBe(true);
    expect(replay.data).toEqual(first.data);
    const conflict = await iiq.scores
      .create({ domain: 'linear.app' }, { idempotencyKey: 'same-key' })
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(IdempotencyConflictError);
  });
});

describe('bulk', () => {
  it('create(), retrieve(), wait(), results() and resultsCsv() run a job to completion', async () => {
    const { mock, iiq } = setup();
    const job = await iiq.bulk.create({
      domains: ['stripe.com', 'www.notion.so', 'stripe.com', MAGIC_DOMAINS.unscorable],
      tag: 'q3',
    });
    expect(job).toMatchObject({ status: 'queued', domains_submitted: 3, tag: 'q3', mode: 'test' });
    expect((await iiq.bulk.retrieve(job.id)).id).toBe(job.id);
    const done = await iiq.bulk.wait(job.id, {
      pollInterval: 0,
      onProgress: () => mock.clock.advance('1s'),
    });
    expect(done).toMatchObject({
      status: 'completed',
      progress: { total: 3, processed: 3, scored: 2, unscorable: 1 },
    });
    const results = await iiq.bulk.results(job.id, { limit: 1 }).toArray({ max: 10 });
    expect(results.map((score) => score.domain)).toEqual(['stripe.com', 'notion.so']);
    const csv = await iiq.bulk.resultsCsv(job.id);
    expect(csv.split('\n')[0]).toBe(
      'domain,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at',
    );
    expect(csv).toContain('unscorable.test,unscorable');
  });

  it('createAndWait() creates a job and waits for it', async () => {
    const { mock, iiq } = setup();
    const job = await iiq.bulk.createAndWait(
      { domains: ['linear.app', 'figma.com'] },
      { pollInterval: 0, onProgress: () => mock.clock.advance('1s') },
    );
    expect(job).toMatchObject({ status: 'completed', progress: { scored: 2 } });
  });
});

describe('people', () => {
  it('score() resolves a work email to a person with the company score', async () => {
    const { iiq } = setup();
    const person = await iiq.people.score({ email: 'jane.doe@stripe.com', role_hint: 'RevOps' });
    expect(person).toMatchObject({ company: 'stripe.com', intent_score: 94, mode: 'test' });
    expect(person.id).toMatch(/^prs_/);
  });

  it('score() of a free-mail address is UnresolvablePersonError', async () => {
    const { iiq } = setup();
    const error = await iiq.people.score({ email: 'someone@gmail.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnresolvablePersonError);
    expect(error).toMatchObject({ status: 422, field: 'email' });
  });
});

describe('watchlists and their accounts', () => {
  it('create(), list(), retrieve(), update(), accounts.add/list/remove() and delete()', async () => {
    const { iiq } = setup();
    const list = await iiq.watchlists.create({
      name: 'Q3 targets',
      accounts: ['stripe.com', 'www.notion.so'],
    });
    expect(list).toMatchObject({
      name: 'Q3 targets',
      account_count: 2,
      alert_threshold: 'hot_entry',
    });

    const all = await iiq.watchlists.list().toArray({ max: 10 });
    expect(all.map((w) => w.id)).toEqual([list.id]);
    expect((await iiq.watchlists.retrieve(list.id)).name).toBe('Q3 targets');
    expect(
      await iiq.watchlists.update(list.id, { alert_threshold: 'any_band_change' }),
    ).toMatchObject({
      alert_threshold: 'any_band_change',
    });

    const added = await iiq.watchlists.accounts.add(list.id, {
      accounts: ['linear.app', 'stripe.com'],
    });
    expect(added).toMatchObject({ watchlist_id: list.id, account_count: 3, added: ['linear.app'] });
    const accounts = await iiq.watchlists.accounts.list(list.id).toArray({ max: 10 });
    expect(accounts.map((account) => account.domain).sort()).toEqual([
      'linear.app',
      'notion.so',
      'stripe.com',
    ]);
    const removed = await iiq.watchlists.accounts.remove(list.id, { accounts: ['notion.so'] });
    expect(removed).toMatchObject({ account_count: 2, removed: ['notion.so'] });

    expect(await iiq.watchlists.delete(list.id)).toEqual({
      id: list.id,
      deleted: true,
      mode: 'test',
    });
    const gone = await iiq.watchlists.retrieve(list.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);
  });
});

describe('webhook endpoints, events and the account', () => {
  it('webhookEndpoints.create(), list() and delete()', async () => {
    const { iiq } = setup();
    const endpoint = await iiq.webhookEndpoints.create({
      url: 'https://example.com/webhooks/intentiq',
      events: ['account.band_changed'],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const page = await iiq.webhookEndpoints.list();
    expect(page.data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(page.data[0]).not.toHaveProperty('secret');
    expect(await iiq.webhookEndpoints.delete(endpoint.id)).toMatchObject({
      id: endpoint.id,
      deleted: true,
    });
  });

  it('events.list() and retrieve() give the events of computed scores', async () => {
    const { iiq } = setup();
    await iiq.scores.create({ domain: 'stripe.com' });
    const events = await iiq.events.list({ type: 'score.computed', limit: 10 });
    expect(events.data.length).toBeGreaterThanOrEqual(1);
    const [first] = events.data;
    if (!first) throw new Error('no event');
    const event = await iiq.events.retrieve(first.id);
    expect(event).toMatchObject({ id: first.id, type: 'score.computed' });
  });

  it('account.retrieve() gives the plan and credits', async () => {
    const { iiq } = setup();
    expect(await iiq.account.retrieve()).toMatchObject({ plan: 'team', mode: 'test' });
  });
});

describe('intent searches', () => {
  it('createAndWait(), then results(): people the people endpoint resolves to the same IDs', async () => {
    const { mock } = setup();
    const iiq = new IntentIQ({ apiKey: mock.keys.live, fetch: mock.fetch, logLevel: 'off' });
    const statuses: string[] = [];
    const search = await iiq.intent.searches.createAndWait(
      { interest_domain: 'gong.io', icp_domain: 'hubspot.com', max_results: 8 },
      {
        pollInterval: 0,
        onProgress: (current) => {
          statuses.push(current.status);
          mock.clock.advance('1s');
        },
      },
    );
    expect(statuses).toEqual(['queued', 'queued', 'processing', 'completed']);
    expect(search).toMatchObject({ status: 'completed', total_results: 8, credits_charged: 80 });
    const people = await iiq.intent.searches.results(search.id).toArray({ max: 100 });
    expect(people.map((person) => person.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const person of people) {
      const resolved = await iiq.people.score({ linkedin_url: person.linkedin_url as string });
      expect(resolved).toMatchObject({
        id: person.person_id,
        name: person.name,
        title: person.title,
      });
    }
    const { quota } = await iiq.intent.searches.retrieve(search.id).withResponse();
    expect(quota).toEqual({
      limit: 10_000,
      used: 80 + people.length,
      remaining: 10_000 - 80 - people.length,
      reset: new Date('2026-06-01T00:00:00Z'),
    });
  });

  it('refuses a search the credits cannot cover with InsufficientCreditsError and its quota', async () => {
    const { mock } = setup();
    const iiq = new IntentIQ({ apiKey: mock.keys.live, fetch: mock.fetch, logLevel: 'off' });
    mock.credits.set({ remaining: 100 });
    const error = await iiq.intent.searches
      .create({ interest_domain: 'gong.io', icp_domain: 'hubspot.com', max_results: 11 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({
      status: 402,
      resetsAt: new Date('2026-06-01T00:00:00Z'),
      quota: { limit: 10_000, used: 9_900, remaining: 100 },
    });
  });

  it('results() before the search completes rejects with InvalidRequestError on id', async () => {
    const { iiq } = setup();
    const search = await iiq.intent.searches.create({
      interest_domain: 'gong.io',
      icp_domain: 'hubspot.com',
    });
    const error = await iiq.intent.searches.results(search.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ status: 400, field: 'id' });
  });
});
