/**
 * `mock.fetch`: a `fetch` that answers from the mock, in-process, with no network and no global
 * interception. Hand it to the client (`new IntentIQ({ fetch: mock.fetch })`); each mock instance
 * has its own, so tests running in parallel never see each other's state.
 */
import type { Handle } from '../pipeline/pipeline.ts';
import type { MockRequest } from '../pipeline/route.ts';
import { abortError, answer, toMockRequest } from './web.ts';

/** A header lookup over `init.headers` in any of its forms. */
function headerLookup(headers: RequestInit['headers']): (name: string) => string | undefined {
  if (headers === undefined) return () => undefined;
  if (headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  const map = new Map<string, string>();
  for (const [name, value] of entries) {
    const key = String(name).toLowerCase();
    const previous = map.get(key);
    map.set(key, previous === undefined ? String(value) : `${previous}, ${value}`);
  }
  return (name) => map.get(name);
}

/**
 * The common call `fetch(url, { method, headers, body: string })`, read without building a
 * `Request` (whose construction and body stream cost more than the whole mock pipeline).
 */
function fastRequest(url: URL, init: RequestInit): MockRequest | undefined {
  const body = init.body ?? '';
  if (typeof body !== 'string') return undefined;
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: headerLookup(init.headers),
    body,
  };
}

/**
 * A `fetch` function served by `handle`. It answers whatever origin the URL names: a client whose
 * base URL points elsewhere (an exported `IIQ_BASE_URL=http://127.0.0.1:4010/v1`, say) still reaches
 * this mock, in-process, as long as the path is under the mock's base path (`/v1`).
 */
export function createMockFetch(handle: Handle): typeof fetch {
  return async function mockFetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> {
    const request = input instanceof Request ? new Request(input, init) : undefined;
    const url = new URL(request?.url ?? String(input));
    const signal = request?.signal ?? init?.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    const mockRequest =
      (request === undefined ? fastRequest(url, init ?? {}) : undefined) ??
      (await toMockRequest(request ?? new Request(url, init), url));
    if (signal?.aborted) throw abortError(signal);
    return answer(handle(mockRequest), signal);
  };
}
