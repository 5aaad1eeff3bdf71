/**
 * An IntentIQ webhook receiver on Hono: the same app runs on Node, Bun, Deno and Cloudflare Workers.
 *
 *   IIQ_WEBHOOK_SECRET=whsec_… PORT=3000 node examples/webhooks/hono.ts
 *
 * Locally: `npx iiq mock`, then `npx iiq webhooks listen --forward-to http://localhost:3000/webhooks`
 * prints the secret to use; trigger an event with
 *   curl -X POST http://127.0.0.1:4010/__mock/events/trigger -d '{"type":"score.computed"}'
 */
import { serve } from '@hono/node-server';
import {
  isKnownWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@vesperwise/node/webhooks';
import { Hono } from 'hono';
import { env } from 'hono/adapter';

export const app = new Hono();

app.post('/webhooks', async (c) => {
  // env() reads the variable on every runtime (process.env on Node, bindings on Workers).
  const { IIQ_WEBHOOK_SECRET } = env<{ IIQ_WEBHOOK_SECRET?: string }>(c);
  let event: WebhookEvent;
  try {
    event = await verifyWebhook({
      // The raw bytes the signature covers (Hono caches them, so other middleware may read the body too).
      payload: await c.req.arrayBuffer(),
      headers: c.req.raw.headers,
      secret: IIQ_WEBHOOK_SECRET,
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return c.text(error.code, 400); // never the secret
    throw error;
  }
  handleEvent(event); // on Workers, slow work goes in c.executionCtx.waitUntil(...)
  return c.body(null, 204); // answer within 5 seconds, or IntentIQ retries
});

/** Keep this quick: hand slow work to a queue. Deliveries may repeat: de-duplicate on `event.id`. */
function handleEvent(event: WebhookEvent): void {
  if (!isKnownWebhookEvent(event)) {
    console.log(`${event.type}: newer than this SDK, ignored`);
    return;
  }
  switch (event.type) {
    case 'account.band_changed':
      console.log(
        `${event.type}: ${event.data.domain} ${event.data.previous_band} -> ${event.data.band} (${event.data.score})`,
      );
      break;
    case 'signal.spike':
      console.log(`${event.type}: ${event.data.domain} ${event.data.signal} +${event.data.change}`);
      break;
    case 'score.computed':
      console.log(`${event.type}: ${event.data.score.domain} ${event.data.score.score}`);
      break;
    default:
      console.log(`${event.type}: received ${event.id}`);
  }
}

export default app; // what Workers, Bun and Deno serve

if (import.meta.main) {
  const port = Number(process.env.PORT ?? 3000);
  serve({ fetch: app.fetch, port }, () =>
    console.log(`Receiving IntentIQ webhooks on :${port}/webhooks`),
  );
}
