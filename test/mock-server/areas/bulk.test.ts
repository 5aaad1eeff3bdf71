import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../../mock-server/areas/bulk/csv.ts';
import type { WireScore } from '../../../mock-server/areas/scores/index.ts';
import { ID, mockApi } from '../helpers.ts';

const DOMAINS = ['stripe.com', 'notion.so', 'linear.app'];

describe('POST /v1/score/bulk', () => {
  it('accepts a job with 202, queued, with the unique domains as its total', async () => {
    const api = mockApi();
    const reply = await api.post('/score/bulk', {
      domains: [...DOMAINS, 'https://www.stripe.com/', 'NOTION.so'],
      tag: 'q3-enrichment',
    });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({
      id: expect.stringMatching(ID),
      source: 'json',
      rejected_rows: [],
      status: 'queued',
      deferred: false,
      tag: 'q3-enrichment',
      webhook_url: null,
      domains_submitted: 5,
      progress: { total: 3, processed: 0, scored: 0, unscorable: 0 },
      credits_charged: 0,
      unscorable: [],
      created_at: '2026-05-28T14:02:11Z',
      started_at: null,
      completed_at: null,
      mode: 'test',
    });
  });

  it('charges the unique domains up front with a live key', async () => {
    const api = mockApi();
    const reply = await api.post(
      '/score/bulk',
      { domains: [...DOMAINS, 'stripe.com'] },
      { key: api.mock.keys.live },
    );
    expect(reply.body.credits_charged).toBe(3);
    expect(api.mock.credits.get().used).toBe(3);
  });

  it('charges half, rounded up, for a deferred job', async () => {
    const api = mockApi();
    const reply = await api.post(
      '/score/bulk',
      { domains: DOMAINS, deferred: true },
      { key: api.mock.keys.live },
    );
    expect(reply.body).toMatchObject({ deferred: true, credits_charged: 2 });
  });

  it('refuses a job the credits cannot cover with 402 and charges nothing', async () => {
    const api = mockApi();
    api.mock.credits.set({ remaining: 2 });
    const reply = await api.post('/score/bulk', { domains: DOMAINS }, { key: api.mock.keys.live });
    expect(reply.status).toBe(402);
    expect(reply.body.error).toMatchObject({
      code: 'insufficient_credits',
      resets_at: '2026-06-01T00:00:00Z',
    });
    expect(api.mock.credits.get().remaining).toBe(2);
  });

  it('moves queued -> running -> completed with the clock, with progress counts', async () => {
    const api = mockApi();
    const domains = Array.from({ length: 12 }, (_, i) => `company-${i}.com`);
    const { body: job } = await api.post('/score/bulk', { domains });
    const poll = async () => (await api.get(`/score/bulk/${job.id}`)).body;

    expect(await poll()).toMatchObject({ status: 'queued', progress: { processed: 0 } });
    api.mock.clock.advance('2s');
    expect(await poll()).toMatchObject({
      status: 'running',
      started_at: '2026-05-28T14:02:13Z',
      progress: { processed: 0 },
    });
    api.mock.clock.advance('1s');
    expect(await poll()).toMatchObject({
      status: 'running',
      progress: { total: 12, processed: 5, scored: 5, unscorable: 0 },
    });
    api.mock.clock.advance('1s');
    expect((await poll()).progress.processed).toBe(10);
    api.mock.clock.advance('1s');
    expect(await poll()).toMatchObject({
      status: 'completed',
      progress: { total: 12, processed: 12, scored: 12, unscorable: 0 },
      completed_at: '2026-05-28T14:02:16Z',
    });
  });

  it('finishes a deferred job of 1,000 domains within 8 virtual hours', async () => {
    const api = mockApi();
    const domains = Array.from({ length: 1000 }, (_, i) => `account-${i}.io`);
    const { body: job } = await api.post('/score/bulk', { domains, deferred: true });
    api.mock.clock.advance('6h1m');
    expect((await api.get(`/score/bulk/${job.id}`)).body).toMatchObject({
      status: 'running',
      progress: { processed: 300 },
    });
    api.mock.clock.advance('1h59m');
    const done = (await api.get(`/score/bulk/${job.id}`)).body;
    expect(done.status).toBe('completed');
    expect(done.progress.processed).toBe(1000);
  }, 30_000);

  it('keeps a deferred job queued until the overnight window opens 6 hours later', async () => {
    const api = mockApi();
    const { body: job } = await api.post('/score/bulk', { domains: DOMAINS, deferred: true });
    api.mock.clock.advance('5h59m59s');
    expect((await api.get(`/score/bulk/${job.id}`)).body.status).toBe('queued');
    api.mock.clock.advance('1s');
    expect((await api.get(`/score/bulk/${job.id}`)).body.status).toBe('running');
  });

  it('lists unscorable and restricted domains apart from the scores', async () => {
    const api = mockApi();
    const { body: job } = await api.post('/score/bulk', {
      domains: ['stripe.com', 'unscorable.test', 'restricted.test'],
    });
    api.mock.clock.advance('1m');
    const done = (await api.get(`/score/bulk/${job.id}`)).body;
    expect(done.progress).toEqual({ total: 3, processed: 3, scored: 1, unscorable: 2 });
    expect(done.unscorable).toEqual([
      {
        domain: 'unscorable.test',
        code: 'unscorable_domain',
        message:
          'unscorable.test has no usable signal surface (parked, defunct or no public presence).',
      },
      {
        domain: 'restricted.test',
        code: 'restricted_use',
        message: 'Scoring restricted.test is refused by the acceptable use policy.',
      },
    ]);
  });

  it('refuses an 11th job while 10 are queued or running, with Retry-After', async () => {
    const api = mockApi();
    for (let i = 0; i < 10; i++) {
      expect((await api.post('/score/bulk', { domains: DOMAINS })).status).toBe(202);
    }
    const refused = await api.post('/score/bulk', { domains: DOMAINS });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(refused.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    api.mock.clock.advance('3s');
    expect((await api.post('/score/bulk', { domains: DOMAINS })).status).toBe(202);
  });

  it('records score.bulk.completed with every result and the unscorable domains', async () => {
    const api = mockApi();
    // The URL must be a registered webhook endpoint: its secret signs the delivery.
    await api.post('/webhook_endpoints', {
      url: 'https://example.com/bulk',
      events: ['score.bulk.completed'],
    });
    const { body: job } = await api.post('/score/bulk', {
      domains: ['stripe.com', 'unscorable.test'],
      webhook_url: 'https://example.com/bulk',
      tag: 'nightly',
    });
    api.mock.clock.advance('1m');
    const [event] = api.mock.events.list({ type: 'score.bulk.completed' });
    expect(event?.data).toMatchObject({
      job: {
        id: job.id,
        status: 'completed',
        tag: 'nightly',
        webhook_url: 'https://example.com/bulk',
      },
      results: [{ domain: 'stripe.com', score: 94 }],
      unscorable: [{ domain: 'unscorable.test', code: 'unscorable_domain' }],
    });
  });

  it('names every bad domain with its index', async () => {
    const reply = await mockApi().post('/score/bulk', {
      domains: ['stripe.com', 'localhost', '192.168.0.1'],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'invalid_request',
      field: 'domains[1]',
      fields: [
        { field: 'domains[1]', message: 'domains[1] must be a domain name such as "stripe.com"' },
        { field: 'domains[2]', message: 'domains[2] must be a domain name, not an IP address' },
      ],
    });
  });

  it('refuses an empty list and more than 1,000 domains', async () => {
    const api = mockApi();
    const empty = await api.post('/score/bulk', { domains: [] });
    expect(empty.body.error).toMatchObject({
      field: 'domains',
      message: 'domains must have at least 1 item.',
    });
    const tooMany = await api.post('/score/bulk', {
      domains: Array.from({ length: 1001 }, (_, i) => `d${i}.com`),
    });
    expect(tooMany.body.error).toMatchObject({
      field: 'domains',
      message: 'domains must have at most 1000 items.',
    });
  });

  it('answers 404 for a job of another workspace', async () => {
    const api = mockApi();
    const other = api.mock.workspaces.create({ plan: 'starter' });
    const { body: job } = await api.post(
      '/score/bulk',
      { domains: DOMAINS },
      { key: other.keys.test },
    );
    const reply = await api.get(`/score/bulk/${job.id}`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe(
      `No bulk job with ID ${job.id} exists in this workspace.`,
    );
  });
});

describe('GET /v1/score/bulk/{id}/results', () => {
  it('lists the scores in submission order, paginated, without the unscorable domains', async () => {
    const api = mockApi();
    const domains = ['stripe.com', 'unscorable.test', 'notion.so', 'linear.app'];
    const { body: job } = await api.post('/score/bulk', { domains });
    api.mock.clock.advance('1m');
    const first = await api.get(`/score/bulk/${job.id}/results?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((score: { domain: string }) => score.domain)).toEqual([
      'stripe.com',
      'notion.so',
    ]);
    expect(first.body).toMatchObject({
      has_more: true,
      next_cursor: expect.any(String),
      mode: 'test',
    });
    const second = await api.get(
      `/score/bulk/${job.id}/results?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(second.body).toMatchObject({
      data: [{ domain: 'linear.app', cached: false }],
      has_more: false,
      next_cursor: null,
    });
  });

  it('lists only what is processed so far while the job runs', async () => {
    const api = mockApi();
    const domains = Array.from({ length: 8 }, (_, i) => `company-${i}.com`);
    const { body: job } = await api.post('/score/bulk', { domains });
    api.mock.clock.advance('3s');
    const page = await api.get(`/score/bulk/${job.id}/results`);
    expect(page.body.data).toHaveLength(5);
  });

  it('returns the whole result set as CSV with format=csv', async () => {
    const api = mockApi();
    const { body: job } = await api.post('/score/bulk', {
      domains: ['stripe.com', 'unscorable.test'],
    });
    api.mock.clock.advance('1m');
    const reply = await api.get(`/score/bulk/${job.id}/results?format=csv`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.text).toBe(
      [
        'domain,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at',
        'stripe.com,scored,94,HOT,12,96,88,92,78,84,Reference Series H. Anchor on RevOps.,2026-05-28T14:02:14Z',
        'unscorable.test,unscorable,,,,,,,,,,',
        '',
      ].join('\n'),
    );
  });

  it('quotes CSV cells that hold commas or quotes', () => {
    const score = {
      domain: 'acme.com',
      score: 61,
      band: 'WARM',
      delta_30d: -3,
      computed_at: '2026-05-28T14:02:11Z',
    };
    const signals = { funding: 60, hiring: 61, news: 62, tech: 63, web: 64 };
    const csv = resultsCsv([{ ...score, signals, action: 'Call them, "today".' } as WireScore]);
    expect(csv.split('\n')[1]).toBe(
      'acme.com,scored,61,WARM,-3,60,61,62,63,64,"Call them, ""today"".",2026-05-28T14:02:11Z',
    );
  });

  it('refuses an unknown format', async () => {
    const api = mockApi();
    const { body: job } = await api.post('/score/bulk', { domains: DOMAINS });
    const reply = await api.get(`/score/bulk/${job.id}/results?format=xml`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      field: 'format',
      message: 'format must be one of "json", "csv".',
    });
  });
});
