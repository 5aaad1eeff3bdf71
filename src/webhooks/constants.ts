/** The header that carries a delivery's IntentIQ signature, lower-cased as Node and fetch report it. */
export const SIGNATURE_HEADER = 'x-iiq-signature';

/**
 * The headers of the Standard Webhooks signature (https://www.standardwebhooks.com) that every
 * delivery also carries, lower-cased: the event's ID, the signing time in unix seconds, and
 * `v1,<base64 HMAC-SHA256>` of `<id>.<timestamp>.<body>`, one per active secret, space-separated.
 */
export const STANDARD_WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** How far, in seconds, a delivery's timestamp may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The `User-Agent` IntentIQ sends with every delivery. */
export const WEBHOOK_USER_AGENT = 'VesperWise-Webhook/1.0';
