/** The header that carries a delivery's signature, lower-cased as Node and fetch report it. */
export const SIGNATURE_HEADER = 'x-iiq-signature';

/** How far, in seconds, a delivery's timestamp may be from the receiver's clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The `User-Agent` IntentIQ sends with every delivery. */
export const WEBHOOK_USER_AGENT = 'VesperWise-Webhook/1.0';
