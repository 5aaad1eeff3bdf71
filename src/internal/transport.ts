/**
 * The one path every API call takes, top to bottom:
 *
 * 1. `send` prepares the call once: URL, headers, JSON body, idempotency key, retry budget.
 * 2. `#retryLoop` runs attempts until one succeeds, one fails in a way the policy does not retry
 *    (`retry.ts`), or the budget is spent; it waits between them with an abortable sleep.
 * 3. `#attempt` sends one attempt through the middleware chain (`middleware-chain.ts`) to
 *    `fetch` and reads the whole body, all under the attempt's timeout (`abort.ts`): a response
 *    cut off or stalled mid-body is a failed attempt like a refused connection, and is retried
 *    the same way.
 * 4. The last outcome becomes the parsed body, or the error the call throws (`failure.ts`), which
 *    carries `attempts` and `idempotencyKey`.
 *
 * When the application uses OpenTelemetry, the call and each attempt are spans (`tracing.ts`).
 */
import { APIError, APIUserAbortError, IntentIQError } from '../core/errors.ts';
import type { ResponseMetadata } from '../core/metadata.ts';
import type { MiddlewareRequest } from '../core/middleware.ts';
import { checkRequestOptions, type RequestOptions, type ResolvedOptions } from '../core/options.ts';
import { sleep } from '../core/sleep.ts';
import { VERSION } from '../core/version.ts';
import { attemptSignal } from './abort.ts';
import { failure } from './failure.ts';
import { isFetchError, runMiddleware } from './middleware-chain.ts';
import { keyPrefix, logSafe, redactText, rootMessage } from './redact.ts';
import { type Outcome, retryDelay, retryReason, shouldRetry } from './retry.ts';
import { type CallTrace, startCallTrace, tracingRegistered } from './tracing.ts';

/** One API call, as a resource describes it. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Already encoded (see `path`), starting with `/`. */
  path: string;
  /** A list is sent as the parameter repeated once per item (`?object_id=a&object_id=b`). */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  /** Sent as JSON; a `FormData` is sent as `multipart/form-data` (its parts must be re-readable). */
  body?: unknown;
  /** `csv` asks for `text/csv` and returns the text; default `json`. */
  format?: 'json' | 'csv';
  /**
   * The SDK method, `<resource>.<method>` as a user calls it (`scores.create`): names the call's
   * span and is given to middleware. Default: the HTTP method and the path with IDs left out.
   */
  operation?: string;
}

/** A parsed response body with the response it came from. */
export interface RawResponse<T> {
  data: T;
  /** The raw `Response` (its body already read). */
  response: Response;
}

/** What `withResponse()` gives: the parsed body, the response and its metadata. */
export interface APIResponse<T> extends RawResponse<T>, ResponseMetadata {}

/** One call, prepared once and shared by all its attempts. */
interface Call {
  /** `POST /score`: for messages and logs. */
  label: string;
  operation: string;
  method: RequestSpec['method'];
  url: string;
  /** Every header but `authorization`, lower case. */
  headers: Record<string, string>;
  body: string | FormData | undefined;
  format: 'json' | 'csv';
  idempotencyKey: string | null;
  /** Milliseconds per attempt, body included. */
  timeout: number;
  /** Retries allowed after the first attempt. */
  retries: number;
  signal: AbortSignal | undefined;
  attempts: number;
  timeouts: number;
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else if (value !== undefined) params.set(name, String(value));
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

/** `GET /score/scr_01HZ9X3F7QMHN4T` -> `GET /score/{id}`: a name of few values, for spans. */
function defaultOperation(method: string, path: string): string {
  return `${method} ${path.replace(/\/[a-z]+_[0-9A-Za-z]+(?=\/|$)/g, '/{id}')}`;
}

export class Transport {
  readonly #options: ResolvedOptions;
  /** Every request's headers before per-call ones: defaults, then the client's own headers. */
  readonly #baseHeaders: Record<string, string>;
  readonly #authorization: string;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-iiq-client': `vesperwise-node/${VERSION}`,
    };
    mergeHeaders(headers, options.headers);
    this.#baseHeaders = headers;
    this.#authorization = `Bearer ${options.apiKey}`;
  }

  /** Sends the call, retrying as the policy allows, and parses the body. */
  async send<T>(spec: RequestSpec, request: RequestOptions = {}): Promise<RawResponse<T>> {
    checkRequestOptions(request);
    const call = this.#prepare(spec, request);
    if (call.signal?.aborted) throw new APIUserAbortError(undefined, 0, call.idempotencyKey);
    // Without OpenTelemetry in the process, this is the whole cost of tracing: one lookup.
    const trace = tracingRegistered()
      ? await startCallTrace({ ...call, apiKey: this.#options.apiKey })
      : undefined;
    try {
      const result = await this.#retryLoop(call, trace);
      trace?.end(call.attempts);
      return result as RawResponse<T>;
    } catch (error) {
      trace?.end(call.attempts, error);
      throw error;
    }
  }

  #prepare(spec: RequestSpec, request: RequestOptions): Call {
    const headers = { ...this.#baseHeaders };
    mergeHeaders(headers, request.headers);
    if (spec.format === 'csv') headers.accept = 'text/csv';
    // A form is sent as it is: fetch writes its multipart body and the boundary in Content-Type.
    const body =
      spec.body === undefined || spec.body instanceof FormData
        ? spec.body
        : JSON.stringify(spec.body);
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    else if (body instanceof FormData) delete headers['content-type'];
    const idempotencyKey = spec.method === 'GET' ? null : idempotencyKeyOf(headers, request);
    const retries = request.maxRetries ?? this.#options.maxRetries;
    return {
      label: `${spec.method} ${spec.path}`,
      operation: spec.operation ?? defaultOperation(spec.method, spec.path),
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
      timeouts: 0,
    };
  }

  async #retryLoop(call: Call, trace: CallTrace | undefined): Promise<RawResponse<unknown>> {
    const { logger, maxRetryAfter, jitter } = this.#options;
    for (let retry = 0; ; retry++) {
      const attempt = call.attempts + 1;
      const outcome = trace
        ? await trace.attempt(attempt, () => this.#attempt(call))
        : await this.#attempt(call);
      if (outcome.kind === 'response' && outcome.response.ok) {
        return { data: this.#parse(outcome, call), response: outcome.response };
      }
      if (retry >= call.retries || !shouldRetry(outcome, maxRetryAfter)) {
        throw failure(outcome, { ...call, apiKey: this.#options.apiKey, maxRetryAfter });
      }
      logger.info(`retrying ${call.label} after ${retryReason(outcome)} (retry ${retry + 1})`);
      try {
        await sleep(retryDelay(outcome, retry + 1, jitter), call.signal);
      } catch {
        throw new APIUserAbortError(undefined, call.attempts, call.idempotencyKey);
      }
    }
  }

  /**
   * One attempt: through the middleware to `fetch`, then the whole body, under one timeout.
   * Resolves with how it ended; rejects only when the caller aborted or a middleware threw.
   */
  async #attempt(call: Call): Promise<Outcome> {
    call.attempts++;
    const limit = attemptSignal(call.signal, call.timeout);
    const started = performance.now();
    let phase: 'connect' | 'body' = 'connect';
    try {
      // The global fetch stops at the signal, while waiting for headers and while reading the
      // body; a custom fetch or a middleware may not, so then the timeout is raced as well.
      const race = this.#options.fetch !== undefined || this.#options.middleware.length > 0;
      const pending = this.#chain(call, limit.signal);
      const response = race ? await Promise.race([pending, limit.aborted]) : await pending;
      phase = 'body';
      if (response.bodyUsed) {
        throw new IntentIQError(
          `A middleware read the body of the response to ${call.label}: read response.clone() instead, or return new Response(text, response).`,
        );
      }
      const text = race
        ? await Promise.race([response.text(), limit.aborted])
        : await response.text();
      this.#logAttempt(call, started, response);
      return { kind: 'response', response, text };
    } catch (error) {
      if (call.signal?.aborted) {
        throw new APIUserAbortError(undefined, call.attempts, call.idempotencyKey);
      }
      if (limit.timedOut) {
        call.timeouts++;
        this.#logAttempt(call, started, `timed out after ${call.timeout} ms`);
        return { kind: 'timeout', phase };
      }
      if (this.#options.middleware.length > 0 && !isFetchError(error)) throw error;
      const reason = rootMessage(error instanceof Error ? error : undefined);
      this.#logAttempt(call, started, `failed: ${reason || String(error)}`);
      return { kind: 'network', error, phase };
    } finally {
      limit.dispose();
    }
  }

  /** Sends the attempt through the middleware, if any, to `fetch`. */
  #chain(call: Call, signal: AbortSignal): Promise<Response> {
    const { middleware, fetch: custom } = this.#options;
    const fetch = custom ?? globalThis.fetch;
    if (middleware.length === 0) {
      const headers = { ...call.headers, authorization: this.#authorization };
      const init: RequestInit = { method: call.method, headers, signal };
      if (call.body !== undefined) init.body = call.body;
      return fetch(call.url, init);
    }
    const headers = new Headers(call.headers);
    headers.set('authorization', `Bearer ${keyPrefix(this.#options.apiKey)}***`);
    const request: MiddlewareRequest = {
      operation: call.operation,
      attempt: call.attempts,
      idempotencyKey: call.idempotencyKey,
      signal,
      method: call.method,
      url: call.url,
      headers,
      body: call.body,
    };
    return runMiddleware(middleware, request, fetch, this.#authorization);
  }

  /** One debug line per attempt; everything the server sent is scrubbed first. */
  #logAttempt(call: Call, started: number, result: Response | string): void {
    const { logger, apiKey } = this.#options;
    if (!logger.enabled('debug')) return;
    const ms = Math.round(performance.now() - started);
    if (typeof result === 'string') {
      const reason = logSafe(result, apiKey);
      logger.debug(`${call.label} ${reason} (attempt ${call.attempts}, ${ms} ms)`);
      return;
    }
    const id = result.headers.get('x-request-id');
    const requestId = id === null ? '-' : logSafe(id, apiKey, 100);
    logger.debug(
      `${call.label} -> ${result.status} (attempt ${call.attempts}, ${requestId}, ${ms} ms)`,
    );
  }

  #parse(outcome: Outcome & { kind: 'response' }, call: Call): unknown {
    const { text, response } = outcome;
    if (call.format === 'csv') return text;
    if (text === '') return null;
    try {
      return JSON.parse(text);
    } catch {
      const id = response.headers.get('x-request-id');
      throw new APIError({
        message: `The API answered ${response.status} to ${call.label} with a body that is not JSON. Check the baseUrl option.`,
        status: response.status,
        error: null,
        headers: {},
        requestId: id === null ? null : redactText(id, this.#options.apiKey),
        rateLimit: null,
        idempotencyKey: call.idempotencyKey,
        attempts: call.attempts,
        raw: null,
      });
    }
  }
}

/** One key per call, reused by every retry: the API then runs the write at most once. */
function idempotencyKeyOf(headers: Record<string, string>, request: RequestOptions): string | null {
  const key =
    request.idempotencyKey === null
      ? null
      : (request.idempotencyKey ?? headers['idempotency-key'] ?? crypto.randomUUID());
  if (key === null) delete headers['idempotency-key'];
  else headers['idempotency-key'] = key;
  return key;
}
