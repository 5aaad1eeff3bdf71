/**
 * Deliveries while MSW intercepts the global `fetch` and refuses every request it has no handler
 * for (`onUnhandledFrame: 'error'`): they still reach a real receiver, because the mock sends them
 * with the runtime's own `fetch`, or, failing that, with msw's bypass marker.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebhookTransport } from '../../../mock-server/doors/webhook-transport.ts';
import { createMockApi } from '../../../mock-server/index.ts';
import { send } from '../helpers.ts';
import { receiveOverHttp } from './helpers.ts';

// The receivers listen on 127.0.0.1: the mock delivers to loopback only when asked.
const mock = createMockApi({ allowLoopbackWebhooks: true });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  mock.reset();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

describe('deliveries under setupServer(...mock.handlers) with onUnhandledFrame: "error"', () => {
  it('reach a real node:http receiver, while a plain fetch to it is refused by msw', async () => {
    const receiver = await receiveOverHttp();
    try {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      await expect(fetch(receiver.url, { method: 'POST', body: '{}' })).rejects.toThrow();
      expect(receiver.received).toEqual([]);

      // The global fetch reaches the mock through msw.
      const created = await send(
        fetch,
        `${mock.baseUrl}/webhook_endpoints`,
        'POST',
        {
          url: receiver.url,
          events: ['account.band_changed'],
        },
        { key: mock.keys.live },
      );
      expect(created.status).toBe(201);
      mock.events.trigger('account.band_changed');
      await mock.deliveries.settle();

      expect(receiver.received).toHaveLength(1);
      expect(mock.deliveries.list()[0]).toMatchObject({
        status: 'succeeded',
        attempts: [{ status_code: 204, error: null }],
      });
    } finally {
      await receiver.close();
    }
  });

  it('reach it even when the mock was handed msw’s fetch, without the bypass marker showing', async () => {
    const receiver = await receiveOverHttp();
    try {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const transport = createWebhookTransport({
        timeoutMs: 2_000,
        receivers: new Map(),
        fetch: globalThis.fetch, // msw's, as if msw had been started before the mock was loaded
      });
      const answer = await transport({
        url: receiver.url,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
      });
      expect(answer).toEqual({ status: 204 });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.headers.accept).toBe('application/json');
    } finally {
      await receiver.close();
    }
  });
});
