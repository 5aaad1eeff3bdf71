/**
 * Which signature of a delivery to check. Every delivery is signed twice over the same body:
 * `X-IIQ-Signature` (IntentIQ's own) and the Standard Webhooks headers. The first one present is
 * checked, in this order:
 *
 * 1. the `header` option, always an `X-IIQ-Signature` value;
 * 2. `X-IIQ-Signature` among the headers (the `headers` option, else the `Request`'s);
 * 3. `webhook-id`, `webhook-timestamp` and `webhook-signature` among them, for a delivery that
 *    reaches you through something that keeps only the standard headers.
 */
import { SIGNATURE_HEADER, STANDARD_WEBHOOK_HEADERS } from './constants.ts';
import { WebhookVerificationError } from './errors.ts';
import { checkHeaders, headerIn, headerText, type WebhookHeaders } from './headers.ts';
import { isRequestLike } from './payload.ts';
import { parseSignatureHeader } from './signature-header.ts';
import {
  parseStandardHeaders,
  standardSignedPrefix,
  standardWebhooksKey,
} from './standard-webhooks.ts';

/** A signature to check, whichever scheme it came from. */
export interface Signature {
  /** The header it was read from, for messages. */
  header: string;
  /** What the signed message has before the body: `<t>.` or `<id>.<t>.`. */
  prefix: string;
  /** The signing time, in unix seconds. */
  seconds: number;
  /** The candidate signatures, 32 bytes each: one per secret that was active. */
  signatures: Uint8Array[];
  /** The HMAC key of each secret under this scheme. */
  keys(secrets: readonly string[]): (string | Uint8Array)[];
}

/** Where a signature may be: the options of `verifyWebhook`. */
export interface SignatureSource {
  payload: unknown;
  header?: unknown;
  headers?: unknown;
}

const { id: ID, timestamp: TIMESTAMP, signature: STANDARD_SIGNATURE } = STANDARD_WEBHOOK_HEADERS;

/** The signature to check for a delivery, or a `missing_header` / `malformed_header` error. */
export function findSignature(source: SignatureSource): Signature {
  if (source.header !== undefined && source.headers !== undefined) {
    throw new TypeError(
      'Pass either header (the signature value) or headers (all of them), not both.',
    );
  }
  if (source.header !== undefined) {
    return intentiqSignature(headerText(source.header, 'X-IIQ-Signature'));
  }
  let headers: unknown = source.headers;
  if (headers === undefined || headers === null) {
    headers = isRequestLike(source.payload) ? source.payload.headers : undefined;
    if (headers === undefined || headers === null) return missing();
  }
  checkHeaders(headers);
  const intentiq = headerText(headerIn(headers, SIGNATURE_HEADER), 'X-IIQ-Signature');
  if (intentiq !== undefined) return intentiqSignature(intentiq);
  return standardSignature(headers);
}

function intentiqSignature(header: string | undefined): Signature {
  if (header === undefined) return missing();
  const parsed = parseSignatureHeader(header);
  return {
    header: 'X-IIQ-Signature',
    prefix: `${parsed.timestamp}.`,
    seconds: parsed.seconds,
    signatures: parsed.signatures,
    keys: (secrets) => [...secrets],
  };
}

function standardSignature(headers: WebhookHeaders): Signature {
  const signature = headerText(headerIn(headers, STANDARD_SIGNATURE), STANDARD_SIGNATURE, ' ');
  if (signature === undefined) return missing();
  const id = singleValue(headers, ID);
  const timestamp = singleValue(headers, TIMESTAMP);
  if (id === undefined || timestamp === undefined) {
    throw new WebhookVerificationError(
      'missing_header',
      `The request has a webhook-signature header but no ${id === undefined ? ID : TIMESTAMP} header: Standard Webhooks signatures cover webhook-id, webhook-timestamp and the body, so all three headers are needed. Check that no proxy strips them, and pass all the request headers.`,
    );
  }
  const parsed = parseStandardHeaders(id, timestamp, signature);
  return {
    header: STANDARD_SIGNATURE,
    prefix: standardSignedPrefix(parsed.id, parsed.timestamp),
    seconds: parsed.seconds,
    signatures: parsed.signatures,
    keys: (secrets) =>
      secrets.map((secret, index) => {
        const key = standardWebhooksKey(secret);
        if (key === undefined) {
          throw new TypeError(
            `${secrets.length === 1 ? 'The signing secret' : `Signing secret ${index + 1}`} is not in the form whsec_<base64>, so it cannot check the Standard Webhooks signature (webhook-signature) of this request. Pass the secret shown when the webhook endpoint was created.`,
          );
        }
        return key;
      }),
  };
}

function singleValue(headers: WebhookHeaders, name: string): string | undefined {
  const value = headerIn(headers, name);
  if (Array.isArray(value) && new Set(value).size > 1) {
    throw new WebhookVerificationError(
      'malformed_header',
      `The ${name} header was sent more than once with different values. Pass the headers exactly as received.`,
    );
  }
  return headerText(Array.isArray(value) ? value[0] : value, name);
}

function missing(): never {
  throw new WebhookVerificationError(
    'missing_header',
    'The request has no X-IIQ-Signature header (nor the Standard Webhooks webhook-signature header), so it cannot be shown to come from IntentIQ. Every delivery carries both: check that this URL is the one registered as a webhook endpoint and that no proxy strips the headers, and pass the request headers (or the request itself) to verifyWebhook.',
  );
}
