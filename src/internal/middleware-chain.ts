/**
 * Runs one attempt through the client's middleware to `fetch`. The request the middleware sees
 * carries only the key's prefix; the end of the chain puts the real key back, and reads the body
 * there, so that a middleware sees a cut-off body as an error of `next` and times the whole
 * attempt. Errors of `fetch` are marked, so that the transport retries them and lets a
 * middleware's own errors through as they are.
 */
import type { Middleware, MiddlewareNext, MiddlewareRequest } from '../core/middleware.ts';
import type { Fetch } from '../core/options.ts';

const fetchErrors = new WeakSet<object>();

/** True for an error thrown by `fetch` or while reading its body, not by a middleware. */
export function isFetchError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && fetchErrors.has(error);
}

const nullBodyStatuses = new Set([204, 205, 304]);

/** Sends `request` through `middleware` (the first one outermost) to `fetch`. */
export function runMiddleware(
  middleware: readonly Middleware[],
  request: MiddlewareRequest,
  fetch: Fetch,
  authorization: string,
): Promise<Response> {
  let next: MiddlewareNext = async (final) => {
    try {
      const headers = new Headers(final.headers);
      headers.set('authorization', authorization);
      const init: RequestInit = { method: final.method, headers, signal: request.signal };
      if (final.body !== undefined) init.body = final.body;
      const response = await fetch(final.url, init);
      const text = await response.text();
      return new Response(nullBodyStatuses.has(response.status) ? null : text, response);
    } catch (error) {
      const thrown = error instanceof Error ? error : new Error(String(error));
      fetchErrors.add(thrown);
      throw thrown;
    }
  };
  for (const wrap of [...middleware].reverse()) {
    const inner = next;
    next = (changed) => wrap(changed, inner);
  }
  return next(request);
}
