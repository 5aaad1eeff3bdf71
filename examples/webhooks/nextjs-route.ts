/**
 * An IntentIQ webhook receiver as a Next.js App Router route handler. Save it as
 * `app/webhooks/route.ts` and set IIQ_WEBHOOK_SECRET in `.env.local`.
 *
 * Locally: `npx iiq mock`, then `npx iiq webhooks listen --forward-to http://localhost:3000/webhooks`
 * prints the secret to use; trigger an event with
 *   curl -X POST http://127.0.0.1:4010/__mock/events/trigger -d '{"type":"person.scored"}'
 */
import {
  isKnownWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@vesperwise/node/webhooks';

export async function POST(request: Request): Promise<Response> {
  let event: WebhookEvent;
  try {
    // Pass the Request itself: the raw body is read from it, and the signature from its headers.
    event = await verifyWebhook({ payload: request, secret: process.env.IIQ_WEBHOOK_SECRET });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      return new Response(error.code, { status: 400 }); // never the secret
    }
    throw error;
  }
  // For slow work, use after() from 'next/server': it runs once the response is sent.
  handleEvent(event);
  return new Response(null, { status: 204 }); // answer within 5 seconds, or IntentIQ retries
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
