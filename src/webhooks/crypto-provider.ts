/**
 * The two primitives webhook signatures need, so the platform difference lives in one place:
 * `node:crypto` where the runtime offers it (fast, synchronous), Web Crypto everywhere else.
 * Pass your own as `cryptoProvider` only to force one of the built-in ones or to run somewhere
 * exotic.
 */
export interface WebhookCryptoProvider {
  /**
   * HMAC-SHA256 over `message` laid end to end (strings as UTF-8), keyed with `key`: a signing
   * secret as UTF-8 text (the `X-IIQ-Signature` scheme) or raw key bytes (Standard Webhooks, whose
   * key is the base64 that follows `whsec_`).
   */
  hmacSha256(
    key: string | Uint8Array,
    message: readonly (string | Uint8Array)[],
  ): Uint8Array | Promise<Uint8Array>;
  /** Whether two byte arrays of the same length are equal, in time that does not depend on where they differ. */
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
