import { defaultCryptoProvider, type WebhookCryptoProvider } from './crypto.ts';
import { WebhookVerificationError } from './errors.ts';
import { isKnownWebhookEventType, type WebhookEvent } from './events.ts';
import {
  type SignatureHeaderValue,
  signatureHeaderIn,
  signatureHeaderText,
  type WebhookHeaders,
} from './headers.ts';
import { nowSeconds, secretList, toleranceSeconds } from './options.ts';
import { bodyReader, isRequestLike, type WebhookPayload } from './payload.ts';
import { parseSignatureHeader, type SignatureHeader } from './signature-header.ts';

/** Options for {@link verifyWebhook}. Give `secret` or `secrets`, and `header` or `headers` (or a `Request` as payload). */
export interface VerifyWebhookOptions {
  /** The raw request body exactly as received, or the `Request` itself. Never parsed JSON. */
  payload: WebhookPayload;
  /** The `X-IIQ-Signature` header's value, e.g. `req.headers['x-iiq-signature']`. */
  header?: SignatureHeaderValue;
  /** All request headers (`Headers` or Node's `req.headers`); the signature header is found in them. */
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
  const now = nowSeconds(options.now);
  const provider = options.cryptoProvider ?? defaultCryptoProvider();

  // The payload is checked before the header, so parsed JSON is reported as such even when the
  // header is missing too: it is the mistake to fix first.
  const readBody = bodyReader(options.payload);
  const header = parseSignatureHeader(signatureHeaderText(headerValue(options)));
  const body = await readBody();

  await checkSignature(provider, secrets, header, body);
  checkTimestamp(header.seconds, now, tolerance);
  return parseEvent(body);
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

function headerValue(options: VerifyWebhookOptions): unknown {
  if (options.header !== undefined && options.headers !== undefined) {
    throw new TypeError(
      'Pass either header (the signature value) or headers (all of them), not both.',
    );
  }
  if (options.header !== undefined) return options.header;
  if (options.headers !== undefined && options.headers !== null) {
    return signatureHeaderIn(options.headers);
  }
  const requestHeaders = isRequestLike(options.payload) ? options.payload.headers : undefined;
  return requestHeaders ? signatureHeaderIn(requestHeaders) : undefined;
}

async function checkSignature(
  provider: WebhookCryptoProvider,
  secrets: readonly string[],
  header: SignatureHeader,
  body: string | Uint8Array,
): Promise<void> {
  const signedPrefix = `${header.timestamp}.`;
  for (const secret of secrets) {
    const expected = await provider.hmacSha256(secret, [signedPrefix, body]);
    for (const candidate of header.signatures) {
      if (provider.timingSafeEqual(expected, candidate)) return;
    }
  }
  throw new WebhookVerificationError(
    'signature_mismatch',
    `No v1 signature in the X-IIQ-Signature header matches this body under the ${secrets.length === 1 ? 'signing secret' : `${secrets.length} signing secrets`} given. Usual causes: the body was parsed or re-encoded before verifying (pass the raw bytes), the secret belongs to another endpoint or was rotated (pass secrets: [current, previous] during a rotation), or the request did not come from IntentIQ.`,
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
