import { SIGNATURE_HEADER } from './constants.ts';
import { WebhookVerificationError } from './errors.ts';

/** Anything with a case-insensitive `get(name)`: fetch's `Headers`, Next.js and Hono headers. */
export interface HeadersLike {
  get(name: string): string | null | undefined;
}

/** A plain object of headers, as Node's `req.headers` (`IncomingHttpHeaders`) or Express gives them. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Where a signature header can be found: a `Headers`-like object or a plain object of headers. */
export type WebhookHeaders = HeadersLike | HeaderRecord;

/** The value of a signature header as a framework may hand it over. */
export type SignatureHeaderValue = string | readonly string[] | null | undefined;

/** The `X-IIQ-Signature` value among `headers`, looked up without regard to case. */
export function signatureHeaderIn(headers: WebhookHeaders): unknown {
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError(
      'headers must be a Headers object or a plain object of request headers (e.g. req.headers). To pass the X-IIQ-Signature value itself, use the header option.',
    );
  }
  if (typeof headers.get === 'function') return (headers as HeadersLike).get(SIGNATURE_HEADER);
  const record = headers as HeaderRecord;
  const exact = Object.hasOwn(record, SIGNATURE_HEADER) ? record[SIGNATURE_HEADER] : undefined;
  if (exact !== undefined) return exact;
  const values: unknown[] = [];
  for (const name of Object.keys(record)) {
    if (name.toLowerCase() === SIGNATURE_HEADER && record[name] !== undefined) {
      values.push(record[name]);
    }
  }
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values.flat();
}

/**
 * The header as one string. A header sent on several lines arrives as an array and is joined with
 * commas, as HTTP joins repeated headers.
 */
export function signatureHeaderText(value: unknown): string {
  const lines = (Array.isArray(value) ? value : [value]).filter(
    (line) => line !== undefined && line !== null,
  );
  if (lines.every((line) => typeof line === 'string' && line.trim() === '')) {
    throw new WebhookVerificationError(
      'missing_header',
      'The request has no X-IIQ-Signature header, so it cannot be shown to come from IntentIQ. Every delivery carries one: check that this URL is the one registered as a webhook endpoint and that no proxy strips the header, and pass the request headers (or the request itself) to verifyWebhook.',
    );
  }
  if (!lines.every((line) => typeof line === 'string')) {
    throw new WebhookVerificationError(
      'malformed_header',
      'The X-IIQ-Signature header must be text (a string, or an array of strings for a header sent on several lines). Pass the header value as the request delivered it.',
    );
  }
  return lines.join(',');
}
