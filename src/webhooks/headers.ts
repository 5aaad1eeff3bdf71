import { WebhookVerificationError } from './errors.ts';

/** Anything with a case-insensitive `get(name)`: fetch's `Headers`, Next.js and Hono headers. */
export interface HeadersLike {
  /** The value of header `name`, in any letter case; `null` or `undefined` when absent. */
  get(name: string): string | null | undefined;
}

/** A plain object of headers, as Node's `req.headers` (`IncomingHttpHeaders`) or Express gives them. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Where the signature headers can be found: a `Headers`-like object or a plain object of headers. */
export type WebhookHeaders = HeadersLike | HeaderRecord;

/** The value of a signature header as a framework may hand it over. */
export type SignatureHeaderValue = string | readonly string[] | null | undefined;

/** Throws unless `headers` is something headers can be read from. */
export function checkHeaders(headers: unknown): asserts headers is WebhookHeaders {
  if (typeof headers !== 'object' || headers === null) {
    throw new TypeError(
      'headers must be a Headers object or a plain object of request headers (e.g. req.headers). To pass the X-IIQ-Signature value itself, use the header option.',
    );
  }
}

/** The value of header `name` (lower case) among `headers`, looked up without regard to case. */
export function headerIn(headers: WebhookHeaders, name: string): unknown {
  if (typeof headers.get === 'function') return (headers as HeadersLike).get(name);
  const record = headers as HeaderRecord;
  const exact = Object.hasOwn(record, name) ? record[name] : undefined;
  if (exact !== undefined) return exact;
  const values: unknown[] = [];
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name && record[key] !== undefined) values.push(record[key]);
  }
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values.flat();
}

/**
 * A header's value as one string, or `undefined` when it is absent or blank. A header sent on
 * several lines arrives as an array and is joined with `separator`, as HTTP joins repeated
 * headers (`,` for most; a space for lists that are space-separated).
 */
export function headerText(value: unknown, name: string, separator = ','): string | undefined {
  const lines = (Array.isArray(value) ? value : [value]).filter(
    (line) => line !== undefined && line !== null,
  );
  if (lines.every((line) => typeof line === 'string' && line.trim() === '')) return undefined;
  if (!lines.every((line) => typeof line === 'string')) {
    throw new WebhookVerificationError(
      'malformed_header',
      `The ${name} header must be text (a string, or an array of strings for a header sent on several lines). Pass the header value as the request delivered it.`,
    );
  }
  return lines.join(separator);
}
