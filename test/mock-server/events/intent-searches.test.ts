/**
 * `intent_search.completed` and `intent_search.failed`: recorded when a search is over, signed and
 * delivered like every other event, to the endpoints subscribed to them and to the search's
 * `webhook_url` (once per URL), retried on failure, and never delivered for a test key.
 */
import { describe, expect, it } from 'vitest';
import { MAGIC_INTEREST_DOMAINS } from '../../../mock-server/index.ts';
import { isKnownWebhookEvent, verifyWebhook } from '../../../src/webhooks/index.ts';
import { createEndpoint, liveApi, receiveInProcess, verifiesPerReference } from './helpers.ts';

const HOOK = 'https://hooks.example.com/intentiq';
const OTHER = 'https://crm.example.com/intentiq';
const SEARCH = { interest_domain: 'gong.io', icp_domain: 'hubspot.com', max_results: 12 };

describe('intent_search.completed', () => {
  it('is delivered signed to webhook_url with the completed search, verified by verifyWebhook', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    const { secret } = await createEndpoint(api, HOOK, ['score.computed']);
    const { body: created } = await api.post(
      '/intent/searches',
      { ...SEARCH, webhook_url: HOOK, tag: 'outbound' },
      api.live,
    );
    api.mock.clock.advance('3s');
    await api.mock.deliveries.settle();

    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [{ headers: Record<string, string>; body: string }];
    const { body: search } = await api.get(`/intent/searches/${created.id}`, api.live);
    expect(search).toMatchObject({ status: 'completed', total_results: 12, credits_charged: 120 });
    const now = api.mock.clock.now();
    const event = await verifyWebhook({ payload: body, headers, secret, now });
    if (!isKnownWebhookEvent(event) || event.type !== 'intent_search.completed') {
      throw new Error(`expected intent_search.completed, got ${event.type}`);
    }
    expect(event).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: 'intent_search.completed',
      created: '2026-05-28T14:02:14Z',
      data: { intent_search: search },
      delivery_attempt: 1,
    });
    expect(event.data.intent_search.tag).toBe('outbound');
    const header = headers['x-iiq-signature'] as string;
    expect(verifiesPerReference(body, header, secret, now.getTime() / 1000)).toBe(true);
  });

  it('reaches every endpoint subscribed to it, and a webhook_url that is one of them only once', async () => {
    const api = liveApi();
    const atHook = receiveInProcess(api.mock, HOOK);
    const atOther = receiveInProcess(api.mock, OTHER);
    await createEndpoint(api, HOOK, ['intent_search.completed']);
    await createEndpoint(api, OTHER, ['intent_search.completed', 'intent_search.failed']);
    await api.post('/intent/searches', { ...SEARCH, webhook_url: HOOK }, api.live);
    api.mock.clock.advance('3s');
    await api.mock.deliveries.settle();
    expect(atHook).toHaveLength(1);
    expect(atOther).toHaveLength(1);
    expect(api.mock.deliveries.list().map((delivery) => delivery.event_type)).toEqual([
      'intent_search.completed',
      'intent_search.completed',
    ]);
  });

  it('is retried on the mock clock when the receiver fails', async () => {
    const api = liveApi();
    receiveInProcess(api.mock, HOOK, (n) => (n === 1 ? 500 : 204));
    await createEndpoint(api, HOOK, ['intent_search.completed']);
    await api.post('/intent/searches', SEARCH, api.live);
    api.mock.clock.advance('3s');
    await api.mock.deliveries.settle();
    api.mock.clock.advance('5m39s');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()[0]).toMatchObject({
      event_type: 'intent_search.completed',
      status: 'succeeded',
      attempts: [
        { at: '2026-05-28T14:02:14Z', status_code: 500 },
        { at: '2026-05-28T14:07:53Z', status_code: 204 },
      ],
    });
  });

  it('is recorded but never delivered for a test key', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    await createEndpoint(api, HOOK, ['intent_search.completed'], api.mock.keys.test);
    await api.post('/intent/searches', SEARCH);
    api.mock.clock.advance('3s');
    await api.mock.deliveries.settle();
    expect(received).toEqual([]);
    expect(api.mock.events.list({ type: 'intent_search.completed' })).toMatchObject([
      { mode: 'test', data: { intent_search: { status: 'completed', credits_charged: 0 } } },
    ]);
    const listed = await api.get('/events?type=intent_search.completed');
    expect(listed.body.data).toHaveLength(1);
  });
});

describe('intent_search.failed', () => {
  it('carries the failed search, with its error, and is signed like the others', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    const { secret } = await createEndpoint(api, HOOK, ['intent_search.failed']);
    await api.post(
      '/intent/searches',
      { ...SEARCH, interest_domain: MAGIC_INTEREST_DOMAINS.fails },
      api.live,
    );
    api.mock.clock.advance('3s');
    await api.mock.deliveries.settle();
    const [{ headers, body }] = received as [{ headers: Record<string, string>; body: string }];
    const event = await verifyWebhook({
      payload: body,
      headers,
      secret,
      now: api.mock.clock.now(),
    });
    expect(event).toMatchObject({
      type: 'intent_search.failed',
      data: {
        intent_search: {
          status: 'failed',
          interest_domain: 'search-fails.test',
          credits_charged: 0,
          error: { code: 'no_interest_signal' },
        },
      },
    });
  });
});

describe('mock.events.trigger', () => {
  it('makes a realistic intent_search.completed for the ICP domain it is given', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    await createEndpoint(api, HOOK, ['intent_search.completed']);
    const event = api.mock.events.trigger('intent_search.completed', {
      intent_search: { icp_domain: 'ramp.com' },
    });
    expect(event).toMatchObject({
      type: 'intent_search.completed',
      mode: 'live',
      data: {
        intent_search: {
          id: expect.stringMatching(/^isr_/),
          status: 'completed',
          interest_domain: 'gong.io',
          icp_domain: 'ramp.com',
          max_results: 25,
          total_results: 25,
          credits_charged: 250,
          error: null,
        },
      },
    });
    await api.mock.deliveries.settle();
    expect(received).toHaveLength(1);
    expect((await api.get('/intent/searches', api.live)).body.data).toEqual([]);
    expect(api.mock.credits.get().used).toBe(0);
  });

  it('makes a realistic intent_search.failed', () => {
    const api = liveApi();
    const event = api.mock.events.trigger('intent_search.failed', {}, { mode: 'test' });
    expect(event.data).toMatchObject({
      intent_search: {
        status: 'failed',
        interest_domain: 'search-fails.test',
        icp_domain: 'stripe.com',
        total_results: null,
        error: { code: 'no_interest_signal' },
      },
    });
  });
});
