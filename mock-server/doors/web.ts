/**
 * Between the Fetch API's `Request`/`Response` and the pipeline's plain values, for the doors that
 * live in the Fetch world (`mock.fetch` and the MSW handlers).
 */
import type { MockRequest, MockResponse } from '../pipeline/route.ts';

const MULTIPART = /^\s*multipart\//i;

/** Reads a `Request` into a `MockRequest` (a multipart body as bytes too: its files may be binary). */
export async function toMockRequest(
  request: Request,
  url = new URL(request.url),
): Promise<MockRequest> {
  const headers = request.headers;
  let body = '';
  let bytes: Uint8Array | undefined;
  if (request.body !== null) {
    if (MULTIPART.test(headers.get('content-type') ?? '')) {
      bytes = new Uint8Array(await request.arrayBuffer());
      body = new TextDecoder().decode(bytes);
    } else {
      body = await request.text();
    }
  }
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: (name) => headers.get(name) ?? undefined,
    body,
    ...(bytes === undefined ? {} : { bytes }),
  };
}

/** Writes a `MockResponse` as a `Response`. */
export function toResponse(response: MockResponse): Response {
  return new Response(response.body === '' ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}
