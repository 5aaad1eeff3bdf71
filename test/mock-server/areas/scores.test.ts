import { describe, expect, it } from 'vitest';
import { MAGIC_DOMAINS } from '../../../mock-server/index.ts';
import { ID, mockApi, STRIPE_SCORE } from '../helpers.ts';

describe('POST /v1/score', () => {
  it('scores stripe.com exactly as the API reference shows it, as a cache miss', async () => {
    const api = mockApi();
    const reply = await api.post('/score', { domain: 'stripe.com' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-iiq-cache')).toBe('miss');
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.body).toEqual({ id: expect.stringMatching(ID), ...STRIPE_SCORE, mode: 'test' });
    expect(Object.keys(reply.body)).toEqual([
      'id',
      'domain',
      'score',
      'band',
      'delta_30d',
      'signals',
      'action',
      'summary',
      'cached',
      'computed_at',
      'company',
      'buying_stage',
      'urgency',
      'why_now',
      'key_triggers',
      'decay_date',
      'mode',
    ]);
  });

  it('strips schemes, www and paths down to the apex domain', async () => {
    const api = mockApi();
    const reply = await api.post('/score', { domain: 'https://www.stripe.com/atlas' });
    expect(reply.status).toBe(200);
    expect(reply.body.domain).toBe('stripe.com');
  });

  it('serves a second request from the cache, free, with the same id', async () => {
    const api = mockApi();
    const first = await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    const second = await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    expect(second.headers.get('x-iiq-cache')).toBe('hit');
    expect(second.body).toEqual({ ...first.body, cached: true });
    expect(api.mock.credits.get().used).toBe(1);
  });

  it('expires the cache after 7 days: a hit becomes a miss with a new id', async () => {
    const api = mockApi();
    const first = await api.post('/score', { domain: 'stripe.com' });
    api.mock.clock.advance('6d23h59m59s');
    expect((await api.post('/score', { domain: 'stripe.com' })).headers.get('x-iiq-cache')).toBe(
      'hit',
    );
    api.mock.clock.advance('1s');
    const later = await api.post('/score', { domain: 'stripe.com' });
    expect(later.headers.get('x-iiq-cache')).toBe('miss');
    expect(later.body.cached).toBe(false);
    expect(later.body.id).not.toBe(first.body.id);
    expect(later.body.computed_at).toBe('2026-06-04T14:02:11Z');
  });

  it('recomputes with force_refresh and always charges a credit for it', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live };
    const first = await api.post('/score', { domain: 'stripe.com' }, live);
    const forced = await api.post('/score', { domain: 'stripe.com', force_refresh: true }, live);
    expect(forced.status).toBe(200);
    expect(forced.headers.get('x-iiq-cache')).toBe('refresh');
    expect(forced.body.cached).toBe(false);
    expect(forced.body.id).not.toBe(first.body.id);
    expect(api.mock.credits.get().used).toBe(2);
  });

  it('charges one credit per fresh score with a live key and none with a test key', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    await api.post('/score', { domain: 'notion.so' });
    expect(api.mock.credits.get().used).toBe(0);
    const live = await api.post('/score', { domain: 'linear.app' }, { key: api.mock.keys.live });
    expect(live.body.mode).toBeUndefined();
    expect(api.mock.credits.get().used).toBe(1);
  });

  it('expands signals with their evidence when include has signals.evidence', async () => {
    const api = mockApi();
    const reply = await api.post('/score', { domain: 'stripe.com', include: ['signals.evidence'] });
    const funding = reply.body.signals.funding;
    expect(funding).toEqual({
      score: 96,
      evidence: expect.any(Array),
      source: 'crunchbase',
      fetched_at: expect.stringMatching(/^2026-05-\d\dT14:02:11Z$/),
    });
    expect(funding.evidence[0]).toEqual({
      kind: 'funding_round',
      title: expect.any(String),
      url: expect.toSatisfy(
        (url: unknown) => url === null || String(url).startsWith('https://stripe.com/'),
      ),
      observed_at: expect.stringMatching(/Z$/),
    });
  });

  it('adds the 30-day history, oldest first, ending at the score, with include=history', async () => {
    const api = mockApi();
    const reply = await api.post('/score', { domain: 'stripe.com', include: ['history'] });
    const history = reply.body.history as { date: string; score: number }[];
    expect(history).toHaveLength(30);
    expect(history[0]).toEqual({ date: '2026-04-29', score: 82 });
    expect(history[29]).toEqual({ date: '2026-05-28', score: 94 });
  });

  it('adds the company’s five people as Person objects with include=people', async () => {
    const api = mockApi();
    const reply = await api.post('/score', { domain: 'stripe.com', include: ['people'] });
    expect(reply.body.people).toHaveLength(5);
    for (const person of reply.body.people) {
      expect(person).toEqual({
        id: expect.stringMatching(/^prs_[0-9A-Z]{16}$/),
        name: expect.any(String),
        email: expect.stringMatching(/@stripe\.com$/),
        title: expect.any(String),
        company: 'stripe.com',
        intent_score: 94,
        seniority: expect.stringMatching(/^(ic|manager|director|vp|c_level)$/),
        linkedin_url: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\//),
        resolved_at: '2026-05-28T14:02:11Z',
      });
    }
  });

  it('gives any other domain a deterministic synthetic profile', async () => {
    const one = await mockApi().post('/score', { domain: 'acme-widgets.io', include: ['history'] });
    const two = await mockApi({ seed: 'another' }).post('/score', {
      domain: 'acme-widgets.io',
      include: ['history'],
    });
    expect(one.status).toBe(200);
    const { id: _a, ...first } = one.body;
    const { id: _b, ...second } = two.body;
    expect(first).toEqual(second);
    expect(first.action.length).toBeGreaterThan(0);
    expect(first.action.length).toBeLessThanOrEqual(140);
    expect(first.summary.split(/(?<=\.)\s+/).length).toBeGreaterThanOrEqual(3);
    expect(first.history[29].score).toBe(first.score);
    expect(first.delta_30d).toBe(first.score - first.history[0].score);
  });

  it('answers 422 unscorable_domain with score and band null for an unscorable domain, free', async () => {
    const api = mockApi();
    const reply = await api.post(
      '/score',
      { domain: MAGIC_DOMAINS.unscorable },
      { key: api.mock.keys.live },
    );
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'unscorable_domain',
        message:
          'unscorable.test has no usable signal surface (parked, defunct or no public presence).',
        request_id: reply.headers.get('x-request-id'),
      },
      domain: 'unscorable.test',
      score: null,
      band: null,
    });
    expect(api.mock.credits.get().used).toBe(0);
  });

  it('answers 403 restricted_use for a restricted domain', async () => {
    const reply = await mockApi().post('/score', { domain: MAGIC_DOMAINS.restricted });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({ type: 'permission_error', code: 'restricted_use' });
  });

  it('answers 429 with Retry-After: 1 for rate-limited.test, every time', async () => {
    const api = mockApi();
    for (let i = 0; i < 2; i++) {
      const reply = await api.post('/score', { domain: MAGIC_DOMAINS.rateLimited });
      expect(reply.status).toBe(429);
      expect(reply.headers.get('retry-after')).toBe('1');
      expect(reply.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    }
  });

  it('fails flaky.test once with 500 internal_error, then succeeds', async () => {
    const api = mockApi();
    const first = await api.post('/score', { domain: MAGIC_DOMAINS.flaky });
    expect(first.status).toBe(500);
    expect(first.body.error).toMatchObject({ type: 'api_error', code: 'internal_error' });
    const second = await api.post('/score', { domain: MAGIC_DOMAINS.flaky });
    expect(second.status).toBe(200);
    api.mock.reset();
    expect((await api.post('/score', { domain: MAGIC_DOMAINS.flaky })).status).toBe(500);
  });

  it('answers a slow cold miss with webhook_url 202 pending, then the score after 5 seconds', async () => {
    const api = mockApi();
    // The URL must be a registered webhook endpoint: its secret signs the delivery.
    await api.post('/webhook_endpoints', {
      url: 'https://example.com/hooks',
      events: ['score.computed'],
    });
    const accepted = await api.post('/score', {
      domain: MAGIC_DOMAINS.slow,
      webhook_url: 'https://example.com/hooks',
    });
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('x-iiq-cache')).toBeNull();
    expect(accepted.body).toEqual({
      id: expect.stringMatching(ID),
      domain: 'slow.test',
      status: 'pending',
      created_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
    const id = accepted.body.id;
    expect((await api.get(`/score/${id}`)).status).toBe(202);
    api.mock.clock.advance('5s');
    const done = await api.get(`/score/${id}`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id,
      domain: 'slow.test',
      computed_at: '2026-05-28T14:02:16Z',
    });
    const computed = api.mock.events.list({ type: 'score.computed' });
    expect(computed[0]?.data).toMatchObject({ score: { id }, trigger: 'api' });
  });

  it('answers a slow domain without webhook_url at once with 200', async () => {
    const reply = await mockApi().post('/score', { domain: MAGIC_DOMAINS.slow });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-iiq-cache')).toBe('miss');
  });

  it('records score.computed for fresh and forced computations, not for cache hits', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    await api.post('/score', { domain: 'stripe.com' });
    await api.post('/score', { domain: 'stripe.com', force_refresh: true });
    const triggers = api.mock.events
      .list({ type: 'score.computed' })
      .map((event) => (event.data as { trigger: string }).trigger);
    expect(triggers).toEqual(['force_refresh', 'api']);
  });
});

describe('GET /v1/score/{id}', () => {
  it('returns the score by id, without a credit, marked cached', async () => {
    const api = mockApi();
    const created = await api.post('/score', { domain: 'stripe.com' }, { key: api.mock.keys.live });
    const reply = await api.get(`/score/${created.body.id}`, { key: api.mock.keys.live });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ...created.body, cached: true });
    expect(reply.headers.get('x-iiq-cache')).toBe('hit');
    expect(api.mock.credits.get().used).toBe(1);
  });

  it('returns the most recent score of the domain for an older id', async () => {
    const api = mockApi();
    const old = await api.post('/score', { domain: 'stripe.com' });
    const forced = await api.post('/score', { domain: 'stripe.com', force_refresh: true });
    const reply = await api.get(`/score/${old.body.id}`);
    expect(reply.body.id).toBe(forced.body.id);
  });

  it('answers 404 not_found for an unknown id', async () => {
    const reply = await mockApi().get('/score/scr_01HZ9X3F7QMHN4Z');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({
      type: 'invalid_request_error',
      code: 'not_found',
      message: 'No score with ID scr_01HZ9X3F7QMHN4Z exists in this workspace.',
      request_id: reply.headers.get('x-request-id'),
    });
  });
});

describe('account intelligence on POST /v1/score', () => {
  it('adds a talk track and an email subject when asked, and only then', async () => {
    const api = mockApi();
    const plain = await api.post('/score', { domain: 'stripe.com' });
    expect(plain.body).not.toHaveProperty('talk_track');
    expect(plain.body).not.toHaveProperty('email_subject');
    const reply = await api.post('/score', {
      domain: 'stripe.com',
      include: ['talk_track', 'email_subject'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.email_subject).toBe("Quick question about Stripe's evaluation");
    expect(reply.body.talk_track).toBe(
      [
        '- **Why now:** Today: Pricing page traffic up 18% month over month (web), with 4 more strong signals in 30 days.',
        '- **Funding:** Coverage of a late-stage financing round',
        '- **News:** Developer conference keynote coverage',
        '- **Lead with:** Reference Series H. Anchor on RevOps.',
        '- **Ask:** Who signs off, and what would it take to decide this quarter?',
      ].join('\n'),
    );
  });

  it('names only evidence that include signals.evidence shows', async () => {
    const api = mockApi();
    for (const domain of ['notion.so', 'figma.com', 'acme-rockets.com']) {
      const { body } = await api.post('/score', { domain, include: ['signals.evidence'] });
      const titles = Object.values(body.signals).flatMap((signal) =>
        (signal as { evidence: { title: string }[] }).evidence.map((e) => e.title),
      );
      for (const trigger of body.key_triggers) expect(titles, domain).toContain(trigger);
    }
  });

  it('keeps the intelligence of the score it was computed with, on a cache hit days later', async () => {
    const api = mockApi();
    const first = await api.post('/score', { domain: 'stripe.com' });
    api.mock.clock.advance('3d');
    const hit = await api.post('/score', { domain: 'stripe.com' });
    expect(hit.headers.get('x-iiq-cache')).toBe('hit');
    expect(hit.body.why_now).toBe(first.body.why_now);
    expect(hit.body.decay_date).toBe('2026-06-05T00:00:00Z');
  });
});
