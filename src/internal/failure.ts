/**
 * The error a call throws when its last attempt failed: an `APIError` subclass for an error
 * response, `APITimeoutError` for a timeout, `APIConnectionError` for a network failure or a
 * body cut off mid-read. Each carries `attempts` and `idempotencyKey`, and nothing the server sent
 * reaches it without the key removed.
 */
import { APIConnectionError, APITimeoutError, type IntentIQError } from '../core/errors.ts';
import { errorFromResponse } from './error-from-response.ts';
import { redactData, redactHeaders, rootMessage, safeCause } from './redact.ts';
import type { Outcome } from './retry.ts';

/** What the error needs to know about the call. */
export interface FailedCall {
  label: string;
  url: string;
  timeout: number;
  idempotencyKey: string | null;
  apiKey: string;
  maxRetryAfter: number;
  attempts: number;
  /** How many of the attempts timed out. */
  timeouts: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The body of an error response: JSON when it says so and parses, else its text. */
function errorBody(response: Response, text: string): unknown {
  if (text === '') return undefined;
  if (response.headers.get('content-type')?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {}
  }
  return text;
}

export function failure(outcome: Outcome, call: FailedCall): IntentIQError {
  const { attempts, idempotencyKey, label, apiKey } = call;
  if (outcome.kind === 'response') {
    return errorFromResponse({
      status: outcome.response.status,
      headers: redactHeaders(outcome.response.headers, apiKey),
      data: redactData(errorBody(outcome.response, outcome.text), apiKey),
      attempts,
      idempotencyKey,
      maxRetryAfter: call.maxRetryAfter,
    });
  }
  if (outcome.kind === 'timeout') {
    const which =
      call.timeouts === attempts
        ? `on each of ${plural(attempts, 'attempt')}`
        : `on the last of ${plural(attempts, 'attempt')}`;
    const where = outcome.phase === 'body' ? ' while reading the response body' : '';
    return new APITimeoutError({
      message: `${label} timed out after ${call.timeout} ms${where}, ${which}. Raise the timeout option, or check your network.`,
      attempts,
      idempotencyKey,
    });
  }
  const cause = safeCause(outcome.error, apiKey);
  const origin = new URL(call.url).origin;
  const reason = rootMessage(cause) || 'unknown error';
  const message =
    outcome.phase === 'body'
      ? `The response from ${origin} to ${label} was cut off mid-body, after ${plural(attempts, 'attempt')}: ${reason}. Check your network and proxy; a write with an idempotency key is safe to send again with the same key.`
      : `Could not reach ${origin} for ${label} after ${plural(attempts, 'attempt')}: ${reason}. Check your network, proxy and the baseUrl option.`;
  return new APIConnectionError({ message, attempts, idempotencyKey, ...(cause ? { cause } : {}) });
}
