/**
 * A tiny HTTP-ish client over `mock.fetch` for the mock's tests: each call returns the status, the
 * headers and the parsed body, so that a test can assert exactly what a user would see.
 */
import {
  createMockApi,
  type MockApiOptions,
  type MockApiWithHandlers,
} from '../../mock-server/index.ts';
import { REFERENCE_SCORE } from '../support/reference-score.ts';

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. Loosely typed: tests assert its shape. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions, not the types
  body: any;
  text: string;
}

export interface CallOptions {
  /** The API key (default: the mock's test key); `null` sends no Authorization header. */
  key?: string | null;
  headers?: Record<string, string>;
  /** A raw body, sent as is (instead of JSON-encoding `body`). */
  raw?: string;
}

export interface Api {
  mock: MockApiWithHandlers;
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Reply>;
  get(path: string, options?: CallOptions): Promise<Reply>;
  post(path: string, body?: unknown, options?: CallOptions): Promise<Reply>;
  put(path: string, body?: unknown, options?: CallOptions): Promise<Reply>;
  patch(path: string, body?: unknown, options?: CallOptions): Promise<Reply>;
  delete(path: string, body?: unknown, options?: CallOptions): Promise<Reply>;
}

/** Sends one request through `fetch` and reads the reply. */
export async function send(
  fetcher: typeof fetch,
  url: string,
  method: string,
  body: unknown,
  options: CallOptions & { key: string | null },
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.Authorization = `Bearer ${options.key}`;
  let payload: string | undefined = options.raw;
  if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetcher(url, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A fresh mock (Team plan, test key) and a client for it. */
export function mockApi(options: MockApiOptions = {}): Api {
  const mock = createMockApi(options);
  const call = (method: string, path: string, body?: unknown, callOptions: CallOptions = {}) =>
    send(mock.fetch, `${mock.baseUrl}${path}`, method, body, {
      ...callOptions,
      key: callOptions.key === undefined ? mock.keys.test : callOptions.key,
    });
  return {
    mock,
    call,
    get: (path, options) => call('GET', path, undefined, options),
    post: (path, body, options) => call('POST', path, body, options),
    put: (path, body, options) => call('PUT', path, body, options),
    patch: (path, body, options) => call('PATCH', path, body, options),
    delete: (path, body, options) => call('DELETE', path, body, options),
  };
}

/** The Score of stripe.com exactly as the API reference shows it (plus `mode` for test keys). */
const { id: _referenceId, ...referenceWithoutId } = REFERENCE_SCORE;
export const STRIPE_SCORE = referenceWithoutId;

export const ID = /^[a-z]+_[0-9A-Z]{16}$/;
