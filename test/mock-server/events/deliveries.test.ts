/**
 * Webhook deliveries from the mock: who gets what, how it is signed, and the retry schedule on the
 * mock's clock (8 retries over 24 hours).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IN_FLIGHT } from '../../../mock-server/events/dispatcher.ts';
import { verifyWebhook } from '../../../src/webhooks/index.ts';
import {
  createEndpoint,
  liveApi,
  receiveInProcess,
  receiveOverHttp,
  verifiesPerReference,
} from './helpers.ts';

const HOOK = 'https://hooks.example.com/intentiq';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('a delivery', () => {
  it('reaches a receiver over HTTP, signed so that verifyWebhook and the reference check accept it', async () => {
    const api = liveApi({ allowLoopbackWebhooks: true });
    const receiver = await receiveOverHttp();
    closers.push(receiver.close);
    const { secret } = await createEndpoint(api, receiver.url, ['score.computed']);
    const scored = await api.post('/score', { domain: 'stripe.com' }, api.live);
    await api.mock.deliveries.settle();

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [
      { headers: Record<string, string>; body: string },
    ];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('VesperWise-Webhook/1.0');
    expect(headers['x-iiq-signature']).toMatch(/^t=1779976931,v1=[0-9a-f]{64}$/);
    const [event] = api.mock.events.list({ mode: 'live' });
    const { mode: _, ...score } = scored.body;
    expect(JSON.parse(body)).toEqual({
      id: event?.id,
      type: 'score.computed',
      created: '2026-05-28T14:02:11Z',
      data: { score, trigger: 'api' },
      delivery_attempt: 1,
    });

    const now = api.mock.clock.now();
    const verified = await verifyWebhook({ payload: body, headers, secret, now });
    expect(verified).toMatchObject({ id: event?.id, delivery_attempt: 1 });
    const header = headers['x-iiq-signature'] as string;
    expect(verifiesPerReference(body, header, secret, now.getTime() / 1000)).toBe(true);
    expect(verifiesPerReference(`${body} `, header, secret, now.getTime() / 1000)).toBe(false);
  });

  it('is logged as succeeded with its attempt, status code and timing', async () => {
    const api = liveApi();
    receiveInProcess(api.mock, HOOK);
    const endpoint = await createEndpoint(api, HOOK, ['signal.spike']);
    const event = api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()).toEqual([
      {
        id: expect.stringMatching(/^dlv_[0-9A-Z]{16}$/),
        event_id: event.id,
        event_type: 'signal.spike',
        endpoint_id: endpoint.id,
        url: HOOK,
        status: 'succeeded',
        attempts: [
          {
            attempt: 1,
            at: '2026-05-28T14:02:11Z',
            status_code: 204,
            error: null,
            duration_ms: expect.any(Number),
          },
        ],
        next_attempt_at: null,
      },
    ]);
  });

  it('goes to every endpoint subscribed to the type, and not to the others', async () => {
    const api = liveApi();
    const spikes = receiveInProcess(api.mock, 'https://a.example.com/hook');
    const credits = receiveInProcess(api.mock, 'https://b.example.com/hook');
    const both = receiveInProcess(api.mock, 'https://c.example.com/hook');
    await createEndpoint(api, 'https://a.example.com/hook', ['signal.spike']);
    await createEndpoint(api, 'https://b.example.com/hook', ['credits.low']);
    await createEndpoint(api, 'https://c.example.com/hook', ['credits.low', 'signal.spike']);
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    expect([spikes.length, credits.length, both.length]).toEqual([1, 0, 1]);
    expect(api.mock.deliveries.list()).toHaveLength(2);
  });

  it('is never made for test-mode events, which are still recorded', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK);
    await createEndpoint(api, HOOK, ['score.computed'], api.mock.keys.test);
    await api.post('/score', { domain: 'stripe.com' });
    api.mock.events.trigger('score.computed', {}, { mode: 'test' });
    await api.mock.deliveries.settle();
    expect(api.mock.events.list({ mode: 'test' })).toHaveLength(2);
    expect(received).toEqual([]);
    expect(api.mock.deliveries.list()).toEqual([]);
  });

  it('records what an in-process receiver throws as the attempt’s error', async () => {
    const api = liveApi();
    api.mock.webhooks.receive(HOOK, () => {
      throw new Error('database is down');
    });
    await createEndpoint(api, HOOK, ['credits.low']);
    api.mock.events.trigger('credits.low');
    await api.mock.deliveries.settle();
    const [delivery] = api.mock.deliveries.list();
    expect(delivery?.attempts[0]).toMatchObject({ status_code: null, error: 'database is down' });
    expect(delivery?.status).toBe('pending');
  });
});

describe('retries', () => {
  it('make 9 attempts spread over exactly 24 hours when the receiver answers 500, then stop', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK, () => 500);
    await createEndpoint(api, HOOK, ['account.band_changed']);
    api.mock.events.trigger('account.band_changed');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()[0]?.next_attempt_at).toBe('2026-05-28T14:07:50Z');

    api.mock.clock.advance('24h');
    await api.mock.deliveries.settle();
    const [delivery] = api.mock.deliveries.list();
    expect(delivery?.attempts.map((attempt) => attempt.at)).toEqual([
      '2026-05-28T14:02:11Z', // at once
      '2026-05-28T14:07:50Z', // + 5m39s
      '2026-05-28T14:19:08Z', // + 11m18s
      '2026-05-28T14:41:43Z', // + 22m35s
      '2026-05-28T15:26:54Z', // + 45m11s
      '2026-05-28T16:57:15Z', // + 1h30m21s
      '2026-05-28T19:57:57Z', // + 3h0m42s
      '2026-05-29T01:59:22Z', // + 6h1m25s
      '2026-05-29T14:02:11Z', // + 12h2m49s: 24 hours after the first
    ]);
    expect(delivery?.attempts.every((attempt) => attempt.status_code === 500)).toBe(true);
    expect(delivery).toMatchObject({ status: 'failed', next_attempt_at: null });
    expect(received.map(({ body }) => JSON.parse(body).delivery_attempt)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);

    api.mock.clock.advance('30d');
    await api.mock.deliveries.settle();
    expect(received).toHaveLength(9);
    expect(api.mock.deliveries.list()[0]?.attempts).toHaveLength(9);
  });

  it('stop when the receiver answers 200 on the 3rd attempt', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK, (n) => (n === 3 ? 200 : 503));
    await createEndpoint(api, HOOK, ['person.scored']);
    api.mock.events.trigger('person.scored');
    api.mock.clock.advance('2d');
    await api.mock.deliveries.settle();
    api.mock.clock.advance('2d');
    await api.mock.deliveries.settle();
    const [delivery] = api.mock.deliveries.list();
    expect(delivery?.attempts.map(({ at, status_code }) => [at, status_code])).toEqual([
      ['2026-05-28T14:02:11Z', 503],
      ['2026-05-28T14:07:50Z', 503],
      ['2026-05-28T14:19:08Z', 200],
    ]);
    expect(delivery?.status).toBe('succeeded');
    expect(received).toHaveLength(3);
  });

  it('follow the clock step by step: nothing is sent before a retry is due', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK, () => 500);
    await createEndpoint(api, HOOK, ['credits.low']);
    api.mock.events.trigger('credits.low');
    await api.mock.deliveries.settle();
    api.mock.clock.advance('5m38s');
    await api.mock.deliveries.settle();
    expect(received).toHaveLength(1);
    api.mock.clock.advance('1s');
    await api.mock.deliveries.settle();
    expect(received).toHaveLength(2);
  });

  it('count no answer within the delivery timeout as a failed attempt', async () => {
    const api = liveApi({ allowLoopbackWebhooks: true, deliveryTimeout: 50 });
    const receiver = await receiveOverHttp((n) => (n === 1 ? false : 204));
    closers.push(receiver.close);
    await createEndpoint(api, receiver.url, ['signal.spike']);
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    const [first] = api.mock.deliveries.list();
    expect(first?.attempts[0]).toMatchObject({ status_code: null, error: 'timeout' });
    expect(first?.attempts[0]?.duration_ms).toBeGreaterThanOrEqual(45);
    expect(first).toMatchObject({ status: 'pending', next_attempt_at: '2026-05-28T14:07:50Z' });
    api.mock.clock.advance('6m');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()[0]?.status).toBe('succeeded');
  });

  it('count an in-process receiver that never answers as a timeout', async () => {
    const api = liveApi({ deliveryTimeout: '0.05s' });
    api.mock.webhooks.receive(HOOK, () => new Promise<Response>(() => {}));
    await createEndpoint(api, HOOK, ['signal.spike']);
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()[0]?.attempts[0]?.error).toBe('timeout');
  });

  it('count a refused connection as a network error', async () => {
    const api = liveApi({ allowLoopbackWebhooks: true });
    const receiver = await receiveOverHttp();
    await receiver.close(); // nothing listens on that port any more
    await createEndpoint(api, receiver.url, ['signal.spike']);
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()[0]?.attempts[0]).toMatchObject({
      status_code: null,
      error: 'network',
    });
  });

  it('stop when the endpoint is deleted', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK, () => 500);
    const endpoint = await createEndpoint(api, HOOK, ['signal.spike']);
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    await api.delete(`/webhook_endpoints/${endpoint.id}`, undefined, api.live);
    api.mock.clock.advance('24h');
    await api.mock.deliveries.settle();
    expect(received).toHaveLength(1);
    expect(api.mock.deliveries.list()[0]).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
    });
  });

  it('are forgotten by reset()', async () => {
    const api = liveApi();
    const received = receiveInProcess(api.mock, HOOK, () => 500);
    await createEndpoint(api, HOOK, ['signal.spike']);
    api.mock.events.trigger('signal.spike');
    api.mock.reset();
    await api.mock.deliveries.settle();
    api.mock.clock.advance('1d');
    await api.mock.deliveries.settle();
    expect(api.mock.deliveries.list()).toEqual([]);
    expect(received).toEqual([]);
  });
});

describe('attempts on their way at once', () => {
  it(`are at most ${MAX_IN_FLIGHT}; the rest wait their turn and are all delivered`, async () => {
    const api = liveApi();
    let open = 0;
    let most = 0;
    let delivered = 0;
    for (let i = 0; i < 100; i++) {
      const url = `https://hooks.example.com/${i}`;
      await createEndpoint(api, url, ['signal.spike']);
      api.mock.webhooks.receive(url, async () => {
        open++;
        most = Math.max(most, open);
        await new Promise((resolve) => setTimeout(resolve, 5));
        open--;
        delivered++;
        return new Response(null, { status: 204 });
      });
    }
    api.mock.events.trigger('signal.spike');
    api.mock.events.trigger('signal.spike');
    await api.mock.deliveries.settle();
    expect(delivered).toBe(200);
    expect(most).toBe(MAX_IN_FLIGHT);
    expect(api.mock.deliveries.list({ status: 'succeeded' })).toHaveLength(200);
  });

  it('fill a freed slot past attempts that send nothing: deliveries to deleted endpoints do not hold up the rest', async () => {
    const api = liveApi();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Workspace A: MAX_IN_FLIGHT slow receivers fill every slot.
    for (let i = 0; i < MAX_IN_FLIGHT; i++) {
      const url = `https://hooks.example.com/slow/${i}`;
      await createEndpoint(api, url, ['signal.spike']);
      api.mock.webhooks.receive(url, async () => {
        await held;
        return new Response(null, { status: 204 });
      });
    }
    // Workspace B: 100 endpoints whose deliveries wait, then are deleted before their turn.
    const doomed = api.mock.workspaces.create();
    const doomedIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const url = `https://hooks.example.com/doomed/${i}`;
      doomedIds.push((await createEndpoint(api, url, ['signal.spike'], doomed.keys.live)).id);
      api.mock.webhooks.receive(url, () => new Response(null, { status: 204 }));
    }
    // Workspace C: one endpoint, last in line.
    const last = api.mock.workspaces.create();
    const lastUrl = 'https://hooks.example.com/last';
    await createEndpoint(api, lastUrl, ['signal.spike'], last.keys.live);
    const reached: string[] = [];
    api.mock.webhooks.receive(lastUrl, async (request) => {
      reached.push(request.headers.get('webhook-id') ?? '');
      return new Response(null, { status: 204 });
    });

    api.mock.events.trigger('signal.spike');
    api.mock.events.trigger('signal.spike', undefined, { workspace: doomed.id });
    const { id } = api.mock.events.trigger('signal.spike', undefined, { workspace: last.id });
    for (const endpoint of doomedIds) {
      const reply = await api.delete(`/webhook_endpoints/${endpoint}`, undefined, {
        key: doomed.keys.live,
      });
      expect(reply.status).toBe(200);
    }
    release();
    await api.mock.deliveries.settle();

    expect(reached).toEqual([id]);
    expect(api.mock.deliveries.list({ status: 'pending' })).toEqual([]);
    expect(api.mock.deliveries.list({ status: 'failed' })).toHaveLength(100);
  });
});
