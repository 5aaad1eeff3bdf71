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

/** What an aborted `fetch` rejects with. */
export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** A connection reset, as `fetch` reports one (`TypeError` with an `ECONNRESET` cause). */
export function connectionReset(message = 'fetch failed'): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  return new TypeError(message, { cause });
}

/** Waits `ms` of real time, or rejects as `fetch` does the moment `signal` aborts. */
export function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A response whose body breaks off halfway, the way a reset connection ends a read. */
function cutResponse(response: MockResponse): Response {
  const bytes = new TextEncoder().encode(response.body);
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (half.length > 0) controller.enqueue(half);
    },
    pull(controller) {
      controller.error(connectionReset('terminated'));
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/**
 * Turns a `MockResponse` into what a `fetch` caller sees, carrying out an injected fault: a reset
 * rejects like a dropped connection, a stall waits then rejects, latency waits then answers, a cut
 * answers with a body that breaks off halfway.
 */
export async function answer(
  response: MockResponse,
  signal?: AbortSignal | null,
  reset: () => Response | never = () => {
    throw connectionReset();
  },
): Promise<Response> {
  const fault = response.fault;
  if (fault === undefined) return toResponse(response);
  switch (fault.kind) {
    case 'latency':
      await wait(fault.ms ?? 0, signal);
      return toResponse(response);
    case 'stall':
      await wait(fault.ms ?? 0, signal);
      return reset();
    case 'cut':
      return cutResponse(response);
    default:
      return reset();
  }
}
