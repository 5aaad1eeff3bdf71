/**
 * The webhook receiver examples, each fed by the reference mock: over HTTP on 127.0.0.1 for the
 * servers (node:http, Express, Hono on @hono/node-server), in-process for fetch handlers (Hono's
 * `app.fetch`, the Next.js route handler). Each accepts a genuine delivery and handles the typed
 * event; each refuses a tampered body, a wrong secret and an old timestamp with 400 and the reason.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockApiWithHandlers } from '../../mock-server/index.ts';
import {
  type CapturedDelivery,
  captureDelivery,
  liveEndpoint,
  realTimeMock,
  requireBuild,
} from './webhooks-helpers.ts';

type Handler = (request: Request) => Response | Promise<Response>;

interface Running {
  /** Where the mock delivers. */
  url: string;
  /** Sends a raw delivery, as a forger or a replaying attacker would. */
  post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

interface Receiver {
  name: string;
  start(mock: MockApiWithHandlers): Promise<Running>;
}

async function overHttp(server: Server): Promise<Running> {
  if (!server.listening)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/webhooks`;
  return {
    url,
    post: async (body, headers) => {
      const response = await fetch(url, { method: 'POST', headers, body });
      return { status: response.status, text: await response.text() };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function inProcess(mock: MockApiWithHandlers, handler: Handler): Running {
  const url = 'https://receiver.example.com/webhooks';
  const unregister = mock.webhooks.receive(url, handler);
  return {
    url,
    post: async (body, headers) => {
      const response = await handler(new Request(url, { method: 'POST', headers, body }));
      return { status: response.status, text: await response.text() };
    },
    stop: async () => unregister(),
  };
}

type Examples = {
  nodeHttp: typeof import('../../examples/webhooks/node-http.ts');
  express: typeof import('../../examples/webhooks/express.ts');
  hono: typeof import('../../examples/webhooks/hono.ts');
  next: typeof import('../../examples/webhooks/nextjs-route.ts');
  honoNode: typeof import('@hono/node-server');
};
// Loaded once the build is known to exist (they import the package by name).
let examples: Examples;

const receivers: Receiver[] = [
  { name: 'node:http', start: () => overHttp(examples.nodeHttp.server) },
  { name: 'Express 5', start: () => overHttp(examples.express.app.listen(0, '127.0.0.1')) },
  {
    name: 'Hono on @hono/node-server',
    start: () => {
      const { createAdaptorServer } = examples.honoNode;
      const server = createAdaptorServer({
        fetch: examples.hono.app.fetch,
        overrideGlobalObjects: false,
      });
      return overHttp(server as Server);
    },
  },
  {
    name: 'Hono app.fetch',
    start: async (mock) => inProcess(mock, (request) => examples.hono.app.fetch(request)),
  },
  { name: 'Next.js route handler', start: async (mock) => inProcess(mock, examples.next.POST) },
];
let fresh: CapturedDelivery;
let stale: CapturedDelivery;

beforeAll(async () => {
  requireBuild();
  examples = {
    nodeHttp: await import('../../examples/webhooks/node-http.ts'),
    express: await import('../../examples/webhooks/express.ts'),
    hono: await import('../../examples/webhooks/hono.ts'),
    next: await import('../../examples/webhooks/nextjs-route.ts'),
    honoNode: await import('@hono/node-server'),
  };
  fresh = await captureDelivery();
  stale = await captureDelivery(10 * 60_000); // signed 10 minutes ago
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function start(receiver: Receiver, mock = realTimeMock()) {
  const running = await receiver.start(mock);
  stops.push(running.stop);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  return { mock, running, log };
}

describe.each(receivers)('the $name example', (receiver) => {
  it('accepts a signed delivery from the mock and handles the typed event', async () => {
    const { mock, running, log } = await start(receiver);
    vi.stubEnv('IIQ_WEBHOOK_SECRET', await liveEndpoint(mock, running.url));
    const event = mock.events.trigger('account.band_changed');
    await mock.deliveries.settle();
    expect(mock.deliveries.list({ event: event.id })).toMatchObject([
      { url: running.url, status: 'succeeded', attempts: [{ attempt: 1, status_code: 204 }] },
    ]);
    expect(log).toHaveBeenCalledWith('account.band_changed: stripe.com WARM -> HOT (94)');
  });

  it('refuses a tampered body with 400 signature_mismatch', async () => {
    const { running, log } = await start(receiver);
    vi.stubEnv('IIQ_WEBHOOK_SECRET', fresh.secret);
    const tampered = fresh.body.replace('"score":94', '"score":99');
    expect(tampered).not.toBe(fresh.body);
    expect(await running.post(tampered, fresh.headers)).toEqual({
      status: 400,
      text: 'signature_mismatch',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses a delivery signed with another secret with 400 signature_mismatch', async () => {
    const { running, log } = await start(receiver);
    vi.stubEnv('IIQ_WEBHOOK_SECRET', 'whsec_someOtherEndpointsSecret000000000');
    expect(await running.post(fresh.body, fresh.headers)).toEqual({
      status: 400,
      text: 'signature_mismatch',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('refuses a delivery signed 10 minutes ago with 400 timestamp_out_of_tolerance', async () => {
    const { running, log } = await start(receiver);
    vi.stubEnv('IIQ_WEBHOOK_SECRET', stale.secret);
    expect(await running.post(stale.body, stale.headers)).toEqual({
      status: 400,
      text: 'timestamp_out_of_tolerance',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('accepts the genuine delivery those were made from', async () => {
    const { running, log } = await start(receiver);
    vi.stubEnv('IIQ_WEBHOOK_SECRET', fresh.secret);
    expect(await running.post(fresh.body, fresh.headers)).toEqual({ status: 204, text: '' });
    expect(log).toHaveBeenCalledOnce();
  });
});
