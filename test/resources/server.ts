/**
 * An msw server for resource tests: handlers answer as `openapi.yaml` says, and every request the
 * SDK sends is recorded (method, path, query, headers, body) so that tests can assert it exactly.
 * Requests no handler expects fail the test (`onUnhandledFrame: 'error'`).
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { IntentIQ, VERSION } from '../../src/index.ts';
import { rateLimitHeaders, TEST_KEY } from '../core/helpers.ts';

export const BASE_URL = 'https://api.intentiq.dev/v1';

export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export const server = setupServer();
export const received: Received[] = [];

/** Starts the server for the test file and clears handlers and records between tests. */
export function useServer(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    received.length = 0;
  });
  afterAll(() => server.close());
}

// Added by Node's fetch itself, not by the SDK: left out so that tests assert the SDK's headers.
const transportHeaders = new Set([
  'accept-encoding',
  'accept-language',
  'connection',
  'content-length',
  'host',
  'sec-fetch-mode',
  'user-agent',
]);

async function record(request: Request): Promise<void> {
  const url = new URL(request.url);
  const text = await request.text();
  const headers = [...request.headers].filter(([name]) => !transportHeaders.has(name));
  received.push({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries(headers),
    body: text === '' ? undefined : JSON.parse(text),
  });
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Answers `method path` with a JSON body (test mode: `mode: 'test'` is added to objects). */
export function answer(method: Method, path: string, status: number, body: unknown, headers = {}) {
  const withMode =
    Array.isArray(body) || typeof body !== 'object' || body === null
      ? body
      : { ...body, mode: 'test' };
  server.use(
    http[method](`${BASE_URL}${path}`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(withMode as never, {
        status,
        headers: { ...rateLimitHeaders, ...headers },
      });
    }),
  );
}

/** Answers `GET path` with a text document of `contentType`. */
export function answerText(path: string, text: string, contentType: string) {
  server.use(
    http.get(`${BASE_URL}${path}`, async ({ request }) => {
      await record(request);
      return HttpResponse.text(text, {
        headers: { ...rateLimitHeaders, 'content-type': contentType },
      });
    }),
  );
}

/** Answers `method path` with each body in turn, one per request. */
export function answerInTurn(method: Method, path: string, bodies: unknown[]) {
  let turn = 0;
  server.use(
    http[method](`${BASE_URL}${path}`, async ({ request }) => {
      await record(request);
      const body = bodies[Math.min(turn++, bodies.length - 1)];
      return HttpResponse.json({ ...(body as object), mode: 'test' } as never, {
        headers: rateLimitHeaders,
      });
    }),
  );
}

/** A client that sends through the global fetch, which msw intercepts. */
export function client(): IntentIQ {
  return new IntentIQ({ apiKey: TEST_KEY, logLevel: 'off', retryJitter: false });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The headers of a read. */
export function readHeaders(accept = 'application/json'): Record<string, string> {
  return {
    accept,
    authorization: `Bearer ${TEST_KEY}`,
    'x-iiq-client': `vesperwise-node/${VERSION}`,
  };
}

/** The headers of a write, with the idempotency key it was sent with checked to be a UUID. */
export function writeHeaders(
  request: Received | undefined,
  withBody = true,
): Record<string, string> {
  const key = request?.headers['idempotency-key'] ?? '';
  if (!uuid.test(key)) throw new Error(`expected a UUID Idempotency-Key, got "${key}"`);
  return {
    ...readHeaders(),
    ...(withBody ? { 'content-type': 'application/json' } : {}),
    'idempotency-key': key,
  };
}
