import { describe, expect, it } from 'vitest';
import { event } from './fixtures.ts';
import { answer, client, readHeaders, received, useServer } from './server.ts';

useServer();

describe('events', () => {
  it('list() sends GET /events with type, limit and cursor', async () => {
    answer('get', '/events', 200, { data: [event], has_more: false, next_cursor: null });
    const page = await client().events.list({ type: 'score.computed', limit: 10, cursor: 'cur_1' });
    expect(page.data).toEqual([event]);
    expect(received).toEqual([
      {
        method: 'GET',
        path: '/v1/events',
        query: { type: 'score.computed', limit: '10', cursor: 'cur_1' },
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('retrieve() sends GET /events/{id} and the event narrows on its type', async () => {
    answer('get', `/events/${event.id}`, 200, event);
    const result = await client().events.retrieve(event.id);
    if (result.type !== 'score.computed') throw new Error(`unexpected ${result.type}`);
    expect(result.data.score.domain).toBe('stripe.com');
    expect(received).toEqual([
      {
        method: 'GET',
        path: `/v1/events/${event.id}`,
        query: {},
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });
});
