/**
 * Why a delivery was refused. Each one asks for a different fix, so receivers can log it and
 * answer `400` without guessing:
 *
 * - `missing_header`: the request has no `X-IIQ-Signature` header.
 * - `malformed_header`: the header is not `t=<unix seconds>,v1=<64 hex chars>[,v1=…]`.
 * - `signature_mismatch`: no `v1` signature matches the body under any of the secrets.
 * - `timestamp_out_of_tolerance`: the signature is genuine but its timestamp is too old (a replay)
 *   or too far in the future (a clock problem).
 * - `invalid_payload`: the payload is not a raw body (for example already-parsed JSON), or the
 *   verified body is not an IntentIQ event.
 */
export type WebhookVerificationErrorCode =
  | 'missing_header'
  | 'malformed_header'
  | 'signature_mismatch'
  | 'timestamp_out_of_tolerance'
  | 'invalid_payload';

/**
 * Thrown (as a rejected promise) when a webhook delivery cannot be trusted. The message says what
 * to do next; it never contains the secret, the expected signature or the body.
 *
 * @example
 * try {
 *   event = await verifyWebhook({ payload, headers, secret });
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return new Response(error.code, { status: 400 });
 *   throw error;
 * }
 */
export class WebhookVerificationError extends Error {
  /** The reason, stable across versions: switch on this, not on the message. */
  readonly code: WebhookVerificationErrorCode;

  constructor(code: WebhookVerificationErrorCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }

  /** What a structured logger should record: the reason and the advice, nothing from the request. */
  toJSON(): { name: string; code: WebhookVerificationErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}
