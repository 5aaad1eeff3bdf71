/**
 * `mock.fetch`: a `fetch` that answers from the mock, in-process, with no network and no global
 * interception. Hand it to the client (`new IntentIQ({ fetch: mock.fetch })`); each mock instance
 * has its own, so tests running in parallel never see each other's state.
 */
import type { Handle } from './routes/pipeline.ts';
import { toMockRequest, toResponse } from './web.ts';

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A `fetch` function served by `handle` for URLs under `baseUrl`'s origin. */
export function createMockFetch(handle: Handle, baseUrl: string): typeof fetch {
  const origin = new URL(baseUrl).origin;
  return async function mockFetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> {
    const request =
      input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== origin) {
      throw new TypeError(
        `mock.fetch only answers requests to ${origin} (the mock's baseUrl), not ${url.origin}. Pass the same baseUrl to the client and to createMockApi().`,
      );
    }
    if (request.signal.aborted) throw abortError(request.signal);
    const mockRequest = await toMockRequest(request, url);
    if (request.signal.aborted) throw abortError(request.signal);
    return toResponse(handle(mockRequest));
  };
}
