import { describe, expect, it } from 'vitest';
import { deleted, webhookEndpoint, webhookEndpointCreated } from './fixtures.ts';
import { answer, client, readHeaders, received, useServer, writeHeaders } from './server.ts';

useServer();

const ID = 'we_01HZ9X6D8T2M4Q5';

describe('webhookEndpoints', () => {
  it('create() sends POST /webhook_endpoints and returns the secret once', async () => {
    answer('post', '/webhook_endpoints', 201, webhookEndpointCreated);
    const created = await client().webhookEndpoints.create({
      url: 'https://example.com/webhooks/intentiq',
      events: ['account.band_changed', 'score.bulk.completed', 'account.band_changed'],
    });
    expect(created.secret).toBe(webhookEndpointCreated.secret);
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/webhook_endpoints',
      query: {},
      headers: writeHeaders(request),
      body: {
        url: 'https://example.com/webhooks/intentiq',
        events: ['account.band_changed', 'score.bulk.completed'],
      },
    });
  });

  it('list() sends GET /webhook_endpoints', async () => {
    answer('get', '/webhook_endpoints', 200, {
      data: [webhookEndpoint],
      has_more: false,
      next_cursor: null,
    });
    expect((await client().webhookEndpoints.list()).data).toEqual([webhookEndpoint]);
    expect(received).toEqual([
      {
        method: 'GET',
        path: '/v1/webhook_endpoints',
        query: {},
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('delete() sends DELETE /webhook_endpoints/{id}', async () => {
    answer('delete', `/webhook_endpoints/${ID}`, 200, deleted(ID));
    expect(await client().webhookEndpoints.delete(ID)).toEqual({
      id: ID,
      deleted: true,
      mode: 'test',
    });
    const [request] = received;
    expect(request).toEqual({
      method: 'DELETE',
      path: `/v1/webhook_endpoints/${ID}`,
      query: {},
      headers: writeHeaders(request, false),
      body: undefined,
    });
  });
});
