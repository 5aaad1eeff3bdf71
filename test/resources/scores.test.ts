import { describe, expect, it } from 'vitest';
import { isPendingScore } from '../../src/index.ts';
import { pendingScore, score } from './fixtures.ts';
import { answer, client, readHeaders, received, useServer, writeHeaders } from './server.ts';

useServer();

describe('scores', () => {
  it('create() sends POST /score with the apex domain and returns the Score', async () => {
    answer('post', '/score', 200, score, { 'x-iiq-cache': 'miss' });
    const result = await client()
      .scores.create({ domain: 'https://www.stripe.com/atlas', include: ['history', 'history'] })
      .withResponse();
    expect(result.data).toEqual({ ...score, mode: 'test' });
    expect(result.cache).toBe('miss');
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/score',
      query: {},
      headers: writeHeaders(request),
      body: { domain: 'stripe.com', include: ['history'] },
    });
  });

  it('create() with webhook_url may return a PendingScore (202)', async () => {
    answer('post', '/score', 202, pendingScore);
    const result = await client().scores.create({
      domain: 'slow.test',
      webhook_url: 'https://example.com/hooks/scores',
    });
    expect(isPendingScore(result)).toBe(true);
    expect(result).toEqual({ ...pendingScore, mode: 'test' });
    expect(received[0]?.body).toEqual({
      domain: 'slow.test',
      webhook_url: 'https://example.com/hooks/scores',
    });
  });

  it('retrieve() sends GET /score/{id}', async () => {
    answer('get', '/score/scr_01HZ9X3F7QMHN4T', 200, score);
    const result = await client().scores.retrieve('scr_01HZ9X3F7QMHN4T');
    expect(isPendingScore(result)).toBe(false);
    expect(result).toEqual({ ...score, mode: 'test' });
    expect(received).toEqual([
      {
        method: 'GET',
        path: '/v1/score/scr_01HZ9X3F7QMHN4T',
        query: {},
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });
});
