/**
 * `@vesperwise/node/webhooks`: verify, parse and sign IntentIQ webhook deliveries, by their
 * `X-IIQ-Signature` or their Standard Webhooks headers, and handle each event once. Standalone (no
 * client, no HTTP library) and built on Web Crypto, so it runs on Node, Bun, Deno, Cloudflare
 * Workers and in browsers.
 *
 * @module @vesperwise/node/webhooks
 */
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  STANDARD_WEBHOOK_HEADERS,
  WEBHOOK_USER_AGENT,
} from './constants.ts';
export type { WebhookCryptoProvider } from './crypto.ts';
export { createNodeCryptoProvider } from './crypto-node.ts';
export { createWebCryptoProvider, type WebCryptoProviderOptions } from './crypto-web.ts';
export { WebhookVerificationError, type WebhookVerificationErrorCode } from './errors.ts';
export {
  type AccountBandChangedEvent,
  type CreditsLowEvent,
  isKnownWebhookEvent,
  isKnownWebhookEventType,
  type KnownWebhookEvent,
  type PersonScoredEvent,
  type ScoreBulkCompletedEvent,
  type ScoreComputedEvent,
  type ScoringScoreChangedEvent,
  type SignalSpikeEvent,
  type UnknownWebhookEvent,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventOfType,
  type WebhookEventType,
} from './events.ts';
export type {
  HeaderRecord,
  HeadersLike,
  SignatureHeaderValue,
  WebhookHeaders,
} from './headers.ts';
export type { WebhookPayload, WebhookRequestLike } from './payload.ts';
export {
  createMemoryReplayStore,
  createReplayGuard,
  DEFAULT_REPLAY_TTL_SECONDS,
  type MemoryReplayStoreOptions,
  type ReplayGuard,
  type ReplayGuardOptions,
  type ReplayStore,
} from './replay-guard.ts';
export {
  type SignedWebhook,
  type SignWebhookOptions,
  signWebhook,
  type WebhookDeliveryHeaders,
} from './sign.ts';
export { createTestEvent, type TestEventOptions } from './test-event.ts';
export {
  type ConstructEventOptions,
  constructEvent,
  type VerifyWebhookOptions,
  verifyWebhook,
} from './verify.ts';
