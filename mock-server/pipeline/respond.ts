/**
 * Building responses: JSON bodies (with `"mode": "test"` for test keys), API errors, and the
 * headers every response carries (`X-Request-Id` and both families of rate-limit headers; the
 * quota headers when the key was accepted).
 */
import { MockApiError } from '../kernel/errors.ts';
import type { RateState } from '../kernel/rate-limits.ts';
import type { CreditsView } from '../tenancy/credits.ts';
import { errorBody } from './error-body.ts';
import type { MockResponse } from './route.ts';

export const JSON_TYPE = 'application/json';

/** Adds `"mode"` as the last property of a serialised object (cheaper than copying the object). */
function withMode(json: string, mode: 'test' | undefined): string {
  if (mode === undefined) return json;
  return json === '{}' ? `{"mode":"${mode}"}` : `${json.slice(0, -1)},"mode":"${mode}"}`;
}

export function jsonResponse(
  status: number,
  body: object,
  mode: 'test' | undefined,
  headers?: Record<string, string>,
): MockResponse {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: withMode(JSON.stringify(body), mode),
  };
}

export function errorResponse(
  error: MockApiError,
  requestId: string,
  mode: 'test' | undefined,
): MockResponse {
  const { status, body } = errorBody(error, requestId, mode);
  // errorBody places `mode` itself: after `domain`, `score` and `band` on a 422 unscorable.
  const headers: Record<string, string> = { 'Content-Type': JSON_TYPE };
  if (error.details.retryAfter !== undefined)
    headers['Retry-After'] = String(error.details.retryAfter);
  return { status, headers, body: JSON.stringify(body) };
}

/** Any thrown value as an API error: a bug in a handler is a plain 500, never a stack trace. */
export function asApiError(thrown: unknown): MockApiError {
  if (thrown instanceof MockApiError) return thrown;
  return new MockApiError(
    'internal_error',
    'Something went wrong on our side. Retry with backoff; quote the request ID if it persists.',
  );
}

/** Adds the headers every response carries. */
export function finish(
  response: MockResponse,
  requestId: string,
  rate: RateState,
  now: number,
): MockResponse {
  const headers = response.headers;
  const resetIn = Math.max(0, Math.ceil((rate.resetAt - now) / 1000));
  headers['X-Request-Id'] = requestId;
  headers['X-RateLimit-Limit'] = String(rate.limit);
  headers['X-RateLimit-Remaining'] = String(rate.remaining);
  headers['X-RateLimit-Reset'] = String(Math.ceil(rate.resetAt / 1000));
  headers['RateLimit-Limit'] = String(rate.limit);
  headers['RateLimit-Remaining'] = String(rate.remaining);
  headers['RateLimit-Reset'] = String(resetIn);
  return response;
}

/**
 * Adds the credits of the workspace's current cycle (`X-Quota-*`) to a response to a request whose
 * key was accepted. Read after the handler ran, so a paid response counts its own charge.
 */
export function withQuota(response: MockResponse, quota: CreditsView): MockResponse {
  const headers = response.headers;
  headers['X-Quota-Limit'] = String(quota.limit);
  headers['X-Quota-Used'] = String(quota.used);
  headers['X-Quota-Remaining'] = String(quota.remaining);
  headers['X-Quota-Reset'] = String(Math.ceil(quota.resetsAt / 1000));
  return response;
}
