import { describe, expect, it } from 'vitest';
import { MAX_OUTCOMES_PER_SPACE } from '../../../mock-server/index.ts';
import { ID, mockApi } from '../helpers.ts';

describe('outcomes', () => {
  it('records an outcome with 201, against the latest score of the domain', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    const reply = await api.post('/outcomes', {
      domain: 'https://www.stripe.com/pricing',
      outcome: 'meeting_booked',
      notes: 'Discovery call with the RevOps lead on Tuesday.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(ID),
      domain: 'stripe.com',
      company: 'Stripe',
      outcome: 'meeting_booked',
      notes: 'Discovery call with the RevOps lead on Tuesday.',
      occurred_at: '2026-05-28T14:02:11Z',
      recorded_at: '2026-05-28T14:02:11Z',
      score_at_outcome: 94,
      band_at_outcome: 'HOT',
      mode: 'test',
    });
    expect(reply.body.id).toMatch(/^out_/);
  });

  it('takes the score the domain had at occurred_at, not the one it has now', async () => {
    const api = mockApi(); // rising.test: WARM 70 when first scored, HOT 82 four days later
    await api.post('/score', { domain: 'rising.test' });
    api.mock.clock.advance('4d');
    await api.post('/score', { domain: 'rising.test', force_refresh: true });
    const at = async (occurred_at: string) =>
      (await api.post('/outcomes', { domain: 'rising.test', outcome: 'contacted', occurred_at }))
        .body;
    expect(await at('2026-05-27T09:00:00Z')).toMatchObject({
      score_at_outcome: null,
      band_at_outcome: null,
    });
    expect(await at('2026-05-28T14:02:11Z')).toMatchObject({
      score_at_outcome: 70,
      band_at_outcome: 'WARM',
    });
    expect(await at('2026-06-01T14:02:10Z')).toMatchObject({ score_at_outcome: 70 });
    expect(await at('2026-06-01T14:02:11Z')).toMatchObject({
      score_at_outcome: 82,
      band_at_outcome: 'HOT',
    });
    // An offset is the same instant.
    expect(await at('2026-06-01T16:02:11+02:00')).toMatchObject({
      occurred_at: '2026-06-01T14:02:11Z',
      score_at_outcome: 82,
    });
  });

  it('compares times to the second: a score computed within the same second counts', async () => {
    const api = mockApi({ now: '2026-05-28T14:02:11.600Z' });
    await api.post('/score', { domain: 'notion.so' });
    const reply = await api.post('/outcomes', {
      domain: 'notion.so',
      outcome: 'contacted',
      occurred_at: '2026-05-28T14:02:11Z',
    });
    expect(reply.body).toMatchObject({ occurred_at: '2026-05-28T14:02:11Z', score_at_outcome: 82 });
  });

  it('keeps the score at the outcome when the domain is scored again later', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'cooling.test' });
    const { body: outcome } = await api.post('/outcomes', {
      domain: 'cooling.test',
      outcome: 'contacted',
    });
    api.mock.clock.advance('8d');
    await api.post('/score', { domain: 'cooling.test' });
    expect((await api.get(`/outcomes/${outcome.id}`)).body).toMatchObject({
      score_at_outcome: 88,
      band_at_outcome: 'HOT',
    });
  });

  it('records outcomes of domains never scored (and of magic ones) with a null score', async () => {
    const api = mockApi();
    for (const domain of ['acme-widgets.com', 'unscorable.test', 'restricted.test']) {
      const reply = await api.post('/outcomes', { domain, outcome: 'no_response' });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ domain, score_at_outcome: null, band_at_outcome: null });
    }
    expect(
      (await api.post('/outcomes', { domain: 'acme-widgets.com', outcome: 'won' })).body.company,
    ).toBe('Acme Widgets');
  });

  it.each([
    ['domain (missing)', { outcome: 'won' }, 'domain is required.'],
    [
      'domain',
      { domain: 'localhost', outcome: 'won' },
      'domain must be a domain name such as "stripe.com".',
    ],
    [
      'outcome',
      { domain: 'stripe.com', outcome: 'booked' },
      'outcome must be one of "no_response", "contacted", "meeting_booked", "opportunity", "won", "lost", "disqualified".',
    ],
    [
      'notes',
      { domain: 'stripe.com', outcome: 'won', notes: 'x'.repeat(1001) },
      'notes must be at most 1000 characters.',
    ],
    [
      'occurred_at',
      { domain: 'stripe.com', outcome: 'won', occurred_at: '2026-05-28 14:02' },
      'occurred_at must be a date-time such as "2026-05-28T14:02:11Z".',
    ],
    [
      'occurred_at (in the future)',
      { domain: 'stripe.com', outcome: 'won', occurred_at: '2026-05-28T14:02:12Z' },
      "occurred_at must not be in the future: the API's clock reads 2026-05-28T14:02:11Z.",
    ],
    [
      'occurred_at (before 1970)',
      { domain: 'stripe.com', outcome: 'won', occurred_at: '1969-12-31T23:59:59Z' },
      'occurred_at must be a date-time from 1970 on.',
    ],
    [
      'score (not a field)',
      { domain: 'stripe.com', outcome: 'won', score: 94 },
      'score is not a parameter of this endpoint (check the spelling; names are snake_case).',
    ],
  ])('refuses a bad %s with 400, and stores nothing', async (field, body, message) => {
    const api = mockApi();
    const reply = await api.post('/outcomes', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'invalid_request',
      field: field.split(' ')[0],
      message,
    });
    expect((await api.get('/outcomes')).body.data).toEqual([]);
  });

  it('lists newest occurred_at first, ties by recorded_at, then by the order recorded', async () => {
    const api = mockApi();
    const add = async (domain: string, occurred_at: string, outcome = 'contacted') =>
      (await api.post('/outcomes', { domain, outcome, occurred_at })).body.id as string;
    const a = await add('stripe.com', '2026-05-01T10:00:00Z');
    const b = await add('notion.so', '2026-05-20T10:00:00Z');
    api.mock.clock.advance('1m');
    const c = await add('linear.app', '2026-05-01T10:00:00Z', 'won');
    const d = await add('figma.com', '2026-05-01T10:00:00Z', 'won');
    const page = await api.get('/outcomes?limit=3');
    expect(page.body.data.map((o: { id: string }) => o.id)).toEqual([b, d, c]);
    expect(page.body.has_more).toBe(true);
    const next = await api.get(`/outcomes?limit=3&cursor=${page.body.next_cursor}`);
    expect(next.body).toMatchObject({ has_more: false, next_cursor: null });
    expect(next.body.data.map((o: { id: string }) => o.id)).toEqual([a]);

    const won = await api.get('/outcomes?outcome=won');
    expect(won.body.data.map((o: { id: string }) => o.id)).toEqual([d, c]);
    const stripe = await api.get(
      `/outcomes?domain=${encodeURIComponent('https://www.stripe.com/')}`,
    );
    expect(stripe.body.data.map((o: { id: string }) => o.id)).toEqual([a]);
    expect((await api.get('/outcomes?outcome=won&domain=stripe.com')).body.data).toEqual([]);
    expect((await api.get('/outcomes?domain=localhost')).body.error.field).toBe('domain');
    expect((await api.get('/outcomes?outcome=maybe')).body.error.field).toBe('outcome');
  });

  it('updates the outcome or its notes; occurred_at and the score stay as recorded', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    const { body: created } = await api.post('/outcomes', {
      domain: 'stripe.com',
      outcome: 'opportunity',
    });
    api.mock.clock.advance('2d');
    const updated = await api.patch(`/outcomes/${created.id}`, { outcome: 'won' });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ ...created, outcome: 'won' });
    const noted = await api.patch(`/outcomes/${created.id}`, { notes: 'Signed for 3 years.' });
    expect(noted.body).toEqual({ ...created, outcome: 'won', notes: 'Signed for 3 years.' });
    expect((await api.get(`/outcomes/${created.id}`)).body).toEqual(noted.body);

    const empty = await api.patch(`/outcomes/${created.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Pass at least one of outcome or notes to update.');
    const moved = await api.patch(`/outcomes/${created.id}`, {
      occurred_at: '2026-05-01T00:00:00Z',
    });
    expect(moved.body.error.field).toBe('occurred_at');
  });

  it('deletes an outcome; it is 404 afterwards, and to other workspaces and modes', async () => {
    const api = mockApi();
    const { body: created } = await api.post('/outcomes', { domain: 'stripe.com', outcome: 'won' });
    expect((await api.get(`/outcomes/${created.id}`, { key: api.mock.keys.live })).status).toBe(
      404,
    );
    const other = api.mock.workspaces.create();
    expect((await api.get(`/outcomes/${created.id}`, { key: other.keys.test })).status).toBe(404);
    const deleted = await api.delete(`/outcomes/${created.id}`);
    expect(deleted.body).toEqual({ id: created.id, deleted: true, mode: 'test' });
    const gone = await api.get(`/outcomes/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe(
      `No outcome with ID ${created.id} exists in this workspace.`,
    );
    expect((await api.delete(`/outcomes/${created.id}`)).status).toBe(404);
    expect((await api.patch(`/outcomes/${created.id}`, { outcome: 'lost' })).status).toBe(404);
  });

  it('works on every plan and costs nothing, in live mode too', async () => {
    const api = mockApi({ plan: 'starter' });
    const reply = await api.post(
      '/outcomes',
      { domain: 'stripe.com', outcome: 'won' },
      { key: api.mock.keys.live },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.mode).toBeUndefined();
    expect(api.mock.credits.get().used).toBe(0);
  });

  it(`keeps at most ${MAX_OUTCOMES_PER_SPACE.toLocaleString('en-US')} outcomes per workspace and mode`, async () => {
    const api = mockApi({ rateLimits: false });
    for (let i = 0; i < MAX_OUTCOMES_PER_SPACE; i++) {
      const reply = await api.post('/outcomes', { domain: 'stripe.com', outcome: 'contacted' });
      if (reply.status !== 201) throw new Error(reply.text);
    }
    const full = await api.post('/outcomes', { domain: 'stripe.com', outcome: 'won' });
    expect(full.status).toBe(400);
    expect(full.body.error.message).toBe(
      'This workspace holds 10,000 outcomes in test mode, the most it keeps. Delete outcomes you no longer need before recording more.',
    );
    expect(api.mock.inspect().workspaces[0]?.test.outcomes).toBe(10_000);
    // The other mode has its own room.
    const live = await api.post(
      '/outcomes',
      { domain: 'stripe.com', outcome: 'won' },
      { key: api.mock.keys.live },
    );
    expect(live.status).toBe(201);
  });
});
