/**
 * The API's retry policy, expressed as ky's retry options: at most 5 attempts (4 retries) with
 * backoff of 1 s, 2 s, 4 s, 8 s (jittered); retry 408, 429, every 5xx, network errors and
 * timeouts; never another 4xx; honour `Retry-After` in seconds or as an HTTP date, up to
 * `maxRetryAfter`, beyond which the call fails at once so the caller can decide.
 */
import type { RetryOptions } from 'ky';
import { parseRetryAfter } from './metadata.ts';

/** 408, 429 and every 5xx are retried; nothing else is. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

// The statuses ky itself handles, honouring Retry-After: the registered 5xx and the ones CDNs
// use. Any other 5xx is retried by `shouldRetry` with plain backoff. The list stays short because
// ky copies it several times per request.
const KY_STATUS_CODES = [408, 429, ...range(500, 511), ...range(520, 530)];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Nominal wait before retry `n` (1-based): 1 s, 2 s, 4 s, 8 s, then doubling up to 30 s. */
export function backoffDelay(retry: number): number {
  return Math.min(1000 * 2 ** (retry - 1), 30_000);
}

interface PolicyOptions {
  /** Seconds. */
  maxRetryAfter: number;
  jitter: (delayMs: number) => number;
  isHTTPError: (error: unknown) => error is { response: Response };
}

/** The retry options every request shares; the transport adds `limit` per call. */
export function retryPolicy({ maxRetryAfter, jitter, isHTTPError }: PolicyOptions): RetryOptions {
  return {
    methods: ['get', 'post', 'put', 'patch', 'delete'],
    statusCodes: KY_STATUS_CODES,
    afterStatusCodes: KY_STATUS_CODES,
    maxRetryAfter: maxRetryAfter * 1000,
    delay: backoffDelay,
    backoffLimit: 30_000,
    jitter,
    retryOnTimeout: true,
    shouldRetry({ error }) {
      if (!isHTTPError(error)) return undefined; // network errors and timeouts: ky's rules
      const { status, headers } = error.response;
      if (!isRetryableStatus(status)) return false;
      const retryAfter = headers.get('retry-after');
      // Without Retry-After, ky would fall back to the rate-limit reset headers that every
      // response of this API carries, and wait for the window to reset: back off instead.
      if (retryAfter === null || !KY_STATUS_CODES.includes(status)) return true;
      const seconds = parseRetryAfter(retryAfter);
      if (seconds !== undefined && seconds > maxRetryAfter) return false;
      return undefined; // ky waits for Retry-After
    },
  };
}
