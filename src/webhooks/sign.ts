import { SIGNATURE_HEADER, WEBHOOK_USER_AGENT } from './constants.ts';
import { defaultCryptoProvider, type WebhookCryptoProvider } from './crypto.ts';
import { secretList, signingSeconds } from './options.ts';
import { formatSignatureHeader } from './signature-header.ts';

/** Options for {@link signWebhook}. Give `secret` or `secrets`. */
export interface SignWebhookOptions<Payload extends string | Uint8Array | object> {
  /** The body to send: a string or bytes as-is, or an object (an event) serialised with `JSON.stringify`. */
  payload: Payload;
  /** The endpoint's signing secret. */
  secret?: string;
  /** Several secrets, as during a rotation: the header gets one `v1=` per secret, in this order. */
  secrets?: readonly string[];
  /** When the delivery is signed, as a `Date` or unix seconds (what `t=` carries). Default: now. */
  timestamp?: Date | number;
  /** Forces a crypto implementation. Default: the fastest available. */
  cryptoProvider?: WebhookCryptoProvider;
}

/** A signed delivery, ready to send or to hand to a receiver under test. */
export interface SignedWebhook<Body extends string | Uint8Array> {
  /** The exact body that was signed: send these bytes, unchanged. */
  body: Body;
  /** The `X-IIQ-Signature` value, e.g. `t=1780063331,v1=5257a8…`. */
  header: string;
  /** The headers IntentIQ sends with a delivery, lower-cased: spread them into a request. */
  headers: {
    'content-type': 'application/json';
    'user-agent': typeof WEBHOOK_USER_AGENT;
    'x-iiq-signature': string;
  };
  /** The signing time, in unix seconds. */
  timestamp: number;
}

/**
 * Signs a payload the way IntentIQ signs deliveries: HMAC-SHA256 of `<t>.<body>` per secret. Use it
 * to unit-test a webhook receiver without a network.
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
  return {
    body,
    header,
    headers: {
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
      [SIGNATURE_HEADER]: header,
    },
    timestamp,
  };
}

function serialise(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (typeof payload === 'object' && payload !== null) return JSON.stringify(payload);
  throw new TypeError('payload must be a string, a Uint8Array or an object to serialise as JSON.');
}
