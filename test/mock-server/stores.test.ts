/**
 * Every store of the mock is bounded: past its cap it refuses with the API's JSON error, or it
 * forgets its oldest entries first. Memory stays flat however long a test (or a load) runs.
 */
import { describe, expect, it } from 'vitest';
import { MAX_COMPLETED_JOBS_PER_SPACE } from '../../mock-server/areas/bulk/model.ts';
import { MAX_FINISHED_SEARCHES_PER_SPACE } from '../../mock-server/areas/intent-searches/model.ts';
import { MAX_PENDING_SCORES, MAX_SCORES_PER_SPACE } from '../../mock-server/areas/scores/model.ts';
import {
  MAX_WATCHED_ACCOUNTS_PER_SPACE,
  MAX_WATCHLISTS_PER_SPACE,
} from '../../mock-server/areas/watchlists/model.ts';
import { MAX_ENDPOINTS_PER_SPACE } from '../../mock-server/areas/webhook-endpoints/model.ts';
import { MAX_EVENTS_PER_SPACE } from '../../mock-server/events/log.ts';
import { createMockApi, MAGIC_DOMAINS, MAGIC_INTEREST_DOMAINS } from '../../mock-server/index.ts';
import { MAX_FAULTS } from '../../mock-server/kernel/faults.ts';
import {
  IdempotencyStore,
  MAX_IDEMPOTENCY_BYTES,
  MAX_IDEMPOTENCY_RECORDS,
} from '../../mock-server/kernel/idempotency.ts';
import { MAX_WORKSPACES } from '../../mock-server/tenancy/tenants.ts';
import { mockApi } from './helpers.ts';

const unlimited = () => mockApi({ rateLimits: false });

describe('scores and events', () => {
  it(`keep the newest ${MAX_SCORES_PER_SPACE.toLocaleString('en-US')} scores and events of a space`, async () => {
    const { mock } = unlimited();
    const headers = {
      Authorization: `Bearer ${mock.keys.test}`,
      'Content-Type': 'application/json',
    };
    const total = MAX_SCORES_PER_SPACE + 10;
    let first = '';
    for (let i = 0; i < total; i++) {
      const response = await mock.fetch(`${mock.baseUrl}/score`, {
        method: 'POST',
        headers,
        body: `{"domain":"company-${i}.com"}`,
      });
      if (i === 0) first = ((await response.json()) as { id: string }).id;
    }
    const summary = mock.inspect().workspaces[0]?.test;
    expect(summary?.scores).toBe(MAX_SCORES_PER_SPACE);
    expect(summary?.events).toBe(MAX_EVENTS_PER_SPACE);
    // The oldest is forgotten: its ID is unknown, and its domain is a fresh miss again.
    const old = await mock.fetch(`${mock.baseUrl}/score/${first}`, { headers });
    expect(old.status).toBe(404);
    const again = await mock.fetch(`${mock.baseUrl}/score`, {
      method: 'POST',
      headers,
      body: '{"domain":"company-0.com"}',
    });
    expect(again.headers.get('x-iiq-cache')).toBe('miss');
  }, 60_000);

  it(`refuse a slow score past ${MAX_PENDING_SCORES} pending with 429`, async () => {
    const api = unlimited();
    const hook = 'https://hooks.example.com/scores';
    await api.post('/webhook_endpoints', { url: hook, events: ['score.computed'] });
    for (let i = 0; i < MAX_PENDING_SCORES; i++) {
      const reply = await api.post('/score', {
        domain: MAGIC_DOMAINS.slow,
        webhook_url: hook,
        force_refresh: true,
      });
      expect(reply.status).toBe(202);
    }
    const refused = await api.post('/score', {
      domain: MAGIC_DOMAINS.slow,
      webhook_url: hook,
      force_refresh: true,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    api.mock.clock.advance('5s');
    expect(api.mock.inspect().workspaces[0]?.test.pending_scores).toBe(0);
  }, 30_000);
});

describe('objects a workspace creates', () => {
  it(`refuse a watchlist past ${MAX_WATCHLISTS_PER_SPACE} in a mode, and store nothing`, async () => {
    const api = unlimited();
    for (let i = 0; i < MAX_WATCHLISTS_PER_SPACE; i++) {
      expect((await api.post('/watchlists', { name: `List ${i}` })).status).toBe(201);
    }
    const refused = await api.post('/watchlists', { name: 'One more', accounts: ['stripe.com'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_request', field: 'body' });
    expect(refused.body.error.message).toContain('at most 1,000 watchlists');
    expect(api.mock.inspect().workspaces[0]?.test.watchlists).toBe(MAX_WATCHLISTS_PER_SPACE);
    // The other mode has its own.
    const live = await api.post('/watchlists', { name: 'Live' }, { key: api.mock.keys.live });
    expect(live.status).toBe(201);
  }, 30_000);

  it(`refuse accounts past ${MAX_WATCHED_ACCOUNTS_PER_SPACE.toLocaleString('en-US')} on the watchlists of a mode, and store nothing`, async () => {
    const api = mockApi({ plan: 'scale', rateLimits: false });
    // The same 10,000 domains on two watchlists: scored once, counted twice.
    const accounts = Array.from({ length: 10_000 }, (_, i) => `account-${i}.com`);
    const ids: string[] = [];
    for (const name of ['East', 'West']) {
      const created = await api.post('/watchlists', { name, accounts });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const refused = await api.post('/watchlists', { name: 'More', accounts: ['stripe.com'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_request', field: 'accounts' });
    expect(refused.body.error.message).toContain('at most 20,000 accounts in all');
    const empty = await api.post('/watchlists', { name: 'Empty' });
    expect(empty.status).toBe(201);
    const added = await api.put(`/watchlists/${empty.body.id}/accounts`, {
      accounts: ['stripe.com'],
    });
    expect(added.status).toBe(400);
    expect(added.body.error.field).toBe('accounts');
    expect((await api.get(`/watchlists/${empty.body.id}`)).body.account_count).toBe(0);
    expect(api.mock.inspect().workspaces[0]?.test.watchlists).toBe(3);
    // Adding what is already there is still the no-op it always is, and the other mode has its own.
    const again = await api.put(`/watchlists/${ids[0]}/accounts`, { accounts: ['account-0.com'] });
    expect(again.status).toBe(200);
    const live = await api.post(
      '/watchlists',
      { name: 'Live', accounts: ['stripe.com'] },
      { key: api.mock.keys.live },
    );
    expect(live.status).toBe(201);
  }, 30_000);

  it(`refuse a webhook endpoint past ${MAX_ENDPOINTS_PER_SPACE} in a mode`, async () => {
    const api = unlimited();
    for (let i = 0; i < MAX_ENDPOINTS_PER_SPACE; i++) {
      const url = `https://hooks.example.com/${i}`;
      expect(
        (await api.post('/webhook_endpoints', { url, events: ['score.computed'] })).status,
      ).toBe(201);
    }
    const refused = await api.post('/webhook_endpoints', {
      url: 'https://hooks.example.com/more',
      events: ['score.computed'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('body');
  });

  it(`keep the newest ${MAX_COMPLETED_JOBS_PER_SPACE} completed bulk jobs`, async () => {
    const api = unlimited();
    const ids: string[] = [];
    while (ids.length < MAX_COMPLETED_JOBS_PER_SPACE + 10) {
      for (let i = 0; i < 10; i++) {
        const reply = await api.post('/score/bulk', { domains: ['stripe.com'] });
        ids.push(reply.body.id);
      }
      api.mock.clock.advance('5s');
    }
    expect(api.mock.inspect().workspaces[0]?.test.bulk_jobs.completed).toBe(
      MAX_COMPLETED_JOBS_PER_SPACE,
    );
    expect((await api.get(`/score/bulk/${ids[0]}`)).status).toBe(404);
    expect((await api.get(`/score/bulk/${ids.at(-1)}`)).status).toBe(200);
  }, 30_000);

  it(`keep the newest ${MAX_FINISHED_SEARCHES_PER_SPACE} finished intent searches`, async () => {
    const api = unlimited();
    const ids: string[] = [];
    const body = { interest_domain: MAGIC_INTEREST_DOMAINS.empty, icp_domain: 'hubspot.com' };
    while (ids.length < MAX_FINISHED_SEARCHES_PER_SPACE + 10) {
      for (let i = 0; i < 10; i++) ids.push((await api.post('/intent/searches', body)).body.id);
      api.mock.clock.advance('3s');
    }
    expect(api.mock.inspect().workspaces[0]?.test.intent_searches.completed).toBe(
      MAX_FINISHED_SEARCHES_PER_SPACE,
    );
    expect((await api.get(`/intent/searches/${ids[0]}`)).status).toBe(404);
    expect((await api.get(`/intent/searches/${ids.at(-1)}`)).status).toBe(200);
  }, 30_000);
});

describe('idempotency records', () => {
  const answer = (body: string) => ({ status: 200, headers: {}, body });

  it(`keep the newest ${MAX_IDEMPOTENCY_RECORDS.toLocaleString('en-US')} of a space`, () => {
    const store = new IdempotencyStore();
    for (let i = 0; i < MAX_IDEMPOTENCY_RECORDS + 5; i++)
      store.store(`k${i}`, 'p', answer('{}'), 0);
    expect(store.size).toBe(MAX_IDEMPOTENCY_RECORDS);
    expect(store.lookup('k4', 'p', 0).kind).toBe('new');
    expect(store.lookup('k5', 'p', 0).kind).toBe('replay');
  });

  it(`keep at most ${MAX_IDEMPOTENCY_BYTES / 1_048_576} MiB of responses of a space, forgetting the oldest`, () => {
    const store = new IdempotencyStore();
    const mib = 'x'.repeat(1_048_576); // a large answer, such as a long account list
    for (let i = 0; i < 20; i++) store.store(`k${i}`, 'p', answer(mib), 0);
    expect(store.size).toBe(MAX_IDEMPOTENCY_BYTES / 1_048_576);
    expect(store.lookup('k3', 'p', 0).kind).toBe('new');
    expect(store.lookup('k4', 'p', 0)).toEqual({ kind: 'replay', response: answer(mib) });
    // Small answers after large ones: the budget frees as the large ones go.
    for (let i = 0; i < 100; i++) store.store(`small-${i}`, 'p', answer('{}'), 0);
    expect(store.lookup('small-0', 'p', 0).kind).toBe('replay');
  });
});

describe('test controls', () => {
  it(`refuse a workspace past ${MAX_WORKSPACES}`, () => {
    const mock = createMockApi();
    for (let i = 1; i < MAX_WORKSPACES; i++) mock.workspaces.create();
    expect(() => mock.workspaces.create()).toThrow(/at most 1000 workspaces/);
  });

  it('refuse a workspace name over 200 characters, in-process and over HTTP', async () => {
    const mock = createMockApi();
    expect(() => mock.workspaces.create({ name: 'x'.repeat(201) })).toThrow(
      'name must be 1 to 200 characters',
    );
    expect(mock.workspaces.create({ name: 'x'.repeat(200) }).name).toBe('x'.repeat(200));
    const response = await mock.fetch('https://api.intentiq.dev/__mock/workspaces', {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(500_000) }),
    });
    expect(response.status).toBe(400);
    expect(mock.inspect().workspaces).toHaveLength(2);
  });

  it(`refuse a fault past ${MAX_FAULTS} waiting`, () => {
    const mock = createMockApi();
    for (let i = 0; i < MAX_FAULTS; i++) mock.faults.inject({ path: '/score', status: 503 });
    expect(() => mock.faults.inject({ path: '/score', status: 503 })).toThrow(/at most 100 faults/);
  });
});
