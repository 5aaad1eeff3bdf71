import { describe, expect, it } from 'vitest';
import { mockApi } from '../helpers.ts';

describe('GET /v1/events', () => {
  it('lists the workspace’s events, newest first, as the envelopes webhooks carry', async () => {
    const api = mockApi();
    const { body: score } = await api.post('/score', { domain: 'stripe.com' });
    await api.post('/people/score', { email: 'alejandro.dlamini@stripe.com' });
    const reply = await api.get('/events');
    expect(reply.status).toBe(200);
    expect(reply.body.data.map((event: { type: string }) => event.type)).toEqual([
      'person.scored',
      'score.computed',
    ]);
    const { mode: _, ...computed } = score;
    expect(reply.body.data[1]).toEqual({
      id: expect.stringMatching(/^evt_[0-9A-Z]{16}$/),
      type: 'score.computed',
      created: '2026-05-28T14:02:11Z',
      data: { score: computed, trigger: 'api' },
    });
  });

  it('lists every event type, each in the shape openapi.yaml gives it', async () => {
    const api = mockApi();
    const live = { key: api.mock.keys.live };
    api.mock.credits.set({ remaining: 1000 });
    await api.post('/people/score', { email: 'alejandro.dlamini@stripe.com' }, live);
    await api.post('/score/bulk', { domains: ['stripe.com', 'unscorable.test'] }, live);
    const { body: profile } = await api.post(
      '/scoring/profiles',
      { object_type: 'company', name: 'Private companies' },
      live,
    );
    await api.post(
      '/scoring/assignments',
      { profile_id: profile.id, object_type: 'company', object_id: 'stripe.com' },
      live,
    );
    await api.put(
      `/scoring/profiles/${profile.id}/rules`,
      { attribute: 'is_public', dimension: 'fit', points: { false: 10 } },
      live,
    );
    await api.post(
      '/watchlists',
      { name: 'Alerts', accounts: ['rising.test', 'spike.test'] },
      live,
    );
    api.mock.clock.advance('7d');
    const reply = await api.get('/events?limit=100', live);
    const types = new Set(reply.body.data.map((event: { type: string }) => event.type));
    expect([...types].sort()).toEqual([
      'account.band_changed',
      'credits.low',
      'person.scored',
      'score.bulk.completed',
      'score.computed',
      'scoring.score_changed',
      'signal.spike',
    ]);
  });

  it('filters by type', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    await api.post('/people/score', { email: 'alejandro.dlamini@stripe.com' });
    const reply = await api.get('/events?type=person.scored');
    expect(reply.body.data).toHaveLength(1);
  });

  it('paginates with limit and cursor', async () => {
    const api = mockApi();
    for (const domain of ['a.com', 'b.com', 'c.com']) await api.post('/score', { domain });
    const first = await api.get('/events?limit=2');
    expect(first.body).toMatchObject({ has_more: true });
    const second = await api.get(`/events?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body).toMatchObject({ has_more: false, next_cursor: null });
    const domains = [...first.body.data, ...second.body.data].map(
      (event) => event.data.score.domain,
    );
    expect(domains).toEqual(['c.com', 'b.com', 'a.com']);
  });

  it('retrieves one event by id, and 404 for an unknown one', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    const [event] = (await api.get('/events')).body.data;
    expect((await api.get(`/events/${event.id}`)).body).toEqual({ ...event, mode: 'test' });
    expect((await api.get('/events/evt_01HZ9X3FK8M2P')).status).toBe(404);
  });

  it('keeps events for 30 days', async () => {
    const api = mockApi();
    await api.post('/score', { domain: 'stripe.com' });
    const [event] = (await api.get('/events')).body.data;
    api.mock.clock.advance('29d23h');
    expect((await api.get('/events?type=score.computed')).body.data).toHaveLength(1);
    api.mock.clock.advance('1h');
    expect((await api.get('/events?type=score.computed')).body.data).toEqual([]);
    expect((await api.get(`/events/${event.id}`)).status).toBe(404);
  });

  it('refuses an unknown event type', async () => {
    const reply = await mockApi().get('/events?type=score.deleted');
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe('type');
  });
});
