/**
 * Webhook endpoints, and `webhook_url` on `POST /score` and `POST /score/bulk`: it must be the URL
 * of a registered webhook endpoint, whose secret signs what is delivered there.
 */
import { describe, expect, it } from 'vitest';
import { findWebhookEndpoint } from '../../../mock-server/areas/webhook-endpoints/index.ts';
import { MAGIC_DOMAINS } from '../../../mock-server/index.ts';
import { verifyWebhook } from '../../../src/webhooks/index.ts';
import { createEndpoint, liveApi, receiveInProcess } from '../events/helpers.ts';
import { mockApi } from '../helpers.ts';

const HOOK = 'https://hooks.example.com/scores';

const REFUSAL = {
  type: 'invalid_request_error',
  code: 'invalid_request',
  field: 'webhook_url',
  message:
    'No webhook endpoint of this workspace is registered at webhook_url. Deliveries are signed with the secret of the endpoint at that URL, so create the endpoint first with POST /v1/webhook_endpoints (same url, with the same key), then pass its url here.',
  request_id: expect.stringMatching(/^req_/),
};

describe('webhook_url', () => {
  it('is refused on POST /score when no endpoint is registered at that URL', async () => {
    const api = liveApi();
    const reply = await api.post(
      '/score',
      { domain: MAGIC_DOMAINS.slow, webhook_url: HOOK },
      api.live,
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: REFUSAL });
    expect(reply.text).not.toContain(HOOK);
    expect(api.mock.credits.get().used).toBe(0);
  });

  it('is refused on POST /score/bulk, and with a test key as with a live one', async () => {
    const api = liveApi();
    await createEndpoint(api, HOOK, ['score.bulk.completed']); // live: not the test key's
    const reply = await api.post('/score/bulk', { domains: ['stripe.com'], webhook_url: HOOK });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: REFUSAL, mode: 'test' });
  });

  it('gets the slow score as score.computed, signed with its endpoint’s secret, whatever that endpoint subscribes to', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    const endpoint = await createEndpoint(api, HOOK, ['credits.low']);
    const pending = await api.post(
      '/score',
      { domain: MAGIC_DOMAINS.slow, webhook_url: HOOK },
      api.live,
    );
    expect(pending.status).toBe(202);
    await api.mock.deliveries.settle();
    expect(received).toEqual([]);

    api.mock.clock.advance('5s');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()).toMatchObject([
      { endpoint_id: endpoint.id, url: HOOK, event_type: 'score.computed', status: 'succeeded' },
    ]);
    const [delivery] = received as [{ headers: Record<string, string>; body: string }];
    const event = await verifyWebhook({
      payload: delivery.body,
      headers: delivery.headers,
      secret: endpoint.secret,
      now: api.mock.clock.now(),
    });
    expect(event).toMatchObject({
      type: 'score.computed',
      data: { score: { id: pending.body.id, domain: 'slow.test' }, trigger: 'api' },
      delivery_attempt: 1,
    });
  });

  it('matches the endpoint’s URL as a URL (scheme and host in any case)', async () => {
    const api = liveApi();
    await createEndpoint(api, 'HTTPS://Hooks.Example.com/scores', ['credits.low']);
    const reply = await api.post('/score', { domain: 'stripe.com', webhook_url: HOOK }, api.live);
    expect(reply.status).toBe(200);
  });

  it('gets the event once when its endpoint is also subscribed to the type', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    await createEndpoint(api, HOOK, ['score.bulk.completed']);
    await api.post(
      '/score/bulk',
      { domains: ['stripe.com', 'notion.so'], webhook_url: HOOK, tag: 'nightly' },
      api.live,
    );
    api.mock.clock.advance('1m');
    await api.mock.deliveries.settle();
    expect(received.map(({ body }) => JSON.parse(body).type)).toEqual(['score.bulk.completed']);
    expect(JSON.parse(received[0]?.body ?? '{}').data.job).toMatchObject({
      tag: 'nightly',
      webhook_url: HOOK,
      status: 'completed',
    });
  });

  it('is logged as failed, with nothing sent, when its endpoint is deleted before the event', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    const endpoint = await createEndpoint(api, HOOK, ['credits.low']);
    await api.post('/score', { domain: MAGIC_DOMAINS.slow, webhook_url: HOOK }, api.live);
    await api.delete(`/webhook_endpoints/${endpoint.id}`, undefined, api.live);
    api.mock.clock.advance('5s');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()).toMatchObject([
      { endpoint_id: null, url: HOOK, status: 'failed', attempts: [], next_attempt_at: null },
    ]);
    expect(received).toEqual([]);
  });
});

describe('webhook endpoints', () => {
  it('creates an endpoint with 201 and shows its signing secret this once', async () => {
    const api = mockApi();
    const reply = await api.post('/webhook_endpoints', {
      url: 'https://example.com/webhooks/intentiq',
      events: ['account.band_changed', 'score.bulk.completed'],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^we_[0-9A-Z]{16}$/),
      url: 'https://example.com/webhooks/intentiq',
      events: ['account.band_changed', 'score.bulk.completed'],
      description: null,
      created_at: '2026-05-28T14:02:11Z',
      secret: expect.stringMatching(/^whsec_[0-9A-Za-z]{32}$/),
      mode: 'test',
    });
    const listed = await api.get('/webhook_endpoints');
    expect(listed.body.data).toEqual([
      {
        id: reply.body.id,
        url: reply.body.url,
        events: reply.body.events,
        description: null,
        created_at: reply.body.created_at,
      },
    ]);
    expect(listed.text).not.toContain('whsec_');
  });

  it('keeps the raw secret for signing deliveries', async () => {
    const api = mockApi();
    const { body } = await api.post('/webhook_endpoints', {
      url: 'https://example.com/hook',
      events: ['signal.spike'],
    });
    const { endpoint } = findWebhookEndpoint(api.mock.engine.tenants, body.id);
    expect(endpoint.secrets).toEqual([body.secret]);
  });

  it('deletes an endpoint, then 404s it', async () => {
    const api = mockApi();
    const { body } = await api.post('/webhook_endpoints', {
      url: 'https://example.com/hook',
      events: ['credits.low'],
      description: 'Billing',
    });
    expect((await api.delete(`/webhook_endpoints/${body.id}`)).body).toEqual({
      id: body.id,
      deleted: true,
      mode: 'test',
    });
    expect((await api.delete(`/webhook_endpoints/${body.id}`)).status).toBe(404);
  });

  it('refuses a URL that is not http(s), an empty or repeated event list', async () => {
    const api = mockApi();
    const url = await api.post('/webhook_endpoints', {
      url: 'mailto:ops@example.com',
      events: ['credits.low'],
    });
    expect(url.body.error).toMatchObject({ field: 'url' });
    const empty = await api.post('/webhook_endpoints', {
      url: 'https://example.com/hook',
      events: [],
    });
    expect(empty.body.error).toMatchObject({
      field: 'events',
      message: 'events must have at least 1 item.',
    });
    const repeated = await api.post('/webhook_endpoints', {
      url: 'https://example.com/hook',
      events: ['credits.low', 'credits.low'],
    });
    expect(repeated.body.error).toMatchObject({
      field: 'events',
      message: 'events must not list the same value twice.',
    });
  });
});
