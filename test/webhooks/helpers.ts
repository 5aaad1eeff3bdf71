import { createHmac } from 'node:crypto';
import {
  createNodeCryptoProvider,
  createWebCryptoProvider,
  type WebhookCryptoProvider,
  WebhookVerificationError,
} from '../../src/webhooks/index.ts';

/** Obviously fake signing secrets. */
export const SECRET = 'whsec_test_fake_secret_aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const OLD_SECRET = 'whsec_test_fake_secret_bbbbbbbbbbbbbbbbbbbbbbbbbbbb';

/** The signing time used throughout: 2026-05-29T14:02:11Z. */
export const T = 1780063331;
/** The receiver's clock, in milliseconds, at the signing time. */
export const NOW = T * 1000;

export const BODY = JSON.stringify({
  id: 'evt_01HZ9X3FK8M2P',
  type: 'credits.low',
  created: '2026-05-28T14:02:11Z',
  data: { remaining: 480, limit: 5000, threshold_percent: 10, resets_at: '2026-06-01T00:00:00Z' },
  delivery_attempt: 1,
});

/**
 * The signature as the API reference defines it, written independently of the SDK: hex
 * HMAC-SHA256 with the signing secret over `<t>.<raw body>`.
 */
export function referenceSignature(
  secret: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** An `X-IIQ-Signature` value signed by the reference implementation, one `v1` per secret. */
export function referenceHeader(
  body: string | Uint8Array,
  secrets = [SECRET],
  timestamp = T,
): string {
  return [
    `t=${timestamp}`,
    ...secrets.map((s) => `v1=${referenceSignature(s, timestamp, body)}`),
  ].join(',');
}

/** Both built-in providers, so every behaviour is proven on the Node fast path and on Web Crypto. */
export const providers: [string, WebhookCryptoProvider][] = [
  ['node:crypto', createNodeCryptoProvider()],
  ['Web Crypto', createWebCryptoProvider()],
];

/** The verification error `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof WebhookVerificationError)) {
    throw new Error(`expected a WebhookVerificationError, got ${String(error)}`);
  }
  return error;
}
