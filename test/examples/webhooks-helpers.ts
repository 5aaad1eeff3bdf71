/**
 * What the webhook example tests share: a mock on the real clock (the examples check timestamps
 * against the system clock) with a live endpoint, and deliveries captured from a mock so that they
 * can be replayed tampered with.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMockApi, type MockApiWithHandlers } from '../../mock-server/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The examples import `@vesperwise/node/webhooks`, which resolves to the build. */
export function requireBuild(): void {
  if (!existsSync(`${root}/dist/webhooks.js`)) {
    throw new Error(
      'The webhook examples import the built package (@vesperwise/node/webhooks): run `npm run build` first.',
    );
  }
}

/** Registers a live webhook endpoint at `url` for every event type; resolves with its secret. */
export async function liveEndpoint(mock: MockApiWithHandlers, url: string): Promise<string> {
  const response = await mock.fetch(`${mock.baseUrl}/webhook_endpoints`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${mock.keys.live}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      url,
      events: ['account.band_changed', 'signal.spike', 'score.computed'],
    }),
  });
  const body = (await response.json()) as { secret: string };
  return body.secret;
}

/**
 * A mock whose clock is the system's (minus `behindMs`), as a receiver in production sees it,
 * delivering to the example servers on 127.0.0.1 too (the API and a default mock refuse loopback).
 */
export function realTimeMock(behindMs = 0): MockApiWithHandlers {
  return createMockApi({ now: Date.now() - behindMs, allowLoopbackWebhooks: true });
}

export interface CapturedDelivery {
  secret: string;
  body: string;
  headers: Record<string, string>;
}

/** A real `account.band_changed` delivery of the mock, as a receiver would get it. */
export async function captureDelivery(behindMs = 0): Promise<CapturedDelivery> {
  const mock = realTimeMock(behindMs);
  const url = 'https://capture.example.com/webhooks';
  let captured: Omit<CapturedDelivery, 'secret'> | undefined;
  mock.webhooks.receive(url, async (request) => {
    captured = { body: await request.text(), headers: Object.fromEntries(request.headers) };
    return new Response(null, { status: 204 });
  });
  const secret = await liveEndpoint(mock, url);
  mock.events.trigger('account.band_changed');
  await mock.deliveries.settle();
  if (captured === undefined) throw new Error('the mock delivered nothing');
  return { secret, ...captured };
}
