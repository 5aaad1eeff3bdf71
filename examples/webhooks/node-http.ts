/**
 * An IntentIQ webhook receiver on plain `node:http`.
 *
 *   IIQ_WEBHOOK_SECRET=whsec_… PORT=3000 node examples/webhooks/node-http.ts
 *
 * To feed it events locally: run `npx iiq mock`, then `npx iiq webhooks listen --forward-to
 * http://localhost:3000/webhooks`, start this file with the secret that prints, and trigger one:
 *   curl -X POST http://127.0.0.1:4010/__mock/events/trigger -d '{"type":"account.band_changed"}'
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  isKnownWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@vesperwise/node/webhooks';

async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/webhooks') {
    res.writeHead(404).end();
    return;
  }
  // The signature covers the exact bytes sent: collect them, never parse and re-serialise.
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);

  let event: WebhookEvent;
  try {
    event = await verifyWebhook({
      payload: Buffer.concat(chunks),
      headers: req.headers,
      secret: process.env.IIQ_WEBHOOK_SECRET,
    });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
    res.writeHead(400, { 'content-type': 'text/plain' }).end(error.code); // never the secret
    return;
  }
  handleEvent(event);
  res.writeHead(204).end(); // answer within 5 seconds, or IntentIQ retries
}

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

export const server = createServer((req, res) => {
  receive(req, res).catch((error: unknown) => {
    // A bug or a missing IIQ_WEBHOOK_SECRET: a 500 makes IntentIQ retry once it is fixed.
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

if (import.meta.main) {
  const port = Number(process.env.PORT ?? 3000);
  server.listen(port, () => console.log(`Receiving IntentIQ webhooks on :${port}/webhooks`));
}
