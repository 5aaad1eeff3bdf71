import { defaultCryptoProvider, type WebhookCryptoProvider } from './crypto.ts';
import { WebhookVerificationError } from './errors.ts';
import { isKnownWebhookEventType, type WebhookEvent } from './events.ts';
import type { SignatureHeaderValue, WebhookHeaders } from './headers.ts';
import { nowSeconds, secretList, toleranceSeconds } from './options.ts';
import { bodyReader, type WebhookPayload } from './payload.ts';
import { findSignature, type Signature } from './signature.ts';

/** Options for {@link verifyWebhook}. Give `secret` or `secrets`, and `header` or `headers` (or a `Request` as payload). */
export interface VerifyWebhookOptions {
  /** The raw request body exactly as received, or the `Request` itself. Never parsed JSON. */
  payload: WebhookPayload;
  /** The `X-IIQ-Signature` header's value, e.g. `req.headers['x-iiq-signature']`. */
  header?: SignatureHeaderValue;
  /**
   * All request headers (`Headers` or Node's `req.headers`). `X-IIQ-Signature` is checked when it is
   * there; otherwise the Standard Webhooks headers (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature`).
   */
  headers?: WebhookHeaders;
  /** The endpoint's signing secret (`whsec_…`). */
  secret?: string;
  /** Several secrets during a rotation, e.g. `[current, previous]`: a delivery verifies if any matches. */
  secrets?: readonly string[];
  /**
   * How many seconds the signature's timestamp may be from `now`, in the past or the future.
   * Default 300. Must be positive; `Infinity` turns the check off, only for re-verifying stored
   * deliveries, never for live traffic (it lets a captured delivery be replayed forever).
   */
  tolerance?: number;
  /** The receiver's current time, as a `Date` or milliseconds since the epoch. Default: the system clock. */
  now?: Date | number;
  /**
   * When the delivery reached you, as a `Date` or milliseconds since the epoch, for a delivery you
   * queued and verify later: its timestamp is checked against this instead of the clock. Store it
   * with the raw body and headers when the request arrives. Not with `now`.
   */
  receivedAt?: Date | number;
  /** Forces a crypto implementation, e.g. `createWebCryptoProvider()`. Default: the fastest available. */
  cryptoProvider?: WebhookCryptoProvider;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks that a webhook delivery was signed by IntentIQ with your secret and is recent, then parses
 * it. Resolves with the event; rejects with a {@link WebhookVerificationError} (answer `400`) when
 * the delivery cannot be trusted, or a `TypeError` when the call itself is wrong (e.g. no secret).
 *
 * @example
 * const event = await verifyWebhook({
 *   payload: req.body, // the raw Buffer from express.raw({ type: 'application/json' })
 *   headers: req.headers,
 *   secret: process.env.IIQ_WEBHOOK_SECRET,
 * });
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('verifyWebhook takes one options object: { payload, headers, secret }.');
  }
  const secrets = secretList(options.secret, options.secrets);
  const tolerance = toleranceSeconds(options.tolerance);
  const now = referenceSeconds(options);
  const provider = options.cryptoProvider ?? defaultCryptoProvider();

  // The payload is checked before the header, so parsed JSON is reported as such even when the
  // header is missing too: it is the mistake to fix first.
  const readBody = bodyReader(options.payload);
  const signature = findSignature(options);
  const keys = signature.keys(secrets);
  const body = await readBody();

  await checkSignature(provider, keys, signature, body);
  checkTimestamp(signature.seconds, now, tolerance);
  return parseEvent(body);
}

/** The time to check the signature's timestamp against, in unix seconds. */
function referenceSeconds(options: VerifyWebhookOptions): number {
  if (options.receivedAt === undefined) return nowSeconds(options.now);
  if (options.now !== undefined) {
    throw new TypeError(
      'Pass either now (the current time) or receivedAt (when a queued delivery arrived), not both.',
    );
  }
  return nowSeconds(options.receivedAt, 'receivedAt');
}

/** Options for {@link constructEvent}, beyond its positional arguments. */
export type ConstructEventOptions = Omit<
  VerifyWebhookOptions,
  'payload' | 'header' | 'headers' | 'secret' | 'secrets'
>;

/**
 * `verifyWebhook` in the positional form stripe users know. `header` is the signature header's
 * value or all the request headers; `secret` one secret or several during a rotation.
 *
 * @example
 * const event = await constructEvent(req.body, req.headers['x-iiq-signature'], secret);
 */
export function constructEvent(
  payload: WebhookPayload,
  header: SignatureHeaderValue | WebhookHeaders,
  secret: string | readonly string[],
  options: ConstructEventOptions = {},
): Promise<WebhookEvent> {
  const headerOption =
    typeof header === 'object' && header !== null && !Array.isArray(header)
      ? { headers: header as WebhookHeaders }
      : { header: header as SignatureHeaderValue };
  const secretOption = Array.isArray(secret)
    ? { secrets: secret as readonly string[] }
    : { secret: secret as string };
  return verifyWebhook({ ...options, payload, ...headerOption, ...secretOption });
}

async function checkSignature(
  provider: WebhookCryptoProvider,
  keys: readonly (string | Uint8Array)[],
  signature: Signature,
  body: string | Uint8Array,
): Promise<void> {
  for (const key of keys) {
    const expected = await provider.hmacSha256(key, [signature.prefix, body]);
    for (const candidate of signature.signatures) {
      if (provider.timingSafeEqual(expected, candidate)) return;
    }
  }
  throw new WebhookVerificationError(
    'signature_mismatch',
    `No v1 signature in the ${signature.header} header matches this body under the ${keys.length === 1 ? 'signing secret' : `${keys.length} signing secrets`} given. Usual causes: the body was parsed or re-encoded before verifying (pass the raw bytes), the secret belongs to another endpoint or was rotated (pass secrets: [current, previous] during a rotation), or the request did not come from IntentIQ.`,
  );
}

function checkTimestamp(signedAt: number, now: number, tolerance: number): void {
  const age = now - signedAt;
  if (Math.abs(age) <= tolerance) return;
  const advice =
    age > 0
      ? `is ${age} seconds old, more than the ${tolerance} allowed: it may be a replay. If deliveries are genuinely this slow to reach you, check this server's clock`
      : `is ${-age} seconds in the future, more than the ${tolerance} allowed: this server's clock is probably behind. Sync it (NTP)`;
  throw new WebhookVerificationError(
    'timestamp_out_of_tolerance',
    `The signature is valid but its timestamp ${advice}; do not widen the tolerance to hide a clock problem.`,
  );
}

function parseEvent(body: string | Uint8Array): WebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : utf8Decoder.decode(body));
  } catch {
    // The parser's own message quotes the body, which must not reach logs.
    invalidEvent('it is not valid UTF-8 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalidEvent('it is not a JSON object');
  }
  const event = value as Record<string, unknown>;
  for (const field of ['id', 'type', 'created'] as const) {
    if (typeof event[field] !== 'string') invalidEvent(`its ${field} is not a string`);
  }
  if (isKnownWebhookEventType(event.type as string) && !isObject(event.data)) {
    invalidEvent('its data is not an object');
  }
  return value as WebhookEvent;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidEvent(problem: string): never {
  throw new WebhookVerificationError(
    'invalid_payload',
    `The body is signed correctly but is not an IntentIQ event: ${problem}. Events are JSON objects with string id, type and created, and a data object.`,
  );
}
