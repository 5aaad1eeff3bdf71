/**
 * An IntentIQ webhook receiver on Express 5.
 *
 *   IIQ_WEBHOOK_SECRET=whsec_… PORT=3000 node examples/webhooks/express.ts
 *
 * Locally: `npx iiq mock`, then `npx iiq webhooks listen --forward-to http://localhost:3000/webhooks`
 * prints the secret to use; trigger an event with
 *   curl -X POST http://127.0.0.1:4010/__mock/events/trigger -d '{"type":"signal.spike"}'
 */
import {
  isKnownWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@vesperwise/node/webhooks';
import express from 'express';

export const app = express();

// express.raw on this route only: req.body is the raw Buffer the signature covers. Register it
// before any global express.json(), which would parse the body first.
app.post('/webhooks', express.raw({ type: 'application/json' }), async (req, res) => {
  let event: WebhookEvent;
  try {
    event = await verifyWebhook({
      payload: req.body,
      headers: req.headers,
      secret: process.env.IIQ_WEBHOOK_SECRET,
    });
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error; // Express 5 answers 500
    res.status(400).type('text/plain').send(error.code); // never the secret
    return;
  }
  handleEvent(event);
  res.sendStatus(204); // answer within 5 seconds, or IntentIQ retries
});

app.use(express.json()); // the rest of your API

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

if (import.meta.main) {
  const port = Number(process.env.PORT ?? 3000);
  app.listen(port, () => console.log(`Receiving IntentIQ webhooks on :${port}/webhooks`));
}
