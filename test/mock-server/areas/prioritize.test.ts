import { describe, expect, it } from 'vitest';
import { REFERENCE_SCORE } from '../../support/reference-score.ts';
import { mockApi } from '../helpers.ts';

/** Two watchlists with stripe.com on both, and an account that cannot be scored. */
async function setUp() {
  const api = mockApi();
  const first = (
    await api.post('/watchlists', {
      name: 'Expansion',
      accounts: ['stripe.com', 'airtable.com', 'unscorable.test'],
    })
  ).body;
  const second = (
    await api.post('/watchlists', {
      name: 'Pipeline',
      accounts: ['notion.so', 'stripe.com', 'adyen.com', 'hubspot.com'],
    })
  ).body;
  return { api, first: first.id as string, second: second.id as string };
}

describe('GET /v1/prioritize', () => {
  it('lists every scored account once, highest priority first, with the reasons for it', async () => {
    const { api, first, second } = await setUp();
    const reply = await api.get('/prioritize');
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((a: { domain: string }) => a.domain)).toEqual([
      'stripe.com',
      'notion.so',
      'adyen.com',
      'hubspot.com',
      'airtable.com',
    ]);
    expect(reply.body.data[0]).toEqual({
      domain: 'stripe.com',
      company: 'Stripe, Inc.',
      score: 94,
      band: 'HOT',
      delta_30d: 12,
      urgency: 'act_now',
      buying_stage: 'decision',
      why_now: REFERENCE_SCORE.why_now,
      key_triggers: REFERENCE_SCORE.key_triggers,
      action: 'Reference Series H. Anchor on RevOps.',
      priority: 96,
      reasons: [
        'Score 94 (HOT): +56',
        'Urgency act_now: +25',
        'Up 12 points in 30 days (capped): +10',
        'Strong evidence today: +5',
      ],
      watchlist_ids: [first, second],
      score_id: expect.stringMatching(/^scr_/),
      computed_at: '2026-05-28T14:02:11Z',
    });
    expect(reply.body.has_more).toBe(false);
    expect(reply.body.mode).toBe('test');
  });

  it('adds up each reason to the priority', async () => {
    const { api } = await setUp();
    for (const account of (await api.get('/prioritize')).body.data) {
      const points = account.reasons.map((reason: string) => Number(reason.split(': ').at(-1)));
      expect(
        points.reduce((sum: number, n: number) => sum + n, 0),
        account.domain,
      ).toBe(account.priority);
    }
    const airtable = (await api.get('/prioritize?band=COLD')).body.data[0];
    expect(airtable).toMatchObject({
      domain: 'airtable.com',
      priority: 21,
      urgency: 'monitor',
      buying_stage: 'awareness',
      key_triggers: [],
      reasons: [
        'Score 46 (COLD): +28',
        'Urgency monitor: +0',
        'Down 7 points in 30 days: -7',
        'No strong evidence this week: +0',
      ],
    });
  });

  it('breaks ties by score, then by domain A-Z', async () => {
    const { api } = await setUp();
    const data = (await api.get('/prioritize?band=WARM')).body.data;
    expect(data.map((a: { domain: string; priority: number }) => [a.domain, a.priority])).toEqual([
      ['adyen.com', 55],
      ['hubspot.com', 55],
    ]);
  });

  it('filters by band, urgency and watchlist, keeping every watchlist an account is on', async () => {
    const { api, first, second } = await setUp();
    const domains = async (query: string) =>
      (await api.get(`/prioritize?${query}`)).body.data.map((a: { domain: string }) => a.domain);
    expect(await domains('band=HOT')).toEqual(['stripe.com', 'notion.so']);
    expect(await domains('urgency=this_month')).toEqual(['adyen.com', 'hubspot.com']);
    expect(await domains(`watchlist_id=${first}`)).toEqual(['stripe.com', 'airtable.com']);
    const only = (await api.get(`/prioritize?watchlist_id=${first}`)).body.data[0];
    expect(only.watchlist_ids).toEqual([first, second]);
    expect(await domains(`watchlist_id=${second}&band=HOT&urgency=act_now`)).toEqual([
      'stripe.com',
      'notion.so',
    ]);
  });

  it('pages with limit and cursor', async () => {
    const { api } = await setUp();
    const page = (await api.get('/prioritize?limit=2')).body;
    expect(page.data.map((a: { domain: string }) => a.domain)).toEqual(['stripe.com', 'notion.so']);
    expect(page.has_more).toBe(true);
    const next = (await api.get(`/prioritize?limit=2&cursor=${page.next_cursor}`)).body;
    expect(next.data.map((a: { domain: string }) => a.domain)).toEqual([
      'adyen.com',
      'hubspot.com',
    ]);
  });

  it('answers 404 for an unknown watchlist and 400 for a bad filter, naming the field', async () => {
    const { api } = await setUp();
    const missing = await api.get('/prioritize?watchlist_id=wl_01HZ9X5C3V4N6P2');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const bad = await api.get('/prioritize?band=LUKEWARM');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', field: 'band' });
    const long = await api.get(`/prioritize?watchlist_id=${'w'.repeat(65)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('watchlist_id');
  });

  it('is empty for a workspace without watchlists, is free, and is open to read keys', async () => {
    const api = mockApi();
    const reply = await api.get('/prioritize', { key: api.mock.keys.read.live });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: [], has_more: false, next_cursor: null });
    expect(api.mock.credits.get().used).toBe(0);
  });

  it('follows the newest score: a rising account moves up as the clock moves', async () => {
    const api = mockApi();
    await api.post('/watchlists', { name: 'Watch', accounts: ['rising.test', 'adyen.com'] });
    const before = (await api.get('/prioritize')).body.data;
    expect(before.map((a: { domain: string }) => a.domain)).toEqual(['adyen.com', 'rising.test']);
    api.mock.clock.advance('6d');
    const after = (await api.get('/prioritize')).body.data;
    expect(after[0]).toMatchObject({ domain: 'rising.test', band: 'HOT', score: 85 });
  });
});
