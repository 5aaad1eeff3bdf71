/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com), which every delivery carries
 * beside `X-IIQ-Signature`, so that any Standard Webhooks verifier accepts it:
 *
 *   webhook-id: evt_01HZ9X3FK8M2P
 *   webhook-timestamp: 1780063331
 *   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>"> [v1,<…> …]
 *
 * The HMAC key is the base64 that follows `whsec_` in the signing secret, decoded; IntentIQ's
 * secrets (`whsec_` and 32 letters and digits) are in that form.
 */
import { fromBase64, toBase64 } from './bytes.ts';
import { STANDARD_WEBHOOK_HEADERS } from './constants.ts';
import { WebhookVerificationError } from './errors.ts';

const SECRET_PREFIX = 'whsec_';
// Far above real headers and short enough that hostile input cannot make parsing expensive.
const MAX_HEADER_LENGTH = 4096;
const TIMESTAMP = /^\d{1,15}$/;
const SIGNATURE_BYTES = 32;

/** A parsed set of Standard Webhooks headers. */
export interface StandardSignature {
  /** `webhook-id` as sent: part of the signed string. */
  id: string;
  /** `webhook-timestamp` as sent: part of the signed string. */
  timestamp: string;
  seconds: number;
  /** Every `v1,` signature, 32 bytes each. */
  signatures: Uint8Array[];
}

/**
 * The Standard Webhooks key of a secret: the bytes its base64 (after `whsec_`) encodes, or
 * `undefined` for a secret that is not in that form (a made-up test secret such as `'s3cret'`).
 */
export function standardWebhooksKey(secret: string): Uint8Array | undefined {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = fromBase64(encoded);
  return key !== undefined && key.byteLength > 0 ? key : undefined;
}

/** What precedes the body in the signed message. */
export function standardSignedPrefix(id: string, timestamp: string | number): string {
  return `${id}.${timestamp}.`;
}

/** The `webhook-signature` value: `v1,<base64>` per signature, space-separated. */
export function formatStandardSignature(signatures: readonly Uint8Array[]): string {
  return signatures.map((signature) => `v1,${toBase64(signature)}`).join(' ');
}

/**
 * Reads the three headers: an ID, a whole number of unix seconds, and one or more
 * `<version>,<base64>` signatures separated by spaces, of which the `v1` ones are kept (other
 * versions, such as the asymmetric `v1a`, are ignored).
 */
export function parseStandardHeaders(
  id: string,
  timestamp: string,
  signature: string,
): StandardSignature {
  const {
    id: idHeader,
    timestamp: timestampHeader,
    signature: signatureHeader,
  } = STANDARD_WEBHOOK_HEADERS;
  if (id.length > MAX_HEADER_LENGTH || /\s/.test(id.trim())) {
    malformed(idHeader, 'it is not a message ID (no spaces, at most 4096 characters)');
  }
  if (!TIMESTAMP.test(timestamp.trim())) {
    malformed(timestampHeader, 'it is not a whole number of unix seconds');
  }
  if (signature.length > MAX_HEADER_LENGTH) {
    malformed(
      signatureHeader,
      `it is ${signature.length} characters long, far more than a real one`,
    );
  }
  const signatures: Uint8Array[] = [];
  for (const entry of signature.trim().split(/\s+/)) {
    const comma = entry.indexOf(',');
    if (comma < 1) malformed(signatureHeader, 'an entry is not <version>,<signature>');
    if (entry.slice(0, comma) !== 'v1') continue;
    const bytes = fromBase64(entry.slice(comma + 1));
    if (bytes === undefined || bytes.byteLength !== SIGNATURE_BYTES) {
      malformed(signatureHeader, 'a v1 signature is not the base64 of 32 bytes');
    }
    signatures.push(bytes);
  }
  if (signatures.length === 0) malformed(signatureHeader, 'it has no v1 signature');
  const seconds = timestamp.trim();
  return { id: id.trim(), timestamp: seconds, seconds: Number(seconds), signatures };
}

function malformed(header: string, problem: string): never {
  throw new WebhookVerificationError(
    'malformed_header',
    `The ${header} header is malformed: ${problem}. Standard Webhooks headers are webhook-id (the event ID), webhook-timestamp (unix seconds) and webhook-signature (v1,<base64>, space-separated). Pass the headers exactly as received.`,
  );
}
