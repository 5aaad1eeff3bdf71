/**
 * Intent searches in the mock: the lifecycle on the mock clock, billing exact to the person, the
 * magic interest domains, results in rank order, people that `POST /people/score` resolves to the
 * same `prs_` IDs, and the limits.
 */
import { describe, expect, it } from 'vitest';
import { MAGIC_INTEREST_DOMAINS, SLOW_SEARCH_MS } from '../../../mock-server/index.ts';
import { familyOfTitle } from '../../../mock-server/world/personas.ts';
import { ID, mockApi } from '../helpers.ts';

const SEARCH = { interest_domain: 'gong.io', icp_domain: 'hubspot.com' };

describe('POST /v1/intent/searches', () => {
  it('accepts a search with 202, queued, both domains normalised to their apex', async () => {
    const api = mockApi();
    const reply = await api.post('/intent/searches', {
      interest_domain: 'https://www.gong.io/pricing',
      icp_domain: 'app.hubspot.com',
      tag: 'q3-outbound',
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^isr_[0-9A-Z]{16}$/),
      status: 'queued',
      interest_domain: 'gong.io',
      icp_domain: 'hubspot.com',
      max_results: 25,
      lite: false,
      tag: 'q3-outbound',
      webhook_url: null,
      created_at: '2026-05-28T14:02:11Z',
      started_at: null,
      completed_at: null,
      total_results: null,
      credits_charged: 0,
      error: null,
      mode: 'test',
    });
  });

  it('refuses bad input with 400 on the field and stores nothing', async () => {
    const api = mockApi();
    const cases: [Record<string, unknown>, string][] = [
      [{ icp_domain: 'hubspot.com' }, 'interest_domain'],
      [{ ...SEARCH, icp_domain: 'localhost' }, 'icp_domain'],
      [{ ...SEARCH, interest_domain: '10.0.0.1' }, 'interest_domain'],
      [{ ...SEARCH, max_results: 0 }, 'max_results'],
      [{ ...SEARCH, max_results: 1001 }, 'max_results'],
      [{ ...SEARCH, max_results: 2.5 }, 'max_results'],
      [{ ...SEARCH, lite: 'yes' }, 'lite'],
      [{ ...SEARCH, tag: 'x'.repeat(256) }, 'tag'],
      [{ ...SEARCH, maxResults: 10 }, 'maxResults'],
      [{ ...SEARCH, webhook_url: 'https://example.com/hooks' }, 'webhook_url'],
    ];
    for (const [body, field] of cases) {
      const reply = await api.post('/intent/searches', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.field).toBe(field);
    }
    // A number past the safe integers is told the field's own bound, once.
    const huge = await api.post('/intent/searches', { ...SEARCH, max_results: 1e308 });
    expect(huge.body.error).toMatchObject({
      field: 'max_results',
      message: 'max_results must be at most 1000.',
    });
    expect(huge.body.error.fields).toBeUndefined();
    expect((await api.get('/intent/searches')).body.data).toEqual([]);
  });

  it('replays the same search for a repeated Idempotency-Key', async () => {
    const api = mockApi();
    const headers = { 'Idempotency-Key': 'outbound-2026-05-28' };
    const first = await api.post('/intent/searches', SEARCH, { headers });
    const again = await api.post('/intent/searches', SEARCH, { headers });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect((await api.get('/intent/searches')).body.data).toHaveLength(1);
  });
});

describe('the lifecycle on the mock clock', () => {
  it('is queued for 2 s, processes 50 people a second, then completes', async () => {
    const api = mockApi();
    const { body: created } = await api.post('/intent/searches', { ...SEARCH, max_results: 120 });
    const poll = async () => (await api.get(`/intent/searches/${created.id}`)).body;

    api.mock.clock.advance(1_999);
    expect(await poll()).toMatchObject({ status: 'queued', started_at: null });
    api.mock.clock.advance(1);
    expect(await poll()).toMatchObject({
      status: 'processing',
      started_at: '2026-05-28T14:02:13Z',
      total_results: null,
    });
    api.mock.clock.advance('2s');
    expect(await poll()).toMatchObject({ status: 'processing' });
    api.mock.clock.advance('1s');
    expect(await poll()).toMatchObject({
      status: 'completed',
      started_at: '2026-05-28T14:02:13Z',
      completed_at: '2026-05-28T14:02:16Z',
      total_results: 120,
      error: null,
    });
  });

  it('is four times as fast with lite', async () => {
    const api = mockApi();
    const { body } = await api.post('/intent/searches', {
      ...SEARCH,
      max_results: 200,
      lite: true,
    });
    api.mock.clock.advance('3s');
    expect((await api.get(`/intent/searches/${body.id}`)).body).toMatchObject({
      status: 'completed',
      completed_at: '2026-05-28T14:02:14Z',
      total_results: 200,
    });
  });

  it('takes 10 minutes for search-slow.test', async () => {
    const api = mockApi();
    const { body } = await api.post('/intent/searches', {
      ...SEARCH,
      interest_domain: MAGIC_INTEREST_DOMAINS.slow,
    });
    expect(SLOW_SEARCH_MS).toBe(600_000);
    api.mock.clock.advance('2s');
    api.mock.clock.advance(SLOW_SEARCH_MS - 1);
    expect((await api.get(`/intent/searches/${body.id}`)).body.status).toBe('processing');
    api.mock.clock.advance(1);
    expect((await api.get(`/intent/searches/${body.id}`)).body).toMatchObject({
      status: 'completed',
      completed_at: '2026-05-28T14:12:13Z',
      total_results: 25,
    });
  });

  it('fails for search-fails.test, with no_interest_signal and nothing charged', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    const { body } = await api.post(
      '/intent/searches',
      { ...SEARCH, interest_domain: MAGIC_INTEREST_DOMAINS.fails },
      key,
    );
    api.mock.clock.advance('3s');
    expect((await api.get(`/intent/searches/${body.id}`, key)).body).toEqual({
      ...body,
      status: 'failed',
      started_at: '2026-05-28T14:02:13Z',
      completed_at: '2026-05-28T14:02:14Z',
      total_results: null,
      credits_charged: 0,
      error: {
        code: 'no_interest_signal',
        message:
          "Nobody showed interest in products like search-fails.test's, so there is no one to rank. Nothing was charged; try another interest domain.",
      },
    });
    expect(api.mock.credits.get().used).toBe(0);
    const results = await api.get(`/intent/searches/${body.id}/results`, key);
    expect(results.status).toBe(400);
    expect(results.body.error).toMatchObject({
      field: 'id',
      message: expect.stringMatching(/^This intent search failed \(no_interest_signal\)/),
    });
  });

  it('completes with nobody for search-empty.test, charging nothing', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    const { body } = await api.post(
      '/intent/searches',
      { ...SEARCH, interest_domain: MAGIC_INTEREST_DOMAINS.empty },
      key,
    );
    api.mock.clock.advance('3s');
    expect((await api.get(`/intent/searches/${body.id}`, key)).body).toMatchObject({
      status: 'completed',
      total_results: 0,
      credits_charged: 0,
    });
    expect((await api.get(`/intent/searches/${body.id}/results`, key)).body).toEqual({
      data: [],
      has_more: false,
      next_cursor: null,
    });
    expect(api.mock.credits.get().used).toBe(0);
  });
});

describe('billing', () => {
  it('charges 10 credits per person found when the search completes, not before', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    const { body } = await api.post('/intent/searches', { ...SEARCH, max_results: 37 }, key);
    api.mock.clock.advance('2s');
    expect(api.mock.credits.get().used).toBe(0);
    api.mock.clock.advance('1s');
    const done = (await api.get(`/intent/searches/${body.id}`, key)).body;
    expect(done).toMatchObject({ status: 'completed', total_results: 37, credits_charged: 370 });
    expect(api.mock.credits.get()).toMatchObject({ used: 370, remaining: 9_630 });
  });

  it('charges 5 credits per person with lite', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    const { body } = await api.post(
      '/intent/searches',
      { ...SEARCH, max_results: 37, lite: true },
      key,
    );
    api.mock.clock.advance('3s');
    expect((await api.get(`/intent/searches/${body.id}`, key)).body.credits_charged).toBe(185);
    expect(api.mock.credits.get().used).toBe(185);
  });

  it('charges for the people found, which may be fewer than max_results', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    const { body } = await api.post(
      '/intent/searches',
      { interest_domain: 'datadoghq.com', icp_domain: 'snowflake.com', max_results: 1000 },
      key,
    );
    api.mock.clock.advance('1m');
    const done = (await api.get(`/intent/searches/${body.id}`, key)).body;
    expect(done.total_results).toBeLessThan(1000);
    expect(done.credits_charged).toBe(done.total_results * 10);
    expect(api.mock.credits.get().used).toBe(done.total_results * 10);
  });

  it('needs the credits for max_results people at submission: 402 otherwise, nothing stored', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    api.mock.credits.set({ remaining: 249 });
    const refused = await api.post('/intent/searches', SEARCH, key);
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({
      code: 'insufficient_credits',
      message:
        'This workspace has 249 credits left in the current cycle and this request needs 250 credits. Credits reset at 2026-06-01T00:00:00Z; upgrade the plan for more.',
      resets_at: '2026-06-01T00:00:00Z',
    });
    expect((await api.get('/intent/searches', key)).body.data).toEqual([]);
    const lite = await api.post('/intent/searches', { ...SEARCH, lite: true }, key);
    expect(lite.status).toBe(202);
  });

  it('never charges or refuses a test key', async () => {
    const api = mockApi();
    api.mock.credits.set({ remaining: 0 });
    const { status, body } = await api.post('/intent/searches', { ...SEARCH, max_results: 1000 });
    expect(status).toBe(202);
    api.mock.clock.advance('1m');
    expect((await api.get(`/intent/searches/${body.id}`)).body).toMatchObject({
      status: 'completed',
      credits_charged: 0,
    });
    expect(api.mock.credits.get().remaining).toBe(0);
  });

  it('fails with insufficient_credits, charging nothing, when the credits were spent meanwhile', async () => {
    const api = mockApi();
    const key = { key: api.mock.keys.live };
    const { body } = await api.post('/intent/searches', SEARCH, key);
    api.mock.credits.set({ remaining: 100 });
    api.mock.clock.advance('3s');
    expect((await api.get(`/intent/searches/${body.id}`, key)).body).toMatchObject({
      status: 'failed',
      total_results: null,
      credits_charged: 0,
      error: {
        code: 'insufficient_credits',
        message:
          'The 25 people found cost 250 credits, and the workspace had 100 left when the search completed. Nothing was charged; credits reset at 2026-06-01T00:00:00Z.',
      },
    });
    expect(api.mock.credits.get().remaining).toBe(100);
  });
});

describe('GET /v1/intent/searches/{id}/results', () => {
  it('is 400 on id, saying the search is still running, before it completes', async () => {
    const api = mockApi();
    const { body } = await api.post('/intent/searches', SEARCH);
    const reply = await api.get(`/intent/searches/${body.id}/results`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'invalid_request',
      field: 'id',
      message:
        'This intent search is still queued: its results are ready once it completes, in about 3 seconds. Wait for status "completed" (iiq.intent.searches.wait) or for the intent_search.completed event.',
    });
  });

  it('lists the people in rank order, best fit first, page by page', async () => {
    const api = mockApi();
    const { body } = await api.post('/intent/searches', { ...SEARCH, max_results: 30 });
    api.mock.clock.advance('3s');
    const first = await api.get(`/intent/searches/${body.id}/results?limit=20`);
    expect(first.body).toMatchObject({ has_more: true, next_cursor: expect.any(String) });
    const second = await api.get(
      `/intent/searches/${body.id}/results?limit=20&cursor=${first.body.next_cursor}`,
    );
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    const people = [...first.body.data, ...second.body.data];
    expect(people.map((person) => person.rank)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    const scores = people.map((person) => person.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(people[0]).toEqual({
      rank: 1,
      score: expect.any(Number),
      score_reason: expect.stringContaining('HubSpot sells to'),
      name: expect.any(String),
      title: expect.any(String),
      seniority: expect.stringMatching(/^(ic|manager|director|vp|c_level)$/),
      company: expect.any(String),
      company_name: expect.any(String),
      location: expect.any(String),
      linkedin_url: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\//),
      latest_interest_date: expect.stringMatching(/^2026-(04|05)-\d\d$/),
      signal_count: expect.any(Number),
      person_id: expect.stringMatching(ID),
    });
  });

  it('finds people whose titles fit the team the ICP company sells to, never at either company', async () => {
    const api = mockApi();
    const families = async (icp: string) => {
      const { body } = await api.post('/intent/searches', {
        interest_domain: 'gong.io',
        icp_domain: icp,
        max_results: 10,
      });
      api.mock.clock.advance('3s');
      const people = (await api.get(`/intent/searches/${body.id}/results`)).body.data;
      for (const person of people) expect(['gong.io', icp]).not.toContain(person.company);
      return people.map((person: { title: string }) => familyOfTitle(person.title));
    };
    expect(await families('hubspot.com')).toEqual(Array(10).fill('revenue'));
    expect(await families('datadoghq.com')).toEqual(Array(10).fill('engineering'));
    expect(await families('ramp.com')).toEqual(Array(10).fill('finance'));
  });

  it('finds the same people for the same inputs, in every mock', async () => {
    const run = async (seed: string) => {
      const api = mockApi({ seed });
      const { body } = await api.post('/intent/searches', { ...SEARCH, max_results: 50 });
      api.mock.clock.advance('3s');
      return (await api.get(`/intent/searches/${body.id}/results?limit=100`)).body.data;
    };
    const first = await run('one');
    expect(await run('two')).toEqual(first);
    const api = mockApi();
    const { body } = await api.post('/intent/searches', {
      interest_domain: 'vanta.com',
      icp_domain: 'hubspot.com',
      max_results: 50,
    });
    api.mock.clock.advance('3s');
    const other = (await api.get(`/intent/searches/${body.id}/results?limit=100`)).body.data;
    expect(other.map((p: { person_id: string }) => p.person_id)).not.toEqual(
      first.map((p: { person_id: string }) => p.person_id),
    );
  });

  it('returns people that POST /people/score resolves to the same prs_ IDs', async () => {
    const api = mockApi();
    const { body } = await api.post('/intent/searches', { ...SEARCH, max_results: 40 });
    api.mock.clock.advance('3s');
    const people = (await api.get(`/intent/searches/${body.id}/results?limit=40`)).body.data;
    for (const person of people) {
      const resolved = await api.post('/people/score', { linkedin_url: person.linkedin_url });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        id: person.person_id,
        name: person.name,
        title: person.title,
        seniority: person.seniority,
        company: person.company,
        linkedin_url: person.linkedin_url,
      });
      const byEmail = await api.post('/people/score', { email: resolved.body.email });
      expect(byEmail.body.id).toBe(person.person_id);
    }
  });

  it('is 404 for an unknown ID or one of the other mode', async () => {
    const api = mockApi();
    const { body } = await api.post('/intent/searches', SEARCH);
    const live = { key: api.mock.keys.live };
    expect((await api.get(`/intent/searches/${body.id}`, live)).status).toBe(404);
    const unknown = await api.get('/intent/searches/isr_0000000000000000/results');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'No intent search with ID isr_0000000000000000 exists in this workspace.',
    );
  });
});

describe('GET /v1/intent/searches', () => {
  it('lists the workspace’s searches newest first, page by page', async () => {
    const api = mockApi();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await api.post('/intent/searches', { ...SEARCH, tag: `t${i}` })).body.id);
      api.mock.clock.advance('1s');
    }
    const first = await api.get('/intent/searches?limit=2');
    expect(first.body.data.map((search: { id: string }) => search.id)).toEqual([ids[2], ids[1]]);
    const rest = await api.get(`/intent/searches?limit=2&cursor=${first.body.next_cursor}`);
    expect(rest.body).toMatchObject({ data: [{ id: ids[0], tag: 't0' }], has_more: false });
  });
});

describe('limits', () => {
  it('holds at most 10 searches queued or processing per workspace, in both modes', async () => {
    const api = mockApi();
    for (let i = 0; i < 10; i++) {
      const key = i % 2 === 0 ? api.mock.keys.test : api.mock.keys.live;
      expect((await api.post('/intent/searches', { ...SEARCH, lite: true }, { key })).status).toBe(
        202,
      );
    }
    const refused = await api.post('/intent/searches', SEARCH);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(refused.body.error.message).toBe(
      'This workspace already has 10 intent searches queued or processing. Retry after 3 seconds, when one has finished.',
    );
    api.mock.clock.advance('3s');
    expect((await api.post('/intent/searches', SEARCH)).status).toBe(202);
  });
});
