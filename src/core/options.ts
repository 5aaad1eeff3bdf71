/**
 * The client's options, their defaults and environment variables, checked once in the constructor
 * with errors that say how to fix them. Per-request options are checked on each call.
 */
import { ConfigurationError, ValidationError } from './errors.ts';
import { isLogLevel, LevelLogger, type Logger, type LogLevel } from './logger.ts';
import type { Middleware } from './middleware.ts';

/** A WHATWG `fetch`: the global one, undici's, a mock's (`mock.fetch`) or an instrumented one. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of `new IntentIQ(options)`. Every one is optional. */
export interface ClientOptions {
  /** `iiq_live_...` or `iiq_test_...`. Default: the `IIQ_API_KEY` environment variable. */
  apiKey?: string;
  /** Default: `IIQ_BASE_URL`, else `https://api.intentiq.dev/v1`. */
  baseUrl?: string;
  /** Milliseconds each attempt may take before it is abandoned (and retried). Default 30000. */
  timeout?: number;
  /** Retries after the first attempt, for 408, 429, 5xx, network errors and timeouts. Default 4. */
  maxRetries?: number;
  /**
   * The longest `Retry-After`, in seconds, the SDK waits for. When the API asks for longer, the
   * call fails at once with `RateLimitError` (its `retryAfter` says how long). Default 60.
   */
  maxRetryAfter?: number;
  /**
   * Randomises backoff waits so that many clients do not retry in step. `true` (default) waits
   * between 75% and 100% of 1 s, 2 s, 4 s, 8 s; `false` waits exactly that; a function maps the
   * nominal delay in milliseconds to the one to wait.
   */
  retryJitter?: boolean | ((delayMs: number) => number);
  /** The `fetch` to send requests with. Default: `globalThis.fetch` at the time of each call. */
  fetch?: Fetch;
  /** Headers sent with every request (the SDK's own `Authorization` always wins). */
  headers?: Record<string, string>;
  /**
   * Functions that wrap every attempt, inside the retry loop, in order: the first one sees the
   * request first and the response last. See `Middleware`.
   */
  middleware?: readonly Middleware[];
  /**
   * Let webhook URLs (`webhook_url`, a webhook endpoint's `url`) point at loopback: 127.0.0.0/8,
   * `::1`, `localhost`. Only for a reference mock created with the same option
   * (`createMockApi({ allowLoopbackWebhooks: true })`, `iiq mock --allow-loopback-webhooks`), to
   * receive on this machine; the API refuses them whatever this says. Private ranges and `0.0.0.0`
   * are refused either way. Default `false`.
   */
  allowLoopbackWebhooks?: boolean;
  /** Where to log. Default `console`. */
  logger?: Logger;
  /** How much to log. Default: `IIQ_LOG`, else `'warn'`. */
  logLevel?: LogLevel;
}

/** Options every method accepts as its last argument. */
export interface RequestOptions {
  /** Aborts the call, including a backoff wait between attempts. */
  signal?: AbortSignal;
  /** Milliseconds per attempt, for this call. */
  timeout?: number;
  /** Retries for this call. */
  maxRetries?: number;
  /**
   * Writes only. By default each call gets a fresh UUID, reused on every retry of that call. Pass
   * your own (1 to 255 characters) to make a call safe to repeat across processes, or `null` to
   * send none, in which case the write is never retried.
   */
  idempotencyKey?: string | null;
  /** Extra headers for this call; `undefined` removes a default header. */
  headers?: Record<string, string | undefined>;
}

/** The client's settings after defaults, environment and checks. */
export interface ResolvedOptions {
  apiKey: string;
  mode: 'test' | 'live';
  baseUrl: string;
  timeout: number;
  maxRetries: number;
  maxRetryAfter: number;
  jitter: (delayMs: number) => number;
  fetch: Fetch | undefined;
  headers: Record<string, string>;
  middleware: readonly Middleware[];
  allowLoopbackWebhooks: boolean;
  logger: LevelLogger;
}

export const DEFAULT_BASE_URL = 'https://api.intentiq.dev/v1';
const MAX_TIMER = 2_147_483_647;

function env(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process;
  let value: string | undefined;
  try {
    value = process?.env?.[name]?.trim();
  } catch {
    // Deno without --allow-env throws on access: the variable counts as unset.
  }
  return value === '' ? undefined : value;
}

function checkApiKey(value: string | undefined): { apiKey: string; mode: 'test' | 'live' } {
  const apiKey = value?.trim();
  if (!apiKey) {
    throw new ConfigurationError(
      'apiKey',
      'No API key: pass new IntentIQ({ apiKey }) or set IIQ_API_KEY. Create one in Settings > Developers; test keys (iiq_test_...) never spend credits.',
    );
  }
  const prefix = /^iiq_(live|test)_/.exec(apiKey);
  if (!prefix) {
    throw new ConfigurationError(
      'apiKey',
      'The API key does not start with iiq_live_ or iiq_test_. Copy the whole key from Settings > Developers.',
    );
  }
  const rest = apiKey.slice(prefix[0].length);
  if (!/^[\x21-\x7e]*$/.test(rest)) {
    throw new ConfigurationError(
      'apiKey',
      `The API key (${prefix[0]}...) contains spaces or control characters. Copy it again without them.`,
    );
  }
  if (rest.length < 32) {
    throw new ConfigurationError(
      'apiKey',
      `The API key (${prefix[0]}...) is too short: keys have at least 32 characters after the prefix. Check that it was not truncated.`,
    );
  }
  return { apiKey, mode: prefix[1] === 'test' ? 'test' : 'live' };
}

function checkBaseUrl(value: string, logger: LevelLogger): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ConfigurationError(
      'baseUrl',
      `baseUrl must be an http(s) URL without query or fragment, such as ${DEFAULT_BASE_URL} or http://127.0.0.1:4010/v1.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses such a URL, in a message that quotes it, password included.
    throw new ConfigurationError(
      'baseUrl',
      'baseUrl must not contain a user name or password (user:pass@): the API authenticates with the API key alone.',
    );
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    logger.warn(`baseUrl uses plain http to ${url.host}: the API key travels unencrypted.`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Checks a duration or count option; `fail` builds the error (constructor or per call). */
export function checkNumber(
  name: string,
  value: unknown,
  { integer, min, max }: { integer: boolean; min: number; max: number },
  fail: (name: string, message: string) => Error,
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    value >= min &&
    value <= max;
  if (!ok) {
    throw fail(name, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

const configError = (name: string, detail: string) =>
  new ConfigurationError(name, `${name} ${detail}.`);
const optionError = (name: string, detail: string) =>
  new ValidationError([{ field: name, message: detail }]);

function jitterOf(option: ClientOptions['retryJitter']): (delayMs: number) => number {
  if (typeof option === 'function') return option;
  if (option === false) return (delayMs) => delayMs;
  return (delayMs) => delayMs * (0.75 + Math.random() * 0.25);
}

function checkMiddleware(value: ClientOptions['middleware']): readonly Middleware[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'function')) {
    throw new ConfigurationError(
      'middleware',
      'middleware must be an array of functions (request, next) => Promise<Response>.',
    );
  }
  return [...value];
}

function checkBoolean(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    throw new ConfigurationError(name, `${name} must be true or false.`);
  return value;
}

/** Applies defaults and environment variables, and checks every option. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const envLevel = env('IIQ_LOG');
  const level = options.logLevel ?? (isLogLevel(envLevel) ? envLevel : 'warn');
  if (!isLogLevel(level)) {
    throw new ConfigurationError('logLevel', 'logLevel must be off, error, warn, info or debug.');
  }
  const logger = new LevelLogger(options.logger ?? console, level);
  if (options.logLevel === undefined && envLevel !== undefined && !isLogLevel(envLevel)) {
    logger.warn('IIQ_LOG must be off, error, warn, info or debug; using warn.');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigurationError(
      'fetch',
      'fetch must be a function compatible with the Fetch API.',
    );
  }
  const key = checkApiKey(options.apiKey ?? env('IIQ_API_KEY'));
  return {
    ...key,
    baseUrl: checkBaseUrl(options.baseUrl ?? env('IIQ_BASE_URL') ?? DEFAULT_BASE_URL, logger),
    timeout: checkNumber(
      'timeout',
      options.timeout ?? 30_000,
      { integer: false, min: 1, max: MAX_TIMER },
      configError,
    ),
    maxRetries: checkNumber(
      'maxRetries',
      options.maxRetries ?? 4,
      { integer: true, min: 0, max: 10 },
      configError,
    ),
    maxRetryAfter: checkNumber(
      'maxRetryAfter',
      options.maxRetryAfter ?? 60,
      { integer: false, min: 0, max: 86_400 },
      configError,
    ),
    jitter: jitterOf(options.retryJitter),
    fetch: options.fetch,
    headers: { ...options.headers },
    middleware: checkMiddleware(options.middleware),
    allowLoopbackWebhooks: checkBoolean('allowLoopbackWebhooks', options.allowLoopbackWebhooks),
    logger: logger.redacting(key.apiKey),
  };
}

/** Checks the per-request options that are numbers. */
export function checkRequestOptions(options: RequestOptions): void {
  if (options.timeout !== undefined) {
    checkNumber(
      'timeout',
      options.timeout,
      { integer: false, min: 1, max: MAX_TIMER },
      optionError,
    );
  }
  if (options.maxRetries !== undefined) {
    checkNumber('maxRetries', options.maxRetries, { integer: true, min: 0, max: 10 }, optionError);
  }
  const key = options.idempotencyKey;
  if (
    key !== undefined &&
    key !== null &&
    (typeof key !== 'string' || key.length < 1 || key.length > 255)
  ) {
    throw optionError('idempotencyKey', 'must be a string of 1 to 255 characters, or null');
  }
}
