import { describe, expect, it } from 'vitest';
import { watchlistAccount, watchlistAccounts } from './fixtures.ts';
import { answer, client, readHeaders, received, useServer, writeHeaders } from './server.ts';

useServer();

const ID = 'wl_01HZ9X5C3V4N6P2';

describe('watchlists.accounts', () => {
  it('list() sends GET /watchlists/{id}/accounts', async () => {
    answer('get', `/watchlists/${ID}/accounts`, 200, {
      data: [watchlistAccount],
      has_more: false,
      next_cursor: null,
    });
    const page = await client().watchlists.accounts.list(ID, { limit: 50 });
    expect(page.data).toEqual([watchlistAccount]);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null, mode: 'test' });
    expect(received).toEqual([
      {
        method: 'GET',
        path: `/v1/watchlists/${ID}/accounts`,
        query: { limit: '50' },
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('add() sends PUT /watchlists/{id}/accounts with apex domains', async () => {
    answer('put', `/watchlists/${ID}/accounts`, 200, watchlistAccounts);
    const result = await client().watchlists.accounts.add(ID, {
      accounts: ['linear.app', 'www.figma.com'],
    });
    expect(result).toEqual({ ...watchlistAccounts, mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'PUT',
      path: `/v1/watchlists/${ID}/accounts`,
      query: {},
      headers: writeHeaders(request),
      body: { accounts: ['linear.app', 'figma.com'] },
    });
  });

  it('remove() sends DELETE /watchlists/{id}/accounts with a body', async () => {
    const after = {
      ...watchlistAccounts,
      accounts: ['stripe.com'],
      account_count: 1,
      added: [],
      removed: ['figma.com'],
    };
    answer('delete', `/watchlists/${ID}/accounts`, 200, after);
    const result = await client().watchlists.accounts.remove(ID, { accounts: ['figma.com'] });
    expect(result.removed).toEqual(['figma.com']);
    const [request] = received;
    expect(request).toEqual({
      method: 'DELETE',
      path: `/v1/watchlists/${ID}/accounts`,
      query: {},
      headers: writeHeaders(request),
      body: { accounts: ['figma.com'] },
    });
  });
});
