import { describe, expect, it } from 'vitest';
import { MAGIC_DOMAINS } from '../../../mock-server/index.ts';
import { REFERENCE_SCORE } from '../../support/reference-score.ts';
import { ID, mockApi } from '../helpers.ts';

describe('watchlists', () => {
  it('creates a watchlist with 201, its account count and band distribution', async () => {
    const api = mockApi();
    const reply = await api.post('/watchlists', {
      name: 'Q3 expansion targets',
      accounts: ['stripe.com', 'notion.so', 'unscorable.test'],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(ID),
      name: 'Q3 expansion targets',
      alert_threshold: 'hot_entry',
      account_count: 3,
      band_distribution: { HOT: 2, WARM: 0, COLD: 0, unscored: 1 },
      created_at: '2026-05-28T14:02:11Z',
      updated_at: '2026-05-28T14:02:11Z',
      mode: 'test',
    });
  });

  it('retrieves, renames and deletes a watchlist', async () => {
    const api = mockApi();
    const { body: created } = await api.post('/watchlists', { name: 'Pipeline' });
    expect((await api.get(`/watchlists/${created.id}`)).body).toEqual(created);
    api.mock.clock.advance('1h');
    const updated = await api.patch(`/watchlists/${created.id}`, {
      name: 'Pipeline 2',
      alert_threshold: 'any_band_change',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Pipeline 2',
      alert_threshold: 'any_band_change',
      updated_at: '2026-05-28T15:02:11Z',
    });
    const deleted = await api.delete(`/watchlists/${created.id}`);
    expect(deleted.body).toEqual({ id: created.id, deleted: true, mode: 'test' });
    expect((await api.get(`/watchlists/${created.id}`)).status).toBe(404);
  });

  it('refuses an update with no field', async () => {
    const api = mockApi();
    const { body: created } = await api.post('/watchlists', { name: 'Pipeline' });
    const reply = await api.patch(`/watchlists/${created.id}`, {});
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe(
      'Pass at least one of name or alert_threshold to update.',
    );
  });

  it('refuses a name over 80 characters', async () => {
    const reply = await mockApi().post('/watchlists', { name: 'x'.repeat(81) });
    expect(reply.body.error).toMatchObject({
      field: 'name',
      message: 'name must be at most 80 characters.',
    });
  });

  it('lists watchlists most recently updated first, paginated', async () => {
    const api = mockApi();
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      ids.push((await api.post('/watchlists', { name })).body.id);
      api.mock.clock.advance('1m');
    }
    await api.patch(`/watchlists/${ids[0]}`, { name: 'a2' });
    const page = await api.get('/watchlists?limit=2');
    expect(page.body.data.map((w: { name: string }) => w.name)).toEqual(['a2', 'c']);
    expect(page.body.has_more).toBe(true);
    const next = await api.get(`/watchlists?limit=2&cursor=${page.body.next_cursor}`);
    expect(next.body).toMatchObject({ data: [{ name: 'b' }], has_more: false, next_cursor: null });
  });

  it('adds accounts idempotently and returns the whole list, most recently added first', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Q3',
      accounts: ['stripe.com', 'notion.so'],
    });
    const reply = await api.put(`/watchlists/${watchlist.id}/accounts`, {
      accounts: ['linear.app', 'https://figma.com/', 'stripe.com'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      watchlist_id: watchlist.id,
      accounts: ['linear.app', 'figma.com', 'stripe.com', 'notion.so'],
      account_count: 4,
      added: ['linear.app', 'figma.com'],
      removed: [],
      mode: 'test',
    });
    const again = await api.put(`/watchlists/${watchlist.id}/accounts`, {
      accounts: ['linear.app'],
    });
    expect(again.body).toMatchObject({ account_count: 4, added: [] });
  });

  it('removes accounts, ignoring domains that are not on the list', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Q3',
      accounts: ['stripe.com', 'figma.com'],
    });
    const reply = await api.delete(`/watchlists/${watchlist.id}/accounts`, {
      accounts: ['figma.com', 'vercel.com'],
    });
    expect(reply.body).toMatchObject({
      accounts: ['stripe.com'],
      account_count: 1,
      added: [],
      removed: ['figma.com'],
    });
  });

  it('lists accounts with their latest score', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Q3',
      accounts: ['stripe.com', 'unscorable.test'],
    });
    const reply = await api.get(`/watchlists/${watchlist.id}/accounts`);
    expect(reply.body).toEqual({
      data: [
        {
          domain: 'stripe.com',
          score_id: expect.stringMatching(/^scr_/),
          score: 94,
          band: 'HOT',
          delta_30d: 12,
          added_at: '2026-05-28T14:02:11Z',
          last_scored_at: '2026-05-28T14:02:11Z',
          company: 'Stripe, Inc.',
          buying_stage: 'decision',
          urgency: 'act_now',
          why_now: REFERENCE_SCORE.why_now,
          key_triggers: REFERENCE_SCORE.key_triggers,
          decay_date: '2026-06-05T00:00:00Z',
        },
        {
          domain: 'unscorable.test',
          score_id: null,
          score: null,
          band: null,
          delta_30d: null,
          added_at: '2026-05-28T14:02:11Z',
          last_scored_at: null,
          company: null,
          buying_stage: null,
          urgency: null,
          why_now: null,
          key_triggers: [],
          decay_date: null,
        },
      ],
      has_more: false,
      next_cursor: null,
      mode: 'test',
    });
  });

  it('refuses more accounts than the plan allows (250 on Starter)', async () => {
    const api = mockApi({ plan: 'starter' });
    const accounts = Array.from({ length: 250 }, (_, i) => `company-${i}.com`);
    const { body: watchlist } = await api.post('/watchlists', { name: 'Full', accounts });
    expect(watchlist.account_count).toBe(250);
    const reply = await api.put(`/watchlists/${watchlist.id}/accounts`, {
      accounts: ['one-more.com'],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      field: 'accounts',
      message:
        'A watchlist on the starter plan holds at most 250 accounts; this change would make 251. Remove accounts or upgrade the plan.',
    });
  });

  it('answers 404 for a watchlist of the other mode', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', { name: 'Test only' });
    const reply = await api.get(`/watchlists/${watchlist.id}`, { key: api.mock.keys.live });
    expect(reply.status).toBe(404);
    expect(reply.body.mode).toBeUndefined();
  });
});

describe('watchlist refresh and alerts', () => {
  it('re-scores accounts every day at 00:00 UTC, for free', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post(
      '/watchlists',
      { name: 'Q3', accounts: ['stripe.com'] },
      { key: api.mock.keys.live },
    );
    api.mock.clock.advance('10h');
    const [account] = (
      await api.get(`/watchlists/${watchlist.id}/accounts`, { key: api.mock.keys.live })
    ).body.data;
    expect(account.last_scored_at).toBe('2026-05-29T00:00:00Z');
    expect(api.mock.credits.get().used).toBe(0);
    const computed = api.mock.events.list({ type: 'score.computed', mode: 'live' });
    expect(computed.map((event) => (event.data as { trigger: string }).trigger)).toEqual([
      'watchlist_refresh',
      'watchlist_refresh',
    ]);
  });

  it('fires account.band_changed once when rising.test enters HOT', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Rising',
      accounts: [MAGIC_DOMAINS.rising],
    });
    expect(watchlist.band_distribution).toEqual({ HOT: 0, WARM: 1, COLD: 0, unscored: 0 });
    api.mock.clock.advance('7d');
    const events = api.mock.events.list({ type: 'account.band_changed' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'account.band_changed',
      created: '2026-06-02T00:00:00Z',
      data: {
        watchlist_id: watchlist.id,
        domain: 'rising.test',
        score_id: expect.stringMatching(/^scr_/),
        previous_band: 'WARM',
        band: 'HOT',
        previous_score: 79,
        score: 82,
        alert_threshold: 'hot_entry',
      },
    });
    expect((await api.get(`/watchlists/${watchlist.id}`)).body.band_distribution).toEqual({
      HOT: 1,
      WARM: 0,
      COLD: 0,
      unscored: 0,
    });
  });

  it('does not fire hot_entry when cooling.test leaves HOT, but any_band_change does', async () => {
    const api = mockApi();
    await api.post('/watchlists', { name: 'Entry', accounts: [MAGIC_DOMAINS.cooling] });
    await api.post('/watchlists', {
      name: 'Any',
      accounts: [MAGIC_DOMAINS.cooling],
      alert_threshold: 'any_band_change',
    });
    api.mock.clock.advance('7d');
    const events = api.mock.events.list({ type: 'account.band_changed' });
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({
        domain: 'cooling.test',
        previous_band: 'HOT',
        band: 'WARM',
        alert_threshold: 'any_band_change',
      }),
    ]);
  });

  it('fires score_delta_10 each time the score has moved 10 points', async () => {
    const api = mockApi();
    await api.post('/watchlists', {
      name: 'Delta',
      accounts: [MAGIC_DOMAINS.rising],
      alert_threshold: 'score_delta_10',
    });
    api.mock.clock.advance('8d');
    const scores = api.mock.events
      .list({ type: 'account.band_changed' })
      .map((event) => (event.data as { score: number }).score);
    // 70 when added, 3 points a day: 82 on day 4 is the first 10-point move; 88 is only 6 more.
    expect(scores).toEqual([82]);
  });

  it('fires signal.spike once when spike.test’s hiring jumps more than 25 points in a week', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Spikes',
      accounts: [MAGIC_DOMAINS.spike, 'stripe.com'],
    });
    api.mock.clock.advance('7d');
    const spikes = api.mock.events.list({ type: 'signal.spike' });
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({
      created: '2026-05-31T00:00:00Z',
      data: {
        watchlist_id: watchlist.id,
        domain: 'spike.test',
        signal: 'hiring',
        previous: 40,
        current: 85,
        change: 45,
      },
    });
    expect(api.mock.events.list({ type: 'account.band_changed' })).toEqual([]);
  });

  it('keeps regular domains stable: the same score on every refresh', async () => {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Stable',
      accounts: ['stripe.com', 'acme-widgets.io'],
    });
    const before = (await api.get(`/watchlists/${watchlist.id}/accounts`)).body.data;
    api.mock.clock.advance('30d');
    const after = (await api.get(`/watchlists/${watchlist.id}/accounts`)).body.data;
    expect(after.map((a: { score: number }) => a.score)).toEqual(
      before.map((a: { score: number }) => a.score),
    );
    expect(api.mock.events.list({ type: 'account.band_changed' })).toEqual([]);
  });
});

describe('watchlist accounts: band and sort', () => {
  async function listed(query: string) {
    const api = mockApi();
    const { body: watchlist } = await api.post('/watchlists', {
      name: 'Mixed',
      accounts: ['airtable.com', 'stripe.com', 'unscorable.test', 'adyen.com', 'notion.so'],
    });
    const reply = await api.get(`/watchlists/${watchlist.id}/accounts${query}`);
    return { reply, domains: reply.body.data?.map((a: { domain: string }) => a.domain) };
  }

  it('keeps the order the accounts were added in by default (sort=added)', async () => {
    const expected = ['airtable.com', 'stripe.com', 'unscorable.test', 'adyen.com', 'notion.so'];
    expect((await listed('')).domains).toEqual(expected);
    expect((await listed('?sort=added')).domains).toEqual(expected);
  });

  it('sorts by score, highest first, unscored accounts last', async () => {
    expect((await listed('?sort=score')).domains).toEqual([
      'stripe.com',
      'notion.so',
      'adyen.com',
      'airtable.com',
      'unscorable.test',
    ]);
  });

  it('keeps one band, through every page', async () => {
    expect((await listed('?band=HOT')).domains).toEqual(['stripe.com', 'notion.so']);
    expect((await listed('?band=HOT&sort=score&limit=1')).reply.body).toMatchObject({
      data: [{ domain: 'stripe.com' }],
      has_more: true,
    });
    expect((await listed('?band=COLD')).domains).toEqual(['airtable.com']);
  });

  it('refuses a band or sort it does not know, naming the field', async () => {
    const { reply } = await listed('?sort=name');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_request', field: 'sort' });
    const band = (await listed('?band=unscored')).reply;
    expect(band.status).toBe(400);
    expect(band.body.error.field).toBe('band');
  });
});
