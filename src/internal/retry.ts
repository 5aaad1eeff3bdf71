/**
 * The API's retry policy, as two questions the request loop asks after each failed attempt:
 * may this be retried (`shouldRetry`), and how long to wait first (`retryDelay`).
 *
 * At most 5 attempts (4 retries), waiting 1 s, 2 s, 4 s, 8 s (jittered); retry 408, 429, every
 * 5xx, network errors, cut-off bodies and timeouts; never another 4xx; honour `Retry-After` in
 * seconds or as an HTTP date, up to `maxRetryAfter`, beyond which the call fails at once so the
 * caller can decide.
 */
import { parseRetryAfter } from '../core/metadata.ts';

/** How one attempt ended. The body is read inside the attempt, so `response` is complete. */
export type Outcome =
  | { kind: 'response'; response: Response; text: string }
  /** `fetch` rejected (`phase: 'connect'`) or the body broke off while it was read (`'body'`). */
  | { kind: 'network'; error: unknown; phase: 'connect' | 'body' }
  | { kind: 'timeout'; phase: 'connect' | 'body' };

/** 408, 429 and every 5xx are retried; nothing else is. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Nominal wait before retry `n` (1-based): 1 s, 2 s, 4 s, 8 s, then doubling up to 30 s. */
export function backoffDelay(retry: number): number {
  return Math.min(1000 * 2 ** (retry - 1), 30_000);
}

/** The seconds `Retry-After` asks for, when the outcome is a response that has one. */
function retryAfterOf(outcome: Outcome): number | undefined {
  if (outcome.kind !== 'response') return undefined;
  return parseRetryAfter(outcome.response.headers.get('retry-after'));
}

/** True when `outcome` is a failure the policy retries (the budget is the caller's to check). */
export function shouldRetry(outcome: Outcome, maxRetryAfter: number): boolean {
  if (outcome.kind !== 'response') return true;
  if (outcome.response.ok || !isRetryableStatus(outcome.response.status)) return false;
  const retryAfter = retryAfterOf(outcome);
  return retryAfter === undefined || retryAfter <= maxRetryAfter;
}

/**
 * Milliseconds to wait before retry `retry` (1-based): the server's `Retry-After` when it gave
 * one (exactly, without jitter), else the jittered backoff step.
 */
export function retryDelay(
  outcome: Outcome,
  retry: number,
  jitter: (delayMs: number) => number,
): number {
  const retryAfter = retryAfterOf(outcome);
  if (retryAfter !== undefined) return retryAfter * 1000;
  return Math.max(0, jitter(backoffDelay(retry)));
}

/** Why an attempt is retried, for the info log: `HTTP 503`, `a timeout`, ... */
export function retryReason(outcome: Outcome): string {
  if (outcome.kind === 'response') return `HTTP ${outcome.response.status}`;
  if (outcome.kind === 'timeout') return 'a timeout';
  return outcome.phase === 'body' ? 'a response cut off mid-body' : 'a network error';
}
