/**
 * Sends one API call: headers, idempotency key, per-attempt timeout, and the API's retry policy.
 *
 * The first attempt is a plain `fetch`, as cheap as calling `fetch` yourself. Only when it fails
 * (an error status, a network error, a timeout) is ky loaded: it replays that failure as its own
 * first attempt and applies the retry policy from there (see `retry-with-ky.ts`). So every retry
 * decision is ky's, while the common case pays for neither ky's `Request` objects nor its import.
 */
import { APIError, APIUserAbortError } from './errors.ts';
import type { ResponseMetadata } from './metadata.ts';
import { checkRequestOptions, type RequestOptions, type ResolvedOptions } from './options.ts';
import { redactText, rootMessage } from './redact.ts';
import { retryWithKy } from './retry-with-ky.ts';
import { VERSION } from './version.ts';

/** One API call, as a resource describes it. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Already encoded (see `path`), starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** `csv` asks for `text/csv` and returns the text; default `json`. */
  format?: 'json' | 'csv';
}

/** A parsed response body with the response it came from. */
export interface RawResponse<T> {
  data: T;
  /** The raw `Response` (its body already read). */
  response: Response;
}

/** What `withResponse()` gives: the parsed body, the response and its metadata. */
export interface APIResponse<T> extends RawResponse<T>, ResponseMetadata {}

/** One call on its way: what to send, and what happened so far. */
export interface Call {
  /** `POST /score`: for messages and logs. */
  label: string;
  method: RequestSpec['method'];
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  format: 'json' | 'csv';
  idempotencyKey: string | null;
  /** Milliseconds per attempt. */
  timeout: number;
  /** Retries allowed after the first attempt. */
  retries: number;
  signal: AbortSignal | undefined;
  attempts: number;
  /** The last error thrown by `fetch` itself, to tell it from the SDK's own errors. */
  fetchError?: unknown;
}

/** How the first attempt ended: a response to use, or a failure for ky to replay. */
export type FirstAttempt =
  | { response: Response; text: string }
  | { response: Response; text?: undefined }
  | { error: unknown; timedOut: boolean };

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Adds `extra` to `headers` under lower-case names; an `undefined` value removes a header. */
function mergeHeaders(
  headers: Record<string, string>,
  extra: Record<string, string | undefined> | undefined,
): void {
  if (!extra) return;
  for (const [name, value] of Object.entries(extra)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') continue; // always the client's key
    if (value === undefined) delete headers[lower];
    else headers[lower] = value;
  }
}

export class Transport {
  readonly #options: ResolvedOptions;
  /** Every request's headers before per-call ones: defaults, client headers, authorization. */
  readonly #baseHeaders: Record<string, string>;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-iiq-client': `vesperwise-node/${VERSION}`,
    };
    mergeHeaders(headers, options.headers);
    headers.authorization = `Bearer ${options.apiKey}`;
    this.#baseHeaders = headers;
  }

  /** Sends the call, retrying as the policy allows, and parses the body. */
  async send<T>(spec: RequestSpec, request: RequestOptions = {}): Promise<RawResponse<T>> {
    checkRequestOptions(request);
    const call = this.#prepare(spec, request);
    const first = await this.#firstAttempt(call);
    if ('text' in first && first.text !== undefined) {
      return { data: this.#parse(first.text, first.response, call) as T, response: first.response };
    }
    const { text, response } = await retryWithKy(call, first, this.#options, (signal) =>
      this.#fetch(call, signal),
    );
    return { data: this.#parse(text, response, call) as T, response };
  }

  #prepare(spec: RequestSpec, request: RequestOptions): Call {
    const headers = this.#headers(spec, request);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const idempotencyKey = spec.method === 'GET' ? null : this.#idempotencyKey(headers, request);
    const retries = request.maxRetries ?? this.#options.maxRetries;
    return {
      label: `${spec.method} ${spec.path}`,
      method: spec.method,
      url: this.#options.baseUrl + spec.path + queryString(spec.query),
      headers,
      body,
      format: spec.format ?? 'json',
      idempotencyKey,
      timeout: request.timeout ?? this.#options.timeout,
      // A write without an idempotency key could run twice if retried, so it is sent once.
      retries: spec.method !== 'GET' && idempotencyKey === null ? 0 : retries,
      signal: request.signal,
      attempts: 0,
    };
  }

  #headers(spec: RequestSpec, request: RequestOptions): Record<string, string> {
    const headers = { ...this.#baseHeaders };
    mergeHeaders(headers, request.headers);
    if (spec.format === 'csv') headers.accept = 'text/csv';
    return headers;
  }

  /** One key per call, reused by every retry: the API then runs the write at most once. */
  #idempotencyKey(headers: Record<string, string>, request: RequestOptions): string | null {
    const key =
      request.idempotencyKey === null
        ? null
        : (request.idempotencyKey ?? headers['idempotency-key'] ?? crypto.randomUUID());
    if (key === null) delete headers['idempotency-key'];
    else headers['idempotency-key'] = key;
    return key;
  }

  /**
   * The first attempt, with its own timeout (covering the body too) linked to the caller's
   * signal. A successful body is read here; an error response is left unread for ky.
   */
  async #firstAttempt(call: Call): Promise<FirstAttempt> {
    const { signal } = call;
    if (signal?.aborted) throw new APIUserAbortError(undefined, 0);
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, call.timeout);
    try {
      const response = await this.#fetch(call, controller.signal);
      if (!response.ok) return { response };
      return { response, text: await response.text() };
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError(undefined, call.attempts);
      return { error, timedOut };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** One attempt over the network: counts it and logs it at debug level. */
  async #fetch(call: Call, signal: AbortSignal): Promise<Response> {
    const { fetch: custom, logger } = this.#options;
    call.attempts++;
    const started = performance.now();
    const init: RequestInit = { method: call.method, headers: call.headers, signal };
    if (call.body !== undefined) init.body = call.body;
    try {
      const response = await (custom ?? globalThis.fetch)(call.url, init);
      if (logger.enabled('debug')) {
        const ms = Math.round(performance.now() - started);
        const id = response.headers.get('x-request-id') ?? '-';
        logger.debug(
          `${call.label} -> ${response.status} (attempt ${call.attempts}, ${id}, ${ms} ms)`,
        );
      }
      return response;
    } catch (error) {
      call.fetchError = error;
      if (logger.enabled('debug')) {
        const reason = redactText(rootMessage(error as Error), this.#options.apiKey);
        logger.debug(`${call.label} failed (attempt ${call.attempts}): ${reason}`);
      }
      throw error;
    }
  }

  #parse(text: string, response: Response, call: Call): unknown {
    if (call.format === 'csv') return text;
    if (text === '') return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new APIError({
        message: `The API answered ${response.status} to ${call.label} with a body that is not JSON. Check the baseUrl option.`,
        status: response.status,
        error: null,
        headers: {},
        requestId: response.headers.get('x-request-id'),
        rateLimit: null,
        idempotencyKey: call.idempotencyKey,
        attempts: call.attempts,
        raw: null,
      });
    }
  }
}
