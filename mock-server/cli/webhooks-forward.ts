/**
 * The sending half of `iiq webhooks listen`: a signing secret made up at start, and one signed POST
 * per event to the local receiver, described in one line.
 */
import type { Event } from '../../src/resources/events.ts';
import { signWebhook } from '../../src/webhooks/sign.ts';
import { createWebhookTransport } from '../doors/webhook-transport.ts';
import { DEFAULT_DELIVERY_TIMEOUT_MS } from '../events/delivery-log.ts';
import { isoSeconds } from '../kernel/clock.ts';
import { ALPHANUMERIC } from '../kernel/ids.ts';

/** A fresh `whsec_` secret from the system's random source (never derived from a seed). */
export function signingSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let secret = 'whsec_';
  // 62 symbols: bytes 248..255 would favour the first 8, so they are redrawn.
  for (let i = 0; secret.length < 38; i++) {
    if (i === bytes.length) {
      crypto.getRandomValues(bytes);
      i = 0;
    }
    const byte = bytes[i] as number;
    if (byte < 248) secret += ALPHANUMERIC[byte % 62];
  }
  return secret;
}

/** Forwards an event to `url` as a first delivery attempt; resolves with the line to print. */
export function createForwarder(url: string, secret: string): (event: Event) => Promise<string> {
  const send = createWebhookTransport({
    timeoutMs: DEFAULT_DELIVERY_TIMEOUT_MS,
    receivers: new Map(),
  });
  return async (event) => {
    const body = JSON.stringify({ ...event, delivery_attempt: 1 });
    const signed = await signWebhook({ payload: body, secret });
    const started = performance.now();
    const answer = await send({ url, headers: { ...signed.headers }, body });
    const ms = Math.round(performance.now() - started);
    const result =
      'status' in answer
        ? String(answer.status)
        : answer.error === 'timeout'
          ? `no answer within ${DEFAULT_DELIVERY_TIMEOUT_MS / 1_000} s`
          : `error: ${answer.detail ?? answer.error}`;
    return `${isoSeconds(Date.now())}  ${event.id}  ${event.type}  -> ${result} (${ms} ms)`;
  };
}
