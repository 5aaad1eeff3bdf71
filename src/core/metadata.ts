/**
 * What every response says besides its body: the request ID, the rate-limit window, the score
 * cache status and whether an idempotent write was replayed. Parsed the same way for successful
 * responses (`withResponse()`) and for errors (`err.rateLimit`).
 */

/** The rate-limit window of the endpoint that answered, from both header families. */
export interface RateLimit {
  /** Requests allowed in the current window. */
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** When the window resets. */
  reset: Date;
  /** Seconds until the window resets. */
  resetSeconds: number;
  /** Seconds the API asked to wait before retrying (`Retry-After`, on 429 and some 5xx). */
  retryAfter?: number;
}

/**
 * The credits of the workspace's current monthly cycle, from `X-Quota-Limit`, `X-Quota-Used`,
 * `X-Quota-Remaining` and `X-Quota-Reset`. A paid response already counts its own charge.
 */
export interface Quota {
  /** Credits in the cycle (the plan's allowance). */
  limit: number;
  /** Credits used so far in the cycle. */
  used: number;
  /** Credits left in the cycle. */
  remaining: number;
  /** When the next cycle begins. */
  reset: Date;
}

/** `X-IIQ-Cache`: `hit` (free), `miss` (one credit) or `refresh` (forced, one credit). */
export type CacheStatus = 'hit' | 'miss' | 'refresh' | (string & {});

/** The metadata of one response. */
export interface ResponseMetadata {
  /** `X-Request-Id`: quote it when you contact support. */
  requestId: string | null;
  rateLimit: RateLimit | null;
  /** The cycle's credits (`X-Quota-*`); `null` when the response has no quota headers. */
  quota: Quota | null;
  /** `X-IIQ-Cache` on score responses; `null` elsewhere. */
  cache: CacheStatus | null;
  /** True when the API replayed the stored response of an earlier request with the same key. */
  idempotencyReplayed: boolean;
}

function integerHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Seconds to wait from a `Retry-After` value, in either of its forms: delay seconds (`"12"`) or an
 * HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`). `undefined` when the value is neither.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Parses `X-RateLimit-*` (reset as unix seconds) and `RateLimit-*` (reset as seconds from now). */
export function parseRateLimit(headers: Headers, now = Date.now()): RateLimit | null {
  const limit =
    integerHeader(headers, 'x-ratelimit-limit') ?? integerHeader(headers, 'ratelimit-limit');
  const remaining =
    integerHeader(headers, 'x-ratelimit-remaining') ??
    integerHeader(headers, 'ratelimit-remaining');
  if (limit === undefined || remaining === undefined) return null;

  const resetAt = integerHeader(headers, 'x-ratelimit-reset');
  const resetIn = integerHeader(headers, 'ratelimit-reset');
  const resetSeconds = resetIn ?? Math.max(0, Math.ceil((resetAt ?? 0) - now / 1000));
  const reset = new Date(resetAt !== undefined ? resetAt * 1000 : now + resetSeconds * 1000);

  const rateLimit: RateLimit = { limit, remaining, reset, resetSeconds };
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) rateLimit.retryAfter = retryAfter;
  return rateLimit;
}

/** Parses `X-Quota-Limit/Used/Remaining/Reset` (reset as unix seconds); `null` unless all four are there. */
export function parseQuota(headers: Headers): Quota | null {
  const limit = integerHeader(headers, 'x-quota-limit');
  const used = integerHeader(headers, 'x-quota-used');
  const remaining = integerHeader(headers, 'x-quota-remaining');
  const reset = integerHeader(headers, 'x-quota-reset');
  if (limit === undefined || used === undefined || remaining === undefined || reset === undefined)
    return null;
  return { limit, used, remaining, reset: new Date(reset * 1000) };
}

/** Reads the metadata every response carries. */
export function readMetadata(headers: Headers): ResponseMetadata {
  return {
    requestId: headers.get('x-request-id'),
    rateLimit: parseRateLimit(headers),
    quota: parseQuota(headers),
    cache: headers.get('x-iiq-cache'),
    idempotencyReplayed: headers.get('idempotency-replayed') === 'true',
  };
}

/** Response headers as a plain object with lower-case names (what errors carry). */
export function headersToObject(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    result[name] = value;
  });
  return result;
}
