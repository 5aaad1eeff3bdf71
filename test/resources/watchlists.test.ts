import { describe, expect, it } from 'vitest';
import { deleted, watchlist } from './fixtures.ts';
import {
  answer,
  answerInTurn,
  client,
  readHeaders,
  received,
  useServer,
  writeHeaders,
} from './server.ts';

useServer();

const ID = 'wl_01HZ9X5C3V4N6P2';

describe('watchlists', () => {
  it('list() sends GET /watchlists with limit and follows the cursor', async () => {
    answerInTurn('get', '/watchlists', [
      { data: [watchlist], has_more: true, next_cursor: 'cur_2' },
      { data: [{ ...watchlist, id: 'wl_2' }], has_more: false, next_cursor: null },
    ]);
    const ids = (await client().watchlists.list({ limit: 1 }).toArray({ max: 10 })).map(
      (w) => w.id,
    );
    expect(ids).toEqual([ID, 'wl_2']);
    expect(received).toEqual([
      {
        method: 'GET',
        path: '/v1/watchlists',
        query: { limit: '1' },
        headers: readHeaders(),
        body: undefined,
      },
      {
        method: 'GET',
        path: '/v1/watchlists',
        query: { limit: '1', cursor: 'cur_2' },
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('create() sends POST /watchlists with normalised accounts', async () => {
    answer('post', '/watchlists', 201, watchlist);
    const created = await client().watchlists.create({
      name: 'Q3 expansion targets',
      accounts: ['https://stripe.com', 'www.notion.so'],
      alert_threshold: 'hot_entry',
    });
    expect(created).toEqual({ ...watchlist, mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/watchlists',
      query: {},
      headers: writeHeaders(request),
      body: {
        name: 'Q3 expansion targets',
        accounts: ['stripe.com', 'notion.so'],
        alert_threshold: 'hot_entry',
      },
    });
  });

  it('retrieve() sends GET /watchlists/{id}', async () => {
    answer('get', `/watchlists/${ID}`, 200, watchlist);
    expect(await client().watchlists.retrieve(ID)).toEqual({ ...watchlist, mode: 'test' });
    expect(received).toEqual([
      {
        method: 'GET',
        path: `/v1/watchlists/${ID}`,
        query: {},
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('update() sends PATCH /watchlists/{id} with the changed fields only', async () => {
    answer('patch', `/watchlists/${ID}`, 200, { ...watchlist, alert_threshold: 'any_band_change' });
    const updated = await client().watchlists.update(ID, { alert_threshold: 'any_band_change' });
    expect(updated.alert_threshold).toBe('any_band_change');
    const [request] = received;
    expect(request).toEqual({
      method: 'PATCH',
      path: `/v1/watchlists/${ID}`,
      query: {},
      headers: writeHeaders(request),
      body: { alert_threshold: 'any_band_change' },
    });
  });

  it('delete() sends DELETE /watchlists/{id} with an idempotency key and no body', async () => {
    answer('delete', `/watchlists/${ID}`, 200, deleted(ID));
    expect(await client().watchlists.delete(ID)).toEqual({ id: ID, deleted: true, mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'DELETE',
      path: `/v1/watchlists/${ID}`,
      query: {},
      headers: writeHeaders(request, false),
      body: undefined,
    });
  });
});
