import { fromHex, toHex } from './bytes.ts';
import { WebhookVerificationError } from './errors.ts';

/** A parsed `X-IIQ-Signature` header. */
export interface SignatureHeader {
  /** The `t=` value exactly as sent: it is part of the signed string. */
  timestamp: string;
  /** `timestamp` as a number of unix seconds. */
  seconds: number;
  /** Every `v1=` signature, as 32 bytes each. */
  signatures: Uint8Array[];
}

// Far above a real header (a timestamp and a few signatures, under 400 characters) and short enough
// that hostile input cannot make parsing expensive.
const MAX_HEADER_LENGTH = 4096;
const TIMESTAMP = /^\d{1,15}$/;
const V1_SIGNATURE = /^[0-9a-f]{64}$/;
const EXPECTED_FORM = 'Expected t=<unix seconds>,v1=<64 lower-case hex characters>';

/**
 * Reads `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: spaces after commas allowed, elements in any
 * order, unknown schemes (a future `v2=`) ignored, one `v1` per active secret.
 */
export function parseSignatureHeader(header: string): SignatureHeader {
  if (header.length > MAX_HEADER_LENGTH) {
    malformed(`it is ${header.length} characters long, far more than a real signature header`);
  }
  let timestamp: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const element of header.split(',')) {
    const item = element.trim();
    if (item === '') continue;
    const equals = item.indexOf('=');
    if (equals < 1) malformed('an element is not a key=value pair');
    const key = item.slice(0, equals);
    const value = item.slice(equals + 1);
    if (key === 't') {
      if (timestamp !== undefined) malformed('it has more than one t= timestamp');
      if (!TIMESTAMP.test(value)) malformed('t= is not a whole number of unix seconds');
      timestamp = value;
    } else if (key === 'v1') {
      if (!V1_SIGNATURE.test(value)) {
        malformed(`a v1= signature is not 64 lower-case hex characters (it has ${value.length})`);
      }
      signatures.push(fromHex(value));
    }
  }
  if (timestamp === undefined) malformed('it has no t= timestamp');
  if (signatures.length === 0) malformed('it has no v1= signature');
  return { timestamp, seconds: Number(timestamp), signatures };
}

/** Writes the header IntentIQ sends: `t=<unix seconds>,v1=<hex>` with one `v1` per signature. */
export function formatSignatureHeader(seconds: number, signatures: readonly Uint8Array[]): string {
  return [`t=${seconds}`, ...signatures.map((signature) => `v1=${toHex(signature)}`)].join(',');
}

function malformed(problem: string): never {
  throw new WebhookVerificationError(
    'malformed_header',
    `The X-IIQ-Signature header is malformed: ${problem}. ${EXPECTED_FORM}. Pass the header value exactly as received; if a proxy or framework rewrites headers, read it from the original request.`,
  );
}
