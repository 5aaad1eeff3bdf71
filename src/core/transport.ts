/**
 * Sends one API call through ky: headers, idempotency key, per-attempt timeout, the retry policy,
 * and the translation of whatever goes wrong into the SDK's errors.
 *
 * ky is imported on the first request, not when the SDK is imported: evaluating it makes Node load
 * its fetch internals, which would otherwise slow down every `import` of the SDK.
 */
import type { Hooks, Options as KyOptions } from 'ky';
import { errorFromResponse } from './error-from-response.ts';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  IntentIQError,
} from './errors.ts';
import { type ResponseMetadata, readMetadata } from './metadata.ts';
import { checkRequestOptions, type RequestOptions, type ResolvedOptions } from './options.ts';
import { redactData, redactHeaders, redactText, rootMessage, safeCause } from './redact.ts';
import { retryPolicy } from './retry.ts';
import { VERSION } from './version.ts';

type KyModule = typeof import('ky');

let kyModule: Promise<KyModule> | undefined;

function loadKy(): Promise<KyModule> {
  kyModule ??= import('ky');
  return kyModule;
}

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

/** A parsed response body with the response it came from and its metadata. */
export interface APIResponse<T> extends ResponseMetadata {
  data: T;
  /** The raw `Response` (its body already read). */
  response: Response;
}

/** What a failed call knew when it failed. */
interface CallState {
  label: string;
  attempts: number;
  idempotencyKey: string | null;
  timeout: number;
  fetchError?: unknown;
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function lowerCaseKeys(headers: Record<string, string | undefined> | undefined) {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

export class Transport {
  readonly #options: ResolvedOptions;
  readonly #defaultHeaders: Record<string, string | undefined>;
  #retry: ReturnType<typeof retryPolicy> | undefined;
  #hooks: Hooks | undefined;

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#defaultHeaders = {
      accept: 'application/json',
      'x-iiq-client': `vesperwise-node/${VERSION}`,
      ...lowerCaseKeys(options.headers),
    };
  }

  /** Sends the call, retrying as the policy allows, and parses the body. */
  async send<T>(spec: RequestSpec, request: RequestOptions = {}): Promise<APIResponse<T>> {
    checkRequestOptions(request);
    const ky = await loadKy();
    const headers = this.#headers(spec, request);
    const write = spec.method !== 'GET';
    const idempotencyKey = write ? this.#idempotencyKey(headers, request) : null;
    const state: CallState = {
      label: `${spec.method} ${spec.path}`,
      attempts: 0,
      idempotencyKey,
      timeout: request.timeout ?? this.#options.timeout,
    };
    const maxRetries = request.maxRetries ?? this.#options.maxRetries;
    const options: KyOptions = {
      method: spec.method,
      headers,
      json: spec.body,
      signal: request.signal,
      timeout: state.timeout,
      // A write without an idempotency key could run twice if retried, so it is sent once.
      retry: { ...this.#retryPolicy(ky), limit: write && !idempotencyKey ? 0 : maxRetries },
      fetch: this.#attempt(state),
      throwHttpErrors: true,
    };
    const hooks = this.#retryHooks();
    if (hooks) {
      options.hooks = hooks;
      options.context = { label: state.label };
    }
    try {
      const pending = ky.default(
        this.#options.baseUrl + spec.path + queryString(spec.query),
        options,
      );
      const text = await pending.text();
      const response = await pending;
      const data = spec.format === 'csv' ? text : this.#parse(text, response, state);
      return { data: data as T, response, ...readMetadata(response.headers) };
    } catch (error) {
      throw this.#toError(ky, error, state, request);
    }
  }

  #headers(spec: RequestSpec, request: RequestOptions): Record<string, string> {
    const merged = { ...this.#defaultHeaders, ...lowerCaseKeys(request.headers) };
    if (spec.format === 'csv') merged.accept = 'text/csv';
    merged.authorization = `Bearer ${this.#options.apiKey}`;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(merged))
      if (value !== undefined) headers[name] = value;
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

  #retryPolicy(ky: KyModule) {
    this.#retry ??= retryPolicy({
      maxRetryAfter: this.#options.maxRetryAfter,
      jitter: this.#options.jitter,
      isHTTPError: (error): error is { response: Response } => ky.isHTTPError(error),
    });
    return this.#retry;
  }

  /** The fetch ky calls for each attempt: counts attempts and logs them at debug level. */
  #attempt(state: CallState) {
    const { fetch: custom, logger } = this.#options;
    return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      state.attempts++;
      const started = performance.now();
      try {
        const response = await (custom ?? globalThis.fetch)(input, init);
        if (logger.enabled('debug')) {
          const ms = Math.round(performance.now() - started);
          const id = response.headers.get('x-request-id') ?? '-';
          logger.debug(
            `${state.label} -> ${response.status} (attempt ${state.attempts}, ${id}, ${ms} ms)`,
          );
        }
        return response;
      } catch (error) {
        state.fetchError = error;
        if (logger.enabled('debug')) {
          const reason = redactText(rootMessage(error as Error), this.#options.apiKey);
          logger.debug(`${state.label} failed (attempt ${state.attempts}): ${reason}`);
        }
        throw error;
      }
    };
  }

  #retryHooks(): Hooks | undefined {
    const { logger } = this.#options;
    if (!logger.enabled('info')) return undefined;
    this.#hooks ??= {
      beforeRetry: [
        ({ options, error, retryCount }) => {
          const status = (error as { response?: Response }).response?.status;
          const reason = status
            ? `HTTP ${status}`
            : error.name === 'TimeoutError'
              ? 'a timeout'
              : 'a network error';
          logger.info(
            `retrying ${String(options.context.label)} after ${reason} (retry ${retryCount})`,
          );
        },
      ],
    };
    return this.#hooks;
  }

  #parse(text: string, response: Response, state: CallState): unknown {
    if (text === '') return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new APIError({
        message: `The API answered ${response.status} to ${state.label} with a body that is not JSON. Check the baseUrl option.`,
        status: response.status,
        error: null,
        headers: {},
        requestId: response.headers.get('x-request-id'),
        rateLimit: null,
        idempotencyKey: state.idempotencyKey,
        attempts: state.attempts,
        raw: null,
      });
    }
  }

  #toError(ky: KyModule, error: unknown, state: CallState, request: RequestOptions): Error {
    const key = this.#options.apiKey;
    const { attempts, idempotencyKey } = state;
    if (error instanceof IntentIQError) return error;
    if (request.signal?.aborted) return new APIUserAbortError(undefined, attempts);
    if (ky.isHTTPError(error)) {
      return errorFromResponse({
        status: error.response.status,
        headers: redactHeaders(error.response.headers, key),
        data: redactData(error.data, key),
        attempts,
        idempotencyKey,
        maxRetryAfter: this.#options.maxRetryAfter,
      });
    }
    if (ky.isTimeoutError(error)) {
      return new APITimeoutError({
        message: `${state.label} timed out after ${state.timeout} ms, on each of ${attempts} attempts. Raise the timeout option, or check your network.`,
        attempts,
        idempotencyKey,
      });
    }
    if (ky.isNetworkError(error) || error === state.fetchError) {
      const raw = ky.isNetworkError(error) ? (error.cause ?? error) : error;
      const cause = safeCause(raw, key);
      const origin = new URL(this.#options.baseUrl).origin;
      return new APIConnectionError({
        message: `Could not reach ${origin} for ${state.label} after ${attempts} attempts: ${rootMessage(cause)}. Check your network, proxy and the baseUrl option.`,
        attempts,
        idempotencyKey,
        ...(cause ? { cause } : {}),
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new IntentIQError(`${state.label} could not be sent: ${redactText(message, key)}`);
  }
}
