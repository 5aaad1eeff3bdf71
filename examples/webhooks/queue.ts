/**
 * Verify later, handle once: a receiver that queues each delivery as it arrives and answers at once,
 * and a worker that verifies it against the time it arrived (`receivedAt`) and handles each event
 * once, however often it is delivered (`createReplayGuard`).
 *
 *   IIQ_WEBHOOK_SECRET=whsec_… PORT=3000 node examples/webhooks/queue.ts
 *
 * Locally: `npx iiq mock`, then `npx iiq webhooks listen --forward-to http://localhost:3000/webhooks`
 * prints the secret to use; trigger an event with
 *   curl -X POST http://127.0.0.1:4010/__mock/events/trigger -d '{"type":"signal.spike"}'
 */
import { createServer } from 'node:http';
import {
  createReplayGuard,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '@vesperwise/node/webhooks';

/** What the receiver stores: the raw body and headers exactly as received, and when. */
export interface QueuedDelivery {
  body: string;
  headers: Record<string, string>;
  receivedAt: number;
}

/** Stands in for SQS, a database table, a Redis list: anything that survives a slow worker. */
export const queue: QueuedDelivery[] = [];

/** In memory, for one process; pass a shared `store` when several workers drain the queue. */
const guard = createReplayGuard();

/** The receiver: nothing to verify yet, just keep the delivery and answer within 5 seconds. */
export async function receive(request: Request): Promise<Response> {
  queue.push({
    body: await request.text(),
    headers: Object.fromEntries(request.headers),
    receivedAt: Date.now(),
  });
  return new Response(null, { status: 202 });
}

/** The worker: verifies and handles what is queued; one line per delivery. */
export async function drain(): Promise<string[]> {
  const lines: string[] = [];
  for (let delivery = queue.shift(); delivery !== undefined; delivery = queue.shift()) {
    lines.push(await work(delivery));
  }
  return lines;
}

async function work(delivery: QueuedDelivery): Promise<string> {
  let event: WebhookEvent;
  try {
    event = await verifyWebhook({
      payload: delivery.body,
      headers: delivery.headers,
      secret: process.env.IIQ_WEBHOOK_SECRET,
      // The timestamp is checked against the arrival, not against now: queueing is not replaying.
      receivedAt: delivery.receivedAt,
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return `refused: ${error.code}`;
    throw error;
  }
  // At least once: a retry (delivery_attempt > 1) or a replay carries an id already handled.
  if (!(await guard.claim(event))) return `${event.id} ${event.type}: already handled`;
  try {
    await handle(event);
  } catch (error) {
    await guard.release(event); // not handled after all: the next delivery of it may try again
    throw error;
  }
  return `${event.id} ${event.type}: handled (attempt ${event.delivery_attempt})`;
}

async function handle(_event: WebhookEvent): Promise<void> {
  // Your work: update the CRM, alert the account owner, ...
}

if (import.meta.main) {
  const port = Number(process.env.PORT ?? 3000);
  createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const request = new Request(`http://localhost${req.url}`, {
      method: 'POST',
      headers,
      body: Buffer.concat(chunks),
    });
    const response = await receive(request);
    res.writeHead(response.status).end();
  }).listen(port, () => console.log(`Queueing IntentIQ webhooks on :${port}/webhooks`));
  setInterval(() => {
    drain().then((lines) => {
      for (const line of lines) console.log(line);
    }, console.error);
  }, 1_000);
}
