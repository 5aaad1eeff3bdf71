import { describe, expect, it } from 'vitest';
import { account } from './fixtures.ts';
import { answer, client, readHeaders, received, useServer } from './server.ts';

useServer();

describe('account', () => {
  it('retrieve() sends GET /account', async () => {
    answer('get', '/account', 200, account);
    expect(await client().account.retrieve()).toEqual({ ...account, mode: 'test' });
    expect(received).toEqual([
      { method: 'GET', path: '/v1/account', query: {}, headers: readHeaders(), body: undefined },
    ]);
  });
});
