/**
 * Everything after a failed first attempt: ky, configured with the API's retry policy
 * (`retry.ts`), replays the failure as its own first attempt (no second request is sent for it)
 * and retries from there; then whatever still fails becomes one of the SDK's errors.
 *
 * ky is imported here, on the first failure, not when the SDK is imported: evaluating it makes
 * Node load its fetch internals, which would otherwise slow down every `import` of the SDK.
 */
import type { Hooks, Options as KyOptions } from 'ky';
import { errorFromResponse } from './error-from-response.ts';
import { APIConnectionError, APITimeoutError, APIUserAbortError, IntentIQError } from './errors.ts';
import type { ResolvedOptions } from './options.ts';
import { redactData, redactHeaders, redactText, rootMessage, safeCause } from './redact.ts';
import { retryPolicy } from './retry.ts';
import type { Call, FirstAttempt } from './transport.ts';

type KyModule = typeof import('ky');

let kyModule: Promise<KyModule> | undefined;

function loadKy(): Promise<KyModule> {
  kyModule ??= import('ky').then((module) => {
    // From the CommonJS build, `default` is the chunk's module.exports, with ky one level down.
    const nested = (module.default as unknown as { default?: KyModule['default'] }).default;
    return typeof module.default === 'function'
      ? module
      : { ...module, default: nested ?? module.default };
  });
  return kyModule;
}

function retryLogging(options: ResolvedOptions, label: string): Hooks | undefined {
  const { logger } = options;
  if (!logger.enabled('info')) return undefined;
  return {
    beforeRetry: [
      ({ error, retryCount }) => {
        const status = (error as { response?: Response }).response?.status;
        const reason = status
          ? `HTTP ${status}`
          : error.name === 'TimeoutError'
            ? 'a timeout'
            : 'a network error';
        logger.info(`retrying ${label} after ${reason} (retry ${retryCount})`);
      },
    ],
  };
}

/**
 * Retries a call whose first attempt failed, and returns the body text of the response that
 * finally succeeded, or throws the SDK error for the last failure.
 *
 * @param attempt sends one more attempt over the network with ky's per-attempt signal.
 */
export async function retryWithKy(
  call: Call,
  first: FirstAttempt,
  options: ResolvedOptions,
  attempt: (signal: AbortSignal) => Promise<Response>,
): Promise<{ text: string; response: Response }> {
  const ky = await loadKy();
  let replay: FirstAttempt | undefined = first;
  const kyOptions: KyOptions = {
    method: call.method,
    headers: call.headers,
    signal: call.signal,
    timeout: call.timeout,
    retry: {
      ...retryPolicy({
        maxRetryAfter: options.maxRetryAfter,
        jitter: options.jitter,
        isHTTPError: (error): error is { response: Response } => ky.isHTTPError(error),
      }),
      limit: call.retries,
    },
    // ky builds a bodiless Request; each attempt sends the call's JSON string itself, so ky never
    // has to stream or tee a body.
    async fetch(input) {
      const request = input as Request;
      if (replay === undefined) return attempt(request.signal);
      const failure = replay;
      replay = undefined;
      if ('response' in failure) return failure.response;
      throw failure.timedOut ? new ky.TimeoutError(request) : failure.error;
    },
  };
  const hooks = retryLogging(options, call.label);
  if (hooks) kyOptions.hooks = hooks;
  try {
    const pending = ky.default(call.url, kyOptions);
    const text = await pending.text();
    return { text, response: await pending };
  } catch (error) {
    throw toSDKError(ky, error, call, options);
  }
}

/** The SDK error for what ky threw; never one of ky's errors, which hold the request and its key. */
function toSDKError(ky: KyModule, error: unknown, call: Call, options: ResolvedOptions): Error {
  const key = options.apiKey;
  const { attempts, idempotencyKey, label } = call;
  if (error instanceof IntentIQError) return error;
  if (call.signal?.aborted) return new APIUserAbortError(undefined, attempts);
  if (ky.isHTTPError(error)) {
    return errorFromResponse({
      status: error.response.status,
      headers: redactHeaders(error.response.headers, key),
      data: redactData(error.data, key),
      attempts,
      idempotencyKey,
      maxRetryAfter: options.maxRetryAfter,
    });
  }
  if (ky.isTimeoutError(error)) {
    return new APITimeoutError({
      message: `${label} timed out after ${call.timeout} ms, on each of ${attempts} attempts. Raise the timeout option, or check your network.`,
      attempts,
      idempotencyKey,
    });
  }
  if (ky.isNetworkError(error) || error === call.fetchError) {
    const cause = safeCause(ky.isNetworkError(error) ? (error.cause ?? error) : error, key);
    const origin = new URL(call.url).origin;
    return new APIConnectionError({
      message: `Could not reach ${origin} for ${label} after ${attempts} attempts: ${rootMessage(cause)}. Check your network, proxy and the baseUrl option.`,
      attempts,
      idempotencyKey,
      ...(cause ? { cause } : {}),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new IntentIQError(`${label} could not be sent: ${redactText(message, key)}`);
}
