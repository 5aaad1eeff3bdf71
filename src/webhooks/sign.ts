import { SIGNATURE_HEADER, STANDARD_WEBHOOK_HEADERS, WEBHOOK_USER_AGENT } from './constants.ts';
import { defaultCryptoProvider, type WebhookCryptoProvider } from './crypto.ts';
import { secretList, signingSeconds } from './options.ts';
import { formatSignatureHeader } from './signature-header.ts';
import {
  formatStandardSignature,
  standardSignedPrefix,
  standardWebhooksKey,
} from './standard-webhooks.ts';
import { randomEventId } from './test-event.ts';

/** Options for {@link signWebhook}. Give `secret` or `secrets`. */
export interface SignWebhookOptions<Payload extends string | Uint8Array | object> {
  /** The body to send: a string or bytes as-is, or an object (an event) serialised with `JSON.stringify`. */
  payload: Payload;
  /** The endpoint's signing secret. */
  secret?: string;
  /** Several secrets, as during a rotation: one signature per secret, in this order. */
  secrets?: readonly string[];
  /** When the delivery is signed, as a `Date` or unix seconds (what `t=` carries). Default: now. */
  timestamp?: Date | number;
  /**
   * The event's ID, sent as `webhook-id` and covered by the Standard Webhooks signature. Default:
   * the payload's `id` (the object's, or the JSON body's), else a random one.
   */
  id?: string;
  /** Forces a crypto implementation. Default: the fastest available. */
  cryptoProvider?: WebhookCryptoProvider;
}

/**
 * The headers IntentIQ sends with a delivery, lower-cased. Beside these three, the Standard
 * Webhooks headers `webhook-id` (the event's ID), `webhook-timestamp` (unix seconds) and
 * `webhook-signature` (`v1,<base64>` per secret), present when every secret is in the form
 * `whsec_<base64>`, as the API's secrets are; a made-up test secret such as `'s3cret'` gets
 * `x-iiq-signature` only.
 */
export type WebhookDeliveryHeaders = {
  'content-type': 'application/json';
  'user-agent': typeof WEBHOOK_USER_AGENT;
  /** `t=<unix seconds>,v1=<hex>`, one `v1` per secret. */
  'x-iiq-signature': string;
  [name: string]: string;
};

/** A signed delivery, ready to send or to hand to a receiver under test. */
export interface SignedWebhook<Body extends string | Uint8Array> {
  /** The exact body that was signed: send these bytes, unchanged. */
  body: Body;
  /** The `X-IIQ-Signature` value, e.g. `t=1780063331,v1=5257a8…`. */
  header: string;
  /** The headers IntentIQ sends with a delivery: spread them into a request. */
  headers: WebhookDeliveryHeaders;
  /** The signing time, in unix seconds. */
  timestamp: number;
}

const decoder = new TextDecoder();

/**
 * Signs a payload the way IntentIQ signs deliveries: `X-IIQ-Signature` (HMAC-SHA256 of
 * `<t>.<body>` per secret) and the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`). Use it to unit-test a webhook receiver without a network.
 *
 * @example
 * const { body, headers } = await signWebhook({ payload: createTestEvent('signal.spike'), secret });
 * const response = await app.request('/webhooks', { method: 'POST', headers, body });
 */
export function signWebhook(
  options: SignWebhookOptions<Uint8Array>,
): Promise<SignedWebhook<Uint8Array>>;
export function signWebhook(
  options: SignWebhookOptions<string | object>,
): Promise<SignedWebhook<string>>;
export async function signWebhook(
  options: SignWebhookOptions<string | Uint8Array | object>,
): Promise<SignedWebhook<string | Uint8Array>> {
  const secrets = secretList(options.secret, options.secrets);
  const timestamp = signingSeconds(options.timestamp);
  const crypto = options.cryptoProvider ?? defaultCryptoProvider();
  const body = serialise(options.payload);
  const signatures = [];
  for (const secret of secrets) {
    signatures.push(await crypto.hmacSha256(secret, [`${timestamp}.`, body]));
  }
  const header = formatSignatureHeader(timestamp, signatures);
  const headers: WebhookDeliveryHeaders = {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    [SIGNATURE_HEADER]: header,
  };
  const keys = secrets.map(standardWebhooksKey);
  if (keys.every((key) => key !== undefined)) {
    const id = eventId(options.id, options.payload, body);
    const prefix = standardSignedPrefix(id, timestamp);
    const standard = [];
    for (const key of keys) standard.push(await crypto.hmacSha256(key, [prefix, body]));
    headers[STANDARD_WEBHOOK_HEADERS.id] = id;
    headers[STANDARD_WEBHOOK_HEADERS.timestamp] = String(timestamp);
    headers[STANDARD_WEBHOOK_HEADERS.signature] = formatStandardSignature(standard);
  }
  return { body, header, headers, timestamp };
}

function serialise(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (typeof payload === 'object' && payload !== null) return JSON.stringify(payload);
  throw new TypeError('payload must be a string, a Uint8Array or an object to serialise as JSON.');
}

function eventId(given: unknown, payload: unknown, body: string | Uint8Array): string {
  if (given !== undefined) {
    if (typeof given !== 'string' || given.trim() === '' || /\s/.test(given)) {
      throw new TypeError('id must be a non-empty string without spaces, e.g. the event ID.');
    }
    return given;
  }
  const found =
    typeof payload === 'object' && !(payload instanceof Uint8Array) ? payload : parsed(body);
  const id = (found as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' && !/\s/.test(id) ? id : randomEventId();
}

function parsed(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
  } catch {
    return undefined;
  }
}
