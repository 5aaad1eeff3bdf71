/**
 * Between the Fetch API's `Request`/`Response` and the pipeline's plain values, for the doors that
 * live in the Fetch world (`mock.fetch` and the MSW handlers).
 */
import type { MockRequest, MockResponse } from '../pipeline/route.ts';

/** Reads a `Request` into a `MockRequest`. */
export async function toMockRequest(
  request: Request,
  url = new URL(request.url),
): Promise<MockRequest> {
  const body = request.body === null ? '' : await request.text();
  const headers = request.headers;
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: (name) => headers.get(name) ?? undefined,
    body,
  };
}

/** Writes a `MockResponse` as a `Response`. */
export function toResponse(response: MockResponse): Response {
  return new Response(response.body === '' ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}
